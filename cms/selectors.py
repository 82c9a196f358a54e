"""Reads for the public pages: published roles of the site's municipality, filtered and counted cheaply."""

from marketplace.models import Application, Role
from marketplace.models.roles import RoleQuerySet
from marketplace.selectors.roles import RoleFilters, role_list_filtered


def public_roles(*, municipality) -> RoleQuerySet:
    roles = Role.objects.published()
    if municipality is not None:
        roles = roles.for_municipality(municipality)
    return roles


def role_list_public(*, municipality, filters: RoleFilters) -> RoleQuerySet:
    """Published roles matching ``filters``, with everything a card shows; nearest first from a point."""
    return role_list_filtered(public_roles(municipality=municipality).newest_first(),
                              filters).with_listing_relations()


def role_detail_public(*, municipality, role_id: int) -> Role | None:
    return public_roles(municipality=municipality).with_listing_relations().filter(pk=role_id).first()


def role_list_featured(*, municipality, limit: int = 3) -> list[Role]:
    return list(public_roles(municipality=municipality).with_listing_relations().order_by("-published_at", "-id")[
        :limit])


def application_of(*, seeker, role) -> Application | None:
    """The seeker's application for the role, if they already showed interest or were proposed."""
    return Application.objects.filter(seeker=seeker, role=role).first()
