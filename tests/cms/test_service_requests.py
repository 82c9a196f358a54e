"""Neighbourhood service requests: the services, the public form, the status page and triage."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from marketplace.choices import OrganisationKind, RoleKind, RoleStatus
from marketplace.constants import WORKWEEK
from marketplace.exceptions import TransitionNotAllowed
from marketplace.models import Organisation, Role, ServiceRequest, ServiceRequestStatus
from marketplace.services.service_requests import (
    RolePlan,
    service_request_plan_roles,
    service_request_set_status,
    service_request_submit,
)
from tests import factories
from tests.cms.public_site import add_postcode_areas_and_category, build_public_site

S = ServiceRequestStatus


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(world):
    return build_public_site(world.municipality_a, other_municipality=world.municipality_b)


@pytest.fixture
def green(world):
    """Just enough for the services: the green maintenance category and the postcode areas (no pages)."""
    return SimpleNamespace(green_category=add_postcode_areas_and_category(world.municipality_a,
                                                                          world.municipality_b))


def resident_request(site, **changes):
    data = {
        "category": site.green_category, "description": "De heg is te hoog.", "street": "Lindelaan 12",
        "postcode": "1234ab", "city": "Havenstad", "requester_name": "Mevrouw Jansen",
        "requester_email": "jansen@example.nl", "requester_phone": "06-1234 5678",
    }
    data.update(changes)
    return data


def plan(**changes) -> RolePlan:
    fields = {"title": "Heg knippen", "description": "Een heg knippen in de wijk.", "hours_min": 2,
              "hours_max": 4, "weekdays": WORKWEEK}
    fields.update(changes)
    return RolePlan(**fields)


def request_in(status, site, world):
    service_request = service_request_submit(municipality=world.municipality_a, **resident_request(site))
    ServiceRequest.objects.filter(pk=service_request.pk).update(
        status=status, rejection_reason="Buiten ons gebied." if status == S.REJECTED else "")
    service_request.refresh_from_db()
    return service_request


# Submitting -------------------------------------------------------------------------------------------------

def test_resident_request_is_stored_normalised_with_history_and_a_confirmation_email(green, world,
                                                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        service_request = service_request_submit(municipality=world.municipality_a, **resident_request(green))

    assert service_request.postcode == "1234 AB"
    assert service_request.requester_phone == "0612345678"
    assert (service_request.latitude, service_request.longitude) == (52.37, 4.89)
    assert service_request.status == S.SUBMITTED
    assert [change.to_status for change in service_request.status_changes.all()] == [S.SUBMITTED]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jansen@example.nl"]
    assert f"/aanvraag/{service_request.token}/" in mail.outbox[0].body


def test_status_link_token_is_long_and_unique_per_request(green, world):
    first = service_request_submit(municipality=world.municipality_a, **resident_request(green))
    second = service_request_submit(municipality=world.municipality_a, **resident_request(green))

    assert len(first.token) >= 32
    assert first.token != second.token


def test_resident_without_contact_details_gets_an_error_per_field_and_nothing_is_stored(green, world):
    with pytest.raises(ValidationError) as error:
        service_request_submit(municipality=world.municipality_a,
                               **resident_request(green, requester_email="", requester_phone=""))

    assert {"requester_email", "requester_phone"} <= set(error.value.message_dict)
    assert not ServiceRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(("field", "value"), [
    ("postcode", "0123 AB"), ("postcode", "1234 SS"), ("requester_phone", "12345"),
    ("requester_email", "geen-adres"), ("description", "x" * 2001),
])
def test_invalid_input_is_refused_by_field(green, world, field, value):
    with pytest.raises(ValidationError) as error:
        service_request_submit(municipality=world.municipality_a, **resident_request(green, **{field: value}))

    assert field in error.value.message_dict
    assert not ServiceRequest.objects.exists()


def test_postcode_of_another_municipality_is_refused(green, world):
    with pytest.raises(ValidationError) as error:
        service_request_submit(municipality=world.municipality_a, **resident_request(green, postcode="9999 AA"))

    assert "postcode" in error.value.message_dict


def test_association_request_takes_the_municipality_of_the_association(green, world):
    service_request = service_request_submit(
        organisation=world.association_organisation, category=green.green_category, description="Kantinehulp",
        street="Sportlaan 1", postcode="1234 AB", created_by=world.association,
    )

    assert service_request.municipality == world.municipality_a
    assert service_request.requester_display == world.association_organisation.name


def test_an_employer_cannot_ask_as_an_association(green, world):
    with pytest.raises(ValidationError) as error:
        service_request_submit(organisation=world.organisation_a, **resident_request(green))

    assert "organisation" in error.value.message_dict


# Status changes and planning ----------------------------------------------------------------------------------

def test_rejection_needs_a_reason_that_the_requester_reads(green, world, django_capture_on_commit_callbacks):
    service_request = request_in(S.SUBMITTED, green, world)
    with pytest.raises(ValidationError):
        service_request_set_status(service_request=service_request, to_status=S.REJECTED, by=world.caseworker_a)

    with django_capture_on_commit_callbacks(execute=True):
        service_request_set_status(service_request=service_request, to_status=S.REJECTED, by=world.caseworker_a,
                                   reason="Dit adres valt buiten ons werkgebied.")

    service_request.refresh_from_db()
    assert service_request.rejection_reason == "Dit adres valt buiten ons werkgebied."
    assert "Dit adres valt buiten ons werkgebied." in mail.outbox[-1].body


def test_planning_a_resident_request_publishes_roles_of_the_employment_organisation(green, world):
    service_request = request_in(S.TRIAGED, green, world)

    roles = service_request_plan_roles(service_request=service_request, plan=plan(count=2), by=world.caseworker_a)

    service_request.refresh_from_db()
    assert service_request.status == S.PLANNED
    assert len(roles) == 2
    employment = Organisation.objects.get(municipality=world.municipality_a, is_employment_organisation=True)
    for role in Role.objects.filter(service_request=service_request):
        assert role.kind == RoleKind.BUURTDIENST
        assert role.status == RoleStatus.PUBLISHED
        assert role.at_requester_address
        assert role.organisation == employment
        assert (role.latitude, role.longitude) == (52.37, 4.89)
        assert role.street == "" and "Lindelaan" not in role.description
    assert service_request.status_changes.last().to_status == S.PLANNED


def test_planning_reuses_the_existing_employment_organisation(green, world):
    existing = factories.OrganisationFactory(municipality=world.municipality_a, is_employment_organisation=True)
    service_request = request_in(S.TRIAGED, green, world)

    roles = service_request_plan_roles(service_request=service_request, plan=plan(), by=world.caseworker_a)

    assert roles[0].organisation == existing


def test_planning_an_association_request_gives_the_roles_to_the_association(green, world):
    service_request = service_request_submit(
        organisation=world.association_organisation, category=green.green_category, description="Velden",
        street="Sportlaan 1", postcode="1234 AB",
    )
    service_request_set_status(service_request=service_request, to_status=S.TRIAGED, by=world.caseworker_a)

    roles = service_request_plan_roles(service_request=service_request, plan=plan(), by=world.caseworker_a)

    assert roles[0].organisation == world.association_organisation
    assert world.association_organisation.kind == OrganisationKind.ASSOCIATION


def test_planning_an_untriaged_request_creates_nothing(green, world):
    service_request = request_in(S.SUBMITTED, green, world)

    with pytest.raises(TransitionNotAllowed):
        service_request_plan_roles(service_request=service_request, plan=plan(), by=world.caseworker_a)

    assert not Role.objects.filter(service_request=service_request).exists()


def test_a_bad_role_plan_leaves_the_request_triaged_and_creates_no_roles(green, world):
    service_request = request_in(S.TRIAGED, green, world)

    with pytest.raises(ValidationError):
        service_request_plan_roles(service_request=service_request, plan=plan(hours_min=8, hours_max=2),
                                   by=world.caseworker_a)

    service_request.refresh_from_db()
    assert service_request.status == S.TRIAGED
    assert not Role.objects.filter(service_request=service_request).exists()


# The public form ----------------------------------------------------------------------------------------------

def form_data(**changes) -> dict:
    data = {"requester_name": "Mevrouw Jansen", "requester_email": "jansen@example.nl",
            "requester_phone": "06 12345678", "street": "Lindelaan 12", "postcode": "1234ab", "city": "Havenstad",
            "description": "De heg langs de stoep is te hoog.", "frequency": "monthly", "website": ""}
    data.update(changes)
    return data


def test_resident_sends_the_form_and_sees_the_thank_you_page(client, site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(site.green.url, form_data(), follow=True)

    assert response.status_code == 200
    assert "Bedankt voor uw aanvraag" in response.content.decode()
    service_request = ServiceRequest.objects.get()
    assert service_request.category == site.green_category
    assert service_request.language == "nl"
    assert len(mail.outbox) == 1


def test_form_errors_appear_next_to_each_field_with_the_input_kept(client, site):
    response = client.post(site.green.url, form_data(requester_email="geen-adres", postcode="12", description=""))

    html = response.content.decode()
    assert response.status_code == 200
    for field in ("requester_email", "postcode", "description"):
        assert f'id="id_{field}_errors"' in html
        assert f'aria-describedby="id_{field}_help id_{field}_errors"' in html
    assert 'value="geen-adres"' in html
    assert 'value="Lindelaan 12"' in html
    assert not ServiceRequest.objects.exists()


def test_text_longer_than_allowed_is_refused_next_to_the_field(client, site):
    response = client.post(site.green.url, form_data(description="x" * 2001, timing_notes="y" * 201))

    html = response.content.decode()
    assert 'id="id_description_errors"' in html
    assert 'id="id_timing_notes_errors"' in html
    assert not ServiceRequest.objects.exists()


def test_html_in_a_request_is_stored_as_typed_and_shown_escaped(client, site):
    script = "<script>alert('x')</script> <b>heg</b>"
    client.post(site.green.url, form_data(description=script, requester_name="<i>Jansen</i>"))

    service_request = ServiceRequest.objects.get()
    assert service_request.description == script
    response = client.get(reverse("service_request_status", kwargs={"token": service_request.token}))
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;i&gt;Jansen&lt;/i&gt;" in html


def test_a_filled_trap_field_stores_nothing_sends_nothing_and_thanks_all_the_same(
        client, site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(site.green.url, form_data(website="http://spam.example"), follow=True)

    assert "Bedankt voor uw aanvraag" in response.content.decode()
    assert not ServiceRequest.objects.exists()
    assert mail.outbox == []


def test_repeated_submissions_from_one_address_are_limited_with_a_clear_message(client, site):
    for _number in range(5):
        assert client.post(site.green.url, form_data()).status_code == 302

    response = client.post(site.green.url, form_data(requester_name="Zesde keer"))

    assert response.status_code == 429
    assert "meerdere aanvragen" in response.content.decode()
    assert 'value="Zesde keer"' in response.content.decode()
    assert ServiceRequest.objects.count() == 5


def test_signed_in_association_asks_on_behalf_of_its_association(client, site, world):
    client.force_login(world.association)

    response = client.post(site.green.url, form_data(requester_name="", requester_email="", requester_phone=""))

    assert response.status_code == 302
    service_request = ServiceRequest.objects.get()
    assert service_request.organisation == world.association_organisation
    assert service_request.requester_email == world.association.email


# Following a request ------------------------------------------------------------------------------------------

def test_status_page_shows_the_status_in_words_and_history_and_keeps_the_link_private(client, green, world):
    service_request = request_in(S.TRIAGED, green, world)

    response = client.get(reverse("service_request_status", kwargs={"token": service_request.token}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "In behandeling" in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]


def test_status_page_in_english_under_the_english_prefix(client, green, world):
    service_request = request_in(S.SUBMITTED, green, world)

    response = client.get(f"/en/aanvraag/{service_request.token}/")

    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_unknown_status_token_is_not_found(client, green):
    assert client.get(reverse("service_request_status", kwargs={"token": "raden-lukt-niet"})).status_code == 404


def test_association_lists_its_own_requests_and_not_those_of_others(client, site, world):
    own = service_request_submit(organisation=world.association_organisation, category=site.green_category,
                                 description="Kantine", street="Sportlaan 1", postcode="1234 AB")
    other_association = factories.OrganisationFactory(association=True, municipality=world.municipality_a)
    other = service_request_submit(organisation=other_association, category=site.green_category,
                                   description="Velden", street="Sportlaan 2", postcode="1234 AB")
    client.force_login(world.association)

    response = client.get(site.service_index.url + "mijn-aanvragen/")

    html = response.content.decode()
    assert f"/aanvraag/{own.token}/" in html
    assert other.token not in html


def test_my_requests_asks_anonymous_visitors_to_sign_in(client, site):
    response = client.get(site.service_index.url + "mijn-aanvragen/")

    assert response.status_code == 302
    assert "next=" in response["Location"]


# Triage in the admin ------------------------------------------------------------------------------------------

def staff(user):
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="marketplace",
                                   codename__in=["view_servicerequest", "change_servicerequest"]),
    )
    return get_user_model().objects.get(pk=user.pk)


def admin_url(view, *args):
    return reverse(f"service_requests:{view}", args=args)


def test_staff_see_requests_of_their_own_municipality_only(client, green, world):
    own = request_in(S.SUBMITTED, green, world)
    client.force_login(staff(world.caseworker_b))

    assert client.get(admin_url("inspect", own.pk)).status_code == 404
    assert own.description not in client.get(admin_url("index")).content.decode()

    client.force_login(staff(world.caseworker_a))
    assert client.get(admin_url("inspect", own.pk)).status_code == 200
    assert f"#{own.pk}" in client.get(admin_url("index")).content.decode()


def test_request_submitted_in_the_browser_is_triaged_and_planned_as_a_published_role_in_the_admin(
        client, site, world):
    client.post(site.green.url, form_data())
    service_request = ServiceRequest.objects.get()
    client.force_login(staff(world.caseworker_a))

    response = client.post(admin_url("status", service_request.pk), {"status": S.TRIAGED, "reason": ""})
    assert response.status_code == 302
    page = client.get(admin_url("plan", service_request.pk))
    assert page.status_code == 200
    response = client.post(admin_url("plan", service_request.pk), {
        "title": "Heg knippen aan de Lindelaan", "description": "Een heg knippen.", "hours_min": 2, "hours_max": 4,
        "weekdays": ["tue", "thu"], "count": 1, "places": 2,
    })

    assert response.status_code == 302
    role = Role.objects.get(service_request=service_request)
    assert role.status == RoleStatus.PUBLISHED
    assert role.places == 2
    service_request.refresh_from_db()
    assert service_request.status == S.PLANNED
    assert role.title in client.get(admin_url("inspect", service_request.pk)).content.decode()


def test_rejecting_without_a_reason_in_the_admin_shows_the_error_and_changes_nothing(client, green, world):
    service_request = request_in(S.SUBMITTED, green, world)
    client.force_login(staff(world.caseworker_a))

    response = client.post(admin_url("status", service_request.pk), {"status": S.REJECTED, "reason": ""})

    assert response.status_code == 400
    assert "Geef de reden van de afwijzing" in response.content.decode()
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


def test_plan_page_is_refused_to_staff_without_the_change_permission(client, green, world):
    service_request = request_in(S.TRIAGED, green, world)
    user = staff(world.caseworker_a)
    user.user_permissions.remove(Permission.objects.get(codename="change_servicerequest"))
    client.force_login(get_user_model().objects.get(pk=user.pk))

    response = client.post(admin_url("plan", service_request.pk), {"title": "x"})

    assert response.status_code in (302, 403)
    assert not Role.objects.filter(service_request=service_request).exists()


def test_the_plan_page_of_a_request_not_yet_assessed_sends_staff_back_to_change_its_status(client, green, world):
    service_request = request_in(S.SUBMITTED, green, world)
    client.force_login(staff(world.caseworker_a))

    page = client.get(admin_url("plan", service_request.pk), follow=True)
    posted = client.post(admin_url("plan", service_request.pk), {"title": "Heg knippen"})

    assert page.redirect_chain[-1][0].rstrip("/").endswith(str(service_request.pk))
    assert "Alleen een aanvraag die in behandeling is" in page.content.decode()
    assert posted.status_code == 302
    assert not Role.objects.filter(service_request=service_request).exists()
