"""Who is asking: the actor behind a user, with the tenant and organisations they act for.

Every view, viewset and admin listing scopes its queryset through this one place, so
the rule "no one sees another municipality's data" is written once.
"""

from dataclasses import dataclass, field
from functools import cached_property

from marketplace.choices import OrganisationKind
from marketplace.models import Caseworker, JobSeeker, Membership, Municipality, Organisation


@dataclass(frozen=True)
class Actor:
    user: object | None
    caseworker: Caseworker | None = None
    seeker: JobSeeker | None = None
    memberships: tuple[Membership, ...] = field(default_factory=tuple)

    @property
    def is_anonymous(self) -> bool:
        return self.user is None

    @property
    def is_caseworker(self) -> bool:
        return self.caseworker is not None

    @property
    def is_seeker(self) -> bool:
        return self.seeker is not None

    @property
    def is_administrator(self) -> bool:
        """A superuser: keeps every municipality's records in the admin, but reads no draaglast (no caseworker)."""
        return bool(getattr(self.user, "is_superuser", False))

    @cached_property
    def organisation_ids(self) -> frozenset[int]:
        """The employers and associations the actor acts for in the marketplace (roles, applications, requests).

        A provider (re-integration company, language school, debt help) is not among them: its staff
        reach the people the municipality assigned to it only through trajectories, see
        ``provider_organisation_ids``, and never act as an employer.
        """
        return frozenset(m.organisation_id for m in self.memberships
                         if m.organisation.kind != OrganisationKind.PROVIDER)

    def organisation_ids_of_kind(self, kind: str) -> frozenset[int]:
        return frozenset(m.organisation_id for m in self.memberships if m.organisation.kind == kind)

    @property
    def is_employer(self) -> bool:
        return bool(self.organisation_ids_of_kind(OrganisationKind.EMPLOYER))

    @property
    def is_association(self) -> bool:
        return bool(self.organisation_ids_of_kind(OrganisationKind.ASSOCIATION))

    @cached_property
    def provider_organisation_ids(self) -> frozenset[int]:
        """The providers the actor is staff of: whose trajectories (with the person's consent) they may see."""
        return self.organisation_ids_of_kind(OrganisationKind.PROVIDER)

    @property
    def is_provider(self) -> bool:
        return bool(self.provider_organisation_ids)

    @property
    def organisations(self) -> list[Organisation]:
        return [m.organisation for m in self.memberships]

    @property
    def municipality(self) -> Municipality | None:
        """The tenant the actor works in (a caseworker's, a seeker's, or their first organisation's)."""
        if self.caseworker is not None:
            return self.caseworker.municipality
        if self.seeker is not None:
            return self.seeker.municipality
        if self.memberships:
            return self.memberships[0].organisation.municipality
        return None


def actor_for(user) -> Actor:
    """Resolve a Django user (or AnonymousUser / None) to an Actor, in at most three queries."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Actor(user=None)
    cached = getattr(user, "_werkplaats_actor", None)
    if cached is not None:
        return cached
    caseworker = Caseworker.objects.select_related("municipality").filter(user=user).first()
    seeker = JobSeeker.objects.select_related("municipality").filter(user=user).first()
    memberships = tuple(
        Membership.objects.select_related("organisation__municipality").filter(user=user).order_by("id")
    )
    actor = Actor(user=user, caseworker=caseworker, seeker=seeker, memberships=memberships)
    user._werkplaats_actor = actor
    return actor
