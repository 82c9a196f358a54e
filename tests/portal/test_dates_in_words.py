"""Dates read the same way on every page: day, month in words, year ("5 december 2026", "5 December 2026")."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from marketplace.formatting import readable_date, readable_when
from marketplace.models import ServiceCategory, ServiceRequest, ServiceRequestStatus
from marketplace.services.service_requests import service_request_set_status, service_request_submit
from tests.portal.helpers import en, signed_in

pytestmark = pytest.mark.django_db

# 23:30 in UTC is already the next day in Amsterdam: pages show the local day.
LATE_EVENING_UTC = datetime.datetime(2026, 12, 4, 23, 30, tzinfo=datetime.UTC)
SHORT_FORMS = ("5 dec 2026", "5 Dec 2026", "Dec. 5, 2026", "5-12-2026", "12/05/2026")


@pytest.fixture
def service_request(world):
    category = ServiceCategory.objects.create(slug="groen", name_nl="Groenonderhoud", name_en="Green maintenance")
    service_request = service_request_submit(category=category, description="Lijnen trekken", street="Sportlaan 3",
                                             postcode="1234 AB", organisation=world.association_organisation)
    service_request_set_status(service_request=service_request, to_status=ServiceRequestStatus.TRIAGED,
                               by=world.caseworker_a)
    ServiceRequest.objects.filter(pk=service_request.pk).update(created_at=LATE_EVENING_UTC)
    service_request.status_changes.update(at=LATE_EVENING_UTC)
    return service_request


def test_the_association_reads_dates_in_words_in_dutch(world, service_request):
    client = signed_in(world.association)
    listing = client.get(reverse("association-home")).content.decode()
    detail = client.get(reverse("association-request", args=[service_request.pk])).content.decode()

    assert "5 december 2026" in listing
    assert "5 december 2026 00:30" in detail
    assert not [short for short in SHORT_FORMS if short in listing + detail]


def test_the_association_reads_dates_in_words_in_english(world, service_request):
    client = signed_in(world.association)
    listing = client.get(en("association-home")).content.decode()
    detail = client.get(en("association-request", service_request.pk)).content.decode()

    assert "5 December 2026" in listing
    assert "5 December 2026 00:30" in detail
    assert not [short for short in SHORT_FORMS if short in listing + detail]


@pytest.mark.parametrize(("language", "day", "moment"), [
    ("nl", "5 december 2026", "5 december 2026 00:30"),
    ("en", "5 December 2026", "5 December 2026 00:30"),
])
def test_one_format_for_dates_and_moments_in_each_language(language, day, moment):
    with translation.override(language):
        assert readable_date(LATE_EVENING_UTC) == day
        assert readable_date(datetime.date(2026, 12, 5)) == day
        assert readable_date("2026-12-05") == day
        assert readable_when(LATE_EVENING_UTC) == moment
        assert readable_when("2026-12-04T23:30:00+00:00") == moment
