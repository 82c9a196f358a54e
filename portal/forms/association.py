"""The association's request for a neighbourhood service, sent from the signed-in portal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.service_request_form import ServiceRequestBaseForm


class ServiceRequestForm(ServiceRequestBaseForm):
    organisation = forms.ModelChoiceField(label=_("For which association?"), queryset=None, empty_label=None)
    category = forms.ModelChoiceField(label=_("Kind of service"), queryset=None, empty_label=None,
                                      widget=forms.RadioSelect)
    requester_phone = forms.CharField(label=_("Phone number of the contact person"), max_length=20, required=False,
                                      help_text=_("So that the municipality can call about the work."))

    def __init__(self, *args, organisations, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["category"].queryset = categories
        if len(organisations) == 1:
            del self.fields["organisation"]
            self.only_organisation = organisations[0]
        else:
            self.only_organisation = None

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
