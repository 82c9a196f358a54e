"""Response headers that every page gets: the Content-Security-Policy and the Permissions-Policy.

The other security headers (HSTS, Referrer-Policy, X-Content-Type-Options, Cross-Origin-Opener-Policy,
X-Frame-Options) come from Django's own middleware; config/settings.py sets them all in one place.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's looser policy on the admin's pages only.

    The admin is Wagtail's code: it sets inline styles and shows page previews in a frame of its own,
    which the site's policy forbids. ``CONTENT_SECURITY_POLICY_ADMIN`` names the paths and the
    directives that replace the site's there; a view that sets its own policy (django-csp's
    decorators) keeps it.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if (not report_only and admin and parts.config is None and parts.replace is None
                and request.path_info.startswith(tuple(admin["PATH_PREFIXES"]))):
            parts.replace = admin["DIRECTIVES"]
        return parts


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self"]}`` as ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())


class PermissionsPolicyMiddleware:
    """Sends ``PERMISSIONS_POLICY`` as the Permissions-Policy header: browser features the site never uses
    (camera, microphone, location, payment, ...) stay off, also for anything that might get injected."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
