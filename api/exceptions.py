"""API errors: every 4xx is JSON and names the field it is about; domain errors get their HTTP meaning.

Objects of another organisation or municipality answer 404, exactly as if they did not exist,
so that ids cannot be probed; a forbidden workflow move answers 409 Conflict. A body larger than
``DATA_UPLOAD_MAX_MEMORY_SIZE`` answers 413 and one with too many fields 400, as JSON like the rest
(Django itself would answer those with its HTML error page).

Errors are worded in the language of the request (Dutch unless it asks for English). DRF's own Dutch
catalogue lacks some of its messages and words a few badly; the project's catalogue comes first, so
``DRF_MESSAGES`` lists those for makemessages to keep their Dutch in ``locale/nl``.
"""

import math

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext
from rest_framework import exceptions, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from api.parsers import too_many_fields_message
from marketplace.exceptions import DomainError, NotAllowed, NotYourMunicipality, NotYourOrganisation

DRF_MESSAGES = (
    gettext_noop("Not a valid string."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Must be a valid UUID."),
    gettext_noop("Invalid input."),
    gettext_noop("Datetime value out of range."),
    gettext_noop('Invalid datetime for the timezone "{timezone}".'),
    gettext_noop("This dictionary may not be empty."),
    gettext_noop("Ensure this field has at least {min_length} elements."),
    gettext_noop("Ensure this field has no more than {max_length} elements."),
    gettext_noop('Enter a valid "slug" consisting of Unicode letters, numbers, underscores, or hyphens.'),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
    gettext_noop("Request was throttled."),
    gettext_noop("You do not have permission to perform this action."),
    gettext_noop("Date has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Datetime has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Time has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("A page number within the paginated result set."),
    gettext_noop("Number of results to return per page."),
)


class Throttled(exceptions.Throttled):
    """429 Too Many Requests, with the waiting time in the language of the request.

    DRF puts the number into both plural forms before it looks them up, so the lookup never finds a
    translation and "Expected available in 60 seconds." stays English on a Dutch answer.
    """

    def __init__(self, wait=None, detail=None, code=None):
        text = str(detail if detail is not None else self.default_detail)
        if wait is not None:
            wait = math.ceil(wait)
            waiting = ngettext("Expected available in {wait} second.", "Expected available in {wait} seconds.", wait)
            text = f"{text} {waiting.format(wait=wait)}"
        super().__init__(detail=text, code=code)
        self.wait = wait


def _validation_detail(exc: DjangoValidationError) -> dict:
    if not hasattr(exc, "error_dict"):
        return {"non_field_errors": exc.messages}
    detail = exc.message_dict
    if NON_FIELD_ERRORS in detail:
        detail["non_field_errors"] = detail.pop(NON_FIELD_ERRORS)
    return detail


def _request_refused(exc) -> Response | None:
    if isinstance(exc, RequestDataTooBig):
        message = _("The request body is larger than %(size)d bytes.") % {"size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
        return Response({"detail": message}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, TooManyFieldsSent):
        return Response({"detail": too_many_fields_message()}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, TooManyFilesSent):
        message = _("The request has more than %(count)d files.") % {"count": settings.DATA_UPLOAD_MAX_NUMBER_FILES}
        return Response({"detail": message}, status=status.HTTP_400_BAD_REQUEST)
    return None


def exception_handler(exc, context):
    refused = _request_refused(exc)
    if refused is not None:
        return refused
    if isinstance(exc, NotYourOrganisation | NotYourMunicipality | Http404):
        # Django's Http404 from get_object_or_404 names the model ("No JobSeeker matches ..."): answer
        # the same plain "not found" whatever was looked for.
        exc = NotFound()
    elif isinstance(exc, NotAllowed):
        exc = PermissionDenied(str(exc.message))
    elif isinstance(exc, DomainError):
        return Response({exc.field: [str(exc.message)]}, status=status.HTTP_409_CONFLICT)
    elif isinstance(exc, DjangoValidationError):
        exc = ValidationError(_validation_detail(exc))
    response = drf_exception_handler(exc, context)
    if response is None and isinstance(exc, IntegrityError):
        return Response(
            {"non_field_errors": [_("The data conflicts with existing data or breaks a rule.")]},
            status=status.HTTP_400_BAD_REQUEST,
        )
    return response
