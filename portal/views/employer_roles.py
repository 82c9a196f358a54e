"""The employer's roles: create, edit, publish and close them, and invite anonymous candidates.

Every write goes through the same services as the API. A role of another organisation answers 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.choices import OrganisationKind, RoleStatus
from marketplace.exceptions import DomainError, TooManyInvitations
from marketplace.messages import ROLE_CLOSED
from marketplace.selectors import matching
from marketplace.selectors.applications import application_list_for, next_candidate_numbers
from marketplace.selectors.organisations import organisation_list_of_member
from marketplace.selectors.roles import role_list_editable
from marketplace.selectors.taxonomy import skill_list
from marketplace.services.applications import application_invite
from marketplace.services.roles import role_close, role_create, role_mark_filled, role_publish, role_update
from marketplace.workflows.applications import FINAL_STATUSES
from marketplace.workflows.base import EMPLOYER
from marketplace.workflows.roles import ROLE_EDITABLE_STATUSES, ROLE_WORKFLOW
from portal.forms.common import add_service_errors
from portal.forms.employer import ROLE_DATA_FIELDS, InviteForm, RoleForm, RoleSkillFormSet
from portal.views.common import employer_page, report_refusal
from portal.views.employer_candidates import application_rows

CANDIDATES = 20
HOME_ROWS = 10


def _role(actor, role_id):
    role = role_list_editable(actor=actor).filter(pk=role_id).first()
    if role is None:
        raise Http404
    return role


def _employer_organisations(actor):
    employer_ids = actor.organisation_ids_of_kind(OrganisationKind.EMPLOYER)
    return organisation_list_of_member(actor=actor).filter(pk__in=employer_ids)


@employer_page
def home(request, actor):
    applications = application_list_for(actor=actor).of_organisations(actor.organisation_ids)
    open_applications = applications.exclude(status__in=FINAL_STATUSES)
    return render(request, "portal/employer/home.html", {
        "roles": role_list_editable(actor=actor).exclude(status=RoleStatus.CLOSED)[:HOME_ROWS],
        "rows": application_rows(actor, open_applications[:HOME_ROWS]),
        "organisations": _employer_organisations(actor), "section": "home",
    })


@employer_page
def roles(request, actor):
    return render(request, "portal/employer/roles.html", {
        "roles": role_list_editable(actor=actor), "section": "roles",
    })


def _role_forms(request, organisations, role=None):
    data = request.POST if request.method == "POST" else None
    initial, skill_initial = {"places": 1}, []
    if role is not None:
        initial = {name: getattr(role, name) for name in ROLE_DATA_FIELDS}
        initial["organisation"] = role.organisation_id
        skill_initial = [{"skill": item.skill, "level": item.level, "required": item.required}
                         for item in role.skill_requirements.all()]
    form = RoleForm(data, initial=initial, organisations=organisations)
    skills = RoleSkillFormSet(data, prefix="skills", skills=skill_list(), initial=skill_initial)
    return form, skills


def _save_role(request, actor, form, skills, role=None):
    """Create or update through the role services; None when the input was refused (errors are on the form)."""
    if not (form.is_valid() and skills.is_valid()):
        return None
    try:
        if role is None:
            return role_create(actor=actor, organisation=form.chosen_organisation(), data=form.service_data(),
                               skills=skills.requirements())
        return role_update(actor=actor, role=role, data=form.service_data(), skills=skills.requirements())
    except ValidationError as error:
        add_service_errors(form, error)
    except DomainError as error:
        form.add_error(None, error.message)
    return None


@employer_page
def role_create_view(request, actor):
    organisations = _employer_organisations(actor)
    form, skills = _role_forms(request, organisations)
    if request.method == "POST":
        role = _save_role(request, actor, form, skills)
        if role is not None:
            messages.success(request, _("The role is saved as a draft. Publish it when it is ready."))
            return redirect("employer-role", role_id=role.pk)
    return _role_form_page(request, form, skills, role=None)


@employer_page
def role_edit(request, actor, role_id):
    role = _role(actor, role_id)
    if role.status not in ROLE_EDITABLE_STATUSES:
        messages.error(request, ROLE_CLOSED)
        return redirect("employer-role", role_id=role.pk)
    organisations = _employer_organisations(actor).filter(pk=role.organisation_id)
    form, skills = _role_forms(request, organisations, role)
    if request.method == "POST":
        saved = _save_role(request, actor, form, skills, role)
        if saved is not None:
            messages.success(request, _("The role is saved."))
            return redirect("employer-role", role_id=role.pk)
    return _role_form_page(request, form, skills, role=role)


def _role_form_page(request, form, skills, *, role):
    return render(request, "portal/employer/role_form.html", {
        "form": form, "skills": skills, "role": role, "section": "roles",
    }, status=400 if form.errors or skills.total_error_count() else 200)


def _role_page(request, actor, role, *, status=200):
    candidates = []
    if role.status == RoleStatus.PUBLISHED:
        candidates = matching.candidates_for_role(role=role, actor=actor, k=CANDIDATES)
    applications = application_list_for(actor=actor).of_organisations(actor.organisation_ids).for_role(role)
    # Cards are numbered from the role's first free candidate number; an invited card keeps its number.
    first = next_candidate_numbers([role.pk])[role.pk]
    return render(request, "portal/employer/role_detail.html", {
        "role": role, "candidates": list(enumerate(candidates, start=first)),
        "rows": application_rows(actor, applications),
        "may_publish": ROLE_WORKFLOW.allowed(role.status, RoleStatus.PUBLISHED, EMPLOYER),
        "may_close": ROLE_WORKFLOW.allowed(role.status, RoleStatus.CLOSED, EMPLOYER),
        "may_mark_filled": ROLE_WORKFLOW.allowed(role.status, RoleStatus.FILLED, EMPLOYER),
        "may_edit": role.status in ROLE_EDITABLE_STATUSES, "section": "roles",
    }, status=status)


@employer_page
def role_detail(request, actor, role_id):
    return _role_page(request, actor, _role(actor, role_id))


def _transition(request, actor, role_id, service, success_message):
    role = _role(actor, role_id)
    try:
        service(actor=actor, role=role)
    except DomainError as error:
        return _role_page(request, actor, role, status=report_refusal(request, error))
    messages.success(request, success_message)
    return redirect("employer-role", role_id=role.pk)


@require_POST
@employer_page
def role_publish_view(request, actor, role_id):
    return _transition(request, actor, role_id, role_publish,
                       _("The role is published. Job seekers can now find it."))


@require_POST
@employer_page
def role_close_view(request, actor, role_id):
    return _transition(request, actor, role_id, role_close, _("The role is closed."))


@employer_page
def role_filled_view(request, actor, role_id):
    """Ask the employer to confirm that every place is taken; the POST marks the role filled."""
    role = _role(actor, role_id)
    if request.method == "POST":
        return _transition(request, actor, role_id, role_mark_filled,
                           _("The role is marked as filled. Job seekers no longer find it."))
    if not ROLE_WORKFLOW.allowed(role.status, RoleStatus.FILLED, EMPLOYER):
        messages.error(request, _("Only a published role can be marked as filled."))
        return redirect("employer-role", role_id=role.pk)
    return render(request, "portal/employer/role_filled.html", {"role": role, "section": "roles"})


@require_POST
@employer_page
def invite(request, actor, role_id):
    """Invite an anonymous candidate by the reference on their card; the seeker decides about an introduction."""
    role = _role(actor, role_id)
    form = InviteForm(request.POST)
    seeker = None
    if form.is_valid():
        seeker = matching.seeker_for_candidate_ref(actor=actor, role=role, candidate_ref=form.cleaned_data["candidate"])
    if seeker is None:
        messages.error(request, _("We could not find this candidate. Refresh the page and try again."))
        return _role_page(request, actor, role, status=400)
    try:
        application = application_invite(role=role, seeker=seeker, actor_user=request.user,
                                         candidate_number=form.cleaned_data["number"])
    except TooManyInvitations as error:
        messages.error(request, error.message)
        return _role_page(request, actor, role, status=429)
    except DomainError as error:
        return _role_page(request, actor, role, status=report_refusal(request, error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _role_page(request, actor, role, status=400)
    if application.introduced_at is not None:
        messages.success(request, _("The candidate had already agreed: you are introduced and can see their name "
                                    "and contact details."))
    else:
        messages.success(request, _("The candidate is invited. We ask them whether they want to be introduced to "
                                    "you."))
    return redirect("employer-application", pk=application.pk)
