"""One rate limiter for every channel: fixed-window counters in the shared cache.

The cache is the one named by ``CACHE_URL`` (Redis or the database in production), so every web
process counts against the same window. The client address comes from ``client_address``, which
reads ``X-Forwarded-For`` only when the request arrived through a proxy listed in
``TRUSTED_PROXIES``: a client cannot reset its count by sending a header of its own.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache

UNKNOWN_ADDRESS = "unknown"


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` hits per subject (an address, a user, an organisation) in any ``window`` seconds.

    Each accepted hit claims one of ``limit`` numbered slots with ``cache.add``, which is atomic in
    every cache backend we use (Redis ``SET NX``, the database cache's primary key, the in-memory
    cache's lock); a slot frees itself ``window`` seconds after it was claimed. A counter with
    ``incr`` would not do: the database cache reads and then writes, so fifty requests at once
    would all read the same count.
    """

    scope: str
    limit: int
    window: int

    def _slot_keys(self, subject: object) -> list[str]:
        return [f"ratelimit:{self.scope}:{subject}:{slot}" for slot in range(self.limit)]

    def count(self, subject: object) -> int:
        """Slots taken in the current window."""
        return len(cache.get_many(self._slot_keys(subject)))

    def is_exceeded(self, subject: object) -> bool:
        return self.count(subject) >= self.limit

    def attempt(self, subject: object) -> bool:
        """Claim a slot for one hit; False (and nothing claimed) when every slot is taken."""
        keys = self._slot_keys(subject)
        taken = cache.get_many(keys)
        return any(cache.add(key, 1, self.window) for key in keys if key not in taken)

    def reset(self, subject: object) -> None:
        cache.delete_many(self._slot_keys(subject))


def parse_rate(rate: str) -> tuple[int, int]:
    """``"5/hour"`` → ``(5, 3600)``; the period is second, minute, hour or day (as DRF writes rates)."""
    count, _, period = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip()[:1].lower()]
    return int(count), seconds


@lru_cache(maxsize=1)
def _trusted_networks(spec: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(meta: dict) -> str:
    """The address of the client behind ``request.META``.

    ``X-Forwarded-For`` is read from the right, past every trusted proxy, and only when the direct
    peer is itself a trusted proxy; the first untrusted address is the client. Anything a client
    writes to the left of that is ignored.
    """
    remote = (meta.get("REMOTE_ADDR") or "").strip()
    if not remote:
        return UNKNOWN_ADDRESS
    if not _is_trusted(remote):
        return remote
    hops = [hop.strip() for hop in (meta.get("HTTP_X_FORWARDED_FOR") or "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop):
            return hop
    return hops[0] if hops else remote
