"""The two-factor code forms: a six-digit code from the app, or a backup code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.two_factor import normalise_code


class AppCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"), max_length=12,
        help_text=_("Six digits. The app shows a new code every 30 seconds."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "autocapitalize": "off", "spellcheck": "false"}),
        error_messages={"required": _("Fill in the six digits your app shows now.")},
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Fill in the six digits your app shows now."))
        return code


class BackupCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Backup code"), max_length=20,
        help_text=_("One of the codes you saved when you set up your app. Each code works once."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off",
                                      "spellcheck": "false"}),
        error_messages={"required": _("Fill in one of your backup codes.")},
    )

    def clean_code(self):
        return normalise_code(self.cleaned_data["code"])
