"""Stand-ins for the matching selectors, shaped as their contract says, so that portal pages can be
tested on exactly the matches, reasons and candidates a test chooses. ``FakeMatching.real`` keeps
the real selectors for tests that need true results (such as a signed candidate reference)."""

from dataclasses import dataclass, field

from marketplace.selectors import matching
from marketplace.selectors.candidates import CandidateCard, CardSkill
from marketplace.selectors.matching import CandidateMatch, RoleMatch

__all__ = ["CandidateMatch", "FakeMatching", "RoleMatch", "card", "install", "reason"]


def reason(code: str, text: str, fits: bool = True) -> dict:
    return {"code": code, "text": text, "fits": fits}


def card(*, skills=(("Inpakken", 2, "Routine"),), reasons=(), **fields) -> CandidateCard:
    """An employer's candidate card as the card builder makes it; ``fields`` override the defaults."""
    values = {"hours_min": 8, "hours_max": 24, "weekdays": 31, "language_level": "B1", "support_needs": 0,
              "distance_band": "0–5 km", "distance_km": None, "for_employer": True, **fields}
    return CandidateCard(skills=tuple(CardSkill(name, level, label) for name, level, label in skills),
                         reasons=tuple(reasons), **values)


@dataclass
class FakeMatching:
    """What the fake selectors answer; tests change the lists and read ``calls``."""

    roles: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    why_not: list = field(default_factory=list)
    candidates: list = field(default_factory=list)
    calls: list = field(default_factory=list)
    real: dict = field(default_factory=dict)


def install(monkeypatch) -> FakeMatching:
    """Answer the matching selectors from a FakeMatching for the rest of the test."""
    fake = FakeMatching()

    def roles_for_seeker(*, seeker, k=20):
        fake.calls.append(("roles_for_seeker", seeker.pk, k))
        return fake.roles[:k]

    def seeker_match_problems(*, seeker):
        return fake.problems

    def why_not(*, seeker, role):
        return fake.why_not

    def candidates_for_role(*, role, actor, k=20):
        fake.calls.append(("candidates_for_role", role.pk, k))
        return fake.candidates[:k]

    fake.real = {name: getattr(matching, name) for name in ("roles_for_seeker", "candidates_for_role")}
    for name, function in {"roles_for_seeker": roles_for_seeker, "seeker_match_problems": seeker_match_problems,
                           "why_not": why_not, "candidates_for_role": candidates_for_role}.items():
        monkeypatch.setattr(matching, name, function)
    return fake
