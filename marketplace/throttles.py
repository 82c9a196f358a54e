"""Rate limits of channels that more than one surface offers: the public site and the API count together."""

from django.conf import settings

from marketplace.ratelimit import RateLimit, parse_rate


def service_request_limit() -> RateLimit:
    """Service requests one anonymous client address may send, through the form and the API together
    (``THROTTLE_ANON_SERVICE_REQUESTS``). Signed-in requesters are known and not counted."""
    limit, window = parse_rate(settings.THROTTLE_ANON_SERVICE_REQUESTS)
    return RateLimit("service-request", limit, window)
