"""POST and GET /api/v1/service-requests/: associations and residents ask, and follow their own requests."""

import pytest
from django.core import mail
from django.core.cache import cache

from marketplace.models import ServiceCategory, ServiceRequest
from marketplace.services.service_requests import service_request_submit
from tests import factories
from tests.cms.public_site import add_postcode_areas_and_category

URL = "/api/v1/service-requests/"


@pytest.fixture(autouse=True)
def _empty_cache():
    """The anonymous throttle counts in the cache; every test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def category(world) -> ServiceCategory:
    return add_postcode_areas_and_category(world.municipality_a, world.municipality_b)


def payload(**changes) -> dict:
    data = {
        "category": "groenonderhoud", "description": "De heg langs de stoep is te hoog.", "street": "Lindelaan 12",
        "postcode": "1234ab", "city": "Havenstad", "frequency": "monthly", "requester_name": "Mevrouw Jansen",
        "requester_email": "jansen@example.nl", "requester_phone": "06 12345678",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not ...}


def test_resident_asks_anonymously_and_gets_the_request_with_a_status_link(client_for, category,
                                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(None).post(URL, payload(), format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "submitted"
    assert body["postcode"] == "1234 AB"
    assert body["history"][0]["to_status"] == "submitted"
    service_request = ServiceRequest.objects.get()
    assert body["status_url"].endswith(f"/aanvraag/{service_request.token}/")
    assert service_request.municipality.name == "Havenstad"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(("changes", "field"), [
    ({"postcode": "12345"}, "postcode"),
    ({"requester_email": "geen-adres"}, "requester_email"),
    ({"requester_phone": "123"}, "requester_phone"),
    ({"requester_phone": ""}, "requester_phone"),
    ({"description": "x" * 2001}, "description"),
    ({"description": ...}, "description"),
    ({"category": "bestaat-niet"}, "category"),
    ({"frequency": "hourly"}, "frequency"),
    ({"preferred_date": "2000-01-01"}, "preferred_date"),
    ({"postcode": "9999 AA", "municipality": "GM9901"}, "postcode"),
    ({"municipality": "GM0000"}, "municipality"),
    ({"status": "done"}, "status"),
])
def test_bad_input_gets_400_naming_the_field_and_stores_nothing(client_for, category, changes, field):
    response = client_for(None).post(URL, payload(**changes), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not ServiceRequest.objects.exists()


def test_unknown_postcode_area_without_a_municipality_is_refused_on_postcode(client_for, category):
    response = client_for(None).post(URL, payload(postcode="5555 AA"), format="json")

    assert response.status_code == 400
    assert "postcode" in response.json()


def test_html_is_stored_as_sent(client_for, category):
    response = client_for(None).post(URL, payload(description="<script>alert(1)</script>"), format="json")

    assert response.status_code == 201
    assert ServiceRequest.objects.get().description == "<script>alert(1)</script>"


def test_anonymous_requests_are_throttled_with_429(client_for, category):
    client = client_for(None)
    statuses = [client.post(URL, payload(), format="json").status_code for _number in range(6)]

    assert statuses == [201] * 5 + [429]
    assert ServiceRequest.objects.count() == 5


def test_association_asks_on_behalf_of_its_association_without_contact_fields(client_for, world, category):
    response = client_for(world.association).post(
        URL, payload(requester_name=..., requester_email=..., requester_phone=...), format="json"
    )

    assert response.status_code == 201, response.content
    service_request = ServiceRequest.objects.get()
    assert service_request.organisation == world.association_organisation
    assert service_request.created_by == world.association


def test_signed_in_association_is_not_throttled_like_anonymous_visitors(client_for, world, category):
    client = client_for(world.association)

    statuses = {client.post(URL, payload(), format="json").status_code for _number in range(6)}

    assert statuses == {201}


def test_association_lists_only_its_own_requests_newest_first(client_for, world, category):
    first = service_request_submit(organisation=world.association_organisation, category=category,
                                   description="Kantine", street="Sportlaan 1", postcode="1234 AB")
    second = service_request_submit(organisation=world.association_organisation, category=category,
                                    description="Velden", street="Sportlaan 1", postcode="1234 AB")
    other = factories.OrganisationFactory(association=True, municipality=world.municipality_a)
    service_request_submit(organisation=other, category=category, description="Niet van jou",
                           street="Dorpsstraat 2", postcode="1234 AB")
    service_request_submit(category=category, description="Bewoner", street="Lindelaan 12", postcode="1234 AB",
                           requester_name="Jansen", requester_email="j@example.nl", requester_phone="0612345678",
                           municipality=world.municipality_a)

    response = client_for(world.association).get(URL)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [second.pk, first.pk]


def test_association_cannot_read_another_associations_request(client_for, world, category):
    other = factories.OrganisationFactory(association=True, municipality=world.municipality_a)
    theirs = service_request_submit(organisation=other, category=category, description="Niet van jou",
                                    street="Dorpsstraat 2", postcode="1234 AB")

    response = client_for(world.association).get(f"{URL}{theirs.pk}/")

    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["employer_a", "seeker_user", "caseworker_a"])
def test_people_who_do_not_act_for_an_association_see_an_empty_list(client_for, world, category, persona):
    service_request_submit(organisation=world.association_organisation, category=category, description="Kantine",
                           street="Sportlaan 1", postcode="1234 AB")

    response = client_for(getattr(world, persona)).get(URL)

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_anonymous_visitors_cannot_list_requests(client_for, category):
    assert client_for(None).get(URL).status_code in (401, 403)
