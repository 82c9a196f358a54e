"""The draaglast in words for staff: categories, severities and changes as the admin shows them.

Values stay codes in the database, the versions and the API; only pages turn them into words, in the
active language, through here. An empty severity is "not assessed", never "none": nobody decided it.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from marketplace.history import ChangeLine
from marketplace.models import BurdenSeverity, SeekerBurden
from marketplace.models.seekers import BURDEN_CATEGORIES

NOT_ASSESSED = _("Not assessed")


def field_label(name: str) -> str:
    """The model's own label of a draaglast field; a name the model no longer has is shown as stored."""
    if name not in SeekerBurden.SENSITIVE_FIELDS:
        return name
    return str(capfirst(SeekerBurden._meta.get_field(name).verbose_name))


def severity_label(value) -> str:
    return str(NOT_ASSESSED) if value is None or value == "" else str(BurdenSeverity(int(value)).label)


def value_label(name: str, value) -> str:
    """A stored value as a person reads it: a severity in words, a note or address as written, else "–"."""
    if name in SeekerBurden.SEVERITY_FIELDS:
        return severity_label(value)
    return str(value) if value else "–"


@dataclass(frozen=True)
class CategoryRow:
    key: str
    label: str
    severity: int | None
    severity_label: str
    note: str


def picture_rows(values: Mapping) -> list[CategoryRow]:
    """One row per category, in the fixed order: the severity in words and the note."""
    return [
        CategoryRow(key=key, label=field_label(key), severity=values.get(f"{key}_severity"),
                    severity_label=severity_label(values.get(f"{key}_severity")), note=values.get(key) or "")
        for key in BURDEN_CATEGORIES
    ]


def change_lines(changes: Iterable, *, first: bool) -> list[ChangeLine]:
    """The changes of one version in words; in the first version every field is simply what was recorded."""
    return [ChangeLine(field=change.field, label=field_label(change.field),
                       before=value_label(change.field, change.before), after=value_label(change.field, change.after),
                       initial=first) for change in changes]
