"""Forms of the public site: the neighbourhood service request (the role filters are ``marketplace.role_filters``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.service_request_form import ServiceRequestBaseForm

HONEYPOT_FIELD = "website"


class ServiceRequestForm(ServiceRequestBaseForm):
    """The public request for a neighbourhood service.

    The ``website`` field is a trap for robots: people never see it, so a value there marks the
    submission as spam.
    """

    requester_name = forms.CharField(label=_("Your name"), max_length=120)
    requester_email = forms.EmailField(label=_("E-mail address"), max_length=254,
                                       help_text=_("We send the confirmation and a link to follow your request."))
    requester_phone = forms.CharField(label=_("Phone number"), max_length=20,
                                      help_text=_("For example 06 12345678."))
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    AUTOCOMPLETE = {**ServiceRequestBaseForm.AUTOCOMPLETE, "requester_name": "name", "requester_email": "email"}

    def __init__(self, *args, contact_optional: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD].widget.attrs.update(autocomplete="off", tabindex="-1")
        if contact_optional:
            for name in ("requester_name", "requester_email", "requester_phone"):
                self.fields[name].required = False

    def is_spam(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    def cleaned_data_for_service(self, user) -> dict:
        """The cleaned fields as keyword arguments of ``service_request_submit``; a signed-in
        association member who leaves the contact fields empty is the contact person."""
        data = {name: value for name, value in self.cleaned_data.items() if name != HONEYPOT_FIELD}
        if getattr(user, "is_authenticated", False):
            data["requester_name"] = data["requester_name"] or user.get_full_name() or user.get_username()
            data["requester_email"] = data["requester_email"] or user.email
        return data
