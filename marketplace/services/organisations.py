"""Writes of organisations by the people who administer them."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.choices import MembershipRole
from marketplace.exceptions import NotAllowed, NotYourOrganisation
from marketplace.models import Organisation
from marketplace.services._common import (
    check_coordinates,
    place_from_postcode,
    raise_if_errors,
    reject_unknown_fields,
    take_postcode,
)

ORGANISATION_FIELDS = frozenset({
    "name", "kvk_number", "email", "phone", "website", "street", "postcode", "city", "latitude", "longitude",
})


def _validate_organisation(organisation: Organisation) -> None:
    errors: dict[str, list] = {}
    check_coordinates(organisation, errors)
    if organisation.kvk_number and (
        Organisation.objects.filter(kvk_number=organisation.kvk_number).exclude(pk=organisation.pk).exists()
    ):
        errors["kvk_number"] = [_("Another organisation already uses this KvK number.")]
    raise_if_errors(errors)
    organisation.full_clean()


@transaction.atomic
def organisation_update(*, actor: Actor, organisation: Organisation, data: Mapping[str, Any]) -> Organisation:
    """Change an organisation's details; only its administrators may."""
    membership = next((m for m in actor.memberships if m.organisation_id == organisation.pk), None)
    if membership is None:
        raise NotYourOrganisation()
    if membership.role != MembershipRole.ADMIN:
        raise NotAllowed(_("Only administrators of the organisation can change its details."))
    reject_unknown_fields(data, ORGANISATION_FIELDS)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    data = dict(data)
    take_postcode(organisation, data, postcode_field="postcode")
    for name, value in data.items():
        setattr(organisation, name, value)
    place_from_postcode(organisation, postcode_field="postcode")
    _validate_organisation(organisation)
    organisation.save()
    return organisation


