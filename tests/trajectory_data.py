"""Trajectories in the test world: provider A's consented client (the sentinel seeker, with a plan, an assessment and
a draagkracht picture that must never reach a provider) and the trajectories provider A must not see."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from marketplace.access import actor_for
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, InstrumentKind
from marketplace.models.plans import ActionOwner
from marketplace.services.assessments import assessment_record, draagkracht_record
from marketplace.services.plans import plan_action_add, plan_create
from tests import factories

GOAL = "Ik wil weer werken in de zorg, drie ochtenden per week."
ACTION = "Jobcoaching bij Re-integratie Havenstad volgen"
PICTURE_SENTINEL = "SENTINEL-BEELD"
# What a provider must never receive: the draaglast's values and the draagkracht picture's.
FORBIDDEN_VALUES = ("SENTINEL-SCHULD", "SENTINEL-GEZONDHEID", "Geheimstraat", PICTURE_SENTINEL)
# Keys of the draaglast, the assessments, the picture, the ladder and matching, in any answer to a provider.
FORBIDDEN_KEYS = ("debts", "health", "street_address", "burden", "severity", "draaglast", "draagkracht",
                  "assessment", "rung", "ladder", "reasons", "motivation", "work_experience", "cost")


def _assignment(world, seeker, *, provider, municipality=None, consent=True, **fields):
    municipality = municipality or world.municipality_a
    instrument = factories.InstrumentFactory(municipality=municipality, provider=provider,
                                             kind=InstrumentKind.JOB_COACH)
    return factories.InstrumentAssignmentFactory(
        instrument=instrument, seeker=seeker, provider=provider,
        consent_at=timezone.now() if consent else None, **fields,
    )


def trajectories(world) -> SimpleNamespace:
    """Provider A's running trajectory for the sentinel seeker (linked to their plan), and the ones it must not see:
    without consent, of the other provider, of the other municipality; plus a planned one and an ended one of A."""
    today = timezone.localdate()
    caseworker = actor_for(world.caseworker_a)
    seeker = world.seeker
    plan = plan_create(actor=caseworker, seeker=seeker, goal=GOAL, review_date=today + timedelta(days=60))
    action = plan_action_add(actor=caseworker, plan=plan, description=ACTION, owner=ActionOwner.OTHER,
                             owner_name="Re-integratie Havenstad", due_date=today + timedelta(days=50))
    assessment_record(actor=caseworker, seeker=seeker, date=today, scores={"debts": 2, "language": 3})
    draagkracht_record(actor=caseworker, seeker=seeker, data={"motivation": 4, "work_experience": PICTURE_SENTINEL})
    provider_a, other = world.provider_organisation_a, world.provider_organisation_other
    in_a = dict(provider=provider_a)
    return SimpleNamespace(
        mine=_assignment(world, seeker, **in_a, status=AssignmentStatus.ACTIVE, plan_action=action,
                         start_date=today - timedelta(days=30)),
        planned=_assignment(world, factories.JobSeekerFactory(municipality=world.municipality_a, first_name="Piet",
                                                              last_name="Gepland"), **in_a,
                            start_date=today + timedelta(days=7)),
        ended=_assignment(world, factories.JobSeekerFactory(municipality=world.municipality_a, first_name="Els",
                                                            last_name="Afgerond"), **in_a,
                          status=AssignmentStatus.ENDED, start_date=today - timedelta(days=90),
                          end_date=today - timedelta(days=10), result=AssignmentResult.GOAL_REACHED),
        without_consent=_assignment(world, factories.JobSeekerFactory(
            municipality=world.municipality_a, first_name="Zonder", last_name="Toestemming"), **in_a,
            consent=False, status=AssignmentStatus.ACTIVE, start_date=today - timedelta(days=5)),
        other_provider=_assignment(world, factories.JobSeekerFactory(
            municipality=world.municipality_a, first_name="Andere", last_name="Aanbieder"), provider=other,
            status=AssignmentStatus.ACTIVE, start_date=today - timedelta(days=5)),
        other_town=_assignment(world, world.seeker_b, provider=world.provider_organisation_b,
                               municipality=world.municipality_b, status=AssignmentStatus.ACTIVE,
                               start_date=today - timedelta(days=5)),
    )
