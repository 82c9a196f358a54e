"""Forms of the job seeker's portal: availability and skills, consent, and an application's answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.choices import LanguageLevelChoice, SkillLevelChoice
from marketplace.constants import NOTE_MAX_LENGTH, SEEKER_HOURS_MAX, SEEKER_HOURS_MIN, TRAVEL_KM_MAX, TRAVEL_KM_MIN
from marketplace.form_fields import HoursRangeMixin, weekdays_field
from marketplace.services.seekers import SEEKER_OWN_FIELDS, SkillHeld
from portal.forms.common import BoundedModelMultipleChoiceField, SkillRowForm, SkillRowFormSet, whole_number


class ProfileForm(HoursRangeMixin, forms.Form):
    """What a job seeker keeps up to date themselves. Which fields are theirs is the service's decision."""

    hours_min = whole_number(_("At least this many hours a week"), min_value=SEEKER_HOURS_MIN,
                             max_value=SEEKER_HOURS_MAX, required=False)
    hours_max = whole_number(_("At most this many hours a week"), min_value=1, max_value=SEEKER_HOURS_MAX,
                             required=False)
    weekdays = weekdays_field(_("Days you can work"), required=False)
    max_travel_km = whole_number(_("How far can you travel? (km)"), min_value=TRAVEL_KM_MIN, max_value=TRAVEL_KM_MAX,
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

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "interests"}


class SkillForm(SkillRowForm):
    """One skill with the level the seeker has it at; an empty row is skipped."""

    level = forms.TypedChoiceField(label=_("How well"), coerce=int, choices=SkillLevelChoice.choices,
                                   initial=SkillLevelChoice.BASIC)
    DELETE = forms.BooleanField(label=_("Remove this skill"), required=False)


class BaseSkillFormSet(SkillRowFormSet):
    def skills_held(self) -> list[SkillHeld]:
        return [SkillHeld(skill=row["skill"], level=row["level"]) for row in self.chosen()]


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
