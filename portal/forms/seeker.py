"""Forms of the job seeker's portal: availability and skills, consent, and an application's answers."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.choices import LanguageLevelChoice, RoleKind, SkillLevelChoice
from marketplace.form_fields import weekdays_field
from marketplace.services.seekers import SEEKER_OWN_FIELDS, SkillHeld
from portal.forms.common import BoundedModelMultipleChoiceField, whole_number

HOURS_MAX = 60
TRAVEL_KM_MAX = 100
DISTANCE_CHOICES = [(km, f"{km} km") for km in (2, 5, 10, 25, 50)]
NOTE_MAX_LENGTH = 1000


class ProfileForm(forms.Form):
    """What a job seeker keeps up to date themselves. Which fields are theirs is the service's decision."""

    hours_min = whole_number(_("At least this many hours a week"), min_value=0, max_value=HOURS_MAX,
                             required=False)
    hours_max = whole_number(_("At most this many hours a week"), min_value=1, max_value=HOURS_MAX,
                             required=False)
    weekdays = weekdays_field(_("Days you can work"), required=False)
    max_travel_km = whole_number(_("How far can you travel? (km)"), min_value=1, max_value=TRAVEL_KM_MAX,
                                 help_text=_("From your home to the work, one way."))
    language_level = forms.TypedChoiceField(
        label=_("Your level of Dutch"), coerce=int, choices=LanguageLevelChoice.choices,
        help_text=_("A1 is a beginner, B1 is everyday Dutch, C2 is like a native speaker."),
    )
    interests = BoundedModelMultipleChoiceField(
        label=_("Work you like"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = categories
        for name in ("language_level",):
            if name not in SEEKER_OWN_FIELDS:
                # The caseworker keeps this one; the page shows it read-only instead.
                del self.fields[name]

    def clean(self):
        data = super().clean()
        low, high = data.get("hours_min"), data.get("hours_max")
        if low is not None and high is not None and low > high:
            self.add_error("hours_max", _("The most hours cannot be less than the fewest hours."))
        return data

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "interests"}


class SkillForm(forms.Form):
    """One skill with the level the seeker has it at; an empty row is skipped."""

    skill = forms.ModelChoiceField(label=_("Skill"), queryset=None, required=False, empty_label=_("(no skill)"))
    level = forms.TypedChoiceField(label=_("How well"), coerce=int, choices=SkillLevelChoice.choices,
                                   initial=SkillLevelChoice.BASIC)
    DELETE = forms.BooleanField(label=_("Remove this skill"), required=False)

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = skills


class BaseSkillFormSet(forms.BaseFormSet):
    def __init__(self, *args, skills, **kwargs):
        self.skills = skills
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "skills": self.skills}

    def clean(self):
        chosen = [form.cleaned_data.get("skill") for form in self.forms if form.cleaned_data
                  and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("skill")]
        if len({skill.pk for skill in chosen}) != len(chosen):
            raise ValidationError(_("Each skill can be on your list only once."))

    def skills_held(self) -> list[SkillHeld]:
        return [SkillHeld(skill=form.cleaned_data["skill"], level=form.cleaned_data["level"])
                for form in self.forms
                if form.cleaned_data.get("skill") and not form.cleaned_data.get("DELETE")]


SkillFormSet = forms.formset_factory(SkillForm, formset=BaseSkillFormSet, extra=2, max_num=30, validate_max=True)


class ConsentForm(forms.Form):
    card_visible = forms.BooleanField(
        label=_("Employers may see my anonymous card"), required=False,
        help_text=_("The card shows your skills, hours, level of Dutch and roughly how far away you live. "
                    "It never shows your name, address or phone number."),
    )
    introduction_allowed = forms.BooleanField(
        label=_("Employers of work I show interest in may see my name and contact details"), required=False,
        help_text=_("If you do not tick this, we ask you each time before we introduce you."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=NOTE_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 3}))


class RoleFilterForm(forms.Form):
    """GET filters of the seeker's role list; bad values become field errors and are ignored."""

    kind = forms.ChoiceField(label=_("Kind of work"), required=False)
    hours = whole_number(_("Hours a week you can work"), min_value=1, max_value=40, required=False,
                         help_text=_("Shows work that starts at this number of hours or fewer."))
    distance = forms.TypedChoiceField(label=_("How far from home"), required=False, coerce=int,
                                      choices=[("", _("Any distance")), *DISTANCE_CHOICES], empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds of work")), *RoleKind.choices]

    def filters(self) -> dict:
        """The valid filters only, so that one bad value does not hide every role."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
