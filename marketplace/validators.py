"""Validators and normalisers for Dutch identifiers, titles and dates used across the marketplace.

They are attached to the model fields, so the admin, the portal and the API (whose services call
``full_clean``) all refuse the same input with the same message.
"""

import re
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from marketplace.constants import DATE_YEARS_AHEAD, EARLIEST_BIRTH_DATE, EARLIEST_DATE, MINIMUM_AGE_YEARS
from marketplace.messages import HOURS_REVERSED, hours_between

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


# Bidirectional overrides and isolates (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI) reorder the text
# around them on screen, so that a title can display as something other than what it says.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters that draw nothing (Hangul fillers, the braille blank) though Unicode counts them as letters.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _is_invisible(character: str) -> bool:
    # Cf holds zero-width spaces and joiners, the soft hyphen, the byte order mark and the bidi marks;
    # Z* and Cc are spaces, line breaks and control characters; Mn alone (a combining mark on nothing,
    # such as the combining grapheme joiner) draws nothing either.
    category = unicodedata.category(character)
    return category in {"Cf", "Cc", "Zs", "Zl", "Zp", "Mn"} or character in _BLANK_LETTERS


def visible_text(value: str) -> str:
    """``value`` without the characters that show nothing on screen."""
    return "".join(character for character in value or "" if not _is_invisible(character))


def validate_no_bidi_controls(value: str) -> None:
    """Refuse bidirectional override and isolate characters: they make text read differently than it is stored."""
    if value and _BIDI_CONTROLS.intersection(value):
        raise ValidationError(
            _("The text contains characters that change the reading direction (U+202A–U+202E, U+2066–U+2069)."),
            code="bidi_control",
        )


def validate_title(value: str) -> None:
    """A title or name must show something, and must not reorder the text around it.

    Refuses text that is empty once invisible characters (zero-width spaces, soft hyphens, joiners,
    fillers, white space) are left out, and text with bidirectional override or isolate characters.
    """
    validate_no_bidi_controls(value)
    if value and not visible_text(value):
        raise ValidationError(_("Enter text that can be read; this holds only invisible characters."),
                              code="invisible")


def latest_plausible_date(today: date | None = None) -> date:
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + DATE_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + DATE_YEARS_AHEAD, day=28)


def validate_plausible_date(value: date | None) -> None:
    """A date someone plans or records in the marketplace: from 2000 to a few years from today."""
    if value is None:
        return
    latest = latest_plausible_date()
    if not EARLIEST_DATE <= value <= latest:
        raise ValidationError(
            _("Choose a date from %(earliest)s to %(latest)s.")
            % {"earliest": date_format(EARLIEST_DATE, "j F Y"), "latest": date_format(latest, "j F Y")},
            code="date_out_of_range",
        )


def validate_today_or_later(value: date | None) -> None:
    """A date still to come, such as when a requester would like the work to start."""
    if value and value < timezone.localdate():
        raise ValidationError(_("Choose today or a later date."), code="date_in_past")


def hours_range_errors(low: int | None, high: int | None, *, minimum: int | None = None,
                       maximum: int | None = None) -> dict[str, list]:
    """Errors by field for a range of hours per week (``hours_min``, ``hours_max``) outside its limits
    or the wrong way round; empty when the range is fine. A missing end is not checked, nor are limits
    not given (a form field that checks them itself)."""
    errors: dict[str, list] = {}
    if minimum is not None and maximum is not None:
        for field, hours in (("hours_min", low), ("hours_max", high)):
            if hours is not None and not minimum <= hours <= maximum:
                errors[field] = [hours_between(minimum, maximum)]
    if low is not None and high is not None and low > high:
        errors.setdefault("hours_max", []).append(HOURS_REVERSED)
    return errors


def validate_date_of_birth(value: date | None) -> None:
    if value is None:
        return
    today = timezone.localdate()
    try:
        youngest = today.replace(year=today.year - MINIMUM_AGE_YEARS)
    except ValueError:  # 29 February
        youngest = today.replace(year=today.year - MINIMUM_AGE_YEARS, day=28)
    if not EARLIEST_BIRTH_DATE <= value <= youngest:
        raise ValidationError(
            _("Enter a date of birth from %(earliest)s to %(latest)s.")
            % {"earliest": date_format(EARLIEST_BIRTH_DATE, "j F Y"), "latest": date_format(youngest, "j F Y")},
            code="date_out_of_range",
        )
