"""Plain Django views of the public site that do not belong to a page in the tree."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from marketplace.selectors.service_requests import service_request_by_token
from marketplace.workflows.service_requests import SERVICE_REQUEST_WORKFLOW


@require_safe
def service_request_status(request, token: str):
    """The requester's view of one request, reached through the secret link in their e-mail.

    The token is the only key, so the page is kept out of caches, search engines and Referer headers.
    """
    service_request = service_request_by_token(token=token)
    if service_request is None:
        raise Http404
    response = TemplateResponse(request, "cms/service_request_status.html", {
        "service_request": service_request,
        "is_closed": SERVICE_REQUEST_WORKFLOW.is_final(service_request.status),
    })
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
