"""Stand-ins for the matching selectors, shaped as their contract says, so that portal pages can be
tested on exactly the matches, reasons and candidates a test chooses. ``FakeMatching.real`` keeps
the real selectors for tests that need true results (such as a signed candidate reference)."""

from dataclasses import dataclass, field

from marketplace.selectors import matching
from marketplace.selectors.matching import CandidateMatch, RoleMatch

__all__ = ["CandidateMatch", "FakeMatching", "RoleMatch", "install", "reason"]


def reason(code: str, text: str) -> dict:
    return {"code": code, "text": text}


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
