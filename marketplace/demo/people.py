"""Fictional job seekers: names, life situations and the words a caseworker would write down.

``build_profile`` turns a seeded random generator into one varied, realistic profile as plain
data; the loader and the synthetic generator both store these. The names are common first and
last names combined at random, so no profile describes a real person.
"""

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import NamedTuple, Protocol

from marketplace.choices import SeekerStatus
from marketplace.constants import LanguageLevel, Physical, Support, flags_from_names
from marketplace.demo.content import days

FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "nederlands": (
        "Jan", "Petra", "Kees", "Annemiek", "Sanne", "Daan", "Henk", "Ingrid", "Mark", "Linda", "Bas", "Monique",
        "Wim", "Esther", "Joost", "Marieke", "Ruud", "Yvonne", "Tim", "Anouk", "Gerrit", "Wilma", "Niels",
        "Sandra", "Rik", "Kim", "Jeroen", "Femke", "Harm", "Tineke", "Sven", "Lotte", "Arjan", "Ellen",
    ),
    "marokkaans": (
        "Mohammed", "Fatima", "Youssef", "Khadija", "Nadia", "Bilal", "Samira", "Karim", "Naima", "Said",
        "Hanane", "Anouar", "Soufiane", "Latifa", "Mustafa", "Ilham",
    ),
    "turks": (
        "Mehmet", "Ayşe", "Emre", "Elif", "Hatice", "Murat", "Zeynep", "Hasan", "Fatma", "Kemal", "Esra",
        "Burak", "Selin", "Ibrahim",
    ),
    "surinaams": (
        "Shanti", "Rajesh", "Gerold", "Roshni", "Marlon", "Sharda", "Dennis", "Priya", "Ricardo", "Anita",
        "Glenn", "Kavita",
    ),
    "syrisch": (
        "Ahmad", "Rania", "Abdullah", "Lina", "Omar", "Hiba", "Khaled", "Dima", "Yasser", "Nour", "Mahmoud",
        "Rasha",
    ),
    "eritrees": ("Yonas", "Senait", "Tesfay", "Helen", "Dawit", "Selam", "Filmon", "Luwam", "Samuel", "Mebrat"),
    "afghaans": ("Ahmad", "Farida", "Jawad", "Mariam", "Hamid", "Zahra", "Reza", "Shabnam"),
    "oekraiens": ("Olena", "Andriy", "Iryna", "Oleksandr", "Natalia", "Dmytro", "Kateryna", "Serhiy"),
    "pools": ("Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Magdalena", "Krzysztof", "Joanna", "Marek"),
}

LAST_NAMES: dict[str, tuple[str, ...]] = {
    "nederlands": (
        "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
        "Vos", "Peters", "Hendriks", "van Dijk", "van den Berg", "Dekker", "Brouwer", "de Wit", "Dijkstra",
        "Kok", "Verhoeven", "Kuipers", "Postma", "Hoekstra", "van Leeuwen", "Koster", "Prins", "Huisman",
        "de Jong", "Willems", "van der Linden", "Schouten", "Sanders", "Jacobs",
    ),
    "marokkaans": (
        "El Amrani", "Bouzid", "Benali", "El Khatib", "Ait Taleb", "Ouali", "Boukhari", "El Idrissi", "Tahiri",
        "Azzouz", "Haddouchi", "Essadki",
    ),
    "turks": ("Yilmaz", "Demir", "Kaya", "Çelik", "Öztürk", "Şahin", "Aydin", "Arslan", "Doğan", "Koç"),
    "surinaams": ("Ramdin", "Sewnath", "Bisoendat", "Pinas", "Kartosen", "Jubitana", "Ramautar", "Brunings"),
    "syrisch": ("Al-Hassan", "Haddad", "Khalil", "Al-Ahmad", "Darwish", "Hamdan", "Al-Masri", "Nasser"),
    "eritrees": ("Tesfay", "Gebremedhin", "Berhane", "Kidane", "Haile", "Tekle", "Woldu", "Mehari"),
    "afghaans": ("Ahmadi", "Rahimi", "Hakimi", "Popal", "Karimi", "Sultani"),
    "oekraiens": ("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko"),
    "pools": ("Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski"),
}

STREETS = (
    "Kerkstraat", "Molenweg", "Havenstraat", "Lindelaan", "Dijkstraat", "Beatrixlaan", "Irenestraat",
    "Kastanjelaan", "Vissersstraat", "Wilgenhof", "Zuidwal", "Oranjestraat", "Schoolstraat", "Veenweg",
    "Bloemstraat", "Sluisweg", "Meeuwenlaan", "Rozenhof", "Populierenlaan", "Eikenlaan",
)

FORMER_JOBS = (
    "kok", "kapper", "boer", "naaister", "monteur", "leraar", "verkoper", "bouwvakker", "schoonmaker",
    "chauffeur", "bakker", "kleermaker", "elektricien", "verpleegkundige",
)

DEBTS = (
    "Schuldhulpverlening loopt sinds vorig jaar; budgetbeheer via de gemeente.",
    "Betalingsachterstand bij de woningcorporatie; een betalingsregeling loopt.",
    "Schulden bij de zorgverzekeraar en de Belastingdienst; aangemeld bij schuldhulp.",
    "Boetes en een achterstand bij de energieleverancier; wil hier hulp bij.",
    "Beschermingsbewind sinds twee jaar.",
)
HEALTH = (
    "Rugklachten: niet zwaar tillen en niet lang staan.",
    "Angstklachten: liever een rustige werkplek met vaste collega's.",
    "Diabetes: vaste pauzes nodig.",
    "Herstelt van een burn-out: uren rustig opbouwen.",
    "Slechthorend aan een kant.",
    "Knieklachten: liever niet veel traplopen.",
    "Depressieve klachten, in behandeling bij de huisarts en de praktijkondersteuner.",
)
LANGUAGE_GAPS = (
    "Volgt de inburgeringscursus, drie dagdelen per week.",
    "Spreekt een beetje Nederlands; lezen is nog moeilijk.",
    "Spreekt goed Nederlands, maar lezen en schrijven is lastig (laaggeletterd).",
    "Volgt taalles bij het Taalhuis op dinsdag en donderdag.",
)
CARE_DUTIES = (
    "Alleenstaande ouder van twee kinderen van 5 en 8; alleen beschikbaar onder schooltijd.",
    "Mantelzorg voor een moeder met dementie, vooral op woensdag.",
    "Zorgt voor een kind met een beperking; flexibele uren nodig.",
    "Zorgt om de week voor de kinderen (co-ouderschap).",
)
# How heavy each note above weighs (0 none, 1 light, 2 serious, 3 blocking), as a caseworker would judge it.
NOTE_SEVERITY = {
    DEBTS[0]: 2, DEBTS[1]: 1, DEBTS[2]: 2, DEBTS[3]: 2, DEBTS[4]: 1,
    HEALTH[0]: 1, HEALTH[1]: 2, HEALTH[2]: 1, HEALTH[3]: 2, HEALTH[4]: 1, HEALTH[5]: 1, HEALTH[6]: 3,
    LANGUAGE_GAPS[0]: 2, LANGUAGE_GAPS[1]: 2, LANGUAGE_GAPS[2]: 1, LANGUAGE_GAPS[3]: 1,
    CARE_DUTIES[0]: 2, CARE_DUTIES[1]: 1, CARE_DUTIES[2]: 2, CARE_DUTIES[3]: 1,
}
RUNG_NOTES = {
    1: "Weinig contact buiten de deur; eerste gesprekken bij de persoon thuis.",
    2: "Komt naar de inloop in het buurthuis.",
    3: "Doet mee aan dagbesteding of een cursus.",
    4: "Vrijwilligerswerk gestart.",
    5: "Werkt met begeleiding of loonkostensubsidie.",
    6: "Betaald werk zonder ondersteuning.",
}


class Place(Protocol):
    digits: str
    latitude: float
    longitude: float


class Archetype(NamedTuple):
    """A life situation that shapes a profile: each weight table maps an option to its likelihood."""

    key: str
    names: Mapping[str, float]
    ages: tuple[int, int]
    languages: Mapping[int, float]
    rungs: Mapping[int, float]
    hours_max: Sequence[int]
    categories: Sequence[str]
    physical: Sequence[str]
    physical_chance: float
    support: Sequence[str]
    support_chance: float
    burdens: Mapping[str, float]
    motivations: Sequence[str]
    weight: int


_SETTLED_NAMES = {"nederlands": 60, "marokkaans": 13, "turks": 11, "surinaams": 10, "pools": 6}
_NEWCOMER_NAMES = {"syrisch": 35, "eritrees": 25, "afghaans": 15, "oekraiens": 12, "pools": 8, "turks": 5}
_L = LanguageLevel

ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        "nieuwkomer", _NEWCOMER_NAMES, (19, 55),
        {_L.A0: 10, _L.A1: 45, _L.A2: 35, _L.B1: 10}, {2: 25, 3: 40, 4: 30, 5: 5}, (16, 24, 32),
        ("schoonmaak", "horeca-keuken", "logistiek-magazijn", "groen", "techniek-klussen"),
        (), 0.0, ("language",), 0.6,
        {"language_gap": 1.0, "care_duties": 0.3, "debts": 0.2, "health": 0.15},
        ("Ik wil graag werken en beter Nederlands leren. In mijn eigen land werkte ik als {job}.",
         "Ik wil niet thuis zitten. Ik leer snel en werk graag met mijn handen.",
         "Ik wil mijn eigen geld verdienen en Nederlanders leren kennen."),
        22,
    ),
    Archetype(
        "vijftigplus", _SETTLED_NAMES, (50, 66),
        {_L.A2: 10, _L.B1: 25, _L.B2: 35, _L.C1: 20, _L.C2: 10}, {2: 20, 3: 25, 4: 30, 5: 20, 6: 5},
        (12, 16, 24, 32), ("administratie", "facilitair", "winkel-retail", "zorg-ondersteuning", "techniek-klussen"),
        ("heavy_lifting", "long_standing", "stairs"), 0.5, ("flexible_hours", "adapted_workplace"), 0.25,
        {"health": 0.5, "debts": 0.25, "care_duties": 0.15},
        ("Ik heb {years} jaar als {job} gewerkt. Ik wil graag weer onder de mensen zijn.",
         "Na mijn ontslag ben ik lang thuis geweest. Ik wil weer iets nuttigs doen.",
         "Ik heb veel ervaring en wil die graag gebruiken, het liefst in de buurt."),
        20,
    ),
    Archetype(
        "jongere", _SETTLED_NAMES, (18, 27),
        {_L.A2: 15, _L.B1: 40, _L.B2: 35, _L.C1: 10}, {3: 25, 4: 35, 5: 30, 6: 10}, (16, 24, 32, 36),
        ("logistiek-magazijn", "winkel-retail", "sport-vereniging", "horeca-keuken"),
        (), 0.0, ("buddy", "job_coach"), 0.3,
        {"debts": 0.3, "health": 0.1},
        ("Ik wil ervaring opdoen en later misschien een opleiding doen.",
         "Ik ben graag bezig en werk het liefst in een team.",
         "School was niks voor mij. Ik wil laten zien wat ik wel kan."),
        18,
    ),
    Archetype(
        "ouder", _SETTLED_NAMES, (24, 46),
        {_L.A1: 10, _L.A2: 25, _L.B1: 35, _L.B2: 25, _L.C1: 5}, {2: 15, 3: 30, 4: 35, 5: 20}, (8, 12, 16, 20),
        ("schoonmaak", "zorg-ondersteuning", "winkel-retail", "administratie", "horeca-keuken"),
        (), 0.0, ("flexible_hours",), 0.5,
        {"care_duties": 1.0, "debts": 0.5, "health": 0.1},
        ("Ik wil werken onder schooltijd, zodat ik mijn kinderen zelf kan ophalen.",
         "Ik wil een voorbeeld zijn voor mijn kinderen en uit de bijstand komen."),
        15,
    ),
    Archetype(
        "kwetsbaar", _SETTLED_NAMES, (20, 60),
        {_L.A2: 10, _L.B1: 30, _L.B2: 35, _L.C1: 25}, {1: 25, 2: 40, 3: 35}, (4, 8, 12, 16),
        ("groen", "techniek-klussen", "zorg-ondersteuning", "facilitair"),
        ("noise",), 0.3, ("job_coach", "sheltered", "flexible_hours"), 0.9,
        {"health": 1.0, "debts": 0.35},
        ("Ik wil eerst rustig beginnen, een paar ochtenden per week.",
         "Structuur helpt mij: vaste tijden en vaste mensen om mij heen.",
         "Ik wil graag buiten werken, dat geeft mij rust."),
        12,
    ),
    Archetype(
        "beperking", _SETTLED_NAMES, (18, 62),
        {_L.A2: 15, _L.B1: 35, _L.B2: 35, _L.C1: 15}, {3: 35, 4: 35, 5: 30}, (16, 24, 32),
        ("logistiek-magazijn", "techniek-klussen", "groen", "schoonmaak"),
        ("heavy_lifting", "walking", "stairs", "fine_motor"), 0.6,
        ("sheltered", "adapted_workplace", "job_coach", "transport"), 0.9,
        {"health": 0.7, "debts": 0.15},
        ("Ik werk graag met mijn handen, in een rustige omgeving.",
         "Met een beetje hulp kan ik veel. Ik wil graag bij een gewoon bedrijf werken."),
        13,
    ),
)

_BURDEN_TEXTS = {"debts": DEBTS, "health": HEALTH, "language_gap": LANGUAGE_GAPS, "care_duties": CARE_DUTIES}
_WORKDAYS = ("ma", "di", "wo", "do", "vr")
_TRAVEL_KM = {3: 10, 5: 25, 8: 25, 10: 25, 12: 10, 15: 5}
_SKILL_LEVELS = {1: 45, 2: 40, 3: 15}
_FORBIDDEN_LETTERS = {"SA", "SD", "SS"}


@dataclass
class SeekerProfile:
    """Everything stored about one job seeker, as plain data; skills and interests by natural key."""

    first_name: str
    last_name: str
    email: str
    date_of_birth: date
    place: Place
    home_postcode: str
    max_travel_km: int
    hours_min: int
    hours_max: int
    weekdays: int
    language_level: int
    physical_limits: int
    support_needs: int
    rung: int
    motivation: str
    status: str
    card_visible: bool
    introduction_allowed: bool
    preferred_language: str
    skills: list[tuple[str, int]]  # (skill name_nl, level 1-3)
    interests: list[str]  # skill category codes
    burden: dict[str, str | int | None]  # notes, severities and the street address
    ladder: list[tuple[date, int, str]] = field(default_factory=list)
    earlier_burden: tuple[int, dict] | None = None  # (days ago, the draaglast then): an older version


def pick(rng: Random, weights: Mapping) -> object:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def email_local_part(*parts: str) -> str:
    """ASCII, lower case and without spaces: ``"Ayşe", "van den Berg"`` gives ``ayse.vandenberg``."""
    cleaned = []
    for part in parts:
        ascii_text = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
        cleaned.append("".join(ch for ch in ascii_text.lower() if ch.isalnum()))
    return ".".join(cleaned)


def postcode_in(rng: Random, place: Place) -> str:
    while True:
        letters = "".join(rng.choice("ABCDEFGHJKLMNPRTVWXZ") for _ in range(2))
        if letters not in _FORBIDDEN_LETTERS:
            return f"{place.digits} {letters}"


def random_name(rng: Random, groups: Mapping[str, float]) -> tuple[str, str]:
    group = pick(rng, groups)
    # Most people carry a first and last name from one background; some (marriage, adoption) do not.
    last_group = group if rng.random() < 0.9 else pick(rng, _SETTLED_NAMES)
    return rng.choice(FIRST_NAMES[group]), rng.choice(LAST_NAMES[last_group])


def random_weekdays(rng: Random, archetype: Archetype) -> int:
    count = rng.choice((3, 4, 4, 5, 5)) if archetype.key != "kwetsbaar" else rng.choice((2, 3, 3, 4))
    chosen = rng.sample(_WORKDAYS, count)
    if archetype.key in ("jongere", "nieuwkomer", "vijftigplus") and rng.random() < 0.3:
        chosen.append(rng.choice(("za", "zo")))
    return days(" ".join(chosen))


def random_skills(rng: Random, categories: Sequence[str],
                  skills_by_category: Mapping[str, Sequence[str]]) -> list[tuple[str, int]]:
    pool = [name for code in categories for name in skills_by_category.get(code, ())]
    general = list(skills_by_category.get("werknemersvaardigheden", ()))
    names = rng.sample(pool, min(len(pool), rng.randint(2, 5)))
    if general and rng.random() < 0.5:
        names.append(rng.choice(general))
    return [(name, pick(rng, _SKILL_LEVELS)) for name in dict.fromkeys(names)]


def ladder_history(rng: Random, rung: int, today: date) -> list[tuple[date, int, str]]:
    """One to four dated steps ending at ``rung``, oldest first, sometimes with a step back on the way."""
    steps = rng.randint(1, 4)
    rungs = [rung]
    for _ in range(steps - 1):
        previous = rungs[0] - 1 if rng.random() < 0.8 else rungs[0] + 1
        rungs.insert(0, min(6, max(1, previous)))
    history, when = [], today - timedelta(days=rng.randint(20, 90))
    for current in reversed(rungs):
        history.insert(0, (when, current, RUNG_NOTES[current]))
        when -= timedelta(days=rng.randint(90, 300))
    first_date, first_rung, _note = history[0]
    history[0] = (first_date, first_rung, "Intake bij Werk en Inkomen. " + RUNG_NOTES[first_rung])
    return history


def some_of(rng: Random, options: Sequence[str], chance: float) -> list[str]:
    """With probability ``chance``, a non-empty random subset of ``options``; otherwise nothing."""
    if not options or rng.random() >= chance:
        return []
    return [option for option in options if rng.random() < 0.4] or [rng.choice(options)]


def random_burden(rng: Random, archetype: Archetype) -> dict[str, str | int]:
    """Notes for some of the archetype's categories, each with the severity its note implies; the archetype's
    other categories were assessed and weigh nothing (0); categories it does not name are not assessed."""
    burden = {"street_address": f"{rng.choice(STREETS)} {rng.randint(1, 180)}"}
    for kind, chance in archetype.burdens.items():
        if rng.random() < chance:
            burden[kind] = rng.choice(_BURDEN_TEXTS[kind])
        burden[f"{kind}_severity"] = NOTE_SEVERITY[burden[kind]] if kind in burden else 0
    return burden


def build_profile(rng: Random, *, places: Sequence[Place], skills_by_category: Mapping[str, Sequence[str]],
                  today: date, email_domain: str, email_suffix: str = "") -> SeekerProfile:
    """One varied profile; with the same generator state it is always the same profile."""
    archetype = rng.choices(ARCHETYPES, weights=[archetype.weight for archetype in ARCHETYPES])[0]
    first_name, last_name = random_name(rng, archetype.names)
    place = rng.choice(places)
    age = rng.randint(*archetype.ages)
    hours_max = rng.choice(archetype.hours_max)
    rung = pick(rng, archetype.rungs)
    status = pick(rng, {SeekerStatus.ACTIVE: 85, SeekerStatus.PAUSED: 8, SeekerStatus.PLACED: 7})
    if status == SeekerStatus.PLACED:
        rung = max(rung, 5)
    physical = some_of(rng, archetype.physical, archetype.physical_chance)
    support = some_of(rng, archetype.support, archetype.support_chance)
    categories = rng.sample(list(archetype.categories), rng.randint(2, 3))
    card_visible = rng.random() < 0.85
    local = email_local_part(first_name, last_name) + (f".{email_suffix}" if email_suffix else "")
    return SeekerProfile(
        first_name=first_name, last_name=last_name, email=f"{local}@{email_domain}",
        date_of_birth=today.replace(year=today.year - age, month=1, day=1) + timedelta(days=rng.randint(0, 364)),
        place=place, home_postcode=postcode_in(rng, place),
        max_travel_km=pick(rng, _TRAVEL_KM), hours_min=max(1, hours_max // rng.choice((2, 3, 4))),
        hours_max=hours_max, weekdays=random_weekdays(rng, archetype),
        language_level=int(pick(rng, archetype.languages)),
        physical_limits=flags_from_names(Physical, physical), support_needs=flags_from_names(Support, support),
        rung=rung,
        motivation=rng.choice(archetype.motivations).format(job=rng.choice(FORMER_JOBS), years=rng.randint(8, 35)),
        status=status, card_visible=card_visible,
        introduction_allowed=card_visible and rng.random() < 0.75,
        preferred_language="en" if archetype.key == "nieuwkomer" and rng.random() < 0.2 else "nl",
        skills=random_skills(rng, categories, skills_by_category),
        interests=rng.sample(categories, rng.randint(1, len(categories))),
        burden=random_burden(rng, archetype),
        ladder=ladder_history(rng, rung, today),
    )


def unique_profiles(rng: Random, count: int, *, taken: set[tuple[str, str]], **kwargs) -> list[SeekerProfile]:
    """``count`` profiles with names not in ``taken`` (which grows with them), so a name identifies a person."""
    profiles = []
    while len(profiles) < count:
        profile = build_profile(rng, **kwargs)
        name = (profile.first_name, profile.last_name)
        if name not in taken:
            taken.add(name)
            profiles.append(profile)
    return profiles


def demo_seeker_profile(place: Place, today: date) -> SeekerProfile:
    """The job seeker behind the demo login: a full profile whose skills fit several published roles."""
    return SeekerProfile(
        first_name="Samira", last_name="Benali", email="werkzoekende@demo.werkplaats.example",
        date_of_birth=date(today.year - 38, 3, 14), place=place, home_postcode=f"{place.digits} KL",
        max_travel_km=8, hours_min=12, hours_max=24, weekdays=days("ma di wo do"),
        language_level=LanguageLevel.A2, physical_limits=Physical.HEAVY_LIFTING, support_needs=0,
        rung=4,
        motivation=(
            "Ik heb jaren in een hotel schoongemaakt. Nu mijn kinderen naar school gaan, wil ik weer werken. "
            "Ik werk graag met mensen en wil mijn Nederlands verbeteren."
        ),
        status=SeekerStatus.ACTIVE, card_visible=True, introduction_allowed=True, preferred_language="nl",
        skills=[("Bedden opmaken", 2), ("Kamers schoonmaken", 2), ("Linnen sorteren en vouwen", 2),
                ("Afwassen", 2), ("Koffie en thee schenken", 3), ("Tafels dekken en afruimen", 2),
                ("Klantvriendelijk zijn", 2)],
        interests=["schoonmaak", "horeca-keuken", "zorg-ondersteuning"],
        burden={
            "street_address": "Irenestraat 41",
            "debts": "Betalingsachterstand bij de woningcorporatie; een betalingsregeling loopt sinds maart.",
            "debts_severity": 1,
            "health": "Rugklachten na een val: niet zwaar tillen.",
            "health_severity": 1,
            "language_gap": "Spreekt redelijk Nederlands; volgt taalles bij het Taalhuis op dinsdag.",
            "language_gap_severity": 2,
            "care_duties": "Alleenstaande ouder van twee kinderen (6 en 9); beschikbaar onder schooltijd.",
            "care_duties_severity": 2,
            "housing": "Huurwoning van de corporatie; de huur wordt sinds de regeling op tijd betaald.",
            "housing_severity": 0,
            "addiction": "Niet aan de orde, besproken bij de intake.",
            "addiction_severity": 0,
            "other": "Heeft geen rijbewijs; fietst of neemt de bus.",
            "other_severity": 1,
        },
        earlier_burden=(640, {
            "street_address": "Irenestraat 41",
            "debts": "Betalingsachterstand bij de woningcorporatie; nog geen regeling.",
            "debts_severity": 2,
            "health": "Rugklachten na een val: niet zwaar tillen.",
            "health_severity": 1,
            "language_gap": "Spreekt weinig Nederlands; wacht op een plek bij het Taalhuis.",
            "language_gap_severity": 3,
            "care_duties": "Alleenstaande ouder van twee kinderen (4 en 7); de jongste gaat nog niet naar school.",
            "care_duties_severity": 3,
            "housing": "Brief van de corporatie over de huurachterstand; dreigt de woning kwijt te raken.",
            "housing_severity": 2,
        }),
        ladder=[
            (today - timedelta(days=640), 2, "Intake bij Werk en Inkomen. " + RUNG_NOTES[2]),
            (today - timedelta(days=420), 3, "Taalcursus bij het Taalhuis gestart."),
            (today - timedelta(days=120), 4, "Vrijwilliger in het restaurant van De Linde."),
        ],
    )
