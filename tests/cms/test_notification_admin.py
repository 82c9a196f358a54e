"""The e-mail outbox in the admin: superusers see failed e-mails and why; caseworkers never see it."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from marketplace.models import Notification, NotificationStatus
from marketplace.services.applications import application_invite
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed(world):
    role = factories.RoleFactory(organisation=world.organisation_a, published=True)
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    notification = Notification.objects.get(application=application)
    Notification.objects.filter(pk=notification.pk).update(
        status=NotificationStatus.FAILED, attempts=10, last_error="SMTPRecipientsRefused: 550 No such user")
    return notification


def test_a_superuser_sees_a_failed_email_and_why(client, failed):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))

    listing = client.get(reverse("marketplace_notification:index"), {"status": NotificationStatus.FAILED})
    inspect = client.get(reverse("marketplace_notification:inspect", args=[failed.pk]))

    assert listing.status_code == 200
    assert "sentinel-seeker@example.nl" in listing.content.decode()
    assert inspect.status_code == 200
    assert "550 No such user" in inspect.content.decode()


def test_a_caseworker_with_every_permission_cannot_open_the_outbox(client, world, failed):
    caseworker = world.caseworker_a
    caseworker.is_staff = True
    caseworker.save()
    caseworker.user_permissions.add(*Permission.objects.filter(content_type__app_label__in=["marketplace",
                                                                                            "wagtailadmin"]))
    client.force_login(caseworker)

    for url in (reverse("marketplace_notification:index"),
                reverse("marketplace_notification:inspect", args=[failed.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "sentinel-seeker@example.nl" not in response.content.decode()
    assert reverse("marketplace_notification:index") not in client.get(reverse("wagtailadmin_home")).content.decode()
