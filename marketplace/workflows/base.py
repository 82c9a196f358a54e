"""The shape every status workflow shares: a table of transitions and who may make each one.

A *transition* is a move from the *current* status to a *target* status. A workflow's table maps
each transition that exists to the *actor kinds* that may make it; a transition that is not in the
table is refused to everyone. The services check a transition with ``Workflow.check`` and refuse it
with ``TransitionNotAllowed``; the tests walk every (current, target, actor kind) combination of
each workflow against its table.

This package imports no models, so that a table can be read (and tested) on its own.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from marketplace.exceptions import TransitionNotAllowed


class ActorKind(models.TextChoices):
    """In which capacity someone moves an object from one status to another."""

    SEEKER = "seeker", _("Job seeker")
    EMPLOYER = "employer", _("Employer")
    CASEWORKER = "caseworker", _("Caseworker")
    SYSTEM = "system", _("System")


SEEKER, EMPLOYER, CASEWORKER, SYSTEM = ActorKind.SEEKER, ActorKind.EMPLOYER, ActorKind.CASEWORKER, ActorKind.SYSTEM


@dataclass(frozen=True)
class Workflow:
    """One status workflow: its statuses (in workflow order) and its table of transitions.

    ``refusal`` is the message for a transition that does not exist, with ``%(current)s`` and
    ``%(target)s``; ``actor_refusal``, with ``%(kind)s`` as well, is the message for a transition that
    exists but not for the actor kinds asking (the plain refusal when not given).
    """

    statuses: type[models.TextChoices]
    transitions: Mapping[tuple[str, str], frozenset[str]]
    refusal: Promise
    actor_refusal: Promise | None = None

    def exists(self, current: str, target: str) -> bool:
        """Whether anybody at all may make this transition."""
        return (current, target) in self.transitions

    def actor_kinds(self, current: str, target: str) -> frozenset[str]:
        """The actor kinds that may make this transition; empty when nobody may."""
        return self.transitions.get((current, target), frozenset())

    def allowed(self, current: str, target: str, actor_kind: str | None = None) -> bool:
        """Whether ``actor_kind`` may make this transition (without an actor kind: whether anybody may)."""
        if actor_kind is None:
            return self.exists(current, target)
        return actor_kind in self.actor_kinds(current, target)

    def targets(self, current: str, actor_kinds: Iterable[str] | None = None) -> list[str]:
        """Where any of ``actor_kinds`` (without them: anybody) may move from ``current``, in workflow order."""
        kinds = None if actor_kinds is None else set(actor_kinds)
        return [target for target in self.statuses.values
                if self.exists(current, target) and (kinds is None or self.actor_kinds(current, target) & kinds)]

    def is_final(self, status: str) -> bool:
        """Whether nobody may move anything out of ``status`` any more."""
        return not self.targets(status)

    def check(self, current: str, target: str, actor_kinds: Iterable[str]) -> str:
        """The first of ``actor_kinds`` that may make this transition, or a ``TransitionNotAllowed`` saying why not."""
        kinds = list(actor_kinds)
        names = {"current": self.label(current), "target": self.label(target)}
        if not self.exists(current, target):
            raise TransitionNotAllowed(self.refusal % names)
        for kind in kinds:
            if self.allowed(current, target, kind):
                return kind
        if self.actor_refusal is None or not kinds:
            raise TransitionNotAllowed(self.refusal % names)
        raise TransitionNotAllowed(self.actor_refusal % {**names, "kind": _kind_label(kinds[0])})

    def label(self, status: str) -> str:
        """A status as it reads inside a sentence; an unknown value as it was given."""
        try:
            return str(self.statuses(status).label).lower()
        except ValueError:
            return str(status)


def _kind_label(actor_kind: str) -> str:
    try:
        return str(ActorKind(actor_kind).label).lower()
    except ValueError:
        return str(actor_kind)
