"""How an employer sees a candidate: an anonymous card until the introduction, by name from then on.

Templates of the employer's portal get these dictionaries and the one candidate card of
``marketplace.selectors.candidates``, never the JobSeeker itself, so no page can show a name,
contact detail, exact distance, rung or draaglast field by accident. A candidate is named by the
number on the card the employer saw (``Application.candidate_number``), never by the job
seeker's id.
"""

from django.utils.translation import gettext as _

from marketplace.selectors.applications import identity_visible
from marketplace.selectors.candidates import application_card


def anonymous_label(application) -> str:
    """"Kandidaat 3": the number on the card the employer invited, the same on every page afterwards."""
    return _("Candidate %(number)d") % {"number": application.candidate_number or application.pk}


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
    """The candidate on one application: the candidate card, with name and contact details once introduced."""
    seeker = application.seeker
    identity = identity_visible(actor=actor, application=application)
    page = {
        "label": seeker.full_name if identity else anonymous_label(application),
        "identity": identity,
        "card": application_card(actor=actor, application=application),
    }
    if identity:
        page.update(email=seeker.email, phone=seeker.phone)
    return page
