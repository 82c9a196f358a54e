"""Reads of applications, scoped to who is asking, and what each actor may see and do with one.

Three kinds of people reach an application: the job seeker it is about, the employer whose role it
is for (only while the seeker allows an anonymous card, or after an introduction), and the
caseworkers of the role's municipality. Anyone else does not find it at all.
"""

from functools import reduce
from operator import or_

from django.db.models import Max, Q

from marketplace.access import Actor
from marketplace.choices import ApplicationStatus, RoleStatus, SeekerStatus
from marketplace.models import JobSeeker, Role
from marketplace.models.applications import Application, ApplicationEvent, ApplicationQuerySet
from marketplace.workflows.applications import ACTION_TARGETS, APPLICATION_WORKFLOW, BEFORE_INTRODUCTION
from marketplace.workflows.base import CASEWORKER, EMPLOYER, SEEKER


def next_candidate_numbers(role_ids) -> dict[int, int]:
    """The first free candidate number of each role (numbers are never reused, so gaps may show)."""
    role_ids = list(role_ids)
    taken = dict(Application.objects.filter(role_id__in=role_ids).values("role_id")
                 .annotate(last=Max("candidate_number")).values_list("role_id", "last"))
    return {role_id: (taken.get(role_id) or 0) + 1 for role_id in role_ids}


def application_list_for(*, actor: Actor) -> ApplicationQuerySet:
    """Every application the actor may see, with what a payload shows loaded."""
    conditions = []
    if actor.is_seeker:
        conditions.append(Q(seeker=actor.seeker))
    if actor.organisation_ids:
        conditions.append(
            Q(role__organisation_id__in=actor.organisation_ids)
            & (Q(seeker__card_visible=True) | Q(introduced_at__isnull=False))
        )
    if actor.is_caseworker:
        conditions.append(Q(role__municipality_id=actor.caseworker.municipality_id))
    if not conditions:
        return Application.objects.none()
    return Application.objects.filter(reduce(or_, conditions)).with_relations().order_by("-updated_at", "-id")


def actor_kinds_for(*, actor: Actor, application: Application) -> tuple[str, ...]:
    """The capacities in which ``actor`` may act on ``application``; empty when it is none of theirs."""
    kinds = []
    if actor.is_seeker and actor.seeker.pk == application.seeker_id:
        kinds.append(SEEKER)
    role = application.role
    if role.organisation_id in actor.organisation_ids and employer_may_know_of(application):
        kinds.append(EMPLOYER)
    if actor.is_caseworker and actor.caseworker.municipality_id == role.municipality_id:
        kinds.append(CASEWORKER)
    return tuple(kinds)


def actor_kinds_for_role(*, actor: Actor, role: Role) -> tuple[str, ...]:
    """The capacities in which ``actor`` may invite job seekers to ``role``."""
    kinds = []
    if role.organisation_id in actor.organisation_ids:
        kinds.append(EMPLOYER)
    if actor.is_caseworker and actor.caseworker.municipality_id == role.municipality_id:
        kinds.append(CASEWORKER)
    return tuple(kinds)


def employer_may_know_of(application: Application) -> bool:
    """The employer may see an (anonymous) application once the seeker allows a card or was introduced."""
    return application.seeker.card_visible or application.introduced_at is not None


def identity_visible(*, actor: Actor, application: Application) -> bool:
    """Whether the actor may see the seeker's name and contact details on this application.

    The seeker and their municipality's caseworkers always may; the employer only from the
    introduction on, which needs the seeker's consent.
    """
    kinds = actor_kinds_for(actor=actor, application=application)
    if SEEKER in kinds or CASEWORKER in kinds:
        return True
    return EMPLOYER in kinds and application.introduced_at is not None


def _showed_interest(application: Application) -> bool:
    if application.status == ApplicationStatus.INTERESTED:
        return True
    return any(event.to_status == ApplicationStatus.INTERESTED for event in application.events.all())


def application_has_consent(application: Application) -> bool:
    """Whether the seeker agreed to be introduced by name for this application.

    Either they consented to this very application, or they allow introductions in general
    (``JobSeeker.introduction_allowed``) and showed interest in this role themselves.
    """
    if application.seeker_consented_at is not None:
        return True
    return application.seeker.introduction_allowed and _showed_interest(application)


def application_available_actions(*, actor: Actor, application: Application) -> list[str]:
    """The API verbs the actor can use on the application now (a hint for which buttons to show)."""
    kinds = set(actor_kinds_for(actor=actor, application=application))
    actions = []
    if SEEKER in kinds and application.status in BEFORE_INTRODUCTION and application.seeker_consented_at is None:
        actions.append("consent")
    for action, target in ACTION_TARGETS.items():
        if not APPLICATION_WORKFLOW.actor_kinds(application.status, target) & kinds:
            continue
        if target == ApplicationStatus.INTRODUCED and not application_has_consent(application):
            continue
        actions.append(action)
    return actions


def application_timeline(*, actor: Actor, application: Application) -> list[ApplicationEvent]:
    """The application's events, oldest first; notes only where the actor may read them.

    Employers read only notes written on the employer's side: a caseworker's or a seeker's note
    may hold personal details the employer must not get.
    """
    kinds = set(actor_kinds_for(actor=actor, application=application))
    events = list(application.events.all())
    if kinds & {SEEKER, CASEWORKER}:
        return events
    for event in events:
        if event.actor_kind != EMPLOYER:
            event.note = ""
    return events


def seeker_invitable(*, actor: Actor, role: Role, seeker_id: int) -> JobSeeker | None:
    """The job seeker ``actor`` may invite to ``role``, or None.

    Caseworkers invite anyone of the role's municipality who is not exited; employers only active
    seekers there who allow an anonymous card (the only seekers an employer knows of).
    """
    kinds = actor_kinds_for_role(actor=actor, role=role)
    seekers = JobSeeker.objects.for_municipality(role.municipality_id).filter(pk=seeker_id)
    if CASEWORKER in kinds:
        return seekers.exclude(status=SeekerStatus.EXITED).first()
    if EMPLOYER in kinds:
        return seekers.active().with_card_consent().first()
    return None


def role_for_application(*, actor: Actor, role_id: int) -> Role | None:
    """A role the actor may bring an application to: a published one a seeker sees, or one they invite to."""
    roles = Role.objects.filter(pk=role_id).select_related("organisation", "municipality")
    if actor.is_seeker:
        seeker_role = roles.filter(status=RoleStatus.PUBLISHED, municipality_id=actor.seeker.municipality_id).first()
        if seeker_role is not None:
            return seeker_role
    role = roles.first()
    if role is not None and actor_kinds_for_role(actor=actor, role=role):
        return role
    return None
