"""Writes of matching: a matching round that stores its proposals as suggestions, and ladder overrides.

A round proposes; people decide. Its proposals become ``Application`` rows with status
"suggested", the score and the reasons, for caseworkers to act on. Nobody is told or introduced
by the round itself, and a pair that already has an application (in whatever status) is left as
it is, so running a round twice on the same data stores nothing new.
"""

import logging
import time
from datetime import timedelta

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from marketplace import matching as engine
from marketplace.access import Actor
from marketplace.choices import ApplicationStatus
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.messages import NO_ROLE_IN_MUNICIPALITY
from marketplace.models import JobSeeker, LadderOverride, MatchRound, Municipality, Role
from marketplace.models.applications import Application, ApplicationEvent
from marketplace.selectors.applications import next_candidate_numbers
from marketplace.selectors.matching_data import role_set, rung_overrides, seeker_set, skill_index, weights_or_error
from marketplace.workflows.base import ActorKind

logger = logging.getLogger(__name__)

OVERRIDE_REASON_MAX_LENGTH = 1000


def stored_reasons(reasons) -> list[dict]:
    """Engine reasons as JSON for ``Application.reasons``: code, params and fits, and the job seeker's text in
    both languages (cards render them again from code and params, in the reader's wording)."""
    return [
        {"code": item.code, "params": dict(item.params), "text": item.text_nl, "text_en": item.text_en,
         "fits": item.fits}
        for item in reasons
    ]


def _weights(municipality: Municipality) -> engine.Weights:
    try:
        return weights_or_error(municipality.pk)
    except ValueError as error:
        raise ValidationError({"matching_weights": [
            _("The matching weights of this municipality are invalid: %(error)s") % {"error": error}
        ]}) from None


@transaction.atomic
def match_round_run(*, municipality: Municipality, started_by=None, dry_run: bool = False) -> MatchRound:
    """Run a matching round for ``municipality`` and record it; store the proposals unless ``dry_run``.

    Considers the active job seekers and the published roles with places left of the
    municipality, proposes the assignment with the highest total score (each seeker at most
    once, each role at most its places left), and notes what a greedy assignment would have
    placed. Rounds of one municipality run one at a time.
    """
    started = time.perf_counter()
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    weights = _weights(municipality)
    skills = skill_index()
    seekers_qs = JobSeeker.objects.for_municipality(municipality).active()
    roles_qs = Role.objects.published().for_municipality(municipality)
    seekers, roles = seeker_set(seekers_qs, skills), role_set(roles_qs, skills)
    counts = {"seekers": int(np.count_nonzero(seekers.matchable)), "roles": 0, "places": 0, "pairs": 0,
              "proposals": 0, "stored": 0, "total_score": 0.0, "greedy_placed": 0, "greedy_total": 0.0}
    if roles is not None:
        overrides = rung_overrides(seekers=seekers_qs, roles=roles_qs)
        pairs = engine.feasible_pairs(seekers, roles, weights, overrides=overrides)
        optimal = engine.optimal_round(pairs, roles.places_left)
        greedy = engine.greedy_round(pairs, roles.places_left)
        counts.update(
            roles=int(np.count_nonzero(roles.available)), places=int(roles.places_left[roles.available].sum()),
            pairs=len(pairs), proposals=optimal.placed, total_score=round(optimal.total_score, 3),
            greedy_placed=greedy.placed, greedy_total=round(greedy.total_score, 3),
        )
        if not dry_run:
            counts["stored"] = _store_suggestions(municipality, seekers, roles, optimal, weights, overrides,
                                                  started_by)
    match_round = MatchRound.objects.create(
        municipality=municipality, started_by=started_by, dry_run=dry_run, weights=weights.as_dict(),
        duration=timedelta(seconds=time.perf_counter() - started), **counts,
    )
    logger.info("Matching round %s for %s: %s proposals, %s stored%s", match_round.pk, municipality.cbs_code,
                match_round.proposals, match_round.stored, " (dry run)" if dry_run else "")
    return match_round


def _store_suggestions(municipality, seekers, roles, result, weights, overrides, started_by) -> int:
    """Create a suggestion for every proposed pair without an application yet; returns how many."""
    proposed = [
        (int(seekers.ids[s]), int(roles.ids[r]), float(score))
        for s, r, score in zip(result.seeker_idx, result.role_idx, result.score, strict=True)
    ]
    existing = set(Application.objects.for_municipality(municipality).values_list("seeker_id", "role_id"))
    applications = []
    for seeker_id, role_id, score in proposed:
        if (seeker_id, role_id) in existing:
            continue
        explained = engine.why_not(seekers, roles, seeker_id, role_id, weights, overrides=overrides).match
        applications.append(Application(
            seeker_id=seeker_id, role_id=role_id, status=ApplicationStatus.SUGGESTED, score=round(score, 1),
            reasons=stored_reasons(explained.reasons if explained else ()), created_by=started_by,
        ))
    role_ids = sorted({application.role_id for application in applications})
    # Invitations number their candidates under the same role lock, so two writers never pick one number.
    list(Role.objects.select_for_update().filter(pk__in=role_ids).order_by("pk").values_list("pk", flat=True))
    numbers = next_candidate_numbers(role_ids)
    for application in applications:
        application.candidate_number = numbers[application.role_id]
        numbers[application.role_id] += 1
    created = Application.objects.bulk_create(applications)
    ApplicationEvent.objects.bulk_create([
        ApplicationEvent(application=application, kind=ApplicationEvent.Kind.STATUS, from_status="",
                         to_status=ApplicationStatus.SUGGESTED, actor=started_by, actor_kind=ActorKind.SYSTEM)
        for application in created
    ])
    return len(created)


@transaction.atomic
def ladder_override_grant(*, actor: Actor, seeker: JobSeeker, role: Role, reason: str) -> LadderOverride:
    """A caseworker allows ``seeker`` the ``role`` although it is more than one rung above them.

    Logged with who, when and why. Only for a caseworker of the seeker's municipality, a role of
    that municipality, and a role that actually needs it.
    """
    if not actor.is_caseworker:
        raise NotAllowed()
    if seeker.municipality_id != actor.caseworker.municipality_id:
        raise NotYourMunicipality()
    reason = (reason or "").strip()
    errors: dict[str, list] = {}
    if not reason:
        errors["reason"] = [_("Say why this job seeker may take this step.")]
    elif len(reason) > OVERRIDE_REASON_MAX_LENGTH:
        errors["reason"] = [_("At most %(max)d characters.") % {"max": OVERRIDE_REASON_MAX_LENGTH}]
    if role.municipality_id != seeker.municipality_id:
        errors["role"] = [NO_ROLE_IN_MUNICIPALITY]
    elif role.target_rung <= seeker.rung + 1:
        errors["role"] = [_("This role is at most one rung above the job seeker's; no override is needed.")]
    elif LadderOverride.objects.filter(seeker=seeker, role=role).exists():
        errors["role"] = [_("This step is already allowed for this job seeker.")]
    if errors:
        raise ValidationError(errors)
    override = LadderOverride.objects.create(seeker=seeker, role=role, granted_by=actor.user, reason=reason)
    logger.info("Ladder override: user %s allowed seeker %s role %s", actor.user.pk, seeker.pk, role.pk)
    return override
