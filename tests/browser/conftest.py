"""Browser tests drive Debian's Chromium through Playwright; nothing here ever downloads a browser.

Without /usr/bin/chromium the tests are skipped, unless REQUIRE_BROWSER_TESTS=1 (as in CI), in
which case the run fails loudly: CI must not go green without having run them.
"""

import os
from pathlib import Path

import pytest

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
