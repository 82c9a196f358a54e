"""Fixtures the security tests share with the API tests: skills, a valid role payload and a published role."""

from tests.api.conftest import published_role, role_payload, skills  # noqa: F401
