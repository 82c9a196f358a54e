"""The form provider staff report progress with: a date, how it is going, and a result only in the final report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.constants import TEXT_MAX_LENGTH
from marketplace.form_fields import DateInput
from marketplace.models.koffer import AssignmentResult

# The empty choice comes first and is what the form shows: no result is chosen for the person.
NOT_FINAL = ("", _("No result yet: the trajectory continues"))


class ProgressReportForm(forms.Form):
    date = forms.DateField(label=_("Date of the report"), widget=DateInput,
                           help_text=_("The day the report is about: today or earlier, from the start of the "
                                       "trajectory."))
    text = forms.CharField(
        label=_("Progress"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, what went well and what needs attention. The caseworker of the municipality "
                    "reads this report."),
    )
    result = forms.ChoiceField(
        label=_("Final result"), required=False, choices=[NOT_FINAL, *AssignmentResult.choices],
        help_text=_("Only for the final report: choosing a result ends the trajectory on the date of the report."),
    )
