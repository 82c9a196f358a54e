"""The site's menu and footer tags on hosts that no Wagtail site serves."""

import pytest
from wagtail.models import Site


@pytest.mark.django_db
def test_sign_in_and_portal_pages_render_when_no_wagtail_site_serves_the_host(client, world):
    Site.objects.all().delete()

    sign_in = client.get("/accounts/login/")
    client.force_login(world.seeker_user)
    portal = client.get("/mijn/")

    assert sign_in.status_code == 200
    assert portal.status_code == 200
