"""How an employer sees a candidate: an anonymous card until the introduction, by name from then on.

Templates of the employer's portal get these dictionaries and never the JobSeeker itself, so no
page can show a name, contact detail or draaglast field by accident.
"""

from django.utils.translation import gettext as _

from marketplace.choices import WEEKDAY_LABELS
from marketplace.constants import Weekday
from marketplace.selectors.applications import identity_visible


def anonymous_label(application) -> str:
    return _("Candidate %(number)d") % {"number": application.pk}


def application_rows(actor, applications) -> list[dict]:
    """One line per application: what it is about, its status, and who (only when introduced)."""
    rows = []
    for application in applications:
        identity = identity_visible(actor=actor, application=application)
        rows.append({
            "id": application.pk, "status": application.status, "status_label": application.get_status_display(),
            "role_title": application.role.title, "role_id": application.role_id, "updated_at": application.updated_at,
            "label": application.seeker.full_name if identity else anonymous_label(application),
            "identity": identity,
        })
    return rows


def candidate_card(actor, application) -> dict:
    """The candidate on one application: skills, hours, days and level of Dutch; name and contact once introduced."""
    seeker = application.seeker
    identity = identity_visible(actor=actor, application=application)
    card = {
        "label": seeker.full_name if identity else anonymous_label(application),
        "identity": identity,
        "skills": [{"name": held.skill.name, "level": held.get_level_display()}
                   for held in seeker.skill_levels.all()],
        "hours_min": seeker.hours_min, "hours_max": seeker.hours_max,
        "weekdays": [str(WEEKDAY_LABELS[day]) for day in Weekday if seeker.weekdays & day],
        "language_level": seeker.get_language_level_display(),
        "rung": seeker.get_rung_display(),
        "reasons": application.reasons or [],
    }
    if identity:
        card.update(email=seeker.email, phone=seeker.phone)
    return card
