"""Loaded by pytest as an early plugin (see pyproject): test-run defaults set before Django starts."""

import os

os.environ.setdefault("SECRET_KEY", "werkplaats-test-only-secret")
os.environ.setdefault("STATIC_MANIFEST", "false")
