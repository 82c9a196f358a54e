"""Forms of the job seeker's plan page: a comment, and agreeing to the version of the plan they read."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.constants import NOTE_MAX_LENGTH


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example a question, or something you want to change. Your caseworker reads it."),
    )


class AgreeForm(forms.Form):
    """Carries the version the person read, so that an agreement never covers a plan they have not seen."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
