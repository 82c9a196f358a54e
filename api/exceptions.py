"""API errors: every 4xx is JSON and names the field it is about; domain errors get their HTTP meaning.

Objects of another organisation or municipality answer 404, exactly as if they did not exist,
so that ids cannot be probed; a forbidden workflow move answers 409 Conflict.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from marketplace.exceptions import DomainError, NotAllowed, NotYourMunicipality, NotYourOrganisation


def _validation_detail(exc: DjangoValidationError) -> dict:
    if not hasattr(exc, "error_dict"):
        return {"non_field_errors": exc.messages}
    detail = exc.message_dict
    if NON_FIELD_ERRORS in detail:
        detail["non_field_errors"] = detail.pop(NON_FIELD_ERRORS)
    return detail


def exception_handler(exc, context):
    if isinstance(exc, NotYourOrganisation | NotYourMunicipality):
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
