"""Browser tests drive Debian's Chromium through Playwright; nothing here ever downloads a browser.

Without /usr/bin/chromium the tests are skipped, unless REQUIRE_BROWSER_TESTS=1 (as in CI), in
which case the run fails loudly: CI must not go green without having run them.
"""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
MOBILE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}

# Playwright's sync API runs an event loop in this thread; the live server's ORM calls happen in
# their own thread, but Django's async-safety check would still trip on the test's own queries.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER_TESTS") == "1"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if browser_items and _browser_required():
        raise pytest.UsageError(
            f"REQUIRE_BROWSER_TESTS=1 but {CHROMIUM} is missing: install Debian's chromium package."
        )
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (set REQUIRE_BROWSER_TESTS=1 to fail instead)")
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot of ``page`` at phone and desktop width under test-artifacts/."""

    def take(page, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        for label, viewport in (("375", MOBILE), ("1280", DESKTOP)):
            page.set_viewport_size(viewport)
            page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
        page.set_viewport_size(DESKTOP)

    return take


@pytest.fixture
def demo(live_server):
    """The demo data as ``make run`` loads it, public site included (with the services associations ask for).

    A transactional test before this one may have flushed the content types and permissions that
    ``load_demo`` refers to (they are not always part of the restored state), while the content type
    cache still remembers them: start from a freshly migrated state, as ``make run`` does.
    """
    ContentType.objects.clear_cache()
    emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)
    call_command("load_demo", "--allow-demo-logins", stdout=StringIO())
    # Leave the cache warm for every model, as migrating does: the next transactional test restores its
    # rows through Wagtail's Task(), which looks up its content type while that table is still empty and,
    # on a cold cache, inserts it once too often (IntegrityError before that test starts).
    ContentType.objects.get_for_models(*apps.get_models())
    return live_server.url
