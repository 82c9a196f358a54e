"""Loaded by pytest as an early plugin (see pyproject): test-run defaults set before Django starts."""

import os

os.environ.setdefault("SECRET_KEY", "werkplaats-test-only-secret")
os.environ.setdefault("STATIC_MANIFEST", "false")
# The test client and the live server speak plain HTTP (tests/security covers the redirect).
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
