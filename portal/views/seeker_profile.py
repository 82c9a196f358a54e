"""The job seeker's own data: the profile they keep, their consent, and all their data to read and download.

The draaglast (per category how heavy it weighs, and a note) is shown to the seeker with its earlier
versions, but never edited here: the caseworker keeps it with them.
"""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from marketplace.exceptions import DomainError
from marketplace.formatting import readable_when
from marketplace.models import JobSeeker
from marketplace.selectors.plans import plan_for_self
from marketplace.selectors.seekers import seeker_burden_for_self, seeker_own_profile
from marketplace.selectors.taxonomy import skill_category_list, skill_list
from marketplace.services.seekers import seeker_update_own_profile
from portal.forms.common import add_service_errors
from portal.forms.seeker import ConsentForm, ProfileForm, SkillFormSet
from portal.views.common import report_refusal, seeker_page
from portal.views.seeker_data import burden_categories, seeker_data_export
from portal.views.seeker_plan import seeker_plan_overview

PROFILE_FIELDS = ("hours_min", "hours_max", "weekdays", "max_travel_km", "language_level")


def _profile_forms(request, seeker):
    data = request.POST if request.method == "POST" else None
    initial = {name: getattr(seeker, name) for name in PROFILE_FIELDS}
    initial["interests"] = list(seeker.interests.all())
    form = ProfileForm(data, initial=initial, categories=skill_category_list())
    skills = SkillFormSet(data, prefix="skills", skills=skill_list(),
                          initial=[{"skill": held.skill, "level": held.level} for held in seeker.skill_levels.all()])
    return form, skills


@seeker_page
def profile(request, actor):
    seeker = seeker_own_profile(actor=actor)
    form, skills = _profile_forms(request, seeker)
    status = 200
    if request.method == "POST":
        if form.is_valid() and skills.is_valid():
            try:
                seeker_update_own_profile(actor=actor, data=form.service_data(), skills=skills.skills_held(),
                                          interests=form.cleaned_data["interests"])
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your profile is saved."))
                return redirect("seeker-profile")
        status = 400
    burden = seeker_burden_for_self(actor=actor)
    return render(request, "portal/seeker/profile.html", {
        "seeker": seeker, "form": form, "skills": skills, "burden": burden,
        "burden_categories": burden_categories(burden), "section": "profile",
    }, status=status)


@seeker_page
def consent(request, actor):
    seeker = seeker_own_profile(actor=actor)
    initial = {"card_visible": seeker.card_visible, "introduction_allowed": seeker.introduction_allowed}
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            seeker_update_own_profile(actor=actor, data=form.cleaned_data)
        except DomainError as error:
            status = report_refusal(request, error)
            return render(request, "portal/seeker/consent.html", {"form": form, "section": "consent"},
                          status=status)
        messages.success(request, _("Your choices are saved."))
        return redirect("seeker-consent")
    return render(request, "portal/seeker/consent.html", {
        "form": form, "seeker": seeker, "section": "consent",
    }, status=400 if form.errors else 200)


def _shown(value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(readable_when(value))


def _rows(model, values: dict) -> list[tuple[str, str]]:
    """(label, text) pairs for people; keys that are model fields get the field's own label."""
    names = {field.name: capfirst(field.verbose_name) for field in model._meta.get_fields()
             if hasattr(field, "verbose_name")}
    rows = []
    for key, value in values.items():
        if f"{key}_label" in values:
            continue  # the label says the same as the code, for people
        name = key.removesuffix("_label")
        rows.append((names.get(name, name.replace("_", " ").capitalize()), _shown(value)))
    return rows


@require_safe
@seeker_page
def my_data(request, actor):
    data = seeker_data_export(actor=actor)
    plan = plan_for_self(actor=actor)
    # The plan in the words of the plan page; the download keeps the codes and labels of the export.
    plan_view = {"plan": plan, **(seeker_plan_overview(actor, plan) if plan is not None else {})}
    return render(request, "portal/seeker/my_data.html", {
        "data": data, "profile_rows": _rows(JobSeeker, data["profile"]), "plan_view": plan_view,
        "burden_categories": burden_categories(data["burden"]), "section": "data",
    })


@require_safe
@seeker_page
def my_data_download(request, actor):
    """Everything Werkplaats keeps about the seeker, as one JSON file (AVG/GDPR right of access)."""
    export = seeker_data_export(actor=actor)
    body = json.dumps(export, ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"werkplaats-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
