"""The caseworkers' listing of applications: their own municipality only, filterable, read-only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse

from marketplace.services.applications import application_express_interest, application_withdraw
from tests import factories

pytestmark = pytest.mark.django_db


def url(view: str, *args) -> str:
    return reverse(f"marketplace_application:{view}", args=args)


def staff(user):
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="marketplace", codename="view_application"),
    )
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def applications(world):
    role_a = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Afwassen in Havenstad")
    role_b = factories.RoleFactory(organisation__municipality=world.municipality_b, published=True,
                                   title="Vakken vullen in Veenwijk")
    here, _created = application_express_interest(seeker=world.seeker, role=role_a)
    there, _created = application_express_interest(seeker=world.seeker_b, role=role_b)
    return here, there


@pytest.fixture
def caseworker(client, world):
    client.force_login(staff(world.caseworker_a))
    return client


def listed(response) -> list:
    assert response.status_code == 200
    return list(response.context["object_list"])


def test_caseworker_lists_the_applications_of_their_municipality_only(caseworker, applications):
    here, _there = applications

    response = caseworker.get(url("index"))

    assert listed(response) == [here]
    assert "Vakken vullen in Veenwijk" not in response.content.decode()


def test_filters_by_status_role_and_seeker_offer_only_the_own_municipality(caseworker, applications, world):
    here, _there = applications
    application_withdraw(application=here, actor_user=world.seeker_user)

    withdrawn = caseworker.get(url("index"), {"status": "withdrawn", "role": here.role_id, "seeker": world.seeker.pk})
    interested = caseworker.get(url("index"), {"status": "interested"})

    assert listed(withdrawn) == [here]
    assert listed(interested) == []
    role_choices = list(withdrawn.context["filters"].form.fields["role"].queryset)
    seeker_choices = list(withdrawn.context["filters"].form.fields["seeker"].queryset)
    assert role_choices == [here.role]
    assert world.seeker_b not in seeker_choices


def test_caseworker_reads_the_timeline_but_not_another_municipalitys_application(caseworker, applications):
    here, there = applications

    mine = caseworker.get(url("inspect", here.pk))
    theirs = caseworker.get(url("inspect", there.pk))

    assert mine.status_code == 200
    assert [(event.to_status, event.actor) for event in mine.context["events"]] == [("interested", here.seeker.user)]
    assert 'id="timeline-heading"' in mine.content.decode()
    assert theirs.status_code == 404


def test_the_listing_offers_no_forms_that_could_bypass_the_workflow():
    for view in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch):
            reverse(f"marketplace_application:{view}", args=[1] if view != "add" else [])


def test_staff_without_the_view_permission_cannot_open_the_listing(client, world, applications):
    user = world.caseworker_a
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)

    response = client.get(url("index"))

    assert response.status_code in (302, 403)
