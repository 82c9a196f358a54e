"""Shared by every portal test: the page layout reads the Wagtail site's settings, so a site must exist."""

import pytest
from django.utils import translation

from tests.carving_data import ensure_wagtail_site


@pytest.fixture(autouse=True)
def wagtail_site(db):
    ensure_wagtail_site()


@pytest.fixture(autouse=True)
def default_language():
    """Requests to /en/ pages leave English active in this thread; the next test starts in the default language."""
    yield
    translation.deactivate()
