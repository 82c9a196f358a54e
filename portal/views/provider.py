"""The provider's portal at /aanbieder/: the clients the municipality assigned to the organisation, and their
trajectories, where staff report progress.

Staff see a person only when the municipality recorded the person's consent, and only what the
trajectory needs (``marketplace.selectors.trajectories``); every other trajectory is not found.
The pages address staff with "u".
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from marketplace.exceptions import DomainError
from marketplace.models import InstrumentAssignment
from marketplace.selectors.trajectories import (
    trajectories_for_provider,
    trajectory_assignment,
    trajectory_for_provider,
)
from marketplace.services.progress_reports import progress_report_add
from portal.forms.common import add_service_errors
from portal.forms.provider import ProgressReportForm
from portal.views.common import provider_page, report_refusal


@require_safe
@provider_page
def home(request, actor):
    return render(request, "portal/provider/clients.html", {
        "trajectories": trajectories_for_provider(actor), "section": "clients",
    })


def _trajectory(actor, pk):
    try:
        return trajectory_for_provider(actor, pk)
    except InstrumentAssignment.DoesNotExist:
        raise Http404 from None


def _render(request, actor, pk, form, status=200):
    return render(request, "portal/provider/client.html", {
        "trajectory": _trajectory(actor, pk), "form": form, "section": "clients",
    }, status=status)


def _saved(request, report) -> None:
    if report.result:
        messages.success(request, _("Thank you. Your final report has been saved and the trajectory has ended."))
    else:
        messages.success(request, _("Thank you. Your report has been saved; the caseworker can read it."))


@require_http_methods(["GET", "HEAD", "POST"])
@provider_page
def client(request, actor, pk):
    if request.method != "POST":
        return _render(request, actor, pk, ProgressReportForm())
    try:
        assignment = trajectory_assignment(actor, pk)
    except InstrumentAssignment.DoesNotExist:
        raise Http404 from None
    form = ProgressReportForm(request.POST)
    if not form.is_valid():
        return _render(request, actor, pk, form, status=400)
    try:
        report = progress_report_add(actor=actor, assignment=assignment, **form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
    except DomainError as error:
        return _render(request, actor, pk, form, status=report_refusal(request, error))
    else:
        _saved(request, report)
        # A final report ends the trajectory, and with it the provider's access to the person's details.
        return redirect("provider-home") if report.result else redirect("provider-client", pk=pk)
    return _render(request, actor, pk, form, status=400)
