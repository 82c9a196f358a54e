"""Every read of the draaglast states its purpose, the purpose never travels in a URL, and nothing else shows it.

The API has one read that returns draaglast fields (``POST /api/v1/seekers/{id}/burden/read/``); the
seeker detail, list and write answers never carry them. The admin page asks for the purpose with a
posted, CSRF-protected form. Every refused attempt leaves the access log empty; every read adds
exactly one entry.
"""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from marketplace.models import SeekerBurden, SensitiveAccessLog

pytestmark = pytest.mark.django_db

SEEKERS = "/api/v1/seekers/"
DRAAGLAST_SENTINELS = ("SENTINEL-SCHULD", "SENTINEL-GEZONDHEID", "Geheimstraat")
DRAAGLAST_KEYS = ("burden", *SeekerBurden.SENSITIVE_FIELDS)


def read_url(seeker) -> str:
    return f"{SEEKERS}{seeker.pk}/burden/read/"


def keys_in(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_in(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_in(item)}
    return set()


def shows_draaglast(response) -> bool:
    text = response.content.decode()
    return any(sentinel in text for sentinel in DRAAGLAST_SENTINELS) or bool(
        keys_in(response.json()) & set(DRAAGLAST_KEYS))


@pytest.mark.parametrize(("body", "why"), [
    ({}, "required"),
    ({"purpose": ""}, "blank"),
    ({"purpose": "   \n\t "}, "blank"),
    ({"purpose": "..."}, "words"),
    ({"purpose": "123"}, "words"),
    ({"purpose": "Intake\u202e"}, "invisible"),
    ({"purpose": "w" * 201}, "200"),
    ({"purpose": True}, "valid"),
    ({"purpose": ["Intake"]}, "valid"),
    ({"purpose": None}, "null"),
])
def test_a_draaglast_read_without_a_meaningful_purpose_is_refused_naming_the_purpose(world, client_for, body, why):
    response = client_for(world.caseworker_a).post(read_url(world.seeker), body, format="json",
                                                   HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert list(response.json()) == ["purpose"]
    assert why in " ".join(response.json()["purpose"]).lower()
    assert not shows_draaglast(response)
    assert not SensitiveAccessLog.objects.exists()


def test_the_refusal_explains_in_dutch_by_default(world, client_for):
    response = client_for(world.caseworker_a).post(read_url(world.seeker), {}, format="json")

    assert response.status_code == 400
    assert response.json()["purpose"] == ["Dit veld is verplicht."]


def test_a_read_with_a_purpose_answers_the_draaglast_and_writes_exactly_one_log_entry(world, client_for):
    caseworker = client_for(world.caseworker_a)

    first = caseworker.post(read_url(world.seeker), {"purpose": "Voorbereiding schuldhulpgesprek"}, format="json")
    second = caseworker.post(read_url(world.seeker), {"purpose": "Verwijzing taalcursus"}, format="json")

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json()["burden"]["health"] == "SENTINEL-GEZONDHEID"
    assert shows_draaglast(first)  # the scan the other tests rely on does see the draaglast when it is there
    purposes = list(SensitiveAccessLog.objects.order_by("id").values_list("actor", "seeker", "purpose"))
    assert purposes == [(world.caseworker_a.pk, world.seeker.pk, "Voorbereiding schuldhulpgesprek"),
                        (world.caseworker_a.pk, world.seeker.pk, "Verwijzing taalcursus")]


def test_a_purpose_in_the_query_string_does_not_count(world, client_for):
    response = client_for(world.caseworker_a).post(f"{read_url(world.seeker)}?purpose=Intakegesprek", {},
                                                   format="json")

    assert response.status_code == 400
    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_the_read_endpoint_only_takes_a_post(world, client_for, method):
    response = getattr(client_for(world.caseworker_a), method)(f"{read_url(world.seeker)}?purpose=Intakegesprek")

    assert response.status_code == 405
    assert "SENTINEL-SCHULD" not in response.content.decode()
    assert not SensitiveAccessLog.objects.exists()


def test_no_endpoint_takes_the_purpose_in_its_url(client_for, db):
    schema = client_for(None).get("/api/v1/schema/", {"format": "json"}).json()

    in_urls = [(path, method) for path, operations in schema["paths"].items()
               for method, operation in operations.items() if isinstance(operation, dict)
               for parameter in operation.get("parameters", []) if parameter["name"] == "purpose"]
    read = schema["paths"]["/api/v1/seekers/{id}/burden/read/"]
    assert in_urls == []
    assert set(read) - {"parameters"} == {"post"}


def test_the_schema_documents_the_purpose_as_a_required_body_field(client_for, db):
    schema = client_for(None).get("/api/v1/schema/", {"format": "json"}).json()

    operation = schema["paths"]["/api/v1/seekers/{id}/burden/read/"]["post"]
    reference = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    component = schema["components"]["schemas"][reference.rsplit("/", 1)[-1]]
    assert "purpose" in component["required"]
    assert {"200", "400", "404"} <= set(operation["responses"])


def test_the_ordinary_seeker_answers_never_carry_the_draaglast(world, client_for):
    caseworker = client_for(world.caseworker_a)
    detail = f"{SEEKERS}{world.seeker.pk}/"

    answers = [
        caseworker.get(SEEKERS),
        caseworker.get(f"{SEEKERS}?q=Sentinelia"),
        caseworker.get(detail),
        caseworker.patch(detail, {"motivation": "Wil graag in de keuken werken"}, format="json"),
        caseworker.patch(detail, {"burden": {"care_duties": "SENTINEL-ZORG"}}, format="json"),
        caseworker.post(SEEKERS, {"first_name": "Ann", "last_name": "Jansen",
                                  "burden": {"debts": "SENTINEL-NIEUW"}}, format="json"),
    ]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 200, 201]
    assert "Sentinelia" in answers[2].content.decode()
    for answer in answers:
        assert not shows_draaglast(answer), answer.request["PATH_INFO"]
        assert "SENTINEL-ZORG" not in answer.content.decode()
        assert "SENTINEL-NIEUW" not in answer.content.decode()
    assert not SensitiveAccessLog.objects.exists()


def test_a_caseworker_of_another_municipality_finds_no_such_seeker(world, client_for):
    response = client_for(world.caseworker_b).post(read_url(world.seeker), {"purpose": "Nieuwsgierig"},
                                                   format="json")

    assert response.status_code == 404
    assert not shows_draaglast(response)
    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [
    ("employer_a", 403), ("employer_other_town", 403), ("association", 403), ("seeker_user", 403), (None, 401),
])
def test_nobody_but_caseworkers_reaches_the_read(world, client_for, persona, status):
    user = getattr(world, persona) if persona else None

    response = client_for(user).post(read_url(world.seeker), {"purpose": "Even kijken"}, format="json")

    assert response.status_code == status
    assert not shows_draaglast(response)
    assert not SensitiveAccessLog.objects.exists()


def test_the_seeker_reading_their_own_profile_is_not_logged_as_a_staff_read(world, client_for):
    response = client_for(world.seeker_user).get("/api/v1/me/profile/")

    assert response.json()["burden"]["debts"] == "SENTINEL-SCHULD"
    assert not SensitiveAccessLog.objects.exists()


@pytest.fixture
def admin_caseworker(world):
    user = world.caseworker_a
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="marketplace", codename="view_jobseeker"),
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def admin_burden_url(seeker) -> str:
    return reverse("marketplace_jobseeker:burden", args=[seeker.pk])


def test_the_admin_page_shows_nothing_for_a_purpose_in_the_url(world, admin_caseworker):
    response = admin_caseworker.get(f"{admin_burden_url(world.seeker)}?purpose=Intakegesprek")

    assert response.status_code == 200
    assert 'method="post"' in response.text and 'name="csrfmiddlewaretoken"' in response.text
    assert f'action="{admin_burden_url(world.seeker)}"' in response.text
    assert "SENTINEL-SCHULD" not in response.text
    assert not SensitiveAccessLog.objects.exists()


def test_the_admin_page_refuses_a_posted_purpose_without_the_csrf_token(world, admin_caseworker):
    response = admin_caseworker.post(admin_burden_url(world.seeker), {"action": "read", "purpose": "Intakegesprek"})

    assert response.status_code == 403
    assert "SENTINEL-SCHULD" not in response.text
    assert not SensitiveAccessLog.objects.exists()


def test_the_admin_page_shows_the_draaglast_only_in_the_answer_to_the_posted_purpose(world, admin_caseworker):
    admin_caseworker.get(admin_burden_url(world.seeker))  # sets the CSRF cookie, as for a browser
    token = admin_caseworker.cookies["csrftoken"].value

    response = admin_caseworker.post(admin_burden_url(world.seeker),
                                     {"action": "read", "purpose": "Intakegesprek", "csrfmiddlewaretoken": token})

    assert response.status_code == 200
    assert "SENTINEL-SCHULD" in response.text
    assert "no-store" in response["Cache-Control"]
    assert list(SensitiveAccessLog.objects.values_list("purpose", flat=True)) == ["Intakegesprek"]
