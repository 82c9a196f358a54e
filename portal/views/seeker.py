"""The job seeker's portal: work that fits, roles, applications with their timeline, profile and consent.

Everything here is about the signed-in seeker only; another seeker's application answers 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.exceptions import DomainError
from marketplace.role_filters import RoleFilterForm
from marketplace.selectors import matching
from marketplace.selectors.applications import (
    application_available_actions,
    application_list_for,
    application_timeline,
    role_for_application,
)
from marketplace.selectors.roles import role_list_filtered, role_list_visible, skill_choices_in_use
from marketplace.selectors.seekers import seeker_own_profile
from marketplace.services.applications import application_consent, application_express_interest, application_withdraw
from marketplace.workflows.applications import FINAL_STATUSES
from portal.forms.common import add_service_errors
from portal.forms.seeker import NoteForm
from portal.views.common import report_refusal, seeker_page

HOME_MATCHES = 3
MATCHES = 20
ROLE_LIST_LIMIT = 50


def _applications(actor):
    return application_list_for(actor=actor).of_seeker(actor.seeker)


def _application(actor, pk):
    return get_object_or_404(_applications(actor), pk=pk)


def _role(actor, role_id):
    role = role_for_application(actor=actor, role_id=role_id)
    if role is None or role.municipality_id != actor.seeker.municipality_id:
        raise Http404
    return role


@seeker_page
def home(request, actor):
    seeker = seeker_own_profile(actor=actor)
    applications = list(_applications(actor).exclude(status__in=FINAL_STATUSES)[:5])
    return render(request, "portal/seeker/home.html", {
        "seeker": seeker, "matches": matching.roles_for_seeker(seeker=seeker, k=HOME_MATCHES),
        "applications": applications, "section": "home",
        "applied_role_ids": set(_applications(actor).values_list("role_id", flat=True)),
    })


@seeker_page
def matches(request, actor):
    seeker = seeker_own_profile(actor=actor)
    found = matching.roles_for_seeker(seeker=seeker, k=MATCHES)
    problems = [] if found else matching.seeker_match_problems(seeker=seeker)
    applied = set(_applications(actor).values_list("role_id", flat=True))
    return render(request, "portal/seeker/matches.html", {
        "matches": found, "problems": problems, "applied_role_ids": applied, "section": "matches",
    })


@seeker_page
def roles(request, actor):
    seeker = actor.seeker
    home = (seeker.latitude, seeker.longitude) if seeker.latitude is not None and seeker.longitude is not None else None
    form = RoleFilterForm(request.GET or None, from_home=True, home=home,
                          skill_choices=skill_choices_in_use(municipality=seeker.municipality_id))
    roles_found = role_list_filtered(
        role_list_visible(actor=actor).published().for_municipality(seeker.municipality_id), form.filters()
    )
    return render(request, "portal/seeker/roles.html", {
        "form": form, "roles": list(roles_found[:ROLE_LIST_LIMIT]), "total": roles_found.count(),
        "limit": ROLE_LIST_LIMIT, "section": "roles",
    })


@seeker_page
def role_detail(request, actor, role_id):
    role = _role(actor, role_id)
    application = _applications(actor).filter(role=role).first()
    seeker = seeker_own_profile(actor=actor)
    return render(request, "portal/seeker/role_detail.html", {
        "role": role, "application": application, "section": "roles",
        "why_not": matching.why_not(seeker=seeker, role=role) if application is None else [],
    })


@require_POST
@seeker_page
def role_interest(request, actor, role_id):
    role = _role(actor, role_id)
    try:
        application, created = application_express_interest(seeker=actor.seeker, role=role)
    except DomainError as error:
        status = report_refusal(request, error)
        return render(request, "portal/seeker/role_detail.html", {
            "role": role, "application": None, "why_not": [], "section": "roles"}, status=status)
    if created:
        messages.success(request, _("Thank you! Your caseworker will contact you about this work."))
    else:
        messages.info(request, _("You had already shown interest in this work."))
    return redirect("seeker-application", pk=application.pk)


@seeker_page
def applications(request, actor):
    mine = list(_applications(actor))
    return render(request, "portal/seeker/applications.html", {
        "open": [item for item in mine if item.status not in FINAL_STATUSES],
        "closed": [item for item in mine if item.status in FINAL_STATUSES],
        "section": "applications",
    })


def _application_page(request, actor, application, *, status=200, note_form=None):
    actions = application_available_actions(actor=actor, application=application)
    return render(request, "portal/seeker/application_detail.html", {
        "application": application, "timeline": application_timeline(actor=actor, application=application),
        "may_consent": "consent" in actions, "may_withdraw": "withdraw" in actions,
        "note_form": note_form or NoteForm(), "section": "applications",
    }, status=status)


@seeker_page
def application_detail(request, actor, pk):
    return _application_page(request, actor, _application(actor, pk))


def _answer(request, actor, pk, service, success_message):
    """Run a seeker's answer on their application; a refusal re-renders the page with the reason.

    ``success_message`` turns the changed application into the text the seeker reads next.
    """
    application = _application(actor, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _application_page(request, actor, application, status=400, note_form=form)
    try:
        changed = service(application=application, actor_user=request.user, note=form.cleaned_data["note"])
    except DomainError as error:
        status = report_refusal(request, error)
        return _application_page(request, actor, _application(actor, pk), status=status, note_form=form)
    except ValidationError as error:
        add_service_errors(form, error)
        return _application_page(request, actor, application, status=400, note_form=form)
    messages.success(request, success_message(changed))
    return redirect("seeker-application", pk=pk)


def _consent_message(application) -> str:
    if application.introduced_at is not None:
        return _("Thank you. You are introduced: the employer can now see your name and contact details.")
    return _("Thank you. The employer sees your name and contact details once you are introduced.")


@require_POST
@seeker_page
def application_give_consent(request, actor, pk):
    return _answer(request, actor, pk, application_consent, _consent_message)


@require_POST
@seeker_page
def application_withdraw_view(request, actor, pk):
    return _answer(request, actor, pk, application_withdraw,
                   lambda application: _("You have withdrawn. Your caseworker can see this."))

