"""The plan of action, the assessments and the draagkracht picture in "my data" (the AVG right of access).

Same rules as the rest of the export: stable English keys with labels in the active language, and
staff named by their capacity, except the job seeker's own caseworker, whom they know.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from marketplace.access import Actor
from marketplace.models.assessments import LifeDomain, SelfSufficiency
from marketplace.selectors.assessments import assessments_for_self, domain_of_log_field, draagkracht_for_self
from marketplace.selectors.plans import plan_for_self, plan_history
from portal.views.seeker_plan import who_does_it, written_by


def _iso(value):
    return value.isoformat() if value is not None else None


def _local(value) -> dict:
    local = timezone.localtime(value)
    return {"at": local.isoformat(), "at_label": formats.date_format(local, "DATETIME_FORMAT")}


def _plan(plan) -> dict | None:
    if plan is None:
        return None
    return {
        "goal": plan.goal, "review_date": _iso(plan.review_date), "version": plan.version,
        "agreed_version": plan.agreed_version, "agreed_at": _iso(plan.agreed_at),
        "agreement": plan.agreement_state, "agreement_label": plan.get_agreement_state_display(),
        "actions": [{
            "description": action.description, "owner": action.owner, "owner_label": who_does_it(action),
            "due_date": _iso(action.due_date), "status": action.status,
            "status_label": str(action.get_status_display()), "status_changed_at": _iso(action.status_changed_at),
        } for action in plan.actions.all()],
    }


def _history(plan) -> list[dict]:
    if plan is None:
        return []
    municipality = plan.seeker.municipality.name
    return [{
        **_local(entry.at), "kind": entry.kind, "kind_label": entry.kind_label, "by": entry.by,
        "by_label": written_by(entry, municipality), "plan_version": entry.version, "action": entry.action,
        "comment": entry.text,
        "changes": [{"field": line.field, "field_label": line.label, "from": line.before, "to": line.after}
                    for line in entry.changes],
    } for entry in plan_history(plan)]


def _assessments(actor: Actor) -> list[dict]:
    labels = dict(SelfSufficiency.choices)
    return [{
        "date": _iso(row.date),
        "scores": [{"domain": domain, "domain_label": str(LifeDomain(domain).label), "score": cell.score,
                    "score_label": str(labels[cell.score]) if cell.score else None, "change": cell.change}
                   for domain, cell in row.cells.items()],
    } for row in assessments_for_self(actor=actor).rows]


def _draagkracht(actor: Actor) -> list[dict]:
    return [{
        "version": picture.version, "recorded_at": _iso(picture.recorded_at),
        "work_experience": picture.work_experience, "network": picture.network, "motivation": picture.motivation,
        "motivation_label": str(picture.get_motivation_display()), "motivation_words": picture.motivation_words,
        "wishes": picture.wishes, "ambitions": picture.ambitions,
    } for picture in draagkracht_for_self(actor=actor).versions]


def plan_data_export(*, actor: Actor) -> dict:
    """The keys "plan", "plan_history", "assessments" and "draagkracht" of the seeker's data export."""
    plan = plan_for_self(actor=actor)
    return {
        "plan": _plan(plan),
        "plan_history": _history(plan),
        "assessments": _assessments(actor),
        "draagkracht": _draagkracht(actor),
    }


def assessment_field_label(name: str) -> str | None:
    """How an access-log field of the sensitive scores reads (``assessment.debts``), or None for other fields."""
    domain = domain_of_log_field(name)
    if domain is None:
        return None
    return _("%(domain)s (score in the assessment)") % {"domain": LifeDomain(domain).label}
