"""Lock-outs after repeated failed sign-ins (django-axes), answered with a clear message instead of an error.

Axes counts failures per combination of username and client address: an attacker can lock one
username from their own address, but cannot lock everyone out, nor keep guessing a password by
spreading guesses over usernames faster than the limit allows for each of them. The address is
the one every rate limit uses (``marketplace.ratelimit.client_address``), so a client cannot
escape the count by sending its own ``X-Forwarded-For``.
"""

from __future__ import annotations

import ipaddress
import math
from datetime import datetime

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext

from marketplace.ratelimit import client_address


def client_ip(request) -> str | None:
    """The address axes records for a request (``AXES_CLIENT_IP_CALLABLE``).

    None when it is not an IP address (a request without a peer, or a garbled header from a trusted
    proxy): axes stores addresses in an address column, and every such request shares one count.
    """
    try:
        return str(ipaddress.ip_address(client_address(request.META)))
    except ValueError:
        return None


def lock_ends_at(request, credentials: dict | None) -> datetime:
    """When the lock on this username from this address ends: the cool-off after the last failure."""
    last_failure = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials), ip_address=getattr(request, "axes_ip_address", None),
    ).aggregate(last=Max("attempt_time"))["last"]
    return (last_failure or timezone.now()) + get_cool_off(request)


def seconds_until_unlocked(request, credentials: dict | None) -> int:
    return max(1, math.ceil((lock_ends_at(request, credentials) - timezone.now()).total_seconds()))


def lockout_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many failed attempts to sign in with this username from your address. For your safety, signing "
        "in is blocked for %(minutes)s minute. Try again after that, or ask for a new password.",
        "Too many failed attempts to sign in with this username from your address. For your safety, signing "
        "in is blocked for %(minutes)s minutes. Try again after that, or ask for a new password.",
        minutes,
    ) % {"minutes": minutes}


def locked_out_json(request, credentials: dict | None) -> JsonResponse:
    seconds = seconds_until_unlocked(request, credentials)
    response = JsonResponse({"detail": lockout_message(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def lockout_response(request, original_response=None, credentials=None):
    """The answer to a locked-out sign-in (``AXES_LOCKOUT_CALLABLE``): 429 with a page, or JSON for the API."""
    if request.path.startswith("/api/"):
        return locked_out_json(request, credentials)
    seconds = seconds_until_unlocked(request, credentials)
    response = render(request, "registration/locked_out.html", {"message": lockout_message(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response
