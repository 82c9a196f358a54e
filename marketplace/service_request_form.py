"""What a request for a neighbourhood service asks on every face that takes one: the public site and the
association's portal. Each face adds who is asking; ``service_request_submit`` checks the whole again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.form_fields import DateInput
from marketplace.models import ServiceFrequency
from marketplace.models.service_requests import DESCRIPTION_MAX_LENGTH
from marketplace.validators import normalise_phone, normalise_postcode, validate_today_or_later


class ServiceRequestBaseForm(forms.Form):
    """The work, where and when. Text is kept exactly as typed (HTML included) and escaped when shown."""

    description = forms.CharField(
        label=_("What needs doing?"), max_length=DESCRIPTION_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
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

    AUTOCOMPLETE = {"street": "street-address", "postcode": "postal-code", "city": "address-level2",
                    "requester_phone": "tel"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, token in self.AUTOCOMPLETE.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = token
        self.fields["description"].help_text = _(
            "Describe the work in a few sentences. At most %(max)d characters."
        ) % {"max": DESCRIPTION_MAX_LENGTH}

    def clean_postcode(self) -> str:
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_preferred_date(self):
        # Checked when the form is sent rather than by the field, which must read back any date it shows.
        value = self.cleaned_data.get("preferred_date")
        validate_today_or_later(value)
        return value

    def clean_requester_phone(self) -> str:
        value = self.cleaned_data.get("requester_phone")
        return normalise_phone(value) if value else ""
