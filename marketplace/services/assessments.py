"""Writes of the picture of a person: life-domains assessments and versions of the draagkracht picture.

Both are recorded, never changed: a new view of a person is a new assessment or a new version, with
the date and who recorded it, so the history shows how things went. Only caseworkers of the job
seeker's own municipality record them.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.models import Assessment, DraagkrachtPicture, JobSeeker
from marketplace.models.assessments import DOMAINS, SCORE_MAX, SCORE_MIN
from marketplace.models.draagkracht import PICTURE_FIELDS, PICTURE_TEXT_FIELDS, MotivationScale
from marketplace.services._caseload import ensure_caseworker_of, merge_model_errors
from marketplace.services._common import raise_if_errors, reject_unknown_fields

ONLY_CASEWORKERS = _("Only caseworkers record assessments and the draagkracht picture.")
SCORE_RANGE = _("Give a score from 1 to 5, or leave it empty when you did not assess this.")


def _is_score(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and SCORE_MIN <= value <= SCORE_MAX


@transaction.atomic
def assessment_record(
    *, actor: Actor, seeker: JobSeeker, date: datetime.date, scores: Mapping[str, Any]
) -> Assessment:
    """A new assessment of the seeker's life domains on ``date`` (today or earlier).

    ``scores`` maps domains to 1–5; a domain left out or None was not assessed, but at least one must
    be. Errors name the domain (``{"debts": [...]}``), an unknown domain included, and nothing is written.
    """
    ensure_caseworker_of(actor, seeker, message=ONLY_CASEWORKERS)
    errors: dict[str, list] = {}
    for name in sorted(set(scores) - set(DOMAINS)):
        errors[name] = [_("This is not a life domain of the assessment.")]
    given = {domain: value for domain, value in scores.items() if domain in DOMAINS and value is not None}
    for domain, value in given.items():
        if not _is_score(value):
            errors[domain] = [SCORE_RANGE]
    if not given and not errors:
        errors["scores"] = [_("Score at least one life domain.")]
    if not isinstance(date, datetime.date):
        errors["date"] = [_("Give the date of the assessment.")]
    elif date > timezone.localdate():
        errors["date"] = [_("An assessment says how things are; choose today or an earlier date.")]
    assessment = Assessment(seeker=seeker, date=date, recorded_by=actor.user, **given)
    if "date" not in errors and not any(domain in errors for domain in given):
        merge_model_errors(assessment, errors, exclude=["seeker", "recorded_by"])
    raise_if_errors(errors)
    assessment.save()
    return assessment


def draagkracht_current(seeker: JobSeeker) -> DraagkrachtPicture | None:
    return DraagkrachtPicture.objects.filter(seeker=seeker).order_by("-version").first()


@transaction.atomic
def draagkracht_record(
    *, actor: Actor, seeker: JobSeeker, data: Mapping[str, Any]
) -> tuple[DraagkrachtPicture, bool]:
    """Record the draagkracht picture as a new version; return it and whether a version was written.

    Fields left out keep what the current version says, so a change of one part is one field. When
    nothing differs from the current version, no version is written and the current one is returned.
    The first version needs a motivation score.
    """
    reject_unknown_fields(data, PICTURE_FIELDS)
    ensure_caseworker_of(actor, seeker, message=ONLY_CASEWORKERS)
    seeker = JobSeeker.objects.select_for_update().get(pk=seeker.pk)
    current = draagkracht_current(seeker)
    values = current.values() if current is not None else {name: "" for name in PICTURE_TEXT_FIELDS}
    values.setdefault("motivation", None)
    for name, value in data.items():
        values[name] = str(value or "").strip() if name in PICTURE_TEXT_FIELDS else value
    if current is not None and values == current.values():
        return current, False
    errors: dict[str, list] = {}
    motivation = values["motivation"]
    if motivation is None:
        errors["motivation"] = [_("Choose how motivated the person is, from 1 to 5.")]
    elif isinstance(motivation, bool) or motivation not in MotivationScale.values:
        errors["motivation"] = [_("Choose a motivation from 1 to 5.")]
    picture = DraagkrachtPicture(seeker=seeker, version=(current.version + 1) if current else 1,
                                 recorded_by=actor.user, **values)
    merge_model_errors(picture, errors, exclude=["seeker", "recorded_by", "motivation"])
    raise_if_errors(errors)
    picture.save()
    return picture, True
