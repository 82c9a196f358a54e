"""Reads for the public pages: published roles of the site's municipality, filtered and counted cheaply."""

from dataclasses import dataclass

from django.db.models import F

from marketplace.models import Application, PostcodeArea, Role, Skill
from marketplace.models.roles import RoleQuerySet


@dataclass(frozen=True)
class RoleFilters:
    kind: str = ""
    hours: int | None = None
    postcode_digits: str = ""
    distance_km: int = 10
    skill_id: int | None = None
    support: int = 0


def public_roles(*, municipality) -> RoleQuerySet:
    roles = Role.objects.published()
    if municipality is not None:
        roles = roles.for_municipality(municipality)
    return roles


def postcode_area_for(digits: str) -> PostcodeArea | None:
    return PostcodeArea.objects.filter(digits=digits).first() if digits else None


def role_list_public(*, municipality, filters: RoleFilters, area: PostcodeArea | None = None) -> RoleQuerySet:
    """Published roles matching ``filters``, with everything a card shows, nearest first when placed.

    ``area`` is the postcode area of ``filters.postcode_digits`` (looked up by the caller so that an
    unknown postcode can be reported next to its field); without it the distance filter is skipped.
    """
    roles = public_roles(municipality=municipality)
    if filters.kind:
        roles = roles.filter(kind=filters.kind)
    if filters.hours:
        roles = roles.filter(hours_min__lte=filters.hours)
    if filters.skill_id:
        roles = roles.filter(skill_requirements__skill_id=filters.skill_id)
    if filters.support:
        roles = roles.alias(offered=F("support_offered").bitand(filters.support)).filter(offered=filters.support)
    if area is not None:
        return roles.near(area.latitude, area.longitude, filters.distance_km).with_listing_relations().order_by(
            "distance_km", "-published_at", "-id"
        )
    return roles.with_listing_relations().order_by("-published_at", "-id")


def role_detail_public(*, municipality, role_id: int) -> Role | None:
    return public_roles(municipality=municipality).with_listing_relations().filter(pk=role_id).first()


def role_list_featured(*, municipality, limit: int = 3) -> list[Role]:
    return list(public_roles(municipality=municipality).with_listing_relations().order_by("-published_at", "-id")[
        :limit])


def skill_choices_in_use(*, municipality) -> list[tuple[int, str]]:
    """Skills asked for by at least one published role: the only ones worth filtering on."""
    roles = public_roles(municipality=municipality)
    skills = Skill.objects.filter(role_requirements__role__in=roles).distinct()
    return sorted(((skill.pk, skill.name) for skill in skills), key=lambda choice: choice[1].lower())


def application_of(*, seeker, role) -> Application | None:
    """The seeker's application for the role, if they already showed interest or were proposed."""
    return Application.objects.filter(seeker=seeker, role=role).first()
