"""Reads of a job seeker's draaglast: by caseworkers of the seeker's municipality, each with a logged purpose.

``burden_read_for_staff`` is the only way staff see the draaglast, in the admin and through the
API alike: it checks who is asking, insists on a purpose, and writes the access log entry in the
same transaction as the read, so there is no read without an entry. The job seeker sees those
entries again through ``burden_reads_for_self``. The versions of the draaglast are as sensitive:
staff read them only through ``burden_history_read_for_staff`` (or with ``with_history`` on the
read), logged the same way; the job seeker reads their own with ``burden_history_for_self``.
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
from marketplace.models import BurdenVersion, JobSeeker, SeekerBurden, SensitiveAccessLog
from marketplace.models.seekers import BURDEN_CATEGORIES
from marketplace.selectors.plans import BY_CASEWORKER, BY_OWN_CASEWORKER, BY_SELF

PURPOSE_MAX_LENGTH = SensitiveAccessLog._meta.get_field("purpose").max_length
# "x" or "..." tells an auditor nothing; three letters is the least that can name a reason ("WSP", "ziek").
PURPOSE_MIN_LETTERS = 3
# Control characters, zero-width characters and bidirectional overrides (categories Cc and Cf) would let
# a purpose read differently to the job seeker and the auditor than what was stored.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf"})
# How a read of the earlier versions is named in the access log, next to the draaglast's own fields.
HISTORY_LOG_FIELD = "versions"
# The order people read the fields in: the address, then per category how heavy it weighs and the note.
READING_ORDER = ("street_address", *(name for key in BURDEN_CATEGORIES for name in (f"{key}_severity", key)))


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
class BurdenChange:
    """One field of a version that differs from the version before (the first version: from empty)."""

    field: str
    before: str | int | None
    after: str | int | None


@dataclass(frozen=True)
class BurdenVersionLine:
    """One version of the draaglast: what it said, what changed, when and by whom.

    ``by`` is "self" (the job seeker), "own_caseworker" or "caseworker"; ``recorded_by_name`` is
    filled for staff always and for the job seeker only when it is their own caseworker.
    """

    version: int
    recorded_at: datetime.datetime
    by: str
    recorded_by_name: str | None
    values: dict
    changes: tuple[BurdenChange, ...]


def _empty_value(name: str):
    return None if name in SeekerBurden.SEVERITY_FIELDS else ""


def _changes(before: dict, after: dict) -> tuple[BurdenChange, ...]:
    return tuple(
        BurdenChange(name, before.get(name, _empty_value(name)), after.get(name, _empty_value(name)))
        for name in READING_ORDER
        if before.get(name, _empty_value(name)) != after.get(name, _empty_value(name))
    )


def _version_lines(seeker: JobSeeker, *, names_for_staff: bool) -> tuple[BurdenVersionLine, ...]:
    own_caseworker_user_id = seeker.caseworker.user_id if seeker.caseworker_id else None
    versions = BurdenVersion.objects.filter(seeker=seeker).select_related("recorded_by").order_by("version")
    lines, previous = [], {}
    for version in versions:
        if version.recorded_by_id is not None and version.recorded_by_id == seeker.user_id:
            by = BY_SELF
        elif version.recorded_by_id is not None and version.recorded_by_id == own_caseworker_user_id:
            by = BY_OWN_CASEWORKER
        else:
            by = BY_CASEWORKER
        named = version.recorded_by is not None and (names_for_staff or by == BY_OWN_CASEWORKER)
        name = (version.recorded_by.get_full_name() or version.recorded_by.get_username()) if named else None
        lines.append(BurdenVersionLine(
            version=version.version, recorded_at=version.recorded_at, by=by, recorded_by_name=name,
            values=dict(version.values), changes=_changes(previous, version.values),
        ))
        previous = version.values
    return tuple(reversed(lines))


@dataclass(frozen=True)
class BurdenRead:
    """One logged read: the draaglast, the fields that were read and the access log entry that records it.

    ``versions`` (newest first) is filled only for a read that asked for the history as well.
    """

    burden: SeekerBurden
    fields: tuple[str, ...]
    entry: SensitiveAccessLog
    versions: tuple[BurdenVersionLine, ...] = ()

    @property
    def values(self) -> dict[str, str]:
        """Only the fields that were read (and logged); show nothing else."""
        return {name: getattr(self.burden, name) for name in self.fields}


def _check_staff_read(actor_user, seeker: JobSeeker, purpose) -> str:
    if not staff_may_access_burden(actor_user, seeker):
        raise PermissionDenied("Only caseworkers of the job seeker's municipality may read the draaglast.")
    return clean_purpose(purpose)


@transaction.atomic
def burden_read_for_staff(
    *, actor_user, seeker: JobSeeker, purpose: str, fields: Iterable[str] | None = None, with_history: bool = False
) -> BurdenRead:
    """Read the seeker's draaglast (all fields, or ``fields``) for a caseworker and log the read.

    Raises PermissionDenied for anyone but a caseworker of the seeker's municipality and
    ValidationError (keyed ``purpose`` or ``fields``) before anything is read or written. The
    entry and the read share one transaction: if the entry cannot be written, nothing is read.
    A seeker without a draaglast yet gets an empty, unsaved SeekerBurden; the read is still
    logged, because the caseworker learnt that nothing is recorded. ``with_history`` adds every
    version of the whole draaglast, and the log entry says so.
    """
    purpose = _check_staff_read(actor_user, seeker, purpose)
    fields = clean_burden_fields(fields)
    logged = (*fields, HISTORY_LOG_FIELD) if with_history else fields
    entry = SensitiveAccessLog.objects.create(actor=actor_user, seeker=seeker, fields=",".join(logged),
                                              purpose=purpose)
    burden = SeekerBurden.objects.filter(seeker=seeker).first() or SeekerBurden(seeker=seeker)
    versions = _version_lines(seeker, names_for_staff=True) if with_history else ()
    return BurdenRead(burden=burden, fields=fields, entry=entry, versions=versions)


@dataclass(frozen=True)
class BurdenHistoryRead:
    """One logged read of every version of a seeker's draaglast (newest first)."""

    seeker: JobSeeker
    versions: tuple[BurdenVersionLine, ...]
    entry: SensitiveAccessLog


@transaction.atomic
def burden_history_read_for_staff(*, actor_user, seeker: JobSeeker, purpose: str) -> BurdenHistoryRead:
    """Every version of the seeker's draaglast for a caseworker of their municipality, logged like a read.

    The same checks as ``burden_read_for_staff``, before anything is read or written; the entry
    names the versions as what was read. A seeker without versions gives an empty history, and
    the read is still logged.
    """
    purpose = _check_staff_read(actor_user, seeker, purpose)
    entry = SensitiveAccessLog.objects.create(actor=actor_user, seeker=seeker, fields=HISTORY_LOG_FIELD,
                                              purpose=purpose)
    return BurdenHistoryRead(seeker=seeker, versions=_version_lines(seeker, names_for_staff=True), entry=entry)


def burden_history_for_self(*, actor: Actor) -> tuple[BurdenVersionLine, ...]:
    """Every version of the job seeker's own draaglast, newest first; not logged, it is their own data."""
    if not actor.is_seeker:
        raise NotAllowed()
    seeker = JobSeeker.objects.select_related("caseworker").get(pk=actor.seeker.pk)
    return _version_lines(seeker, names_for_staff=False)


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
