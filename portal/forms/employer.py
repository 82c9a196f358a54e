"""Forms of the employer's portal: a role with its skills, and the terms of a placement or its end."""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from marketplace.choices import (
    PHYSICAL_LABELS,
    SUPPORT_LABELS,
    LanguageLevelChoice,
    RoleKind,
    RungChoice,
    SkillLevelChoice,
)
from marketplace.constants import (
    ALLOWANCE_MAX_DIGITS,
    LONG_TEXT_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    PLACEMENT_HOURS_MAX,
    PLACEMENT_HOURS_MIN,
    ROLE_HOURS_MAX,
    ROLE_HOURS_MIN,
    ROLE_PLACES_MAX,
    Physical,
    Support,
)
from marketplace.fields import FlagsFormField
from marketplace.form_fields import HoursRangeMixin, weekdays_field
from marketplace.messages import role_hours
from marketplace.services.applications import PlacementTerms
from marketplace.services.roles import SkillRequirement
from portal.forms.common import DateInput, SkillRowForm, SkillRowFormSet, money, whole_number

ROLE_DATA_FIELDS = (
    "kind", "title", "description", "hours_min", "hours_max", "weekdays", "start_date", "end_date",
    "at_requester_address", "language_level_required", "physical_demands", "support_offered", "target_rung",
    "places", "hourly_wage", "volunteer_allowance", "street", "postcode", "city",
)


class RoleForm(HoursRangeMixin, forms.Form):
    """A role as an employer describes it; the organisation is chosen only when they act for several."""

    organisation = forms.ModelChoiceField(label=_("For which organisation?"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=150, help_text=_("Short and clear, for example "
                                                                          "“Setting out bread crates”."))
    kind = forms.ChoiceField(label=_("Kind of work"), choices=RoleKind.choices)
    description = forms.CharField(label=_("What is the work?"), max_length=LONG_TEXT_MAX_LENGTH,
                                  widget=forms.Textarea(attrs={"rows": 6}),
                                  help_text=_("Describe the tasks in plain words. Say what a normal day looks like."))
    hours_min = whole_number(_("Fewest hours a week"), min_value=ROLE_HOURS_MIN, max_value=ROLE_HOURS_MAX)
    hours_max = whole_number(_("Most hours a week"), min_value=ROLE_HOURS_MIN, max_value=ROLE_HOURS_MAX)
    weekdays = weekdays_field(_("Days"))
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DateInput())
    end_date = forms.DateField(label=_("End date"), required=False, widget=DateInput(),
                               help_text=_("Leave empty when the work goes on."))
    places = whole_number(_("Number of places"), min_value=1, max_value=ROLE_PLACES_MAX, initial=1)
    hourly_wage = money(_("Hourly wage (EUR)"), help_text=_("Leave empty for volunteer work."))
    volunteer_allowance = money(_("Volunteer allowance a month (EUR)"), max_digits=ALLOWANCE_MAX_DIGITS,
                                help_text=_("Only for volunteer work; leave empty when you pay a wage."))
    language_level_required = forms.TypedChoiceField(label=_("Level of Dutch needed"), coerce=int,
                                                     choices=LanguageLevelChoice.choices,
                                                     initial=LanguageLevelChoice.A1)
    physical_demands = FlagsFormField(flag_type=Physical, labels=PHYSICAL_LABELS, label=_("The work asks for"),
                                      required=False)
    support_offered = FlagsFormField(flag_type=Support, labels=SUPPORT_LABELS, label=_("Support you offer"),
                                     required=False)
    target_rung = forms.TypedChoiceField(label=_("Step on the participation ladder for this work"), coerce=int,
                                         choices=RungChoice.choices, initial=RungChoice.PAID_WORK_WITH_SUPPORT)
    at_requester_address = forms.BooleanField(label=_("The work is done at a resident's or association's address"),
                                              required=False)
    street = forms.CharField(label=_("Street and number"), max_length=150, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7, help_text=_("For example 1234 AB. We use it to "
                                                                               "show how far away the work is."))
    city = forms.CharField(label=_("Place"), max_length=80, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            del self.fields["organisation"]
            self.only_organisation = organisations[0]
        else:
            self.only_organisation = None
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"

    def chosen_organisation(self):
        return self.only_organisation or self.cleaned_data["organisation"]

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in ROLE_DATA_FIELDS}


class RoleSkillForm(SkillRowForm):
    level = forms.TypedChoiceField(label=_("Level"), coerce=int, choices=SkillLevelChoice.choices,
                                   initial=SkillLevelChoice.BASIC)
    required = forms.BooleanField(label=_("Required (not just nice to have)"), required=False, initial=True)


class BaseRoleSkillFormSet(SkillRowFormSet):
    def requirements(self) -> list[SkillRequirement]:
        return [SkillRequirement(skill=row["skill"], level=row["level"], required=row["required"])
                for row in self.chosen()]


RoleSkillFormSet = forms.formset_factory(RoleSkillForm, formset=BaseRoleSkillFormSet, extra=3, max_num=30,
                                         validate_max=True)


class PlacementForm(forms.Form):
    start_date = forms.DateField(label=_("Start date"), widget=DateInput())
    hours_per_week = whole_number(_("Hours a week"), min_value=PLACEMENT_HOURS_MIN, max_value=PLACEMENT_HOURS_MAX)
    hourly_wage = money(_("Hourly wage (EUR)"), help_text=_("Leave empty to use the wage of the role, or for "
                                                             "volunteer work."))
    job_coach = forms.BooleanField(label=_("A job coach supports the new colleague"), required=False)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=NOTE_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, role=None, **kwargs):
        super().__init__(*args, **kwargs)
        if role is None:
            return
        self.fields["hours_per_week"].help_text = role_hours(role)
        if role.hourly_wage is not None:
            self.fields["hourly_wage"].help_text = _(
                "Leave empty to pay the wage of the role, € %(wage)s an hour. You may pay more, not less."
            ) % {"wage": number_format(role.hourly_wage, decimal_pos=2, use_l10n=True)}

    def terms(self) -> PlacementTerms:
        data = self.cleaned_data
        return PlacementTerms(start_date=data["start_date"], hours_per_week=data["hours_per_week"],
                              hourly_wage=data["hourly_wage"], job_coach=data["job_coach"])


class EndForm(forms.Form):
    reason = forms.CharField(label=_("Why does the placement end?"), max_length=NOTE_MAX_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_("The caseworker reads this. Do not write about health or private "
                                         "matters."))
    end_date = forms.DateField(label=_("Last working day"), required=False, widget=DateInput(),
                               help_text=_("Leave empty for today."))


class InviteForm(forms.Form):
    candidate = forms.CharField(max_length=500, widget=forms.HiddenInput)
    # The number on the card ("Kandidaat 3"), so the candidate keeps that name after the invitation.
    number = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
