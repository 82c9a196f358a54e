"""Writes to a job seeker's draaglast (debts, health, language gap, care duties, street address)."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from marketplace.messages import FIELD_NOT_SETTABLE
from marketplace.models import JobSeeker, SeekerBurden
from marketplace.selectors.burden import staff_may_access_burden


def _may_edit_burden(user, seeker: JobSeeker) -> bool:
    is_the_seeker = seeker.user_id is not None and getattr(user, "pk", None) == seeker.user_id
    return is_the_seeker or staff_may_access_burden(user, seeker)


@transaction.atomic
def burden_update(*, actor_user, seeker: JobSeeker, data: Mapping[str, str]) -> SeekerBurden:
    """Set the given draaglast fields of ``seeker`` and return the saved SeekerBurden.

    Allowed for the seeker themselves and for caseworkers of the seeker's municipality
    (PermissionDenied otherwise). Unknown or invalid fields raise a ValidationError keyed
    by field name, and nothing is written.
    """
    if not _may_edit_burden(actor_user, seeker):
        raise PermissionDenied("Only the job seeker and caseworkers of their municipality may edit the draaglast.")
    unknown = sorted(set(data) - set(SeekerBurden.SENSITIVE_FIELDS))
    if unknown:
        raise ValidationError({name: FIELD_NOT_SETTABLE for name in unknown}, code="unknown")
    burden, _created = SeekerBurden.objects.select_for_update().get_or_create(seeker=seeker)
    for name, value in data.items():
        setattr(burden, name, value)
    burden.full_clean(exclude=["seeker"])
    burden.save()
    return burden
