"""Staff reads of a job seeker's draaglast: only caseworkers of the seeker's municipality, every read logged."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from marketplace.access import actor_for
from marketplace.models import JobSeeker, SeekerBurden, SensitiveAccessLog

PURPOSE_MAX_LENGTH = SensitiveAccessLog._meta.get_field("purpose").max_length


def staff_may_access_burden(user, seeker: JobSeeker) -> bool:
    """Whether ``user`` is a caseworker of the seeker's municipality (superusers included only if they are)."""
    caseworker = actor_for(user).caseworker
    return caseworker is not None and caseworker.municipality_id == seeker.municipality_id


def clean_purpose(purpose: str | None) -> str:
    """The stripped purpose of a read; a blank or overlong purpose is a ValidationError on ``purpose``."""
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError({"purpose": _("Say why you need to see this data.")}, code="required")
    if len(purpose) > PURPOSE_MAX_LENGTH:
        raise ValidationError(
            {"purpose": _("Keep the purpose under %(limit)d characters.") % {"limit": PURPOSE_MAX_LENGTH}},
            code="max_length",
        )
    return purpose


@transaction.atomic
def burden_read_for_staff(*, actor_user, seeker: JobSeeker, purpose: str) -> SeekerBurden:
    """Return the seeker's draaglast for a caseworker and record the read in the audit log.

    Raises PermissionDenied for anyone but a caseworker of the seeker's municipality and
    ValidationError when the purpose is missing. A seeker without a draaglast yet gets an
    empty, unsaved SeekerBurden: the read is still logged, because the caseworker learnt
    that nothing is recorded.
    """
    if not staff_may_access_burden(actor_user, seeker):
        raise PermissionDenied("Only caseworkers of the job seeker's municipality may read the draaglast.")
    purpose = clean_purpose(purpose)
    SensitiveAccessLog.objects.create(
        actor=actor_user, seeker=seeker, fields=",".join(SeekerBurden.SENSITIVE_FIELDS), purpose=purpose
    )
    return SeekerBurden.objects.filter(seeker=seeker).first() or SeekerBurden(seeker=seeker)
