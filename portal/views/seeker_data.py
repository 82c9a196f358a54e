"""All data Werkplaats keeps about one job seeker, as plain JSON-ready values (the AVG right of access).

Keys are English and stable for machines; every coded value comes with its label in the active
language for people. Events name the capacity someone acted in, not the person: the names of
employers' and caseworkers' staff are their personal data, not the seeker's. Reads of the
draaglast follow the same rule, except that the seeker's own caseworker, whose name they already
know, is named.
"""

from collections.abc import Mapping

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from marketplace.access import Actor
from marketplace.choices import PHYSICAL_LABELS, SUPPORT_LABELS, WEEKDAY_LABELS
from marketplace.constants import Physical, Support, Weekday
from marketplace.models import SeekerBurden
from marketplace.models.seekers import BURDEN_CATEGORIES
from marketplace.selectors.applications import application_list_for, application_timeline
from marketplace.selectors.burden import (
    HISTORY_LOG_FIELD,
    BurdenReadNotice,
    BurdenVersionLine,
    burden_history_for_self,
    burden_reads_for_self,
)
from marketplace.selectors.exports import EXPORT_LOG_FIELD
from marketplace.selectors.seekers import seeker_burden_for_self, seeker_own_profile
from portal.views.seeker_data_plans import assessment_field_label, plan_data_export

# The draaglast in the job seeker's own words (B1): what each part is about, and how heavy it weighs.
CATEGORY_LABELS = {
    "debts": gettext_lazy("Debts"), "language_gap": pgettext_lazy("job seeker", "Dutch language"),
    "health": gettext_lazy("Health"),
    "care_duties": gettext_lazy("Care for others"), "housing": pgettext_lazy("job seeker", "Housing"),
    "addiction": gettext_lazy("Addiction"), "other": gettext_lazy("Something else"),
}
SEVERITY_LABELS = {
    None: gettext_lazy("Not talked about yet"), 0: gettext_lazy("No problem"),
    1: gettext_lazy("A small problem"), 2: gettext_lazy("A big problem"),
    3: gettext_lazy("Stands in the way of work for now"),
}


def severity_words(value) -> str:
    return str(SEVERITY_LABELS.get(value, SEVERITY_LABELS[None]))


def burden_field_words(name: str) -> str:
    """A draaglast field as the job seeker reads it, wherever it is named to them: in its history, in
    the list of who looked at it: "Debts", "Debts (how heavy)", "Your address"."""
    if name == "street_address":
        return _("Your address")
    if name.removesuffix("_severity") in CATEGORY_LABELS and name.endswith("_severity"):
        return _("%(category)s (how heavy)") % {"category": CATEGORY_LABELS[name.removesuffix("_severity")]}
    return str(CATEGORY_LABELS.get(name, name))


def burden_categories(burden: SeekerBurden | Mapping) -> list[dict]:
    """Per category: its name, the severity code and in words, and the note, for the job seeker."""
    value = burden.get if isinstance(burden, Mapping) else lambda name: getattr(burden, name)
    return [{"category": key, "label": str(CATEGORY_LABELS[key]), "severity": value(f"{key}_severity"),
             "severity_label": severity_words(value(f"{key}_severity")), "note": value(key) or ""}
            for key in BURDEN_CATEGORIES]


def _words_of(name: str, value) -> str:
    if name in SeekerBurden.SEVERITY_FIELDS:
        return severity_words(value)
    return value or "–"


def _version_by(line: BurdenVersionLine) -> str:
    if line.by == "self":
        return _("You")
    if line.recorded_by_name:
        return _("Your caseworker, %(name)s") % {"name": line.recorded_by_name}
    return _("Your caseworker") if line.by == "own_caseworker" else _("A caseworker of your municipality")


def burden_version(line: BurdenVersionLine) -> dict:
    local = timezone.localtime(line.recorded_at)
    return {
        "version": line.version, "at": local.isoformat(), "at_label": formats.date_format(local, "DATETIME_FORMAT"),
        "by": line.by, "by_label": _version_by(line),
        "changes": [{"field": change.field, "field_label": burden_field_words(change.field),
                     "before": change.before, "after": change.after,
                     "before_label": _words_of(change.field, change.before),
                     "after_label": _words_of(change.field, change.after)} for change in line.changes],
    }


def _iso(value):
    return value.isoformat() if value is not None else None


def _labels(flag_type, labels, value) -> list[str]:
    return [str(labels[member]) for member in flag_type if (value or 0) & member]


def _profile(seeker) -> dict:
    return {
        "first_name": seeker.first_name, "last_name": seeker.last_name, "email": seeker.email,
        "phone": seeker.phone, "date_of_birth": _iso(seeker.date_of_birth), "home_postcode": seeker.home_postcode,
        "municipality": seeker.municipality.name,
        "caseworker": seeker.caseworker.user.get_full_name() if seeker.caseworker_id else None,
        "hours_min": seeker.hours_min, "hours_max": seeker.hours_max,
        "weekdays": _labels(Weekday, WEEKDAY_LABELS, seeker.weekdays), "max_travel_km": seeker.max_travel_km,
        "language_level": seeker.get_language_level_display(),
        "physical_limits": _labels(Physical, PHYSICAL_LABELS, seeker.physical_limits),
        "support_needs": _labels(Support, SUPPORT_LABELS, seeker.support_needs),
        "rung": seeker.rung, "rung_label": str(seeker.get_rung_display()), "motivation": seeker.motivation,
        "interests": [category.name for category in seeker.interests.all()],
        "status": str(seeker.get_status_display()), "card_visible": seeker.card_visible,
        "introduction_allowed": seeker.introduction_allowed, "consent_updated_at": _iso(seeker.consent_updated_at),
        "preferred_language": seeker.preferred_language,
        "preferred_language_label": str(seeker.get_preferred_language_display()),
        "created_at": _iso(seeker.created_at),
        "updated_at": _iso(seeker.updated_at),
    }


def _events(actor, application) -> list[dict]:
    return [{"at": _iso(event.at), "kind": str(event.get_kind_display()),
             "from_status": str(event.get_from_status_display()) if event.from_status else None,
             "to_status": str(event.get_to_status_display()), "by": str(event.get_actor_kind_display()),
             "note": event.note} for event in application_timeline(actor=actor, application=application)]


def _placement(application) -> dict | None:
    placement = getattr(application, "placement", None)
    if placement is None:
        return None
    return {
        "application_id": application.pk, "role": application.role.title,
        "employer": application.role.organisation.name, "start_date": _iso(placement.start_date),
        "hours_per_week": placement.hours_per_week,
        "hourly_wage": str(placement.hourly_wage) if placement.hourly_wage is not None else None,
        "support": _labels(Support, SUPPORT_LABELS, placement.support), "end_date": _iso(placement.end_date),
        "end_reason": placement.end_reason,
        "checkpoints": [{"months": checkpoint.months, "due_date": _iso(checkpoint.due_date),
                         "status": str(checkpoint.get_status_display())}
                        for checkpoint in placement.checkpoints.all()],
    }


def _application(actor, application) -> dict:
    return {
        "id": application.pk, "role": application.role.title, "employer": application.role.organisation.name,
        "status": str(application.get_status_display()), "created_at": _iso(application.created_at),
        "consented_at": _iso(application.seeker_consented_at), "introduced_at": _iso(application.introduced_at),
        "events": _events(actor, application),
    }


def _reader(notice: BurdenReadNotice) -> str:
    if notice.by_own_caseworker and notice.reader_name:
        return _("Your caseworker, %(name)s") % {"name": notice.reader_name}
    if notice.by_own_caseworker:
        return _("Your caseworker")
    return _("A caseworker of the municipality of %(municipality)s") % {"municipality": notice.municipality}


def _field_label(name: str) -> str:
    # The log outlives the schema: a field that no longer exists is shown by its stored name.
    if name == HISTORY_LOG_FIELD:
        return _("Earlier versions of these details")
    if name not in SeekerBurden.SENSITIVE_FIELDS:
        return assessment_field_label(name) or name
    return burden_field_words(name)


def _is_export(notice: BurdenReadNotice) -> bool:
    return EXPORT_LOG_FIELD in notice.fields


def _read_fields(notice: BurdenReadNotice) -> list[str]:
    return [name for name in notice.fields if name != EXPORT_LOG_FIELD]


def _burden_read(notice: BurdenReadNotice) -> dict:
    local = timezone.localtime(notice.at)
    export = _is_export(notice)
    return {
        "at": local.isoformat(), "at_label": formats.date_format(local, "DATETIME_FORMAT"),
        "by": "own_caseworker" if notice.by_own_caseworker else "caseworker", "by_label": _reader(notice),
        "kind": "export" if export else "read", "purpose": notice.purpose, "fields": _read_fields(notice),
        "fields_label": [_field_label(name) for name in _read_fields(notice)],
        "what_label": _("Put in an overview (a file): every part of your life, how heavy it is and what was "
                        "written down") if export else ", ".join(_field_label(name) for name in _read_fields(notice)),
    }


def _burden(burden) -> dict:
    values = {}
    for name in SeekerBurden.SENSITIVE_FIELDS:
        values[name] = getattr(burden, name)
        if name in SeekerBurden.SEVERITY_FIELDS:
            values[f"{name}_label"] = severity_words(values[name])
    return values


def seeker_data_export(*, actor: Actor) -> dict:
    """Profile, skills, ladder history, draaglast and who read it, applications with their events, placements,
    the plan of action with its history, assessments and the draagkracht picture."""
    seeker = seeker_own_profile(actor=actor)
    burden = seeker_burden_for_self(actor=actor)
    applications = list(application_list_for(actor=actor).of_seeker(seeker))
    return {
        "exported_at": _iso(timezone.now()),
        "profile": _profile(seeker),
        "skills": [{"skill": held.skill.name, "level": held.level, "level_label": str(held.get_level_display())}
                   for held in seeker.skill_levels.all()],
        "ladder_history": [{"date": _iso(step.date), "rung": step.rung, "rung_label": str(step.get_rung_display()),
                            "note": step.note} for step in seeker.ladder_history.order_by("date", "id")],
        "burden": _burden(burden),
        "burden_history": [burden_version(line) for line in burden_history_for_self(actor=actor)],
        "burden_reads": [_burden_read(notice) for notice in burden_reads_for_self(actor=actor)],
        "applications": [_application(actor, application) for application in applications],
        "placements": [placement for placement in map(_placement, applications) if placement is not None],
        **plan_data_export(actor=actor),
    }
