"""Proposing a caseload category from the rung on the participation ladder and the latest life-domain scores.

The rule, first match wins (docs/caseload.md says the same in words for the people it concerns):

1. ``care_first`` when the person is on rung 1 (isolated), or when one of the care domains (debts,
   housing, mental health, physical health) is scored 1 (acute problems): work waits until that is
   under control.
2. ``participation_first`` on rung 2 or 3 (social contacts, organised activities).
3. ``direct_to_work`` on rung 5 or 6 when no domain is scored 2 or lower and at most one domain is
   scored 3 (barely self-sufficient).
4. ``work_with_support`` otherwise: rung 4, or rung 5–6 with a domain at 2 or lower, or with two or
   more domains at 3.

A domain that was not scored (``None``) counts as neither good nor bad; without any scores the rung
alone decides, and the reasons say that no assessment was used.

The reasons are stable codes (``REASONS``) that each face turns into a sentence. They never name a
domain or a score: the care domains are special personal data, and a proposal is not a read of them.
"""

from collections.abc import Mapping

DIRECT_TO_WORK = "direct_to_work"
WORK_WITH_SUPPORT = "work_with_support"
PARTICIPATION_FIRST = "participation_first"
CARE_FIRST = "care_first"
KEYS = (DIRECT_TO_WORK, WORK_WITH_SUPPORT, PARTICIPATION_FIRST, CARE_FIRST)

CARE_DOMAINS = frozenset({"debts", "housing", "mental_health", "physical_health"})
RUNG_MIN, RUNG_MAX = 1, 6
ACUTE, LOW, BARELY = 1, 2, 3
# Two or more domains at "barely self-sufficient" ask for support at work.
BARELY_LIMIT = 1

# Reason codes.
RUNG_ISOLATED = "rung_isolated"
ACUTE_CARE_NEED = "acute_care_need"
RUNG_PARTICIPATION = "rung_participation"
RUNG_UNPAID_WORK = "rung_unpaid_work"
RUNG_PAID_WORK = "rung_paid_work"
LOW_SCORES = "low_scores"
SEVERAL_BARELY = "several_barely"
SCORES_SUFFICIENT = "scores_sufficient"
NO_ASSESSMENT = "no_assessment"
REASONS = (RUNG_ISOLATED, ACUTE_CARE_NEED, RUNG_PARTICIPATION, RUNG_UNPAID_WORK, RUNG_PAID_WORK, LOW_SCORES,
           SEVERAL_BARELY, SCORES_SUFFICIENT, NO_ASSESSMENT)


def propose_category(rung: int, scores: Mapping[str, int | None]) -> tuple[str, tuple[str, ...]]:
    """The proposed category key for ``rung`` (1–6) and ``scores`` (domain → 1–5 or None), with reason codes."""
    if not RUNG_MIN <= rung <= RUNG_MAX:
        raise ValueError(f"A rung runs from {RUNG_MIN} to {RUNG_MAX}, not {rung}.")
    scored = {domain: score for domain, score in scores.items() if score is not None}
    unassessed = () if scored else (NO_ASSESSMENT,)
    care = []
    if rung == RUNG_MIN:
        care.append(RUNG_ISOLATED)
    if any(scored.get(domain) == ACUTE for domain in CARE_DOMAINS):
        care.append(ACUTE_CARE_NEED)
    if care:
        return CARE_FIRST, (*care, *unassessed)
    if rung <= 3:
        return PARTICIPATION_FIRST, (RUNG_PARTICIPATION, *unassessed)
    if rung == 4:
        return WORK_WITH_SUPPORT, (RUNG_UNPAID_WORK, *unassessed)
    concerns = []
    if any(score <= LOW for score in scored.values()):
        concerns.append(LOW_SCORES)
    if sum(1 for score in scored.values() if score == BARELY) > BARELY_LIMIT:
        concerns.append(SEVERAL_BARELY)
    if concerns:
        return WORK_WITH_SUPPORT, (RUNG_PAID_WORK, *concerns)
    return DIRECT_TO_WORK, (RUNG_PAID_WORK, SCORES_SUFFICIENT if scored else NO_ASSESSMENT)
