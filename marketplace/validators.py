"""Validators and normalisers for Dutch identifiers used across the marketplace."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Dutch postcodes never start with 0 and never use the letter pairs SA, SD or SS.
_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
_FORBIDDEN_LETTERS = {"SA", "SD", "SS"}
_CBS_CODE = re.compile(r"^GM[0-9]{4}$")
_KVK = re.compile(r"^[0-9]{8}$")


def normalise_postcode(value: str) -> str:
    """Return the postcode as ``1234 AB``; raise ValidationError when it is not a Dutch postcode."""
    match = _POSTCODE.match(value or "")
    letters = match.group(2).upper() if match else ""
    if not match or letters in _FORBIDDEN_LETTERS:
        raise ValidationError(
            _("Enter a Dutch postcode such as 1234 AB."), code="invalid_postcode", params={"value": value}
        )
    return f"{match.group(1)} {letters}"


def validate_postcode(value: str) -> None:
    normalise_postcode(value)


def validate_cbs_code(value: str) -> None:
    if not _CBS_CODE.match(value or ""):
        raise ValidationError(_("Enter a CBS municipality code such as GM0363."), code="invalid_cbs_code")


def validate_kvk_number(value: str) -> None:
    if not _KVK.match(value or ""):
        raise ValidationError(_("A KvK number has exactly 8 digits."), code="invalid_kvk")


def validate_no_nul(value: str) -> None:
    if value and "\x00" in value:
        raise ValidationError(_("The text contains a NUL character."), code="nul_character")


_PHONE_SEPARATORS = re.compile(r"[\s\-().]")
_PHONE_DUTCH = re.compile(r"^(?:\+31|0031|0)([1-9][0-9]{8})$")
_PHONE_INTERNATIONAL = re.compile(r"^(?:\+|00)([1-9][0-9]{7,14})$")


def normalise_phone(value: str) -> str:
    """Return a Dutch number as ``0612345678`` and a foreign one as ``+3212345678``; raise when neither."""
    compact = _PHONE_SEPARATORS.sub("", value or "")
    if match := _PHONE_DUTCH.match(compact):
        return f"0{match.group(1)}"
    if match := _PHONE_INTERNATIONAL.match(compact):
        return f"+{match.group(1)}"
    raise ValidationError(_("Enter a phone number such as 06 12345678 or 020 1234567."), code="invalid_phone")
