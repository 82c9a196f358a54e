"""Helpers the services share: field whitelists, postcode placement and field-named validation."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.constants import SKILL_LEVEL_MAX, SKILL_LEVEL_MIN
from marketplace.messages import FIELD_NOT_SETTABLE, SKILL_TWICE
from marketplace.selectors.locations import postcode_area_centre
from marketplace.validators import normalise_postcode


def reject_unknown_fields(data: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """Raise a ValidationError naming every key of ``data`` that the caller may not set."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValidationError({name: [FIELD_NOT_SETTABLE] for name in unknown})


def normalised_postcode(value: str, *, field: str) -> str:
    """The postcode as ``1234 AB`` (or empty), with errors reported under ``field``."""
    if not value:
        return ""
    try:
        return normalise_postcode(value)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None


def take_postcode(instance, data: dict, *, postcode_field: str) -> None:
    """Normalise the postcode in ``data`` in place; a new postcode without new coordinates drops the old ones,
    which belonged to the old place."""
    if postcode_field not in data:
        return
    data[postcode_field] = normalised_postcode(data[postcode_field], field=postcode_field)
    moved = data[postcode_field] != getattr(instance, postcode_field)
    if moved and "latitude" not in data and "longitude" not in data:
        instance.latitude = instance.longitude = None


def apply_fields(instance, data: Mapping[str, Any], *, allowed: Iterable[str], postcode_field: str = "postcode"):
    """Set the fields of ``data`` on ``instance``: only ``allowed`` ones, the postcode normalised, and a new
    postcode without coordinates placed at its area's centre."""
    reject_unknown_fields(data, allowed)
    data = dict(data)
    take_postcode(instance, data, postcode_field=postcode_field)
    for name, value in data.items():
        setattr(instance, name, value)
    place_from_postcode(instance, postcode_field=postcode_field)


def place_from_postcode(instance, *, postcode_field: str) -> None:
    """Give ``instance`` the centre of its postcode area when it has a postcode but no coordinates."""
    postcode = getattr(instance, postcode_field)
    if postcode and (instance.latitude is None or instance.longitude is None):
        centre = postcode_area_centre(postcode)
        if centre is not None:
            instance.latitude, instance.longitude = centre


def check_coordinates(instance, errors: dict) -> None:
    if (instance.latitude is None) != (instance.longitude is None):
        errors.setdefault("longitude", []).append(_("Give both latitude and longitude, or neither."))
    if instance.latitude is not None and not -90 <= instance.latitude <= 90:
        errors.setdefault("latitude", []).append(_("Latitude runs from -90 to 90."))
    if instance.longitude is not None and not -180 <= instance.longitude <= 180:
        errors.setdefault("longitude", []).append(_("Longitude runs from -180 to 180."))


def raise_if_errors(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def check_skill_levels(items, *, field: str = "skills") -> None:
    """Each skill at most once and every level from 1 to 3; errors under ``field``."""
    seen = set()
    for item in items:
        if item.skill.pk in seen:
            raise ValidationError({field: [SKILL_TWICE]})
        seen.add(item.skill.pk)
        if not SKILL_LEVEL_MIN <= int(item.level) <= SKILL_LEVEL_MAX:
            raise ValidationError({field: [_("A skill level runs from %(min)d to %(max)d.")
                                           % {"min": SKILL_LEVEL_MIN, "max": SKILL_LEVEL_MAX}]})
