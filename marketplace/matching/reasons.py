"""Reason codes of the matching engine, with their Dutch and English texts for each reader.

A ``Reason`` is data first (``code``, ``params`` and ``fits``, stable for APIs and tests) and text
second. Every text is plain Dutch at B1 level, written for the person reading it: the job seeker is
addressed with "je" ("Je hebt 3 van de 3 vaardigheden"), an employer or caseworker reads about "de
kandidaat" and is addressed with "u". No internal terms (rung numbers, "pluspunten") appear. Texts
are rendered once, with Dutch number formatting (decimal comma); ``fits`` tells whether a reason
speaks for the match or is a point to look out for. ``tests/matching/test_reason_readability.py``
keeps the seeker texts readable (Flesch-Douma, see docs/matching.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from marketplace.constants import LanguageLevel, Physical, Support, Weekday

#: Codes that exclude a pair (hard constraints); every other code explains a match.
EXCLUSION_CODES = (
    "seeker_inactive",
    "no_home_location",
    "no_hours",
    "no_card_consent",
    "role_not_published",
    "no_places_left",
    "no_role_location",
    "too_far",
    "hours_not_available",
    "hours_too_few",
    "no_common_weekday",
    "language_below_required",
    "physical_demand",
    "support_not_offered",
    "rung_gap",
)
MATCH_CODES = (
    "ladder",
    "skills",
    "no_required_skills",
    "nice_skills",
    "no_skills",
    "distance",
    "hours",
    "weekdays",
    "interests",
    "language_support",
)

RUNG_NAMES = {
    1: ("geïsoleerd", "isolated"),
    2: ("sociale contacten buiten de deur", "social contacts outside the home"),
    3: ("deelname georganiseerde activiteiten", "taking part in organised activities"),
    4: ("onbetaald werk", "unpaid work"),
    5: ("betaald werk met ondersteuning", "paid work with support"),
    6: ("betaald werk", "paid work"),
}
_PHYSICAL_NAMES = {
    Physical.HEAVY_LIFTING: ("zwaar tillen", "heavy lifting"),
    Physical.LONG_STANDING: ("lang staan", "long standing"),
    Physical.WALKING: ("veel lopen", "a lot of walking"),
    Physical.OUTDOOR: ("buiten werken", "outdoor work"),
    Physical.FINE_MOTOR: ("fijne motoriek", "fine motor skills"),
    Physical.STAIRS: ("traplopen", "stairs"),
    Physical.NOISE: ("lawaai", "noise"),
}
_SUPPORT_NAMES = {
    Support.JOB_COACH: ("jobcoach", "job coach"),
    Support.SHELTERED: ("beschutte omgeving", "sheltered setting"),
    Support.LANGUAGE: ("taalondersteuning", "language support"),
    Support.ADAPTED_WORKPLACE: ("aangepaste werkplek", "adapted workplace"),
    Support.TRANSPORT: ("vervoer", "transport"),
    Support.BUDDY: ("buddy", "buddy"),
    Support.FLEXIBLE_HOURS: ("flexibele uren", "flexible hours"),
}
_DAY_NAMES = {
    Weekday.MON: ("maandag", "Monday"),
    Weekday.TUE: ("dinsdag", "Tuesday"),
    Weekday.WED: ("woensdag", "Wednesday"),
    Weekday.THU: ("donderdag", "Thursday"),
    Weekday.FRI: ("vrijdag", "Friday"),
    Weekday.SAT: ("zaterdag", "Saturday"),
    Weekday.SUN: ("zondag", "Sunday"),
}
_NL, _EN = 0, 1
#: Who reads a text: the job seeker ("je"), or an employer or caseworker about a candidate ("u").
SEEKER, EMPLOYER = "seeker", "employer"


@dataclass(frozen=True, slots=True)
class Reason:
    """One explanation: a stable ``code``, its ``params``, whether it ``fits`` and the rendered texts.

    ``text_nl`` / ``text_en`` address the job seeker ("je"); ``employer_nl`` / ``employer_en`` talk
    about the candidate to an employer or caseworker ("u"). ``fits`` is False for anything a reader
    should look out for (every exclusion, and weak points such as missing skills), so that pages
    can show "why it fits" and "what to look out for" apart.
    """

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    text_nl: str = ""
    text_en: str = ""
    fits: bool = True
    employer_nl: str = ""
    employer_en: str = ""

    def text(self, lang: str = "nl", audience: str = SEEKER) -> str:
        english = lang.startswith("en")
        if audience == EMPLOYER:
            return self.employer_en if english else self.employer_nl
        return self.text_en if english else self.text_nl

    @property
    def excludes(self) -> bool:
        return self.code in EXCLUSION_CODES


def reason(code: str, **params: object) -> Reason:
    """The ``Reason`` for ``code`` with its texts rendered from ``params``."""
    seeker, employer = _TEXTS[code]
    frozen = MappingProxyType(dict(params))
    return Reason(
        code, frozen, seeker(params, _NL), seeker(params, _EN), reason_fits(code, params),
        employer(params, _NL), employer(params, _EN),
    )


def reason_fits(code: str, params: Mapping[str, object]) -> bool:
    """Whether the reason speaks for the match; False for exclusions and weak points."""
    if code in EXCLUSION_CODES or code in ("no_skills", "language_support"):
        return False
    if code == "skills":
        return params["matched"] == params["required"]
    if code == "nice_skills":
        return bool(params["matched"])
    if code == "weekdays":
        return params["common"] == params["total"]
    if code == "ladder":
        return params["step"] != "lower"
    return True


def number(value: float, lang: int | str) -> str:
    """One decimal at most, "4,2" in Dutch and "4.2" in English; whole numbers without decimals."""
    rounded = round(float(value), 1)
    text = str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
    return text.replace(".", ",") if lang in (_NL, "nl") else text


def _flags(names: Mapping, value: int, lang: int) -> str:
    return ", ".join(label[lang] for flag, label in names.items() if value & flag)


def _values(params: Mapping, lang: int) -> dict:
    return {k: number(v, lang) if isinstance(v, float) else v for k, v in params.items()}


def _pick(nl: str, en: str) -> Callable[[Mapping, int], str]:
    """A renderer filling ``str.format`` templates with locale-formatted numbers."""

    def render(params: Mapping, lang: int) -> str:
        return (nl, en)[lang].format(**_values(params, lang))

    return render


def _choose(test: Callable[[Mapping], bool], when: Callable, otherwise: Callable) -> Callable[[Mapping, int], str]:
    """The renderer ``when`` if ``test(params)`` holds, else ``otherwise``."""

    def render(params: Mapping, lang: int) -> str:
        return (when if test(params) else otherwise)(params, lang)

    return render


def _then(first: Callable, test: Callable[[Mapping], bool], more: Callable) -> Callable[[Mapping, int], str]:
    """``first``, followed by the sentence ``more`` when ``test(params)`` holds."""

    def render(params: Mapping, lang: int) -> str:
        text = first(params, lang)
        return f"{text}. {more(params, lang)}" if test(params) else text

    return render


def _skills(subject_nl: str, subject_en: str) -> Callable[[Mapping, int], str]:
    """How many required skills are held, and how many are one level short."""
    def render(params: Mapping, lang: int) -> str:
        partial = params["partial"]
        count = ("vaardigheid", "skill")[lang] if partial == 1 else ("vaardigheden", "skills")[lang]
        return ("Bij {0} {1} zit {2} net onder het niveau", "For {0} {1} {2} one level below")[lang].format(
            partial, count, (subject_nl, subject_en)[lang]
        )

    return render


def _ladder(texts: Mapping[str, tuple[str, str]]) -> Callable[[Mapping, int], str]:
    def render(params: Mapping, lang: int) -> str:
        return f"{texts[params['step']][lang]}: {RUNG_NAMES[params['target_rung']][lang]}"

    return render


def _days(nl: str, en: str) -> Callable[[Mapping, int], str]:
    def render(params: Mapping, lang: int) -> str:
        role, seeker = (_flags(_DAY_NAMES, params[k], lang) or "-" for k in ("role_days", "seeker_days"))
        return (nl, en)[lang].format(role=role, seeker=seeker)

    return render


def _language(nl: str, en: str) -> Callable[[Mapping, int], str]:
    def render(params: Mapping, lang: int) -> str:
        levels = {k: LanguageLevel(v).name for k, v in params.items()}
        return (nl, en)[lang].format(**levels)

    return render


def _flag_list(nl: str, en: str, names: Mapping, key: str) -> Callable[[Mapping, int], str]:
    def render(params: Mapping, lang: int) -> str:
        return (nl, en)[lang].format(_flags(names, params[key], lang))

    return render


def _all_skills(params: Mapping) -> bool:
    return params["matched"] == params["required"]


def _one_skill(params: Mapping) -> bool:
    """One skill asked: "de vaardigheid" reads better than "1 van de 1 vaardigheden"."""
    return params["required"] == 1


_SEEKER_LADDER = {
    "next": ("Dit is een stap verder dan wat je nu doet", "This is a step further than what you do now"),
    "same": ("Dit werk past bij wat je nu doet", "This work fits what you do now"),
    "lower": ("Dit werk vraagt minder dan wat je nu doet", "This work asks less than what you do now"),
    "override": ("Je klantmanager vindt deze stap goed voor je", "Your caseworker thinks this step is good for you"),
}
_EMPLOYER_LADDER = {
    "next": ("Voor de kandidaat is dit een stap verder", "For the candidate this is a step further"),
    "same": ("Dit werk past bij wat de kandidaat nu doet", "This work fits what the candidate does now"),
    "lower": ("Dit werk vraagt minder dan wat de kandidaat nu doet", "This work asks less than the candidate does now"),
    "override": ("De klantmanager vindt deze stap goed", "The caseworker approved this step"),
}

#: Per code: (the text for the job seeker, the text about the candidate for an employer or caseworker).
_TEXTS: dict[str, tuple[Callable[[Mapping, int], str], Callable[[Mapping, int], str]]] = {
    "seeker_inactive": (
        _pick("Je profiel staat nu uit", "Your profile is switched off"),
        _pick("De kandidaat zoekt nu geen werk", "The candidate is not looking for work now"),
    ),
    "no_home_location": (
        _pick("We weten nog niet waar je woont", "We do not know yet where you live"),
        _pick("We weten niet waar de kandidaat woont", "We do not know where the candidate lives"),
    ),
    "no_hours": (
        _pick("We weten nog niet hoeveel uur je wilt werken", "We do not know yet how many hours you want to work"),
        _pick("We weten niet hoeveel uur de kandidaat kan werken",
              "We do not know how many hours the candidate can work"),
    ),
    "no_card_consent": (
        _pick("Je wilt niet dat werkgevers een kaart zonder je naam zien",
              "You do not want employers to see a card without your name"),
        _pick("De kandidaat wil geen kaart zonder naam voor werkgevers",
              "The candidate does not want a card without a name for employers"),
    ),
    "role_not_published": (
        _pick("Dit werk staat niet open", "This work is not open"),
        _pick("Deze functie staat niet open", "This role is not open"),
    ),
    "no_places_left": (
        _pick("Alle plekken zijn al bezet", "All places are taken"),
        _pick("Alle plekken zijn al bezet", "All places are taken"),
    ),
    "no_role_location": (
        _pick("We weten niet waar dit werk is", "We do not know where this work is"),
        _pick("We weten niet waar dit werk is", "We do not know where this work is"),
    ),
    "too_far": (
        _pick("Het werk is {km} km van je huis. Je wilt niet verder dan {max_km} km",
              "The work is {km} km from your home. You want at most {max_km} km"),
        _pick("Het werk is {km} km van de kandidaat. De kandidaat wil niet verder dan {max_km} km",
              "The work is {km} km from the candidate. The candidate wants at most {max_km} km"),
    ),
    "hours_not_available": (
        _pick("Dit werk is minstens {role_min} uur per week. Jij kunt hoogstens {seeker_max} uur",
              "This work is at least {role_min} hours a week. You can do at most {seeker_max} hours"),
        _pick("U vraagt minstens {role_min} uur per week. De kandidaat kan hoogstens {seeker_max} uur",
              "You ask at least {role_min} hours a week. The candidate can do at most {seeker_max} hours"),
    ),
    "hours_too_few": (
        _pick("Dit werk is hoogstens {role_max} uur per week. Jij wilt minstens {seeker_min} uur",
              "This work is at most {role_max} hours a week. You want at least {seeker_min} hours"),
        _pick("U biedt hoogstens {role_max} uur per week. De kandidaat wil minstens {seeker_min} uur",
              "You offer at most {role_max} hours a week. The candidate wants at least {seeker_min} hours"),
    ),
    "no_common_weekday": (
        _days("Het werk is op {role}. Jij kunt op {seeker}", "The work is on {role}. You can work on {seeker}"),
        _days("Het werk is op {role}. De kandidaat kan op {seeker}",
              "The work is on {role}. The candidate can work on {seeker}"),
    ),
    "language_below_required": (
        _language("Dit werk vraagt Nederlands op niveau {required}. Jij hebt nu niveau {level}",
                  "This work asks for Dutch at level {required}. You now have level {level}"),
        _language("U vraagt Nederlands op niveau {required}. De kandidaat heeft niveau {level}",
                  "You ask for Dutch at level {required}. The candidate has level {level}"),
    ),
    "physical_demand": (
        _flag_list("Dit werk is te zwaar voor je lichaam: {0}", "This work is too hard on your body: {0}",
                   _PHYSICAL_NAMES, "demands"),
        _flag_list("Dit werk is te zwaar voor de kandidaat: {0}", "This work is too hard for the candidate: {0}",
                   _PHYSICAL_NAMES, "demands"),
    ),
    "support_not_offered": (
        _flag_list("Je krijgt hier niet de hulp die je nodig hebt: {0}",
                   "You would not get the help you need here: {0}", _SUPPORT_NAMES, "needs"),
        _flag_list("De kandidaat heeft hulp nodig die u niet biedt: {0}",
                   "The candidate needs help that you do not offer: {0}", _SUPPORT_NAMES, "needs"),
    ),
    "rung_gap": (
        _pick("Dit werk is nu nog een te grote stap voor je", "This work is too big a step for you for now"),
        _pick("Dit werk is nu nog een te grote stap voor de kandidaat",
              "This work is too big a step for the candidate for now"),
    ),
    "ladder": (_ladder(_SEEKER_LADDER), _ladder(_EMPLOYER_LADDER)),
    "skills": (
        _then(_choose(_one_skill,
                      _choose(_all_skills, _pick("Je hebt de vaardigheid die nodig is", "You have the skill it needs"),
                              _pick("Je hebt de vaardigheid die nodig is nog niet",
                                    "You do not have the skill it needs yet")),
                      _pick("Je hebt {matched} van de {required} vaardigheden",
                            "You have {matched} of the {required} skills")),
              lambda p: p["partial"], _skills("je", "you are")),
        _then(_choose(_one_skill,
                      _choose(_all_skills, _pick("De kandidaat heeft de vaardigheid die u vraagt",
                                                 "The candidate has the skill you ask for"),
                              _pick("De kandidaat heeft de vaardigheid die u vraagt nog niet",
                                    "The candidate does not have the skill you ask for yet")),
                      _pick("De kandidaat heeft {matched} van de {required} gevraagde vaardigheden",
                            "The candidate has {matched} of the {required} skills you ask for")),
              lambda p: p["partial"], _skills("de kandidaat", "the candidate is")),
    ),
    "no_required_skills": (
        _pick("Voor dit werk heb je geen speciale vaardigheden nodig", "This work needs no special skills"),
        _pick("U vraagt geen speciale vaardigheden", "You ask for no special skills"),
    ),
    "nice_skills": (
        _choose(lambda p: p["matched"],
                _choose(lambda p: p["total"] == 1,
                        _pick("Je hebt ook de extra vaardigheid die handig is",
                              "You also have the useful extra skill"),
                        _pick("Je hebt ook {matched} van de {total} extra vaardigheden",
                              "You also have {matched} of the {total} extra skills")),
                _pick("Je hebt nog geen van de extra vaardigheden die handig zijn",
                      "You do not have any of the useful extra skills yet")),
        _choose(lambda p: p["matched"],
                _choose(lambda p: p["total"] == 1,
                        _pick("De kandidaat heeft ook de extra vaardigheid die u noemt",
                              "The candidate also has the extra skill you mention"),
                        _pick("De kandidaat heeft ook {matched} van de {total} extra vaardigheden die u noemt",
                              "The candidate also has {matched} of the {total} extra skills you mention")),
                _pick("De kandidaat heeft nog geen van de extra vaardigheden die u noemt",
                      "The candidate has none of the extra skills you mention yet")),
    ),
    "no_skills": (
        _pick("Je hebt nog geen vaardigheden ingevuld", "You have not filled in any skills yet"),
        _pick("Van de kandidaat zijn nog geen vaardigheden bekend", "No skills of the candidate are known yet"),
    ),
    "distance": (
        _pick("Het werk is {km} km van je huis", "The work is {km} km from your home"),
        _pick("Het werk is {km} km van de kandidaat", "The work is {km} km from the candidate"),
    ),
    "distance_band": (
        _pick("Het werk is {band} van je huis", "The work is {band} from your home"),
        _pick("De kandidaat woont {band} van het werk", "The candidate lives {band} from the work"),
    ),
    "hours": (
        _then(_pick("Je werkt hier {hours} uur, dat past bij je", "You work {hours} hours here, which suits you"),
              lambda p: p["hours"] < p["role_max"],
              _pick("Meer uren kan ook, tot {role_max} uur", "More hours are possible, up to {role_max}")),
        _choose(lambda p: p["hours"] < p["role_max"],
                _pick("De kandidaat kan {hours} uur werken. U biedt tot {role_max} uur",
                      "The candidate can work {hours} hours. You offer up to {role_max} hours"),
                _pick("De kandidaat kan de {hours} uur werken die u biedt",
                      "The candidate can work the {hours} hours you offer")),
    ),
    "weekdays": (
        _choose(lambda p: p["common"] == p["total"],
                _pick("Je kunt op alle dagen van dit werk", "You can work on every day of this work"),
                _pick("Je kunt op {common} van de {total} werkdagen", "You can work on {common} of the {total} days")),
        _choose(lambda p: p["common"] == p["total"],
                _pick("De kandidaat kan op alle dagen die u vraagt", "The candidate can work on every day you ask"),
                _pick("De kandidaat kan op {common} van de {total} dagen die u vraagt",
                      "The candidate can work on {common} of the {total} days you ask")),
    ),
    "interests": (
        _pick("Het werk past bij wat je leuk vindt", "The work matches what you like"),
        _pick("Het werk past bij de interesses van de kandidaat", "The work matches the candidate's interests"),
    ),
    "language_support": (
        _language("Je Nederlands is nu niveau {level}. Je krijgt hier hulp met de taal",
                  "Your Dutch is now at level {level}. You get help with the language here"),
        _language("De kandidaat heeft Nederlands op niveau {level}. U biedt hulp met de taal",
                  "The candidate has Dutch at level {level}. You offer help with the language"),
    ),
}
