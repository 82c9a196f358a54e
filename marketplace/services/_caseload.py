"""What the caseload services share: only a caseworker of the job seeker's own municipality writes."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.exceptions import NotAllowed
from marketplace.models import JobSeeker

ANOTHER_MUNICIPALITY = _("This job seeker belongs to another municipality.")


def ensure_caseworker_of(actor: Actor, seeker: JobSeeker, *, message=None) -> None:
    """NotAllowed for anyone but a caseworker; a ValidationError on ``seeker`` for another municipality's seeker."""
    if not actor.is_caseworker:
        raise NotAllowed(message or _("Only caseworkers can do this."))
    if seeker.municipality_id != actor.caseworker.municipality_id:
        raise ValidationError({"seeker": [ANOTHER_MUNICIPALITY]}, code="other_municipality")


def iso(value) -> str | None:
    """A value as the history keeps it: dates as ISO strings, everything else as it is."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def merge_model_errors(instance, errors: dict, *, exclude=()) -> None:
    """Run the model's own field validation and add its messages to ``errors``, keyed by field."""
    try:
        instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            if name not in errors:  # the service's own message for a field says it better
                errors[name] = messages
