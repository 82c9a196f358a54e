"""Reads of a job seeker's draaglast: by caseworkers of the seeker's municipality, each with a logged purpose.

``burden_read_for_staff`` is the only way staff see the draaglast, in the admin and through the
API alike: it checks who is asking, insists on a purpose, and writes the access log entry in the
same transaction as the read, so there is no read without an entry. The job seeker sees those
entries again through ``burden_reads_for_self``.
"""

import datetime
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor, actor_for
from marketplace.exceptions import NotAllowed
from marketplace.models import JobSeeker, SeekerBurden, SensitiveAccessLog

PURPOSE_MAX_LENGTH = SensitiveAccessLog._meta.get_field("purpose").max_length
# "x" or "..." tells an auditor nothing; three letters is the least that can name a reason ("WSP", "ziek").
PURPOSE_MIN_LETTERS = 3
# Control characters, zero-width characters and bidirectional overrides (categories Cc and Cf) would let
# a purpose read differently to the job seeker and the auditor than what was stored.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf"})


def staff_may_access_burden(user, seeker: JobSeeker) -> bool:
    """Whether ``user`` is a caseworker of the seeker's municipality (superusers included only if they are)."""
    caseworker = actor_for(user).caseworker
    return caseworker is not None and caseworker.municipality_id == seeker.municipality_id


def clean_purpose(purpose) -> str:
    """The purpose of a read with its whitespace collapsed; anything that says no reason is a ValidationError.

    Refused, each with a message on ``purpose``: a missing or blank purpose, one with invisible or
    control characters, one with fewer than three letters, and one longer than the log can hold.
    """
    if purpose is not None and not isinstance(purpose, str):
        raise ValidationError({"purpose": _("Write the purpose as text.")}, code="invalid")
    purpose = " ".join((purpose or "").split())
    if not purpose:
        raise ValidationError({"purpose": _("Say why you need to see this data.")}, code="required")
    if any(unicodedata.category(character) in INVISIBLE_CATEGORIES for character in purpose):
        raise ValidationError(
            {"purpose": _("The purpose contains invisible or control characters; type it again.")}, code="invalid"
        )
    if sum(character.isalpha() for character in purpose) < PURPOSE_MIN_LETTERS:
        raise ValidationError(
            {"purpose": _("Describe the purpose in words, for example “preparing the intake interview”.")},
            code="too_short",
        )
    if len(purpose) > PURPOSE_MAX_LENGTH:
        raise ValidationError(
            {"purpose": _("Keep the purpose under %(limit)d characters.") % {"limit": PURPOSE_MAX_LENGTH}},
            code="max_length",
        )
    return purpose


def clean_burden_fields(fields: Iterable[str] | None) -> tuple[str, ...]:
    """The draaglast fields asked for, in their fixed order; ``None`` means all of them."""
    if fields is None:
        return SeekerBurden.SENSITIVE_FIELDS
    asked = set(fields)
    unknown = sorted(asked - set(SeekerBurden.SENSITIVE_FIELDS))
    if unknown:
        raise ValidationError(
            {"fields": _("Unknown draaglast fields: %(names)s.") % {"names": ", ".join(unknown)}}, code="invalid"
        )
    if not asked:
        raise ValidationError({"fields": _("Name at least one field, or leave this out for all.")}, code="empty")
    return tuple(name for name in SeekerBurden.SENSITIVE_FIELDS if name in asked)


@dataclass(frozen=True)
class BurdenRead:
    """One logged read: the draaglast, the fields that were read and the access log entry that records it."""

    burden: SeekerBurden
    fields: tuple[str, ...]
    entry: SensitiveAccessLog

    @property
    def values(self) -> dict[str, str]:
        """Only the fields that were read (and logged); show nothing else."""
        return {name: getattr(self.burden, name) for name in self.fields}


@transaction.atomic
def burden_read_for_staff(
    *, actor_user, seeker: JobSeeker, purpose: str, fields: Iterable[str] | None = None
) -> BurdenRead:
    """Read the seeker's draaglast (all fields, or ``fields``) for a caseworker and log the read.

    Raises PermissionDenied for anyone but a caseworker of the seeker's municipality and
    ValidationError (keyed ``purpose`` or ``fields``) before anything is read or written. The
    entry and the read share one transaction: if the entry cannot be written, nothing is read.
    A seeker without a draaglast yet gets an empty, unsaved SeekerBurden; the read is still
    logged, because the caseworker learnt that nothing is recorded.
    """
    if not staff_may_access_burden(actor_user, seeker):
        raise PermissionDenied("Only caseworkers of the job seeker's municipality may read the draaglast.")
    purpose = clean_purpose(purpose)
    fields = clean_burden_fields(fields)
    entry = SensitiveAccessLog.objects.create(actor=actor_user, seeker=seeker, fields=",".join(fields),
                                              purpose=purpose)
    burden = SeekerBurden.objects.filter(seeker=seeker).first() or SeekerBurden(seeker=seeker)
    return BurdenRead(burden=burden, fields=fields, entry=entry)


@dataclass(frozen=True)
class BurdenReadNotice:
    """A staff read as the job seeker is told about it: when, by whom (as far as they may know), why, what.

    ``reader_name`` is set only when the reader is the seeker's own caseworker, whose name the seeker
    already knows; other readers are named by their role and municipality. The municipality's log
    keeps the person, so a seeker who contests a read can be told who it was.
    """

    at: datetime.datetime
    purpose: str
    fields: tuple[str, ...]
    by_own_caseworker: bool
    reader_name: str | None
    municipality: str


def burden_reads_for_self(*, actor: Actor) -> list[BurdenReadNotice]:
    """Every logged staff read of the job seeker's own draaglast, newest first."""
    if not actor.is_seeker:
        raise NotAllowed()
    seeker = JobSeeker.objects.select_related("municipality", "caseworker").get(pk=actor.seeker.pk)
    own_caseworker_user_id = seeker.caseworker.user_id if seeker.caseworker_id else None
    entries = SensitiveAccessLog.objects.filter(seeker=seeker).select_related("actor").order_by("-at", "-id")
    notices = []
    for entry in entries:
        own = entry.actor_id == own_caseworker_user_id
        notices.append(BurdenReadNotice(
            at=entry.at, purpose=entry.purpose,
            fields=tuple(name for name in entry.fields.split(",") if name),
            by_own_caseworker=own, reader_name=(entry.actor.get_full_name() or None) if own else None,
            municipality=seeker.municipality.name,
        ))
    return notices
