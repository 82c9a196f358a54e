"""API errors: every 4xx is JSON and names the field it is about; domain errors get their HTTP meaning.

Objects of another organisation or municipality answer 404, exactly as if they did not exist,
so that ids cannot be probed; a forbidden workflow move answers 409 Conflict. A body larger than
``DATA_UPLOAD_MAX_MEMORY_SIZE`` answers 413 and one with too many fields 400, as JSON like the rest
(Django itself would answer those with its HTML error page).
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from api.parsers import too_many_fields_message
from marketplace.exceptions import DomainError, NotAllowed, NotYourMunicipality, NotYourOrganisation


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
