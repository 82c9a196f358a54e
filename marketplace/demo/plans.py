"""Plans of action, life-domains assessments and draagkracht pictures for a few demo job seekers.

Written through the services, as a caseworker would, so the demo shows what the rules allow: the
demo login's plan was agreed and then changed (the portal asks again), assessments at two or three
dates show progress, and the demo login's draagkracht picture has two versions. Idempotent: a seeker who already has
a plan, assessments or a picture keeps them.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from marketplace.access import actor_for
from marketplace.models import Assessment, DraagkrachtPicture, JobSeeker, Plan
from marketplace.models.plans import ActionOwner
from marketplace.services.assessments import assessment_record, draagkracht_record
from marketplace.services.plans import plan_action_add, plan_action_update, plan_agree, plan_comment_add, plan_create


@dataclass(frozen=True)
class DemoAction:
    description: str
    owner: str
    due_in_days: int
    owner_name: str = ""
    done: bool = False


@dataclass(frozen=True)
class DemoPlan:
    goal: str
    review_in_days: int
    actions: tuple[DemoAction, ...]
    scores: tuple[dict, ...]  # oldest first, at 180, 90 and 0 days ago
    picture: dict
    agreed: bool = False
    comment: str = ""
    earlier_picture: dict | None = None  # recorded first, so the history has two versions


SAMIRA = DemoPlan(
    goal="Ik wil weer betaald werk, in de schoonmaak of in een hotel, een paar ochtenden in de week onder "
         "schooltijd. En ik wil beter Nederlands spreken.",
    review_in_days=75,
    actions=(
        DemoAction("Taalles bij het Taalhuis volgen, elke dinsdag", ActionOwner.SEEKER, 60),
        DemoAction("Gesprek regelen bij het ziekenhuis over bedden opmaken", ActionOwner.CASEWORKER, 21, done=True),
        DemoAction("Intake voor taalcoaching op de werkvloer", ActionOwner.OTHER, 30, owner_name="Taalhuis Havenstad"),
    ),
    scores=(
        {"income": 2, "debts": 2, "daily_activities": 2, "housing": 3, "family_relations": 4, "mental_health": 3,
         "physical_health": 3, "social_network": 2, "language": 2},
        {"income": 2, "debts": 3, "daily_activities": 3, "housing": 3, "family_relations": 4, "mental_health": 3,
         "physical_health": 3, "social_network": 3, "language": 3},
        {"income": 3, "debts": 3, "daily_activities": 4, "housing": 4, "family_relations": 4, "mental_health": 4,
         "physical_health": 3, "social_network": 3, "language": 3},
    ),
    picture={
        "work_experience": "Zes jaar kamermeisje in een hotel; vrijwilliger in het restaurant van De Linde.",
        "network": "Zus in Havenstad past soms op de kinderen; contacten via de school en het Taalhuis.",
        "motivation": 4,
        "motivation_words": "Nu de kinderen naar school gaan, wil ik weer werken en mijn eigen geld verdienen.",
        "wishes": "Schoonmaak of hotel, 12 tot 24 uur, ochtenden, dicht bij huis.",
        "ambitions": "Over een paar jaar een vaste baan, misschien als huishoudelijk medewerker in de zorg.",
    },
    agreed=True,
    comment="Kan de taalcoaching ook op donderdag?",
    earlier_picture={
        "work_experience": "Zes jaar kamermeisje in een hotel.",
        "network": "Zus in Havenstad.",
        "motivation": 3,
        "motivation_words": "Ik wil wel, maar de kinderen gaan voor.",
        "wishes": "Werk onder schooltijd.",
    },
)

OTHERS = (
    DemoPlan(
        goal="Ik wil eerst weer een vast ritme, en daarna kijken welk werk bij mij past.",
        review_in_days=60,
        actions=(
            DemoAction("Twee ochtenden per week meedoen bij de wijkmoestuin", ActionOwner.SEEKER, 45),
            DemoAction("Aanmelden bij de wijkmoestuin", ActionOwner.CASEWORKER, 14),
        ),
        scores=({"daily_activities": 1, "social_network": 2, "income": 2, "mental_health": 2},
                {"daily_activities": 2, "social_network": 2, "income": 2, "mental_health": 3}),
        picture={"work_experience": "Magazijnmedewerker, tien jaar.", "motivation": 2,
                 "motivation_words": "Ik weet nog niet of ik het aankan.", "wishes": "Buiten werken."},
    ),
    DemoPlan(
        goal="Ik wil werken in de keuken van een restaurant, eerst met begeleiding.",
        review_in_days=90,
        actions=(
            DemoAction("Proefplaats in de keuken bespreken met de werkgever", ActionOwner.CASEWORKER, 30),
            DemoAction("Certificaat hygiëne halen", ActionOwner.OTHER, 80, owner_name="ROC Havenstad"),
        ),
        scores=({"income": 2, "daily_activities": 3, "language": 3, "social_network": 3},
                {"income": 2, "daily_activities": 4, "language": 3, "social_network": 4},
                {"income": 3, "daily_activities": 4, "language": 4, "social_network": 4}),
        picture={"work_experience": "Kok in een familierestaurant in Aleppo.", "motivation": 5,
                 "motivation_words": "Koken is mijn vak.", "ambitions": "Ooit een eigen cateringbedrijf."},
    ),
)

ASSESSED_DAYS_AGO = (180, 90, 0)


def _plan(actor, seeker_actor, seeker: JobSeeker, spec: DemoPlan, today: date) -> None:
    if Plan.objects.filter(seeker=seeker).exists():
        return
    plan = plan_create(actor=actor, seeker=seeker, goal=spec.goal,
                       review_date=today + timedelta(days=spec.review_in_days))

    def add(item: DemoAction):
        return plan_action_add(actor=actor, plan=plan, description=item.description, owner=item.owner,
                               owner_name=item.owner_name, due_date=today + timedelta(days=item.due_in_days))

    agrees = spec.agreed and seeker_actor is not None
    # The last action came after the agreement: the portal shows what changed and asks again.
    before, after = (spec.actions[:-1], spec.actions[-1:]) if agrees else (spec.actions, ())
    actions = [add(item) for item in before]
    if agrees:
        plan.refresh_from_db()
        plan_agree(actor=seeker_actor, plan=plan, version=plan.version)
    actions += [add(item) for item in after]
    for item, action in zip(spec.actions, actions, strict=True):
        if item.done:
            plan_action_update(actor=actor, action=action, data={"status": "done"})
    if spec.comment and seeker_actor is not None:
        plan_comment_add(actor=seeker_actor, plan=plan, text=spec.comment)


def _assessments(actor, seeker: JobSeeker, spec: DemoPlan, today: date) -> None:
    if Assessment.objects.filter(seeker=seeker).exists():
        return
    days_ago = ASSESSED_DAYS_AGO[-len(spec.scores):]
    for scores, days in zip(spec.scores, days_ago, strict=True):
        assessment_record(actor=actor, seeker=seeker, date=today - timedelta(days=days), scores=scores)


def _picture(actor, seeker: JobSeeker, spec: DemoPlan) -> None:
    if DraagkrachtPicture.objects.filter(seeker=seeker).exists():
        return
    for data in (spec.earlier_picture, spec.picture):
        if data:
            draagkracht_record(actor=actor, seeker=seeker, data=data)


def load_plans_demo(*, caseworker_user, seeker_user) -> int:
    """Plans, assessments and pictures for the demo login and a few more seekers of the caseworker's municipality.

    Returns how many seekers have a plan afterwards.
    """
    actor = actor_for(caseworker_user)
    today = timezone.localdate()
    municipality = actor.caseworker.municipality
    demo_seeker = JobSeeker.objects.filter(user=seeker_user, municipality=municipality).first()
    others = list(JobSeeker.objects.filter(municipality=municipality, user__isnull=True)
                  .exclude(pk=getattr(demo_seeker, "pk", None)).order_by("pk")[:len(OTHERS)])
    pairs = [(demo_seeker, SAMIRA, actor_for(seeker_user))] if demo_seeker else []
    pairs += [(seeker, spec, None) for seeker, spec in zip(others, OTHERS, strict=False)]
    for seeker, spec, seeker_actor in pairs:
        _plan(actor, seeker_actor, seeker, spec, today)
        _assessments(actor, seeker, spec, today)
        _picture(actor, seeker, spec)
    return Plan.objects.filter(seeker__municipality=municipality).count()
