"""The association's request for a neighbourhood service, sent from the signed-in portal."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.models import ServiceFrequency
from marketplace.models.service_requests import DESCRIPTION_MAX_LENGTH
from marketplace.validators import normalise_postcode
from portal.forms.common import DateInput


class ServiceRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("For which association?"), queryset=None, empty_label=None)
    category = forms.ModelChoiceField(label=_("Kind of service"), queryset=None, empty_label=None,
                                      widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("What needs doing?"), max_length=DESCRIPTION_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Describe the work in a few sentences."),
    )
    street = forms.CharField(label=_("Street and house number"), max_length=150,
                             help_text=_("Where the work needs to be done."))
    postcode = forms.CharField(label=_("Postcode"), max_length=7, help_text=_("For example 1234 AB."))
    city = forms.CharField(label=_("Place"), max_length=80, required=False)
    frequency = forms.ChoiceField(label=_("How often?"), choices=ServiceFrequency.choices,
                                  initial=ServiceFrequency.ONCE, widget=forms.RadioSelect)
    preferred_date = forms.DateField(label=_("Preferred start date"), required=False, widget=DateInput(),
                                     help_text=_("Leave empty if any date is fine."))
    timing_notes = forms.CharField(label=_("Preferred days or times"), max_length=200, required=False,
                                   help_text=_("For example: Tuesday mornings."))
    requester_phone = forms.CharField(label=_("Phone number of the contact person"), max_length=20, required=False,
                                      help_text=_("So that the municipality can call about the work."))

    AUTOCOMPLETE = {"street": "street-address", "postcode": "postal-code", "city": "address-level2",
                    "requester_phone": "tel"}

    def __init__(self, *args, organisations, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["category"].queryset = categories
        if len(organisations) == 1:
            del self.fields["organisation"]
            self.only_organisation = organisations[0]
        else:
            self.only_organisation = None
        for name, token in self.AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token

    def clean_postcode(self) -> str:
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_preferred_date(self):
        value = self.cleaned_data.get("preferred_date")
        if value and value < timezone.localdate():
            raise ValidationError(_("Choose today or a later date."))
        return value

    def chosen_organisation(self):
        return self.only_organisation or self.cleaned_data["organisation"]

    def service_arguments(self, user) -> dict:
        """Keyword arguments of ``service_request_submit``; the signed-in member is the contact person."""
        data = {name: self.cleaned_data[name] for name in (
            "category", "description", "street", "postcode", "city", "frequency", "preferred_date", "timing_notes",
            "requester_phone",
        )}
        data["requester_name"] = user.get_full_name() or user.get_username()
        data["requester_email"] = user.email
        data["organisation"] = self.chosen_organisation()
        return data
