"""Pages of signing in that Django does not provide: two-factor set-up and check, and a limited password reset."""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from accounts import two_factor
from accounts.forms import AppCodeForm, BackupCodeForm
from marketplace.ratelimit import RateLimit, client_address, parse_rate

WRONG_CODE = _("That code is not right. Fill in the code your app shows now; it changes every 30 seconds.")
WRONG_BACKUP_CODE = _("That backup code is not right, or it has been used already.")
TOO_MANY_CODES = _("Too many wrong codes in a row. Wait a minute, then try again with a new code.")


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    # Staff who sign in with two steps work in the admin; anyone else lands where a sign-in lands.
    return reverse("wagtailadmin_home") if two_factor.two_factor_required(request.user) else resolve_url(
        settings.LOGIN_REDIRECT_URL)


def _verified(request, device):
    otp_login(request, device)
    # A new session id from here on: whoever knew the half-signed-in one gains nothing.
    request.session.cycle_key()


def _needs_no_two_factor(request) -> bool:
    return not two_factor.two_factor_required(request.user) or request.user.is_verified()


@never_cache
@login_required
@sensitive_post_parameters("code")
def setup(request):
    """Link an authenticator app (QR code or typed key), confirm it with a code, then show backup codes once."""
    if _needs_no_two_factor(request):
        return redirect(_next_url(request))
    if two_factor.confirmed_device(request.user) is not None:
        # Only a verified session could replace an app; this one must first prove it has the old one.
        return redirect(f"{reverse('two-factor-verify')}?{request.GET.urlencode()}")
    device = two_factor.enrolment_device(request.user)
    form = AppCodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.throttled(device):
            form.add_error("code", TOO_MANY_CODES)
        else:
            codes = two_factor.confirm_enrolment(device, form.cleaned_data["code"])
            if codes is None:
                form.add_error("code", WRONG_CODE)
            else:
                _verified(request, device)
                return render(request, "accounts/two_factor_backup_codes.html",
                              {"codes": codes, "next": _next_url(request)})
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_for_manual_entry(device), "next": _next_url(request),
    })


@never_cache
@login_required
@sensitive_post_parameters("code")
def verify(request, backup: bool = False):
    """Ask for the code from the app (or a backup code) after the password."""
    if _needs_no_two_factor(request):
        return redirect(_next_url(request))
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('two-factor-setup')}?{request.GET.urlencode()}")
    form = (BackupCodeForm if backup else AppCodeForm)(request.POST or None)
    if form.is_valid():
        checked = two_factor.backup_device(request.user) if backup else device
        if checked is not None and two_factor.throttled(checked):
            form.add_error("code", TOO_MANY_CODES)
        else:
            check = two_factor.verify_backup_code if backup else two_factor.verify_app_code
            verified = check(request.user, form.cleaned_data["code"])
            if verified is not None:
                _verified(request, verified)
                return redirect(_next_url(request))
            form.add_error("code", WRONG_BACKUP_CODE if backup else WRONG_CODE)
    return render(request, "accounts/two_factor_verify.html", {"form": form, "backup": backup,
                                                              "next": _next_url(request)})


def password_reset_limits() -> tuple[RateLimit, RateLimit]:
    """Reset links asked for per client address and per e-mail address (``THROTTLE_PASSWORD_RESETS``)."""
    limit, window = parse_rate(settings.THROTTLE_PASSWORD_RESETS)
    return RateLimit("password-reset-address", limit, window), RateLimit("password-reset-email", limit, window)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, limited per address and per e-mail address.

    Both counts grow whether or not an account uses the address, and the answer is the same in
    both cases, so the limit tells nobody whether an address is known.
    """

    def form_valid(self, form):
        per_address, per_email = password_reset_limits()
        email = form.cleaned_data["email"].strip().lower()
        # The cache key holds a hash: e-mail addresses stay out of the cache and its logs.
        email_key = hashlib.sha256(email.encode()).hexdigest()
        if not (per_address.attempt(client_address(self.request.META)) and per_email.attempt(email_key)):
            form.add_error(None, _("A new password has been asked for several times in a short time. Wait an "
                                   "hour and try again. Use the link from an e-mail you already received, if "
                                   "you have one."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)
