"""Writes of organisations by the people who administer them, and by municipal staff in the admin."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.choices import MembershipRole, OrganisationKind
from marketplace.exceptions import NotAllowed, NotYourMunicipality, NotYourOrganisation
from marketplace.models import Municipality, Organisation
from marketplace.services._common import apply_fields, check_coordinates, raise_if_errors

ORGANISATION_FIELDS = frozenset({
    "name", "kvk_number", "email", "phone", "website", "street", "postcode", "city", "latitude", "longitude",
})
# Municipal staff also say what kind of organisation it is.
ORGANISATION_STAFF_FIELDS = ORGANISATION_FIELDS | {"kind", "is_employment_organisation"}


def _is_staff_of(actor: Actor, municipality_id: int) -> bool:
    """Caseworkers keep their municipality's organisations in the admin; administrators those of all."""
    return actor.is_administrator or (actor.is_caseworker and actor.caseworker.municipality_id == municipality_id)


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
def organisation_create(*, actor: Actor, municipality: Municipality, data: Mapping[str, Any]) -> Organisation:
    """Register an organisation in ``municipality``; its caseworkers and administrators may."""
    if not _is_staff_of(actor, municipality.pk):
        raise NotYourMunicipality(field="municipality")
    organisation = Organisation(municipality=municipality)
    apply_fields(organisation, data, allowed=ORGANISATION_STAFF_FIELDS)
    _validate_organisation(organisation)
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update(*, actor: Actor, organisation: Organisation, data: Mapping[str, Any]) -> Organisation:
    """Change an organisation's details: its own administrators may, and municipal staff in the admin."""
    if _is_staff_of(actor, organisation.municipality_id):
        allowed = ORGANISATION_STAFF_FIELDS
    else:
        membership = next((m for m in actor.memberships if m.organisation_id == organisation.pk), None)
        if membership is None:
            raise NotYourOrganisation()
        if membership.role != MembershipRole.ADMIN:
            raise NotAllowed(_("Only administrators of the organisation can change its details."))
        allowed = ORGANISATION_FIELDS
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    apply_fields(organisation, data, allowed=allowed)
    _validate_organisation(organisation)
    organisation.save()
    return organisation


def organisation_employment_for(*, municipality: Municipality) -> Organisation:
    """The municipality's own employer of record (werkbedrijf) for stapelbanen and neighbourhood work.

    Created the first time it is needed, named in Dutch like the rest of the municipality's data.
    """
    existing = (Organisation.objects.filter(municipality=municipality, is_employment_organisation=True)
                .order_by("pk").first())
    if existing is not None:
        return existing
    with translation.override("nl"):
        name = gettext("%(municipality)s employment organisation") % {"municipality": municipality.name}
    return Organisation.objects.create(
        municipality=municipality, kind=OrganisationKind.EMPLOYER, is_employment_organisation=True, name=name,
        city=municipality.name, email=municipality.contact_email, phone=municipality.contact_phone,
    )
