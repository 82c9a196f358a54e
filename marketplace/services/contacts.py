"""Writes of contact moments: a caseworker of the person's municipality records when and how they were in touch.

A contact is recorded after it happened, so a date in the future is refused; the stuck signals
(marketplace/selectors/signals.py) count from the newest contact.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.models import ContactKind, ContactMoment, JobSeeker
from marketplace.services._caseload import ensure_caseworker_of, merge_model_errors
from marketplace.services._common import raise_if_errors


@transaction.atomic
def contact_record(*, actor: Actor, seeker: JobSeeker, date: datetime.date, kind: str, note: str = "") -> ContactMoment:
    """Record a contact with ``seeker`` on ``date`` (today or earlier) of ``kind``, with an optional note."""
    ensure_caseworker_of(actor, seeker)
    errors: dict[str, list] = {}
    if not isinstance(date, datetime.date) or isinstance(date, datetime.datetime):
        errors["date"] = [_("Give the date of the contact.")]
    elif date > timezone.localdate():
        errors["date"] = [_("A contact is recorded after it happened; choose today or an earlier date.")]
    if kind not in ContactKind.values:
        errors["kind"] = [_("Choose how you were in touch.")]
    moment = ContactMoment(seeker=seeker, date=date, kind=kind, note=str(note or "").strip(), recorded_by=actor.user)
    merge_model_errors(moment, errors, exclude=["seeker", "recorded_by"])
    raise_if_errors(errors)
    moment.save()
    return moment
