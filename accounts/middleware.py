"""Staff who must use two factors reach nothing but the two-factor pages until they have confirmed a code."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.two_factor import confirmed_device, two_factor_required

# Where a signed-in but unverified member of staff may still go: signing in and out, the two-factor
# pages themselves, switching language, and the API token endpoint (which asks for a code itself).
OPEN_VIEWS = frozenset({
    "login", "logout", "two-factor-setup", "two-factor-verify", "two-factor-backup", "set_language",
    "wagtailadmin_login", "wagtailadmin_logout", "api:token",
})


class StaffTwoFactorMiddleware:
    """Put after ``django_otp.middleware.OTPMiddleware``, which tells whether the session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            two_factor_required(user)
            and not user.is_verified()
            and not self._is_open(request)
        ):
            return self._refuse(request, user)
        return self.get_response(request)

    @staticmethod
    def _is_open(request) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in OPEN_VIEWS

    @staticmethod
    def _refuse(request, user):
        if request.path_info.startswith("/api/"):
            return JsonResponse({"detail": _(
                "Confirm the code from your authenticator app first: sign in at /admin/ and follow the steps."
            )}, status=403)
        target = reverse("two-factor-verify" if confirmed_device(user) else "two-factor-setup")
        if request.method in ("GET", "HEAD"):
            target = f"{target}?{urlencode({'next': request.get_full_path()})}"
        return redirect(target)
