"""The draaglast page of one job seeker: asks for a purpose, logs the read, then shows and saves the data.

The purpose is posted with a form (CSRF-protected), never put in a query string, so it stays out of
URLs, browser history and server logs. The data appears only in the answer to that POST, which no
cache keeps; after saving, the page asks for a purpose again before it shows anything. The read shows
the current picture and every earlier version, and logs both in one entry. The draaglast is never
part of the job seeker's edit form. Only caseworkers of the seeker's municipality reach
this page; for anyone else the seeker does not exist (404).
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import fields_for_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from marketplace.burden_labels import NOT_ASSESSED, change_lines, field_label, picture_rows
from marketplace.form_errors import add_service_errors
from marketplace.models import BurdenSeverity, JobSeeker, SeekerBurden
from marketplace.models.seekers import BURDEN_CATEGORIES
from marketplace.selectors.burden import (
    PURPOSE_MAX_LENGTH,
    burden_read_for_staff,
    clean_purpose,
    staff_may_access_burden,
)
from marketplace.services.burden import burden_update

READ, SAVE = "read", "save"


class PurposeForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose of this read"),
        max_length=PURPOSE_MAX_LENGTH,
        help_text=_(
            "Recorded in the audit log with your name and the time, for example “intake interview”. "
            "The job seeker sees this purpose under “my data”."
        ),
    )

    def clean_purpose(self):
        try:
            return clean_purpose(self.cleaned_data["purpose"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["purpose"]) from None


class BurdenForm(forms.Form):
    """The draaglast fields: the street address, and per category a severity and a note. A plain form, not a
    model form: only the burden service writes the draaglast, for this page as for the API and the job seeker.
    An empty severity means "not assessed"; it is the only choice made when nothing was recorded."""

    def __init__(self, *args, burden: SeekerBurden | None = None, **kwargs):
        if burden is not None:
            kwargs.setdefault("initial", {name: getattr(burden, name) for name in SeekerBurden.SENSITIVE_FIELDS})
        super().__init__(*args, **kwargs)
        notes = fields_for_model(
            SeekerBurden, fields=("street_address", *BURDEN_CATEGORIES), formfield_callback=formfield_for_dbfield,
            widgets={key: forms.Textarea(attrs={"rows": 3}) for key in BURDEN_CATEGORIES},
        )
        self.fields["street_address"] = notes["street_address"]
        for key in BURDEN_CATEGORIES:
            self.fields[f"{key}_severity"] = forms.TypedChoiceField(
                label=field_label(f"{key}_severity"), choices=[("", NOT_ASSESSED), *BurdenSeverity.choices],
                coerce=int, empty_value=None, required=False,
            )
            self.fields[key] = notes[key]

    def categories(self) -> list[tuple[str, str, forms.BoundField, forms.BoundField]]:
        """(key, label, severity field, note field) for each category, in the fixed order."""
        return [(key, field_label(key), self[f"{key}_severity"], self[key]) for key in BURDEN_CATEGORIES]


def history_lines(versions) -> list[dict]:
    """The versions, newest first, with their changes in words for the table."""
    return [{"version": line.version, "recorded_at": line.recorded_at, "recorded_by": line.recorded_by_name,
             "changes": change_lines(line.changes, first=line.version == 1)} for line in versions]


class BurdenView(WagtailAdminTemplateMixin, View):
    template_name = "cms/admin/burden.html"
    page_title = _("Draaglast")
    header_icon = "lock"
    index_url_name = None
    edit_url_name = None
    http_method_names = ["get", "post", "head", "options"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.seeker = get_object_or_404(JobSeeker.objects.select_related("municipality"), pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not staff_may_access_burden(request.user, self.seeker):
            raise Http404
        needed = ["change"] if request.POST.get("action") == SAVE else ["view", "change"]
        if not policy_registry.get_by_type(JobSeeker).user_has_any_permission(request.user, needed):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def get(self, request, *args, **kwargs):
        # Only ever the question; a purpose in the query string is ignored, so nothing is read through a URL.
        return self.render(purpose_form=PurposeForm())

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == SAVE:
            return self.save(request)
        purpose_form = PurposeForm(request.POST)
        if not purpose_form.is_valid():
            return self.render(purpose_form=purpose_form, status=400)
        purpose = purpose_form.cleaned_data["purpose"]
        read = burden_read_for_staff(actor_user=request.user, seeker=self.seeker, purpose=purpose, with_history=True)
        return self.render(burden_form=BurdenForm(burden=read.burden), purpose=purpose,
                           picture=picture_rows(read.values), street_address=read.burden.street_address,
                           history=history_lines(read.versions))

    def save(self, request):
        burden_form = BurdenForm(request.POST)
        if burden_form.is_valid():
            try:
                burden_update(actor_user=request.user, seeker=self.seeker, data=burden_form.cleaned_data)
            except ValidationError as error:
                add_service_errors(burden_form, error)
            else:
                messages.success(request, _("Draaglast of %(name)s saved.") % {"name": self.seeker.full_name})
                return redirect(request.path)
        # Everything shown again came from this caseworker's own form, so this is no new read.
        messages.validation_error(request, _("The draaglast could not be saved due to errors."), burden_form)
        return self.render(burden_form=burden_form, status=400)

    def render(self, status=200, **context):
        context = self.get_context_data(seeker=self.seeker, read_action=READ, save_action=SAVE, **context)
        return self.render_to_response(context, status=status)

    def get_page_subtitle(self):
        return self.seeker.full_name

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.index_url_name:
            items.append({"url": reverse(self.index_url_name), "label": capfirst(JobSeeker._meta.verbose_name_plural)})
        if self.edit_url_name:
            items.append({"url": reverse(self.edit_url_name, args=[self.seeker.pk]), "label": self.seeker.full_name})
        items.append({"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()})
        return items
