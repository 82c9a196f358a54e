"""The application workflow table, walked over every (from, to, actor) combination.

``EXPECTED`` below is the specification written out by hand; the table in
marketplace/workflows/applications.py must say exactly the same, and the service must let exactly
these moves through for the job seeker, the employer and the caseworker of an application.
"""

import datetime

import pytest
from django.utils import timezone

from marketplace.choices import ApplicationStatus
from marketplace.exceptions import TransitionNotAllowed
from marketplace.models.applications import Application, ApplicationEvent, Placement, RoleSeat
from marketplace.services.applications import EndTerms, PlacementTerms, application_transition
from marketplace.workflows.applications import APPLICATION_WORKFLOW, FINAL_STATUSES, OPEN_STATUSES, SEATED_STATUSES
from marketplace.workflows.base import ActorKind
from tests import factories
from tests.marketplace.workflows.tables import as_sets, combination_id, every_combination

S = ApplicationStatus
SEEKER, EMPLOYER, CASEWORKER = "seeker", "employer", "caseworker"
ACTOR_KINDS = (SEEKER, EMPLOYER, CASEWORKER)

EXPECTED: dict[tuple[str, str], set[str]] = {
    ("suggested", "interested"): {SEEKER},
    ("suggested", "proposed"): {EMPLOYER, CASEWORKER},
    ("interested", "proposed"): {EMPLOYER, CASEWORKER},
    ("suggested", "introduced"): {EMPLOYER, CASEWORKER},
    ("interested", "introduced"): {EMPLOYER, CASEWORKER},
    ("proposed", "introduced"): {SEEKER, EMPLOYER, CASEWORKER},
    ("introduced", "trial"): {EMPLOYER, CASEWORKER},
    ("trial", "placed"): {EMPLOYER, CASEWORKER},
    ("placed", "ended"): {EMPLOYER, CASEWORKER},
    **{(status, "declined"): {EMPLOYER, CASEWORKER}
       for status in ("suggested", "interested", "proposed", "introduced", "trial")},
    **{(status, "withdrawn"): {SEEKER, CASEWORKER}
       for status in ("suggested", "interested", "proposed", "introduced", "trial")},
}
COMBINATIONS = every_combination(APPLICATION_WORKFLOW, ACTOR_KINDS)


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
def test_table_allows_exactly_the_specified_moves(combination):
    from_status, to_status, kind = combination

    expected = kind in EXPECTED.get((from_status, to_status), set())

    assert APPLICATION_WORKFLOW.allowed(from_status, to_status, kind) is expected


def test_table_has_no_moves_beyond_the_specification():
    assert as_sets(APPLICATION_WORKFLOW) == EXPECTED


def test_nobody_moves_an_application_out_of_a_final_status():
    assert {S.ENDED, S.DECLINED, S.WITHDRAWN} == FINAL_STATUSES
    for final in FINAL_STATUSES:
        assert APPLICATION_WORKFLOW.targets(final, ACTOR_KINDS) == []


def test_declined_and_withdrawn_are_reachable_from_every_open_status_and_only_from_those():
    for status in S.values:
        reachable = APPLICATION_WORKFLOW.exists(status, S.DECLINED) and APPLICATION_WORKFLOW.exists(status, S.WITHDRAWN)
        assert reachable is (status in OPEN_STATUSES)


def test_the_system_kind_makes_no_move_by_hand():
    assert all(ActorKind.SYSTEM not in kinds for kinds in APPLICATION_WORKFLOW.transitions.values())


# The same combinations through the service, with real people ------------------------------------------------

def _application_in(world, status: str) -> Application:
    """An application of the world's job seeker for a role of employer A, as if it had reached ``status``."""
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, places=2)
    now = timezone.now()
    seat = RoleSeat.objects.create(role=role, number=1) if status in SEATED_STATUSES else None
    introduced = status in (S.INTRODUCED, S.TRIAL, S.PLACED, S.ENDED)
    application = Application.objects.create(
        seeker=world.seeker, role=role, status=status, seat=seat, seeker_consented_at=now,
        introduced_at=now if introduced else None,
    )
    if status in (S.PLACED, S.ENDED):
        ended = status == S.ENDED
        Placement.objects.create(application=application, start_date=datetime.date(2025, 1, 6), hours_per_week=12,
                                 end_date=datetime.date(2025, 3, 1) if ended else None,
                                 end_reason="Contract afgelopen" if ended else "")
    return application


def _user(world, kind: str):
    return {SEEKER: world.seeker_user, EMPLOYER: world.employer_a, CASEWORKER: world.caseworker_a}[kind]


@pytest.mark.django_db
@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
def test_service_lets_through_exactly_the_moves_of_the_table(world, combination):
    from_status, to_status, kind = combination
    application = _application_in(world, from_status)
    allowed = kind in EXPECTED.get((from_status, to_status), set())

    def move():
        return application_transition(
            application=application, to_status=to_status, actor_user=_user(world, kind), note="Test",
            placement=PlacementTerms(start_date=datetime.date(2025, 2, 3), hours_per_week=12),
            end=EndTerms(reason="Einde proefperiode", end_date=datetime.date(2025, 6, 30)),
        )

    if allowed:
        moved = move()
        assert moved.status == to_status
        event = ApplicationEvent.objects.get(application=application)
        assert (event.from_status, event.to_status, event.actor_kind) == (from_status, to_status, kind)
        assert event.actor == _user(world, kind)
    else:
        with pytest.raises(TransitionNotAllowed):
            move()
        application.refresh_from_db()
        assert application.status == from_status
        assert not ApplicationEvent.objects.filter(application=application).exists()
