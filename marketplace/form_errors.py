"""Errors raised by a service, shown on the form that called it: one helper for every face.

Services raise ``ValidationError`` with field names (``{"hours_per_week": [...]}``); the portal,
the Wagtail admin and the public site show those next to the matching field, and anything that
names no field of the form above it, so a person sees what to change without losing their input.
"""

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.BaseForm, error: ValidationError, renamed: dict | None = None) -> None:
    """Show a service's field-named errors next to the form's fields; anything else goes above the form.

    ``renamed`` maps a service's field name to the form's where they differ.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, messages in error.message_dict.items():
        name = (renamed or {}).get(name, name)
        form.add_error(name if name in form.fields else None, messages)
