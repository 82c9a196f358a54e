"""The caseworker's "plan as roles" form stores the days ticked: none in advance unless the request names
them (and then it says so), an error naming the days when none is ticked, and Dutch numbers and dates."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from marketplace.constants import Weekday
from marketplace.models import Role, ServiceRequest, ServiceRequestStatus
from marketplace.services.service_requests import service_request_submit
from tests.cms.public_site import add_postcode_areas_and_category
from tests.cms.test_service_requests import staff

pytestmark = pytest.mark.django_db


def triaged_request(world, timing_notes="", **changes) -> ServiceRequest:
    category = add_postcode_areas_and_category(world.municipality_a, world.municipality_b)
    service_request = service_request_submit(
        municipality=world.municipality_a, category=category, description="De lijnen van het veld trekken.",
        street="Sportlaan 3", postcode="1234ab", city="Havenstad", requester_name="Mevrouw Jansen",
        requester_email="jansen@example.nl", requester_phone="0612345678", timing_notes=timing_notes, **changes)
    ServiceRequest.objects.filter(pk=service_request.pk).update(status=ServiceRequestStatus.TRIAGED)
    service_request.refresh_from_db()
    return service_request


@pytest.fixture
def caseworker(client, world):
    client.force_login(staff(world.caseworker_a))
    return client


def plan_url(service_request) -> str:
    return reverse("service_requests:plan", args=[service_request.pk])


def ticked_days(html: str) -> list[str]:
    inputs = re.findall(r'<input[^>]*name="weekdays"[^>]*>', html)
    return [re.search(r'value="(\w+)"', tag).group(1) for tag in inputs if " checked" in tag]


def plan_data(**changes) -> dict:
    data = {"title": "Lijnen trekken", "description": "Het veld belijnen.", "hours_min": "4", "hours_max": "4",
            "count": "1", "places": "1"}
    data.update(changes)
    return data


def test_no_day_is_ticked_when_the_request_names_none(caseworker, world):
    service_request = triaged_request(world, timing_notes="in overleg")

    html = caseworker.get(plan_url(service_request)).content.decode()

    assert ticked_days(html) == []


def test_saturday_is_proposed_from_the_request_and_labelled_as_taken_from_it(caseworker, world):
    service_request = triaged_request(world, timing_notes="zaterdag 9–13 uur")

    html = caseworker.get(plan_url(service_request)).content.decode()

    assert ticked_days(html) == ["sat"]
    assert "Aangevinkt volgens de wensen in de aanvraag: “zaterdag 9–13 uur”. Controleer ze." in html


def test_the_requesters_words_in_the_label_are_escaped(caseworker, world):
    service_request = triaged_request(world, timing_notes="<b>zaterdag</b>")

    html = caseworker.get(plan_url(service_request)).content.decode()

    assert "&lt;b&gt;zaterdag&lt;/b&gt;" in html and "<b>zaterdag</b>" not in html


def test_planning_without_a_day_names_the_field_and_creates_nothing(caseworker, world):
    service_request = triaged_request(world, timing_notes="zaterdag")

    response = caseworker.post(plan_url(service_request), plan_data())

    assert response.status_code == 400
    assert "Vink ten minste één dag aan." in response.content.decode()
    assert not Role.objects.exists()


@pytest.mark.parametrize(("ticked", "stored"), [(["tue", "thu"], Weekday.TUE | Weekday.THU),
                                                (["sat"], Weekday.SAT)])
def test_the_role_gets_exactly_the_days_ticked(caseworker, world, ticked, stored):
    service_request = triaged_request(world)

    response = caseworker.post(plan_url(service_request), plan_data(weekdays=ticked))

    assert response.status_code == 302
    assert Role.objects.get().weekdays == stored


def test_a_wage_in_dutch_and_the_proposed_start_date_are_stored_as_given(caseworker, world):
    service_request = triaged_request(world, preferred_date="2031-05-03")
    html = caseworker.get(plan_url(service_request)).content.decode()
    assert 'value="2031-05-03"' in html

    response = caseworker.post(plan_url(service_request), plan_data(
        weekdays=["sat"], hourly_wage="14,40", start_date="2031-05-03"))

    assert response.status_code == 302
    role = Role.objects.get()
    assert (role.hourly_wage, role.start_date.isoformat()) == (Decimal("14.40"), "2031-05-03")
