"""Bad input is refused with a 4xx that names what was wrong, on every face, and nothing is written.

Booleans where numbers belong, dates outside a plausible window, titles that show nothing or
reorder the text around them, text without an end, a postcode outside the municipality named,
bodies too large or with too many fields.
"""

from datetime import timedelta

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from marketplace.access import actor_for
from marketplace.choices import MembershipRole
from marketplace.constants import EARLIEST_DATE, LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from marketplace.models import (
    Application,
    JobAnalysis,
    JobSeeker,
    Membership,
    Organisation,
    Role,
    ServiceRequest,
    Task,
)
from marketplace.services.roles import role_create
from marketplace.services.service_requests import service_request_submit
from marketplace.validators import latest_plausible_date, validate_plausible_date, validate_title, visible_text
from tests import factories
from tests.cms.public_site import add_postcode_areas_and_category

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"
SERVICE_REQUESTS = "/api/v1/service-requests/"
PERSONAS = ("employer_a", "caseworker_a", "seeker_user", "association", None)


def names(response, field: str, status: int = 400) -> bool:
    assert response.status_code == status, (response.status_code, response.content[:500])
    body = response.json()
    assert field in body, body
    assert all(str(message) for message in body[field])
    return True


@pytest.fixture
def category(world):
    return add_postcode_areas_and_category(world.municipality_a, world.municipality_b)


def resident_request(**changes) -> dict:
    payload = {
        "category": "groenonderhoud", "description": "De heg langs de stoep is te hoog geworden.",
        "street": "Lindelaan 12", "postcode": "1234 AB", "city": "Havenstad", "requester_name": "Mevrouw Jansen",
        "requester_email": "jansen@example.nl", "requester_phone": "06 12345678",
    }
    payload.update(changes)
    return payload


# Booleans are no numbers --------------------------------------------------------------------------


def _numeric_request_fields() -> list[tuple[str, str, str]]:
    """(method, path, field) for every number a request body of the API takes, read from the OpenAPI schema."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]

    def resolve(node):
        while "$ref" in node or "allOf" in node:
            node = components[node["$ref"].split("/")[-1]] if "$ref" in node else node["allOf"][0]
        return node

    found = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if method not in ("post", "put", "patch") or content is None:
                continue
            for field, node in resolve(content["schema"]).get("properties", {}).items():
                node = resolve(node)
                number = node.get("type") in ("integer", "number") or node.get("format") == "decimal"
                if number and not node.get("readOnly"):
                    found.append((method.upper(), path, field))
    return found


NUMERIC_FIELDS = _numeric_request_fields()


@pytest.fixture
def objects(world, published_role):
    """A row behind every path parameter of the API, each reachable by one persona of the matrix."""
    Membership.objects.filter(user=world.employer_a).update(role=MembershipRole.ADMIN)
    analysis = JobAnalysis.objects.create(organisation=world.organisation_a, municipality=world.municipality_a,
                                          title="Verpleegkundige", hours_per_week=36, hourly_cost=40)
    task = Task.objects.create(analysis=analysis, name="Bedden opmaken", hours_per_week=4, weekdays=1,
                               window_start="08:00", window_end="12:00")
    application = Application.objects.create(seeker=world.seeker, role=published_role, status="interested")
    category = factories.CaseloadCategoryFactory(municipality=world.municipality_a)
    assignment = factories.InstrumentAssignmentFactory(instrument__municipality=world.municipality_a,
                                                       seeker=world.seeker)
    return {
        "/api/v1/roles/{id}/": published_role.pk, "/api/v1/seekers/{id}/": world.seeker.pk,
        "/api/v1/applications/{id}/": application.pk, "/api/v1/job-analyses/{id}/": analysis.pk,
        "/api/v1/me/organisations/{id}/": world.organisation_a.pk, "/api/v1/categories/{id}/": category.pk,
        "/api/v1/instruments/{id}/": assignment.instrument_id, "{task_id}": task.pk, "{assignment_id}": assignment.pk,
    }


def _url(path: str, ids: dict) -> str:
    url = path
    for name in ("{task_id}", "{assignment_id}"):
        url = url.replace(name, str(ids[name]))
    if "{id}" in url:
        prefix = next((prefix for prefix in ids if prefix.startswith("/") and url.startswith(prefix.split("{")[0])),
                      None)
        assert prefix is not None, f"give the objects fixture a row for {path}"
        url = url.replace("{id}", str(ids[prefix]))
    return url


def test_the_number_fields_are_read_from_the_schema():
    assert ("POST", "/api/v1/roles/", "latitude") in NUMERIC_FIELDS
    assert ("POST", "/api/v1/applications/{id}/place/", "hours_per_week") in NUMERIC_FIELDS
    assert ("POST", "/api/v1/roles/", "hourly_wage") in NUMERIC_FIELDS


@pytest.mark.parametrize("method, path, field", NUMERIC_FIELDS, ids=[" ".join(item) for item in NUMERIC_FIELDS])
@pytest.mark.parametrize("boolean", [True, False])
def test_a_boolean_is_never_taken_for_a_number(world, client_for, objects, method, path, field, boolean):
    url = _url(path, objects)
    answers = []
    for persona in PERSONAS:
        cache.clear()
        client = client_for(getattr(world, persona) if persona else None)
        response = client.generic(method, url, f'{{"{field}": {"true" if boolean else "false"}}}',
                                  content_type="application/json")
        answers.append((persona, response.status_code))
        assert response.status_code < 500, answers
        if response.status_code == 400 and field in response.json():
            return
    pytest.fail(f"nobody was told that {field} must be a number: {answers}")


@pytest.mark.parametrize("field, value", [("latitude", True), ("longitude", False), ("hours_min", True),
                                          ("places", True), ("hourly_wage", True)])
def test_an_employer_sending_true_for_a_number_of_a_role_is_told_so_and_nothing_is_written(
        world, client_for, role_payload, field, value):
    response = client_for(world.employer_a).post(ROLES, role_payload(**{field: value}), format="json")

    assert names(response, field)
    assert not Role.objects.exists()


# Dates in a plausible window ----------------------------------------------------------------------


def _today():
    return timezone.localdate()


@pytest.mark.parametrize("changes, field", [
    ({"start_date": "1999-12-31"}, "start_date"),
    ({"start_date": "0001-01-01"}, "start_date"),
    ({"end_date": "2999-01-01"}, "end_date"),
    ({"start_date": "2025-01-01", "end_date": "9999-12-31"}, "end_date"),
])
def test_a_role_with_a_date_outside_the_plausible_window_is_refused(world, client_for, role_payload, changes, field):
    response = client_for(world.employer_a).post(ROLES, role_payload(**changes), format="json")

    assert names(response, field)
    assert not Role.objects.exists()


def test_a_role_starting_in_a_few_years_is_fine(world, client_for, role_payload):
    start = _today() + timedelta(days=3 * 365)

    response = client_for(world.employer_a).post(ROLES, role_payload(start_date=start.isoformat()), format="json")

    assert response.status_code == 201, response.json()


@pytest.mark.parametrize("date_of_birth", ["1850-01-01", "2999-01-01", "today"])
def test_a_date_of_birth_outside_a_life_is_refused(world, client_for, date_of_birth):
    if date_of_birth == "today":
        date_of_birth = _today().isoformat()
    response = client_for(world.caseworker_a).post(
        "/api/v1/seekers/", {"first_name": "Ann", "last_name": "Jansen", "date_of_birth": date_of_birth},
        format="json")

    assert names(response, "date_of_birth")
    assert not JobSeeker.objects.filter(first_name="Ann").exists()


def test_a_preferred_date_years_ahead_is_refused(world, client_for, category):
    far = (_today() + timedelta(days=20 * 365)).isoformat()

    response = client_for(None).post(SERVICE_REQUESTS, resident_request(preferred_date=far), format="json")

    assert names(response, "preferred_date")
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize("start_date", ["1990-06-01", "2999-06-01"])
def test_a_placement_starting_outside_the_window_is_refused_and_the_trial_stays(world, client_for, published_role,
                                                                                start_date):
    seeker, employer = client_for(world.seeker_user), client_for(world.employer_a)
    application = seeker.post("/api/v1/applications/", {"role": published_role.pk}, format="json").json()["id"]
    for client, verb in ((seeker, "consent"), (employer, "introduce"), (employer, "start-trial")):
        assert client.post(f"/api/v1/applications/{application}/{verb}/", {}, format="json").status_code == 200

    response = employer.post(f"/api/v1/applications/{application}/place/",
                             {"start_date": start_date, "hours_per_week": 12}, format="json")

    assert names(response, "start_date")
    assert Application.objects.get(pk=application).status == "trial"


def test_the_window_runs_from_the_first_day_of_2000_to_five_years_from_today():
    latest = latest_plausible_date()

    for fine in (EARLIEST_DATE, _today(), latest):
        validate_plausible_date(fine)
    for wrong in (EARLIEST_DATE - timedelta(days=1), latest + timedelta(days=1)):
        with pytest.raises(ValidationError):
            validate_plausible_date(wrong)
    assert latest.year == _today().year + 5


def test_the_services_refuse_the_dates_for_the_portal_and_the_admin_too(world):
    """The rule sits on the model, and the services validate the model: every face gets it."""
    with pytest.raises(ValidationError) as refused:
        role_create(actor=actor_for(world.employer_a), organisation=world.organisation_a, data={
            "kind": "carved_task", "title": "Afwassen", "description": "Afwassen in de keuken.", "hours_min": 4,
            "hours_max": 8, "weekdays": 1, "start_date": _today().replace(year=1990),
        })

    assert "start_date" in refused.value.message_dict
    assert not Role.objects.exists()


# Titles and names that show something, in the reading order they were written ------------------------

INVISIBLE = ["\u200b", "\u00ad\u00ad", "\u200b \u200c\u200d\u2060", "\ufeff", "\u3164", "\u034f", "\u2800 \u2800"]
BIDI = ["Afwassen\u202e", "\u202dAfwassen", "Afwas\u2066sen\u2069", "\u2067Afwassen", "\u202aA\u202c"]


@pytest.mark.parametrize("title", INVISIBLE + BIDI)
def test_a_role_title_that_shows_nothing_or_reorders_text_is_refused(world, client_for, role_payload, title):
    response = client_for(world.employer_a).post(ROLES, role_payload(title=title), format="json")

    assert names(response, "title")
    assert not Role.objects.exists()


@pytest.mark.parametrize("text", BIDI)
def test_a_public_description_that_reorders_text_is_refused_for_roles_and_requests(world, client_for, role_payload,
                                                                                   category, text):
    role = client_for(world.employer_a).post(ROLES, role_payload(description=f"Afwassen {text}"), format="json")
    request = client_for(None).post(SERVICE_REQUESTS, resident_request(description=f"Heg knippen {text}"),
                                    format="json")

    assert names(role, "description") and names(request, "description")
    assert not Role.objects.exists() and not ServiceRequest.objects.exists()


@pytest.mark.parametrize("field, value", [("first_name", "\u200b"), ("last_name", "Jansen\u202e"),
                                          ("first_name", "\u2068Ann\u2069")])
def test_a_job_seekers_name_that_shows_nothing_or_reorders_text_is_refused(world, client_for, field, value):
    payload = {"first_name": "Ann", "last_name": "Jansen", field: value}

    response = client_for(world.caseworker_a).post("/api/v1/seekers/", payload, format="json")

    assert names(response, field)
    assert not JobSeeker.objects.filter(last_name="Jansen").exists()


def test_an_organisation_cannot_be_renamed_to_nothing(world, client_for):
    Membership.objects.filter(user=world.employer_a).update(role=MembershipRole.ADMIN)

    response = client_for(world.employer_a).patch(f"/api/v1/me/organisations/{world.organisation_a.pk}/",
                                                  {"name": "\u200b\u200b"}, format="json")

    assert names(response, "name")
    assert Organisation.objects.get(pk=world.organisation_a.pk).name == "Bakkerij A"


def test_a_resident_whose_name_is_only_invisible_characters_is_refused(world, client_for, category):
    response = client_for(None).post(SERVICE_REQUESTS, resident_request(requester_name="\u200b\u2060"),
                                     format="json")

    assert names(response, "requester_name")
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize("title", ["Zoë's bakkerij", "Café ’t Hoekje", "محمد", "Ünal Öztürk", "e\u0301en",
                                   "Leeftijd 16\u00ad18", "Jan\u200dJansen"])
def test_real_titles_and_names_in_any_script_are_fine(title):
    validate_title(title)
    assert visible_text(title)


def test_a_title_is_checked_in_the_admin_too(world, client):
    """The admin saves through the role service, which validates the model field, validator included."""
    superuser = factories.UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    data = {"organisation": world.organisation_a.pk, "kind": "carved_task", "title": "\u200b",
            "description": "Afwassen.", "hours_min": 8, "hours_max": 12, "weekdays": ["mon"],
            "language_level_required": 1, "target_rung": 5, "places": 1,
            "inline-TOTAL_FORMS": 0, "inline-INITIAL_FORMS": 0}

    response = client.post(reverse("marketplace_role:add"), data)

    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not Role.objects.exists()


# Every text has an end --------------------------------------------------------------------------------


# Text the software writes itself, never a person (an error message from the mail server).
WRITTEN_BY_THE_SOFTWARE = {"Notification.last_error"}


def test_every_text_field_people_fill_has_a_maximum_length_the_model_enforces():
    unbounded = []
    for model in apps.get_app_config("marketplace").get_models():
        for field in model._meta.get_fields():
            if f"{model.__name__}.{field.name}" in WRITTEN_BY_THE_SOFTWARE:
                continue
            if isinstance(field, models.TextField) and not (
                    field.max_length and any(isinstance(v, MaxLengthValidator) for v in field.validators)):
                unbounded.append(f"{model.__name__}.{field.name}")
    assert unbounded == []


@pytest.mark.parametrize("persona, method, url, payload, field", [
    ("employer_a", "post", ROLES, "role", "description"),
    ("caseworker_a", "post", "/api/v1/seekers/", {"first_name": "A", "last_name": "B",
                                                   "motivation": "x" * (TEXT_MAX_LENGTH + 1)}, "motivation"),
    ("caseworker_a", "post", "/api/v1/seekers/", {"first_name": "A", "last_name": "B",
                                                   "burden": {"debts": "x" * (TEXT_MAX_LENGTH + 1)}}, "burden"),
    (None, "post", SERVICE_REQUESTS, "request", "description"),
])
def test_text_beyond_its_maximum_is_refused_by_name(world, client_for, role_payload, category, persona, method, url,
                                                      payload, field):
    if payload == "role":
        payload = role_payload(description="x" * (LONG_TEXT_MAX_LENGTH + 1))
    elif payload == "request":
        payload = resident_request(description="x" * (TEXT_MAX_LENGTH + 1))
    before = (Role.objects.count(), JobSeeker.objects.count(), ServiceRequest.objects.count())

    response = getattr(client_for(getattr(world, persona) if persona else None), method)(url, payload, format="json")

    assert names(response, field)
    assert (Role.objects.count(), JobSeeker.objects.count(), ServiceRequest.objects.count()) == before


def test_a_ladder_override_reason_has_an_end(world, client_for):
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, target_rung=6)

    response = client_for(world.caseworker_a).post(f"/api/v1/seekers/{world.seeker.pk}/ladder-overrides/",
                                                    {"role": role.pk, "reason": "x" * (NOTE_MAX_LENGTH + 1)},
                                                    format="json")

    assert names(response, "reason")


# A postcode in the municipality it names ----------------------------------------------------------------


@pytest.mark.parametrize("postcode", ["9999 AA", "5555 AA"], ids=["in another municipality", "in none on record"])
def test_a_request_naming_a_municipality_its_postcode_is_not_in_is_refused(world, client_for, category, postcode):
    response = client_for(None).post(SERVICE_REQUESTS, resident_request(postcode=postcode, municipality="GM9901"),
                                     format="json")

    assert names(response, "postcode")
    assert "Havenstad" in response.json()["postcode"][0]
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize("postcode", ["9999 AA", "5555 AA"])
def test_an_association_asks_only_for_postcodes_of_its_own_municipality(world, client_for, category, postcode):
    response = client_for(world.association).post(
        SERVICE_REQUESTS, resident_request(postcode=postcode, requester_name="", requester_email="",
                                           requester_phone=""), format="json")

    assert names(response, "postcode")
    assert not ServiceRequest.objects.exists()


def test_the_site_form_and_the_api_share_the_rule(world, category):
    with pytest.raises(ValidationError) as refused:
        service_request_submit(category=category, description="Heg", street="Lindelaan 12", postcode="5555 AA",
                               municipality=world.municipality_a, requester_name="Jansen",
                               requester_email="j@example.nl", requester_phone="0612345678")

    assert "postcode" in refused.value.message_dict


def test_a_municipality_without_postcode_areas_on_record_accepts_any_postcode(world):
    category = add_postcode_areas_and_category(world.municipality_a)
    elsewhere = factories.MunicipalityFactory(name="Nergensdorp", cbs_code="GM9903")

    request = service_request_submit(category=category, description="Heg", street="Dorpsweg 1", postcode="5555 AA",
                                     municipality=elsewhere, requester_name="Jansen", requester_email="j@example.nl",
                                     requester_phone="0612345678")

    assert request.municipality == elsewhere


# Bodies too large, or with too many fields --------------------------------------------------------------


def test_a_body_larger_than_the_limit_gets_a_json_413(world, client_for, role_payload, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = client_for(world.employer_a).post(ROLES, role_payload(description="x" * 20_000), format="json")

    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "10000" in response.json()["detail"]
    assert not Role.objects.exists()


def test_an_anonymous_body_larger_than_the_limit_gets_a_json_413(world, client_for, category, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = client_for(None).post(SERVICE_REQUESTS, resident_request(description="x" * 20_000), format="json")

    assert response.status_code == 413
    assert response.json()["detail"]


def test_a_form_with_too_many_fields_gets_a_json_400_naming_the_limit(client_for, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    form = "&".join(f"field{number}=x" for number in range(500))

    response = client_for(None).post("/api/v1/auth/token/", form, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "100" in response.json()["detail"]


def test_a_multipart_form_with_too_many_fields_gets_a_json_400(client_for, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100

    response = client_for(None).post("/api/v1/auth/token/", {f"field{number}": "x" for number in range(500)},
                                     format="multipart")

    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_a_site_form_with_too_many_fields_is_a_400_and_not_an_error(client, url, settings, db):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100

    response = client.post(url, "&".join(f"field{number}=x" for number in range(500)),
                           content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
