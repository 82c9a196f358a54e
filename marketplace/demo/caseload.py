"""Caseload categories, placements and contact moments for the demo, so the worklist has something to say.

Both demo municipalities get the four categories with the standard approach. Most people of the
caseworker's municipality are placed in a category, as a caseworker would through the service: the
proposal, now and then another choice, always with a reason in Dutch; a few wait for a category.
Contacts are spread over the past months, and some people have not been seen for a while, so the
no-contact signal shows next to the ladder steps the demo already has. Idempotent: a person who
already has a placement or a contact keeps them, and nothing is added for them.
"""

from collections.abc import Iterable
from datetime import timedelta
from random import Random

from django.utils import timezone

from marketplace.access import actor_for
from marketplace.caseload.proposal import CARE_FIRST, DIRECT_TO_WORK, PARTICIPATION_FIRST, WORK_WITH_SUPPORT
from marketplace.models import CategoryPlacement, ContactKind, ContactMoment, JobSeeker, Municipality
from marketplace.selectors.categories import proposal_of
from marketplace.services.categories import category_place, ensure_default_categories
from marketplace.services.contacts import contact_record

# Every so many people waits for a category, and every so many is placed against the proposal.
UNPLACED_EVERY, OTHER_CHOICE_EVERY = 7, 9
# Every so many people has not been seen for longer than any category allows.
OUT_OF_TOUCH_EVERY = 4

REASONS = {
    DIRECT_TO_WORK: "Heeft werkervaring en wil snel aan de slag; kan zelf solliciteren met wat hulp bij het cv.",
    WORK_WITH_SUPPORT: "Wil graag werken, maar heeft bij de start een jobcoach nodig.",
    PARTICIPATION_FIRST: "Eerst een vast ritme opbouwen met vrijwilligerswerk, daarna kijken naar betaald werk.",
    CARE_FIRST: "Eerst rust in de thuissituatie, samen met het sociaal team; werk komt daarna.",
}
OTHER_CHOICE = {
    DIRECT_TO_WORK: (WORK_WITH_SUPPORT, "Wil zelf eerst met begeleiding beginnen, na een lange tijd zonder werk."),
    WORK_WITH_SUPPORT: (PARTICIPATION_FIRST, "Heeft net een zware periode achter de rug; eerst weer meedoen."),
    PARTICIPATION_FIRST: (WORK_WITH_SUPPORT, "Is erg gemotiveerd en heeft een werkgever op het oog."),
    CARE_FIRST: (PARTICIPATION_FIRST, "De schuldhulp loopt goed; vrijwilligerswerk past er nu naast."),
}
CONTACT_NOTES = (
    "Gesprek over de voortgang van het plan.",
    "Gebeld over de proefplaats.",
    "Huisbezoek: samen de post doorgenomen.",
    "Bericht over de afspraak bij het Taalhuis.",
    "Kort contact; volgende week een gesprek gepland.",
)
KINDS = (ContactKind.CONVERSATION, ContactKind.PHONE, ContactKind.HOME_VISIT, ContactKind.MESSAGE, ContactKind.VIDEO)


def load_caseload_demo(*, caseworker_user, municipalities: Iterable[Municipality]) -> dict[str, int]:
    """Categories for ``municipalities``; placements and contacts for the caseload of ``caseworker_user``'s
    municipality. Returns how many placements and contacts were added."""
    for municipality in municipalities:
        ensure_default_categories(municipality)
    actor = actor_for(caseworker_user)
    municipality = actor.caseworker.municipality
    categories = {category.key: category for category in ensure_default_categories(municipality)}
    seekers = list(JobSeeker.objects.filter(municipality=municipality).order_by("pk"))
    placed = set(CategoryPlacement.objects.filter(seeker__municipality=municipality).values_list("seeker", flat=True))
    contacted = set(ContactMoment.objects.filter(seeker__municipality=municipality).values_list("seeker", flat=True))
    added = {"placements": 0, "contacts": 0}
    today = timezone.localdate()
    for index, seeker in enumerate(seekers, start=1):
        if seeker.pk not in placed and index % UNPLACED_EVERY:
            _place(actor, seeker, categories, other=index % OTHER_CHOICE_EVERY == 0)
            added["placements"] += 1
        if seeker.pk not in contacted:
            added["contacts"] += _contacts(actor, seeker, today, out_of_touch=index % OUT_OF_TOUCH_EVERY == 0)
    return added


def _place(actor, seeker: JobSeeker, categories: dict, *, other: bool) -> None:
    key = proposal_of(seeker).key
    reason = REASONS[key]
    if other:
        key, reason = OTHER_CHOICE[key]
    category_place(actor=actor, seeker=seeker, category=categories[key], reason=reason)


def _contacts(actor, seeker: JobSeeker, today, *, out_of_touch: bool) -> int:
    """Two to four contacts over the past half year; the newest one within the last weeks, or long ago."""
    rng = Random(f"werkplaats-contacts-{seeker.pk}")
    newest = rng.randint(80, 150) if out_of_touch else rng.randint(1, 20)
    count = rng.randint(2, 4)
    for step in range(count):
        contact_record(actor=actor, seeker=seeker, date=today - timedelta(days=newest + step * rng.randint(20, 40)),
                       kind=rng.choice(KINDS), note=rng.choice(CONTACT_NOTES))
    return count
