"""Reads of roles, scoped to who is asking."""

from marketplace.access import Actor
from marketplace.models import Role
from marketplace.models.roles import RoleQuerySet


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
