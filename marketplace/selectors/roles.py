"""Reads of roles, scoped to who is asking, and narrowed by the filters a person fills in."""

from dataclasses import dataclass

from marketplace.access import Actor
from marketplace.constants import SEARCH_RADIUS_KM_DEFAULT
from marketplace.models import Role, Skill
from marketplace.models.roles import RoleQuerySet


@dataclass(frozen=True)
class RoleFilters:
    """What a person looks for in a role list (see ``marketplace.role_filters``); empty values do not filter."""

    kind: str = ""
    hours: int | None = None  # the hours a week they can work: roles that start at this or fewer
    skill_id: int | None = None
    support: int = 0  # support flags they need: roles that offer all of them
    point: tuple[float, float] | None = None  # where they start from; without it there is no distance
    radius_km: float = SEARCH_RADIUS_KM_DEFAULT


def role_list_visible(*, actor: Actor) -> RoleQuerySet:
    """Roles the actor may read: published ones for everyone, plus their own organisations' roles
    in every status, plus, for caseworkers, every role of their municipality."""
    if actor.is_anonymous:
        roles = Role.objects.published()
    else:
        municipality = actor.caseworker.municipality if actor.is_caseworker else None
        roles = Role.objects.published_or_of(organisation_ids=actor.organisation_ids, municipality=municipality)
    return roles.with_listing_relations().newest_first()


def role_list_editable(*, actor: Actor) -> RoleQuerySet:
    """Roles the actor may change: those of the organisations they act for."""
    return Role.objects.of_organisations(actor.organisation_ids).with_listing_relations().newest_first()


def role_list_filtered(roles: RoleQuerySet, filters: RoleFilters) -> RoleQuerySet:
    """``roles`` narrowed by ``filters``; from a point, only those within the radius, nearest first and with
    ``distance_km`` (see ``RoleQuerySet.near``), otherwise in the order given."""
    if filters.kind:
        roles = roles.of_kinds([filters.kind])
    if filters.hours:
        roles = roles.fitting_hours(hours_max=filters.hours)
    if filters.skill_id:
        roles = roles.requiring_any_skill([filters.skill_id])
    if filters.support:
        roles = roles.offering_support(filters.support)
    if filters.point is not None:
        latitude, longitude = filters.point
        roles = roles.near(latitude, longitude, filters.radius_km).order_by("distance_km", "-published_at", "-id")
    return roles


def skill_choices_in_use(*, municipality) -> list[tuple[int, str]]:
    """Skills asked for by at least one published role (of the municipality): the only ones worth filtering on."""
    roles = Role.objects.published()
    if municipality is not None:
        roles = roles.for_municipality(municipality)
    skills = Skill.objects.filter(role_requirements__role__in=roles).distinct()
    return sorted(((skill.pk, skill.name) for skill in skills), key=lambda choice: choice[1].lower())
