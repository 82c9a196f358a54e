"""The one rate limiter: exactly ``limit`` hits per window per subject, in every shared cache, at once or not.

Production counts in Redis or in the database cache (``CACHE_URL``); both are tested with fifty
threads released together. Redis runs beside PostgreSQL in CI (REQUIRE_REDIS_TESTS=1 there);
elsewhere the Redis case is skipped when no server answers on ``REDIS_TEST_URL``.
"""

import os
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from marketplace.ratelimit import RateLimit, client_address
from tests.threads import all_at_once

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping())
    except redis.exceptions.RedisError:
        return False


@pytest.fixture
def redis_cache(settings):
    if not redis_answers():
        if os.environ.get("REQUIRE_REDIS_TESTS") == "1":
            pytest.fail(f"REQUIRE_REDIS_TESTS=1 but no Redis answers on {REDIS_TEST_URL}")
        pytest.skip(f"no Redis on {REDIS_TEST_URL} (set REQUIRE_REDIS_TESTS=1 to fail instead)")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": REDIS_TEST_URL}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def database_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                   "LOCATION": "werkplaats_test_cache"}}
    call_command("createcachetable", verbosity=0)
    yield
    cache.clear()


def test_the_limit_admits_exactly_limit_hits_then_refuses():
    limit = RateLimit("test-sequence", 3, 60)

    outcomes = [limit.attempt("192.0.2.1") for _n in range(5)]

    assert outcomes == [True, True, True, False, False]
    assert limit.is_exceeded("192.0.2.1")
    assert limit.attempt("192.0.2.2"), "another subject has its own window"


def test_a_refused_attempt_claims_nothing_and_a_reset_frees_the_subject():
    limit = RateLimit("test-reset", 2, 60)
    limit.attempt("a"), limit.attempt("a"), limit.attempt("a")

    assert limit.count("a") == 2
    limit.reset("a")
    assert limit.count("a") == 0 and limit.attempt("a")


def test_slots_free_themselves_when_the_window_has_passed():
    limit = RateLimit("test-window", 2, 1)
    assert limit.attempt("a") and limit.attempt("a") and not limit.attempt("a")

    time.sleep(1.2)

    assert limit.attempt("a")


def test_fifty_simultaneous_hits_in_redis_admit_exactly_the_limit(redis_cache):
    limit = RateLimit("test-redis", 5, 60)

    outcomes = all_at_once(lambda: limit.attempt("198.51.100.7"), 50)

    assert outcomes.count(True) == 5 and outcomes.count(False) == 45


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL")
def test_fifty_simultaneous_hits_in_the_database_cache_admit_exactly_the_limit(database_cache):
    limit = RateLimit("test-database", 5, 60)

    outcomes = all_at_once(lambda: limit.attempt("198.51.100.8"), 50)

    assert outcomes.count(True) == 5 and outcomes.count(False) == 45


@pytest.mark.parametrize(("meta", "expected"), [
    ({"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "203.0.113.9"),
    ({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.1"}, "198.51.100.1"),
    ({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.1, 10.0.0.3"}, "198.51.100.1"),
    ({"REMOTE_ADDR": "10.0.0.2"}, "10.0.0.2"),
    ({}, "unknown"),
])
def test_the_client_address_believes_forwarded_headers_only_from_trusted_proxies(settings, meta, expected):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    assert client_address(meta) == expected
