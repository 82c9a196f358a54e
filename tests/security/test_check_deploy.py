"""``manage.py check --deploy`` with production settings reports nothing: no warning, no error.

The command runs in a fresh process with a production-like environment (DEBUG off, a long secret,
real host names) and nothing of the test run's own environment, so it sees the settings a
deployment gets.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_environment(**overrides) -> dict[str, str]:
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "werkplaats.example",
        "CSRF_TRUSTED_ORIGINS": "https://werkplaats.example",
        "SITE_URL": "https://werkplaats.example",
        "CACHE_URL": "redis://127.0.0.1:6379/0",
        "DATABASE_URL": "postgres://werkplaats@127.0.0.1:5432/werkplaats",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    }
    environment.update(overrides)
    return {name: value for name, value in environment.items() if value is not None}


def check_deploy(**overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=production_environment(**overrides), capture_output=True, text=True, timeout=300,
    )


def test_check_deploy_with_production_settings_reports_no_issue_at_all():
    result = check_deploy()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_behind_a_proxy_that_redirects_itself_the_switched_off_settings_are_not_reported_as_forgotten():
    result = check_deploy(SECURE_SSL_REDIRECT="false", SECURE_HSTS_PRELOAD="false")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (2 silenced)" in result.stdout


@pytest.mark.parametrize("overrides, warning", [
    ({"SECRET_KEY": "short"}, "security.W009"),
    ({"SECURE_COOKIES": "false"}, "security.W012"),
])
def test_the_check_does_report_a_weak_setting(overrides, warning):
    """Proof that the checks above could fail: a weak production setting is reported."""
    result = check_deploy(**overrides)

    assert result.returncode != 0
    assert warning in result.stdout + result.stderr
