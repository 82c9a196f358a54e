"""The association's portal: its neighbourhood service requests with status and history, and a new request."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marketplace.choices import OrganisationKind
from marketplace.selectors.organisations import organisation_list_of_member
from marketplace.selectors.service_requests import (
    service_category_list_open,
    service_request_list_of_requester,
    service_request_with_history,
)
from marketplace.services.service_requests import service_request_submit
from marketplace.workflows.service_requests import SERVICE_REQUEST_WORKFLOW
from portal.forms.association import ServiceRequestForm
from portal.forms.common import add_service_errors
from portal.views.common import association_page


def _requests(actor):
    return service_request_with_history(service_request_list_of_requester(actor=actor)).order_by("-created_at", "-id")


@association_page
def home(request, actor):
    return render(request, "portal/association/home.html", {"requests": _requests(actor), "section": "home"})


@association_page
def request_detail(request, actor, pk):
    service_request = _requests(actor).filter(pk=pk).first()
    if service_request is None:
        raise Http404
    return render(request, "portal/association/request_detail.html", {
        "service_request": service_request, "is_closed": SERVICE_REQUEST_WORKFLOW.is_final(service_request.status),
        "section": "home",
    })


@association_page
def request_create(request, actor):
    organisations = organisation_list_of_member(actor=actor).filter(
        pk__in=actor.organisation_ids_of_kind(OrganisationKind.ASSOCIATION))
    categories = service_category_list_open()
    form = ServiceRequestForm(request.POST or None, organisations=organisations, categories=categories)
    if request.method == "POST" and form.is_valid():
        try:
            service_request = service_request_submit(created_by=request.user, language=(get_language() or "nl")[:2],
                                                     **form.service_arguments(request.user))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you. We have received your request and sent you a confirmation "
                                        "by e-mail."))
            return redirect("association-request", pk=service_request.pk)
    return render(request, "portal/association/request_form.html", {
        "form": form, "has_categories": categories.exists(), "section": "new",
    }, status=400 if form.errors else 200)
