"""The filters of a role list as a person fills them in, on the public site and in the job seeker's portal.

One form holds the fields, their limits and their messages, and ``RoleFilterForm.filters()`` turns
what was filled in into the ``RoleFilters`` that ``role_list_filtered`` applies. A wrong value is named
next to its field and left out of the search, so that one mistake does not hide every role. The API's
query parameters keep their own names but use the same limits and the same postcode lookup
(``PostcodeAreaField``).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.choices import SUPPORT_LABELS, RoleKind
from marketplace.constants import SEARCH_RADIUS_CHOICES_KM, SEARCH_RADIUS_KM_DEFAULT, SEEKER_HOURS_MAX, Support
from marketplace.fields import FlagsFormField
from marketplace.form_fields import whole_number
from marketplace.messages import UNKNOWN_POSTCODE
from marketplace.selectors.locations import postcode_area_centre
from marketplace.selectors.roles import RoleFilters

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$")
FILTER_FIELDS = ("kind", "hours", "postcode", "distance", "skill", "support")


class PostcodeAreaField(forms.CharField):
    """A Dutch postcode (``1234 AB``, or just ``1234``), cleaned to the centre of its four-digit area.

    Only the area is looked up, never the address. A well-formed postcode that we cannot place is an
    error of its own (code ``unknown_postcode``), rather than a search without distance.
    """

    default_error_messages = {
        "invalid": _("Enter a postcode such as 1234 AB, or just the four digits."),
        "unknown_postcode": UNKNOWN_POSTCODE,
    }

    def clean(self, value) -> tuple[float, float] | None:
        text = super().clean(value)
        return self.point_of(text.strip()) if text else None

    def point_of(self, text: str) -> tuple[float, float]:
        match = POSTCODE.match(text)
        if match is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        centre = postcode_area_centre(match.group(1))
        if centre is None:
            raise ValidationError(self.error_messages["unknown_postcode"], code="unknown_postcode")
        return centre


class RoleFilterForm(forms.Form):
    """GET filters of a role list; every field is optional.

    On the public site distances are measured from the postcode a visitor gives. In the job seeker's
    portal (``from_home``) they are measured from ``home``, the seeker's own place, and there is no
    postcode field.
    """

    kind = forms.ChoiceField(label=_("Kind of work"), required=False)
    hours = whole_number(_("Hours a week you can work"), required=False, min_value=1, max_value=SEEKER_HOURS_MAX,
                         help_text=_("Shows work that starts at this number of hours or fewer."))
    postcode = PostcodeAreaField(label=_("Your postcode"), required=False, max_length=7,
                                 help_text=_("For example 1234 AB. We only use the four digits."))
    distance = forms.TypedChoiceField(
        label=_("Maximum distance"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Any distance")), *((km, f"{km} km") for km in SEARCH_RADIUS_CHOICES_KM)],
    )
    skill = forms.TypedChoiceField(label=_("Skill"), required=False, coerce=int, empty_value=None)
    support = FlagsFormField(flag_type=Support, labels=SUPPORT_LABELS, label=_("Support you need"), required=False)

    def __init__(self, *args, skill_choices=(), from_home: bool = False, home: tuple[float, float] | None = None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.from_home, self.home = from_home, home
        self.fields["kind"].choices = [("", _("All kinds of work")), *RoleKind.choices]
        self.fields["skill"].choices = [("", _("All skills")), *skill_choices]
        if from_home:
            del self.fields["postcode"]
            self.fields["distance"].label = _("How far from home")
        else:
            self.fields["distance"].initial = SEARCH_RADIUS_KM_DEFAULT
            self.fields["postcode"].widget.attrs.update(autocomplete="postal-code", inputmode="text")

    def filters(self) -> RoleFilters:
        """The valid filters only; a distance counts only from a known place."""
        if not self.is_bound:
            return RoleFilters()
        self.is_valid()
        data = self.cleaned_data
        point = self.home if self.from_home else data.get("postcode")
        radius = data.get("distance")
        return RoleFilters(
            kind=data.get("kind") or "", hours=data.get("hours"), skill_id=data.get("skill"),
            support=data.get("support") or 0, point=point if radius else None,
            radius_km=radius or SEARCH_RADIUS_KM_DEFAULT,
        )

    @property
    def postcode_unknown(self) -> bool:
        return self.is_bound and self.has_error("postcode", code="unknown_postcode")

    @property
    def distance_ignored(self) -> bool:
        """A distance was chosen in the portal, but we do not know where the job seeker lives."""
        return self.from_home and self.home is None and bool(self.is_bound and self.data.get("distance"))

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in FILTER_FIELDS if name != "distance")
