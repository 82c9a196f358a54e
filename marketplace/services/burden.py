"""Writes to a job seeker's draaglast (a severity and a note per category, and the street address).

Every write that changes something records the whole draaglast as a new ``BurdenVersion`` in the
same transaction, so the history always ends at what is stored now.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from marketplace.messages import FIELD_NOT_SETTABLE
from marketplace.models import BurdenSeverity, BurdenVersion, JobSeeker, SeekerBurden
from marketplace.selectors.burden import staff_may_access_burden

SEVERITY_INVALID = _("Choose a severity from 0 (none) to 3 (blocking), or leave it empty for not assessed.")


def _may_edit_burden(user, seeker: JobSeeker) -> bool:
    is_the_seeker = seeker.user_id is not None and getattr(user, "pk", None) == seeker.user_id
    return is_the_seeker or staff_may_access_burden(user, seeker)


def burden_values(burden: SeekerBurden | Mapping[str, Any] | None) -> dict[str, Any]:
    """Every draaglast field of ``burden`` (a SeekerBurden or a mapping) as stored in a version; empty when None."""
    if burden is None:
        burden = {}
    if isinstance(burden, SeekerBurden):
        return {name: getattr(burden, name) for name in SeekerBurden.SENSITIVE_FIELDS}
    return {name: burden.get(name, None if name in SeekerBurden.SEVERITY_FIELDS else "")
            for name in SeekerBurden.SENSITIVE_FIELDS}


def clean_severity(value) -> int | None:
    """A severity as its code 0–3, None for empty; anything else (a boolean, 4, "serious") is a ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or value not in BurdenSeverity.values:
        raise ValueError(value)
    return value


def _cleaned(data: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(data) - set(SeekerBurden.SENSITIVE_FIELDS))
    if unknown:
        raise ValidationError({name: FIELD_NOT_SETTABLE for name in unknown}, code="unknown")
    cleaned, errors = dict(data), {}
    for name in set(data) & set(SeekerBurden.SEVERITY_FIELDS):
        try:
            cleaned[name] = clean_severity(data[name])
        except ValueError:
            errors[name] = [SEVERITY_INVALID]
    if errors:
        raise ValidationError(errors, code="invalid")
    return cleaned


def _record_version(seeker: JobSeeker, values: dict[str, Any], recorded_by) -> BurdenVersion:
    latest = BurdenVersion.objects.filter(seeker=seeker).aggregate(latest=Max("version"))["latest"] or 0
    return BurdenVersion.objects.create(seeker=seeker, version=latest + 1, values=values,
                                        recorded_by=recorded_by if getattr(recorded_by, "pk", None) else None)


@transaction.atomic
def burden_update(*, actor_user, seeker: JobSeeker, data: Mapping[str, Any]) -> SeekerBurden:
    """Set the given draaglast fields of ``seeker`` and return the saved SeekerBurden.

    Allowed for the seeker themselves and for caseworkers of the seeker's municipality
    (PermissionDenied otherwise). Unknown or invalid fields (a severity outside 0–3 included)
    raise a ValidationError keyed by field name, and nothing is written. When a value changed,
    the whole draaglast is recorded as the next ``BurdenVersion`` with who recorded it.
    """
    if not _may_edit_burden(actor_user, seeker):
        raise PermissionDenied("Only the job seeker and caseworkers of their municipality may edit the draaglast.")
    data = _cleaned(data)
    burden, created = SeekerBurden.objects.select_for_update().get_or_create(seeker=seeker)
    before = burden_values(None if created else burden)
    for name, value in data.items():
        setattr(burden, name, value)
    burden.full_clean(exclude=["seeker"])
    burden.save()
    after = burden_values(burden)
    if after != before:
        _record_version(seeker, after, actor_user)
    return burden
