"""Reason codes of the matching engine, with their Dutch and English texts.

A ``Reason`` is data first (``code`` and ``params``, stable for APIs and tests) and text second:
``text_nl`` / ``text_en`` are rendered once, with Dutch number formatting (decimal comma). The
interface may re-render from code and params with its own translations; these texts are plain
B1-level sentences so that a seeker, an employer and a caseworker read the same explanation.
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
    Weekday.MON: ("ma", "Mon"),
    Weekday.TUE: ("di", "Tue"),
    Weekday.WED: ("wo", "Wed"),
    Weekday.THU: ("do", "Thu"),
    Weekday.FRI: ("vr", "Fri"),
    Weekday.SAT: ("za", "Sat"),
    Weekday.SUN: ("zo", "Sun"),
}
_LADDER_STEPS = {
    "next": ("volgende trede", "next rung"),
    "same": ("zelfde trede", "same rung"),
    "lower": ("lagere trede", "lower rung"),
    "override": ("trede met toestemming klantmanager", "rung allowed by caseworker"),
}
_NL, _EN = 0, 1


@dataclass(frozen=True, slots=True)
class Reason:
    """One explanation: a stable ``code``, its ``params`` and the rendered texts."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    text_nl: str = ""
    text_en: str = ""

    def text(self, lang: str = "nl") -> str:
        return self.text_en if lang.startswith("en") else self.text_nl

    @property
    def excludes(self) -> bool:
        return self.code in EXCLUSION_CODES


def reason(code: str, **params: object) -> Reason:
    """The ``Reason`` for ``code`` with its texts rendered from ``params``."""
    render = _TEXTS[code]
    return Reason(code, MappingProxyType(dict(params)), render(params, _NL), render(params, _EN))


def number(value: float, lang: int | str) -> str:
    """One decimal at most, "4,2" in Dutch and "4.2" in English; whole numbers without decimals."""
    rounded = round(float(value), 1)
    text = str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
    return text.replace(".", ",") if lang in (_NL, "nl") else text


def _flags(names: Mapping, value: int, lang: int) -> str:
    return ", ".join(label[lang] for flag, label in names.items() if value & flag)


def _level(value: int) -> str:
    return LanguageLevel(value).name


def _pick(nl: str, en: str) -> Callable[[Mapping, int], str]:
    """A renderer filling ``str.format`` templates with locale-formatted numbers."""

    def render(params: Mapping, lang: int) -> str:
        values = {k: number(v, lang) if isinstance(v, float) else v for k, v in params.items()}
        return (nl, en)[lang].format(**values)

    return render


def _skills(params: Mapping, lang: int) -> str:
    text = ("{matched} van {required} vaardigheden", "{matched} of {required} skills")[lang]
    if params["partial"]:
        text += (", {partial} net onder het niveau", ", {partial} one level below")[lang]
    return text.format(**params)


def _ladder(params: Mapping, lang: int) -> str:
    return f"{_LADDER_STEPS[params['step']][lang]}: {RUNG_NAMES[params['target_rung']][lang]}"


def _days(params: Mapping, lang: int) -> str:
    role, seeker = (_flags(_DAY_NAMES, params[k], lang) or "-" for k in ("role_days", "seeker_days"))
    return ("geen dag gemeen: rol {0}, beschikbaar {1}", "no day in common: role {0}, available {1}")[
        lang
    ].format(role, seeker)


def _language(template_nl: str, template_en: str) -> Callable[[Mapping, int], str]:
    def render(params: Mapping, lang: int) -> str:
        levels = {k: _level(v) for k, v in params.items()}
        return (template_nl, template_en)[lang].format(**levels)

    return render


def _flag_list(template_nl: str, template_en: str, names: Mapping, key: str) -> Callable[[Mapping, int], str]:
    def render(params: Mapping, lang: int) -> str:
        return (template_nl, template_en)[lang].format(_flags(names, params[key], lang))

    return render


_TEXTS: dict[str, Callable[[Mapping, int], str]] = {
    "seeker_inactive": _pick("werkzoekende is niet actief", "job seeker is not active"),
    "no_home_location": _pick("geen woonlocatie bekend", "no home location known"),
    "no_hours": _pick("geen uren bekend", "no hours known"),
    "no_card_consent": _pick(
        "geen toestemming voor een anonieme kaart", "no consent for an anonymous candidate card"
    ),
    "role_not_published": _pick("rol is niet gepubliceerd", "role is not published"),
    "no_places_left": _pick("geen plaatsen meer vrij", "no places left"),
    "no_role_location": _pick("geen werklocatie bekend", "no work location known"),
    "too_far": _pick("te ver weg: {km} km, max {max_km} km", "too far: {km} km, max {max_km} km"),
    "hours_not_available": _pick(
        "rol vraagt minstens {role_min} uur, beschikbaar hoogstens {seeker_max} uur",
        "role needs at least {role_min} hours, available at most {seeker_max} hours",
    ),
    "hours_too_few": _pick(
        "rol biedt hoogstens {role_max} uur, gewenst minstens {seeker_min} uur",
        "role offers at most {role_max} hours, wanted at least {seeker_min} hours",
    ),
    "no_common_weekday": _days,
    "language_below_required": _language(
        "taalniveau {level}, gevraagd {required}", "language level {level}, required {required}"
    ),
    "physical_demand": _flag_list(
        "lichamelijk niet haalbaar: {0}", "physically not feasible: {0}", _PHYSICAL_NAMES, "demands"
    ),
    "support_not_offered": _flag_list(
        "ondersteuning niet aanwezig: {0}", "support not offered: {0}", _SUPPORT_NAMES, "needs"
    ),
    "rung_gap": _pick(
        "te grote stap op de ladder: van trede {rung} naar {target_rung}",
        "too big a step on the ladder: from rung {rung} to {target_rung}",
    ),
    "ladder": _ladder,
    "skills": _skills,
    "no_required_skills": _pick("geen vaardigheden vereist", "no skills required"),
    "nice_skills": _pick("{matched} van {total} pluspunten", "{matched} of {total} nice-to-have skills"),
    "no_skills": _pick("nog geen vaardigheden vastgelegd", "no skills recorded yet"),
    "distance": _pick("{km} km", "{km} km"),
    "hours": _pick("{hours} van {role_max} uur", "{hours} of {role_max} hours"),
    "weekdays": _pick("{common} van {total} dagen", "{common} of {total} days"),
    "interests": _pick("past bij interesses", "matches interests"),
    "language_support": _language(
        "taalniveau {level}, taalondersteuning aanwezig", "language level {level}, language support offered"
    ),
}
