"""What the workflow tests share: every (current, target, actor kind) to walk, and a table as plain sets."""

import itertools

from marketplace.workflows.base import ActorKind, Workflow


def every_combination(workflow: Workflow, actor_kinds=ActorKind.values) -> list[tuple[str, str, str]]:
    statuses = workflow.statuses.values
    return list(itertools.product(statuses, statuses, actor_kinds))


def combination_id(combination) -> str:
    current, target, kind = combination
    return f"{current}->{target}-by-{kind}"


def as_sets(workflow: Workflow) -> dict[tuple[str, str], set[str]]:
    """The table as (current, target) → actor kinds, to compare with a specification written by hand."""
    return {transition: set(kinds) for transition, kinds in workflow.transitions.items()}
