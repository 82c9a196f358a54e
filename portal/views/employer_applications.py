"""Applications for the employer's roles: status and timeline, and the moves the workflow gives the employer.

Another organisation's application answers 404. A move the workflow refuses (a full role, a step
out of order, an introduction without consent) re-renders the page with the reason: 409.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.exceptions import DomainError
from marketplace.selectors.applications import application_available_actions, application_list_for, application_timeline
from marketplace.services.applications import (
    application_decline,
    application_end,
    application_introduce,
    application_place,
    application_start_trial,
)
from marketplace.workflows.applications import FINAL_STATUSES
from portal.forms.common import add_service_errors
from portal.forms.employer import EndForm, PlacementForm
from portal.forms.seeker import NoteForm
from portal.views.common import employer_page, report_refusal
from portal.views.employer_candidates import application_rows, candidate_card


def _applications(actor):
    return application_list_for(actor=actor).of_organisations(actor.organisation_ids)


def _application(actor, pk):
    return get_object_or_404(_applications(actor), pk=pk)


@employer_page
def applications(request, actor):
    rows = application_rows(actor, _applications(actor))
    return render(request, "portal/employer/applications.html", {
        "open": [row for row in rows if row["status"] not in FINAL_STATUSES],
        "closed": [row for row in rows if row["status"] in FINAL_STATUSES],
        "section": "applications",
    })


def _application_page(request, actor, application, *, status=200, template="application_detail.html", **forms):
    return render(request, f"portal/employer/{template}", {
        "application": application, "card": candidate_card(actor, application),
        "actions": application_available_actions(actor=actor, application=application),
        "timeline": application_timeline(actor=actor, application=application),
        "role": application.role, "section": "applications", "form": NoteForm(), **forms,
    }, status=status)


@employer_page
def application_detail(request, actor, pk):
    return _application_page(request, actor, _application(actor, pk))


def _move(request, actor, pk, service, success_message, *, form, arguments, template="application_detail.html"):
    """Make one move with a valid ``form``; refusals and bad input re-render ``template`` with the reason."""
    application = _application(actor, pk)
    if not form.is_valid():
        return _application_page(request, actor, application, status=400, template=template, form=form)
    try:
        service(application=application, actor_user=request.user, **arguments(form))
    except DomainError as error:
        status = report_refusal(request, error)
        return _application_page(request, actor, _application(actor, pk), status=status, template=template,
                                 form=form)
    except ValidationError as error:
        add_service_errors(form, error)
        return _application_page(request, actor, application, status=400, template=template, form=form)
    messages.success(request, success_message)
    return redirect("employer-application", pk=pk)


def _note(form) -> dict:
    return {"note": form.cleaned_data["note"]}


@require_POST
@employer_page
def introduce(request, actor, pk):
    return _move(request, actor, pk, application_introduce,
                 _("The candidate is introduced. You can now see their name and contact details."),
                 form=NoteForm(request.POST), arguments=_note)


@require_POST
@employer_page
def start_trial(request, actor, pk):
    return _move(request, actor, pk, application_start_trial, _("The trial is agreed. Good luck together!"),
                 form=NoteForm(request.POST), arguments=_note)


@require_POST
@employer_page
def decline(request, actor, pk):
    return _move(request, actor, pk, application_decline, _("You have said no to this candidate."),
                 form=NoteForm(request.POST), arguments=_note)


def _form_page(request, actor, pk, action, template, form):
    """The form of a move that needs terms; when the move is not possible now, back to the application."""
    application = _application(actor, pk)
    if action not in application_available_actions(actor=actor, application=application):
        messages.info(request, _("This step is not possible for this application now."))
        return redirect("employer-application", pk=pk)
    return _application_page(request, actor, application, template=template, form=form)


@employer_page
def place(request, actor, pk):
    role = _application(actor, pk).role
    if request.method != "POST":
        return _form_page(request, actor, pk, "place", "place.html", PlacementForm(role=role))
    return _move(request, actor, pk, application_place, _("The placement is recorded. Congratulations!"),
                 form=PlacementForm(request.POST, role=role), template="place.html",
                 arguments=lambda form: {"terms": form.terms(), "note": form.cleaned_data["note"]})


@employer_page
def end(request, actor, pk):
    if request.method != "POST":
        return _form_page(request, actor, pk, "end", "end.html", EndForm())
    return _move(request, actor, pk, application_end, _("The placement has ended."),
                 form=EndForm(request.POST), template="end.html",
                 arguments=lambda form: {"reason": form.cleaned_data["reason"],
                                         "end_date": form.cleaned_data["end_date"]})
