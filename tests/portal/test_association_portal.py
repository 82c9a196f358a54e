"""The association's portal: its own requests with status and history, and filing a new one."""

import pytest
from django.core import mail

from marketplace.models import ServiceCategory, ServiceRequest, ServiceRequestStatus
from marketplace.services.service_requests import service_request_set_status, service_request_submit
from tests import factories
from tests.portal.helpers import en, messages_of, post, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(world):
    return signed_in(world.association)


@pytest.fixture
def green():
    return ServiceCategory.objects.create(slug="groen", name_nl="Groenonderhoud", name_en="Green maintenance")


def request_form(category, **overrides) -> dict:
    data = {"category": str(category.pk), "description": "De heg bij het clubhuis is te hoog.",
            "street": "Sportlaan 3", "postcode": "1234 ab", "city": "Havenstad", "frequency": "monthly",
            "timing_notes": "Dinsdagochtend", "requester_phone": "06 12345678"}
    data.update(overrides)
    return data


def submitted_by(organisation, category, description="Lijnen trekken op het veld"):
    return service_request_submit(category=category, description=description, street="Sportlaan 3",
                                  postcode="1234 AB", organisation=organisation)


def test_an_association_files_a_request_and_follows_its_status(world, association, green,
                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(association, en("association-request-create"), request_form(green), follow=True)

    service_request = ServiceRequest.objects.get()
    assert service_request.organisation == world.association_organisation
    assert service_request.requester_email == world.association.email
    assert service_request.requester_phone == "0612345678"
    assert response.redirect_chain[-1][0] == en("association-request", service_request.pk)
    html = response.content.decode()
    assert "Submitted" in html and "De heg bij het clubhuis is te hoog." in html
    assert "We have received your request" in messages_of(response)[0]
    assert mail.outbox[-1].to == [world.association.email]


def test_the_list_shows_status_and_the_detail_shows_the_history(world, association, green):
    service_request = submitted_by(world.association_organisation, green)
    service_request_set_status(service_request=service_request, to_status=ServiceRequestStatus.TRIAGED,
                               by=world.caseworker_a)

    listing = association.get(en("association-home")).content.decode()
    detail = association.get(en("association-request", service_request.pk)).content.decode()

    assert f"Request {service_request.pk}" in listing and "Being assessed" in listing
    history = detail[detail.index("History"):]
    assert history.index("Submitted") < history.index("Being assessed")
    assert "looking at your request" in detail


def test_bad_request_input_is_named_and_kept(association, green):
    response = post(association, en("association-request-create"),
                    request_form(green, description="", postcode="12", preferred_date="2000-01-01"))

    html = response.content.decode()
    assert response.status_code == 400
    for field in ("description", "postcode", "preferred_date"):
        assert f'id="id_{field}_errors"' in html
    assert 'value="Sportlaan 3"' in html
    assert not ServiceRequest.objects.exists()


def test_a_request_for_a_closed_service_is_refused_at_the_field(association, green):
    closed = ServiceCategory.objects.create(slug="dicht", name_nl="Dicht", name_en="Closed", is_active=False)

    response = post(association, en("association-request-create"), request_form(closed))

    assert response.status_code == 400
    assert 'id="id_category_errors"' in response.content.decode()
    assert not ServiceRequest.objects.exists()


def test_an_association_sees_neither_the_requests_nor_a_request_of_another_association(world, association, green):
    other = factories.OrganisationFactory(municipality=world.municipality_a, association=True, name="Buurtclub")
    theirs = submitted_by(other, green, description="Hun eigen aanvraag")

    assert "Hun eigen aanvraag" not in association.get(en("association-home")).content.decode()
    assert association.get(en("association-request", theirs.pk)).status_code == 404
