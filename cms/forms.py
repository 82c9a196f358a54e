"""Forms of the public site: the role filters and the neighbourhood service request."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.selectors import postcode_area_for
from marketplace.choices import SUPPORT_LABELS, RoleKind
from marketplace.constants import Support
from marketplace.form_fields import DateInput, whole_number
from marketplace.models import ServiceFrequency
from marketplace.models.service_requests import DESCRIPTION_MAX_LENGTH
from marketplace.validators import normalise_phone, normalise_postcode

DISTANCE_CHOICES = [(km, f"{km} km") for km in (5, 10, 25, 50)]
UNKNOWN_POSTCODE = _("We do not know this postcode. Try a postcode nearby, or leave it empty to see work at "
                     "any distance.")
HONEYPOT_FIELD = "website"


class RoleFilterForm(forms.Form):
    """GET filters of the role list; every field is optional and bad values become field errors."""

    kind = forms.ChoiceField(label=_("Kind of work"), required=False)
    hours = whole_number(
        _("Hours per week you can work"), required=False, min_value=1, max_value=40,
        help_text=_("Shows work that starts at this number of hours or fewer."),
    )
    postcode = forms.CharField(
        label=_("Your postcode"), required=False, max_length=7,
        help_text=_("For example 1234 AB. We only use the four digits."),
    )
    distance = forms.TypedChoiceField(
        label=_("Maximum distance"), required=False, coerce=int, choices=DISTANCE_CHOICES, initial=10,
        empty_value=10,
    )
    skill = forms.TypedChoiceField(label=_("Skill"), required=False, coerce=int, empty_value=None)
    support = forms.MultipleChoiceField(
        label=_("Support you need"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(member.name.lower(), SUPPORT_LABELS[member]) for member in Support],
    )

    def __init__(self, *args, skill_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds of work")), *RoleKind.choices]
        self.fields["skill"].choices = [("", _("All skills")), *skill_choices]
        self.fields["postcode"].widget.attrs.update(autocomplete="postal-code", inputmode="text")

    def clean_postcode(self) -> str:
        """Four digits are enough to place someone; a full postcode is accepted and cut down."""
        value = (self.cleaned_data.get("postcode") or "").strip()
        if not value:
            return ""
        digits = value[:4]
        if not (len(digits) == 4 and digits.isdigit() and digits[0] != "0"):
            raise ValidationError(_("Enter a postcode such as 1234 AB, or just the four digits."))
        return digits

    def clean_support(self) -> int:
        return int(sum(Support[name.upper()] for name in self.cleaned_data.get("support") or []))

    def clean(self):
        """A well-formed postcode that we cannot place is said to be unknown, rather than searched without."""
        data = super().clean()
        digits = data.get("postcode")
        self.area = postcode_area_for(digits) if digits else None
        if digits and self.area is None:
            self.add_error("postcode", UNKNOWN_POSTCODE)
        return data

    @property
    def postcode_unknown(self) -> bool:
        return self.is_bound and UNKNOWN_POSTCODE in self.errors.get("postcode", ())

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in ("kind", "hours", "postcode", "skill", "support"))


class ServiceRequestForm(forms.Form):
    """The public request for a neighbourhood service.

    Text is kept exactly as typed (HTML included) and escaped when shown. The ``website`` field
    is a trap for robots: people never see it, so a value there marks the submission as spam.
    """

    requester_name = forms.CharField(label=_("Your name"), max_length=120)
    requester_email = forms.EmailField(label=_("E-mail address"), max_length=254,
                                       help_text=_("We send the confirmation and a link to follow your request."))
    requester_phone = forms.CharField(label=_("Phone number"), max_length=20,
                                      help_text=_("For example 06 12345678."))
    street = forms.CharField(label=_("Street and house number"), max_length=150,
                             help_text=_("Where the work needs to be done."))
    postcode = forms.CharField(label=_("Postcode"), max_length=7, help_text=_("For example 1234 AB."))
    city = forms.CharField(label=_("Place"), max_length=80, required=False)
    description = forms.CharField(
        label=_("What needs doing?"), max_length=DESCRIPTION_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
    )
    frequency = forms.ChoiceField(label=_("How often?"), choices=ServiceFrequency.choices,
                                  initial=ServiceFrequency.ONCE, widget=forms.RadioSelect)
    preferred_date = forms.DateField(label=_("Preferred start date"), required=False, widget=DateInput(),
                                     help_text=_("Leave empty if any date is fine."))
    timing_notes = forms.CharField(label=_("Preferred days or times"), max_length=200, required=False,
                                   help_text=_("For example: Tuesday mornings."))
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    AUTOCOMPLETE = {
        "requester_name": "name", "requester_email": "email", "requester_phone": "tel",
        "street": "street-address", "postcode": "postal-code", "city": "address-level2",
    }

    def __init__(self, *args, contact_optional: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for name, token in self.AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        self.fields[HONEYPOT_FIELD].widget.attrs.update(autocomplete="off", tabindex="-1")
        self.fields["description"].help_text = _(
            "Describe the work in a few sentences. At most %(max)d characters."
        ) % {"max": DESCRIPTION_MAX_LENGTH}
        if contact_optional:
            for name in ("requester_name", "requester_email", "requester_phone"):
                self.fields[name].required = False

    def is_spam(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    def clean_postcode(self) -> str:
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_requester_phone(self) -> str:
        value = self.cleaned_data.get("requester_phone")
        return normalise_phone(value) if value else ""

    def clean_preferred_date(self):
        value = self.cleaned_data.get("preferred_date")
        if value and value < timezone.localdate():
            raise ValidationError(_("Choose today or a later date."))
        return value

    def cleaned_data_for_service(self, user) -> dict:
        """The cleaned fields as keyword arguments of ``service_request_submit``; a signed-in
        association member who leaves the contact fields empty is the contact person."""
        data = {name: value for name, value in self.cleaned_data.items() if name != HONEYPOT_FIELD}
        if getattr(user, "is_authenticated", False):
            data["requester_name"] = data["requester_name"] or user.get_full_name() or user.get_username()
            data["requester_email"] = data["requester_email"] or user.email
        return data
