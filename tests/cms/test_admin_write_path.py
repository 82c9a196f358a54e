"""The admin saves organisations, roles, job seekers and the draaglast through the same services as the API and
the portals: a rung change is a ladder step, consent is time-stamped, places never drop below the people
seated, the postcode places the address, and a refusal comes back on the form. Inspect pages read in words."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from marketplace.access import actor_for
from marketplace.choices import ApplicationStatus, RoleStatus
from marketplace.constants import Weekday
from marketplace.demo.loader import CASEWORKER_PERMISSIONS
from marketplace.models import (
    Application,
    JobSeeker,
    LadderStep,
    Organisation,
    PostcodeArea,
    Role,
    SeekerBurden,
    ServiceCategory,
    ServiceRequest,
    ServiceRequestStatus,
)
from marketplace.services import burden as burden_services
from marketplace.services import seekers as seeker_services
from marketplace.services.applications import (
    application_consent,
    application_express_interest,
    application_introduce,
    application_start_trial,
)
from marketplace.services.roles import role_create
from tests import factories
from tests.cms.test_admin import admin_user, form_data, formset_data, signed_in, url

pytestmark = pytest.mark.django_db

OLD_PLACE = (52.37, 4.89)
NEW_PLACE = (53.21, 6.57)


def caseworker_permissions() -> list[str]:
    """What a caseworker may do in the admin, as the demo sets it up."""
    codenames = [f"{action}_{model}" for model in CASEWORKER_PERMISSIONS["view_add_change"]
                 for action in ("view", "add", "change")]
    return codenames + [f"view_{model}" for model in CASEWORKER_PERMISSIONS["view"]]


@pytest.fixture
def places(world):
    """The reference table of postcode areas: the old place (1234) and a new one (9711)."""
    PostcodeArea.objects.create(digits="1234", municipality=world.municipality_a, latitude=OLD_PLACE[0],
                                longitude=OLD_PLACE[1])
    PostcodeArea.objects.create(digits="9711", municipality=world.municipality_a, latitude=NEW_PLACE[0],
                                longitude=NEW_PLACE[1])


@pytest.fixture
def caseworker(world, places):
    return admin_user(world.caseworker_a, *caseworker_permissions())


@pytest.fixture
def admin(client, caseworker):
    return signed_in(client, caseworker)


def edit_data(client, edit_url, **changes) -> dict:
    """The edit form as the browser would post it back, with ``changes``."""
    page = client.get(edit_url)
    assert page.status_code == 200
    data = form_data(page.context["form"])
    if "inline_formset" in page.context:
        data.update(formset_data(page.context["inline_formset"]))
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def field_errors(response, name) -> list[str]:
    return list(response.context["form"].errors.get(name, []))


# The participation ladder -----------------------------------------------------------------------------------

def test_a_rung_change_in_the_admin_writes_a_ladder_step_with_who_when_and_why(admin, world, caseworker):
    edit_url = url("jobseeker", "edit", world.seeker.pk)
    data = edit_data(admin, edit_url, rung=5, rung_note="Werkt twee ochtenden per week als vrijwilliger")

    response = admin.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    step = LadderStep.objects.get(seeker=world.seeker)
    assert (step.rung, step.recorded_by, step.date, step.note) == (
        5, caseworker, timezone.localdate(), "Werkt twee ochtenden per week als vrijwilliger")
    world.seeker.refresh_from_db()
    assert world.seeker.rung == 5


def test_a_rung_change_without_a_reason_is_asked_for_and_writes_nothing(admin, world):
    edit_url = url("jobseeker", "edit", world.seeker.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, rung=5, first_name="Sanne"))

    assert response.status_code == 200
    assert field_errors(response, "rung_note") == ["Schrijf op waarom de trede verandert; de ladderhistorie "
                                                   "bewaart dit."]
    assert 'value="Sanne"' in response.text
    world.seeker.refresh_from_db()
    assert (world.seeker.rung, world.seeker.first_name) == (4, "Sentinelia")
    assert not LadderStep.objects.exists()


def test_saving_a_seeker_without_changing_the_rung_writes_no_ladder_step(admin, world):
    edit_url = url("jobseeker", "edit", world.seeker.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, motivation="Wil graag buiten werken"))

    assert response.status_code == 302, response.context["form"].errors
    assert not LadderStep.objects.exists()


def test_a_seeker_added_in_the_admin_starts_the_ladder_with_an_intake_step_placed_by_postcode(admin, world,
                                                                                          caseworker):
    add_url = url("jobseeker", "add")
    data = edit_data(admin, add_url, first_name="Noor", last_name="Bakker", home_postcode="9711ab", rung=3,
                     max_travel_km=10, language_level=2, status="active", weekdays=["mon", "fri"])

    response = admin.post(add_url, data)

    assert response.status_code == 302, response.context["form"].errors
    seeker = JobSeeker.objects.get(first_name="Noor")
    assert (seeker.municipality, seeker.caseworker.user) == (world.municipality_a, caseworker)
    assert (seeker.home_postcode, seeker.latitude, seeker.longitude) == ("9711 AB", *NEW_PLACE)
    assert list(seeker.ladder_history.values_list("rung", "note", "recorded_by")) == [(3, "Intake", caseworker.pk)]


def test_the_seekers_admin_pages_show_the_ladder_history_in_words(admin, world, caseworker):
    LadderStep.objects.create(seeker=world.seeker, rung=2, date=datetime.date(2025, 1, 6), note="Intake",
                              recorded_by=world.caseworker_b)
    LadderStep.objects.create(seeker=world.seeker, rung=4, date=datetime.date(2025, 3, 3),
                              note="Doet vrijwilligerswerk bij de voedselbank", recorded_by=caseworker)

    for page in (admin.get(url("jobseeker", "edit", world.seeker.pk)),
                 admin.get(url("jobseeker", "inspect", world.seeker.pk))):
        html = page.content.decode()
        assert "Ladderhistorie" in html
        assert html.index("3 maart 2025") < html.index("6 januari 2025")  # newest first
        assert "4 Onbetaald werk" in html and "2 Sociale contacten buiten de deur" in html
        assert caseworker.get_full_name() in html and world.caseworker_b.get_full_name() in html
        assert "Doet vrijwilligerswerk bij de voedselbank" in html


# Consent ----------------------------------------------------------------------------------------------------

def test_a_consent_change_in_the_admin_is_time_stamped_as_in_the_portal(admin, world):
    edit_url = url("jobseeker", "edit", world.seeker.pk)
    before = timezone.now()

    response = admin.post(edit_url, edit_data(admin, edit_url, card_visible=None, introduction_allowed="on"))

    assert response.status_code == 302, response.context["form"].errors
    world.seeker.refresh_from_db()
    assert (world.seeker.card_visible, world.seeker.introduction_allowed) == (False, True)
    assert world.seeker.consent_updated_at >= before


def test_saving_a_seeker_with_the_same_consent_leaves_its_time_stamp_alone(admin, world):
    edit_url = url("jobseeker", "edit", world.seeker.pk)

    admin.post(edit_url, edit_data(admin, edit_url, phone="0611111111"))

    world.seeker.refresh_from_db()
    assert (world.seeker.phone, world.seeker.consent_updated_at) == ("0611111111", None)


# Places -----------------------------------------------------------------------------------------------------

def seat(world, role):
    """A new seeker of municipality A in trial in ``role``: interest, consent, introduction, trial."""
    seeker = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
    application, _created = application_express_interest(seeker=seeker, role=role)
    application_consent(application=application, actor_user=seeker.user)
    application_introduce(application=application, actor_user=world.employer_a)
    return application_start_trial(application=application, actor_user=world.employer_a)


def test_a_roles_places_cannot_drop_below_the_people_already_seated(admin, world):
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, places=3)
    seat(world, role)
    seat(world, role)
    before = Role.objects.get(pk=role.pk)
    edit_url = url("role", "edit", role.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, places=1, title="Kratten vullen"))

    assert response.status_code == 200
    assert field_errors(response, "places") == [
        "2 mensen zijn in deze rol op proef of geplaatst; de rol heeft minstens zoveel plaatsen nodig."
    ]
    assert response.context["form"]["places"].value() == "1"
    assert 'value="Kratten vullen"' in response.text
    role.refresh_from_db()
    assert (role.places, role.title) == (3, before.title)


def test_a_role_keeps_more_places_than_people_seated(admin, world):
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, places=3)
    seat(world, role)
    edit_url = url("role", "edit", role.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, places=1))

    assert response.status_code == 302, response.context["form"].errors
    role.refresh_from_db()
    assert role.places == 1


# Coordinates follow the postcode ----------------------------------------------------------------------------

@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="beheerder", is_staff=True, is_superuser=True)


@pytest.mark.parametrize("model", ["organisation", "role", "jobseeker", "caseworker"])
@pytest.mark.parametrize("view", ["add", "edit"])
def test_no_admin_form_has_coordinates_to_type(client, world, superuser, model, view):
    row = {"organisation": world.organisation_a, "jobseeker": world.seeker,
           "caseworker": world.seeker.caseworker, "role": factories.RoleFactory(organisation=world.organisation_a)}
    page_url = url(model, "add") if view == "add" else url(model, "edit", row[model].pk)

    form = signed_in(client, superuser).get(page_url).context["form"]

    assert "latitude" not in form.fields
    assert "longitude" not in form.fields


def test_the_postcode_areas_keep_their_coordinates(client, world, superuser):
    form = signed_in(client, superuser).get(url("postcodearea", "add")).context["form"]

    assert {"latitude", "longitude"} <= set(form.fields)


def test_a_changed_home_postcode_places_the_seeker_at_the_new_area(admin, world):
    edit_url = url("jobseeker", "edit", world.seeker.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, home_postcode="9711 AB"))

    assert response.status_code == 302, response.context["form"].errors
    world.seeker.refresh_from_db()
    assert (world.seeker.home_postcode, world.seeker.latitude, world.seeker.longitude) == ("9711 AB", *NEW_PLACE)


def test_a_changed_postcode_places_the_role_at_the_new_area(admin, world):
    role = factories.RoleFactory(organisation=world.organisation_a)
    edit_url = url("role", "edit", role.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, postcode="9711ab"))

    assert response.status_code == 302, response.context["form"].errors
    role.refresh_from_db()
    assert (role.postcode, role.latitude, role.longitude) == ("9711 AB", *NEW_PLACE)


def test_a_changed_postcode_places_the_organisation_at_the_new_area(admin, world):
    edit_url = url("organisation", "edit", world.organisation_a.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, postcode="9711 AB", name="Bakkerij Anna"))

    assert response.status_code == 302, response.context["form"].errors
    organisation = Organisation.objects.get(pk=world.organisation_a.pk)
    assert (organisation.name, organisation.latitude, organisation.longitude) == ("Bakkerij Anna", *NEW_PLACE)


def test_an_unchanged_postcode_keeps_the_coordinates(admin, world):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(latitude=52.0, longitude=5.0)
    edit_url = url("jobseeker", "edit", world.seeker.pk)

    admin.post(edit_url, edit_data(admin, edit_url, phone="0622222222"))

    world.seeker.refresh_from_db()
    assert (world.seeker.phone, world.seeker.latitude, world.seeker.longitude) == ("0622222222", 52.0, 5.0)


@pytest.mark.parametrize(("model", "field"), [("jobseeker", "home_postcode"), ("role", "postcode"),
                                              ("organisation", "postcode")])
def test_an_unknown_postcode_is_refused_on_the_postcode_field_and_nothing_moves(admin, world, model, field):
    row = {"jobseeker": lambda: world.seeker, "organisation": lambda: world.organisation_a,
           "role": lambda: factories.RoleFactory(organisation=world.organisation_a)}[model]()
    edit_url = url(model, "edit", row.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, **{field: "5555 XY"}))

    assert response.status_code == 200
    assert field_errors(response, field) == ["Deze postcode kennen we niet. Probeer een postcode in de buurt."]
    assert 'value="5555 XY"' in response.text
    row.refresh_from_db()
    assert (getattr(row, field), row.latitude, row.longitude) == ("1234 AB", *OLD_PLACE)


# The same rules as the API and the portals ------------------------------------------------------------------

ROLE_INPUT = {
    "kind": "carved_task", "title": "Afwassen in de keuken", "description": "Afwassen en opruimen.",
    "hours_min": 8, "hours_max": 48, "weekdays": ["mon", "tue"], "language_level_required": 1, "target_rung": 5,
    "places": 2, "hourly_wage": "14.40", "postcode": "1234ab",
}


def test_role_hours_out_of_range_get_the_services_message_in_the_admin(admin, world):
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        role_create(actor=actor_for(world.employer_a), organisation=world.organisation_a,
                    data={**ROLE_INPUT, "weekdays": Weekday.MON | Weekday.TUE, "hourly_wage": Decimal("14.40")})
    page = admin.get(url("role", "add"))

    response = admin.post(url("role", "add"), {**formset_data(page.context["inline_formset"]), **ROLE_INPUT,
                                               "organisation": world.organisation_a.pk})

    assert response.status_code == 200
    assert field_errors(response, "hours_max") == refused.value.message_dict["hours_max"]
    assert not Role.objects.filter(title="Afwassen in de keuken").exists()


def test_a_caseworker_adds_a_role_with_skills_for_an_organisation_of_their_municipality(admin, world, caseworker):
    page = admin.get(url("role", "add"))
    skill = factories.SkillFactory()
    data = {**formset_data(page.context["inline_formset"]), **ROLE_INPUT, "hours_max": 12,
            "organisation": world.organisation_a.pk, "inline-0-skill": skill.pk, "inline-0-level": 2}

    response = admin.post(url("role", "add"), data)

    assert response.status_code == 302, response.context["form"].errors
    role = Role.objects.get(title="Afwassen in de keuken")
    assert (role.municipality, role.created_by, role.status) == (world.municipality_a, caseworker, RoleStatus.DRAFT)
    assert (role.latitude, role.longitude) == OLD_PLACE
    assert list(role.skill_requirements.values_list("skill", "level", "required")) == [(skill.pk, 2, True)]


def test_a_roles_skills_are_changed_and_removed_in_the_admin(admin, world):
    role = factories.RoleFactory(organisation=world.organisation_a)
    kept, dropped = factories.RoleSkillFactory(role=role), factories.RoleSkillFactory(role=role)
    added = factories.SkillFactory()
    edit_url = url("role", "edit", role.pk)
    data = edit_data(admin, edit_url, **{"inline-0-level": 3, "inline-1-DELETE": "on", "inline-2-skill": added.pk,
                                         "inline-2-level": 1, "inline-2-required": "on"})

    response = admin.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    assert sorted(role.skill_requirements.values_list("skill", "level")) == sorted(
        [(kept.skill_id, 3), (added.pk, 1)])
    assert not role.skill_requirements.filter(skill=dropped.skill).exists()


def test_a_closed_role_is_refused_above_the_form_not_with_an_error_page(admin, world):
    role = factories.RoleFactory(organisation=world.organisation_a, status=RoleStatus.CLOSED)
    edit_url = url("role", "edit", role.pk)

    response = admin.post(edit_url, edit_data(admin, edit_url, title="Weer open"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Een gesloten rol kan niet meer worden gewijzigd."]
    role.refresh_from_db()
    assert role.title != "Weer open"


def test_a_caseworker_chosen_from_another_municipality_is_refused_by_the_service(client, world, places, superuser):
    admin = signed_in(client, superuser)
    edit_url = url("jobseeker", "edit", world.seeker.pk)
    other = world.seeker_b.caseworker

    response = admin.post(edit_url, edit_data(admin, edit_url, caseworker=other.pk))

    assert response.status_code == 200
    assert field_errors(response, "caseworker") == ["Kies een klantmanager van de gemeente van de werkzoekende."]
    world.seeker.refresh_from_db()
    assert world.seeker.caseworker.user == world.caseworker_a


def test_a_superuser_adds_a_seeker_to_the_municipality_they_choose(client, world, places, superuser):
    admin = signed_in(client, superuser)
    add_url = url("jobseeker", "add")
    data = edit_data(admin, add_url, municipality=world.municipality_b.pk, first_name="Joris", last_name="Visser",
                     rung=2, max_travel_km=5, language_level=3, status="active")

    response = admin.post(add_url, data)

    assert response.status_code == 302, response.context["form"].errors
    seeker = JobSeeker.objects.get(first_name="Joris")
    assert seeker.municipality == world.municipality_b
    assert list(seeker.ladder_history.values_list("rung", "recorded_by")) == [(2, superuser.pk)]


# The draaglast ----------------------------------------------------------------------------------------------

def test_the_draaglast_page_saves_through_the_burden_service_and_shows_its_refusal_by_the_field(admin, world):
    burden_url = url("jobseeker", "burden", world.seeker.pk)
    reversed_text = "Schuld\u202eeno"  # a character that turns the reading direction: the model refuses it

    response = admin.post(burden_url, {"action": "save", "street_address": "Geheimstraat 99",
                                       "debts": reversed_text, "health": "", "language_gap": "", "care_duties": ""})

    assert response.status_code == 400
    assert response.context["burden_form"].errors["debts"]
    assert SeekerBurden.objects.get(seeker=world.seeker).debts == "SENTINEL-SCHULD"


def test_there_is_one_burden_update_and_it_lives_with_the_draaglast():
    assert seeker_services.burden_update is burden_services.burden_update  # imported there, not written twice


# Inspect pages read in words --------------------------------------------------------------------------------

WHEN_UTC = datetime.datetime(2026, 3, 5, 13, 30, tzinfo=datetime.UTC)  # 14:30 in Amsterdam


def dd_values(html: str) -> str:
    """The values of an inspect page's list of details, each as ">value<" on a line of its own."""
    return "\n".join(f">{value.strip()}<" for value in re.findall(r"<dd>(.*?)</dd>", html, flags=re.S))


def test_the_role_inspect_page_reads_in_words(admin, world):
    role = factories.RoleFactory(organisation=world.organisation_a, weekdays=Weekday.MON | Weekday.WED,
                                 at_requester_address=False, published=True)
    Role.objects.filter(pk=role.pk).update(published_at=WHEN_UTC)

    values = dd_values(admin.get(url("role", "inspect", role.pk)).content.decode())

    assert ">Maandag, Woensdag<" in values and ">5<" not in values  # Monday and Wednesday are bits 1 and 4
    assert ">Nee<" in values and ">False<" not in values and ">True<" not in values
    assert ">5 maart 2026 14:30<" in values and "13:30" not in values
    assert ">Gepubliceerd<" in values and ">published<" not in values
    assert ">Afgesplitste taak<" in values and ">carved_task<" not in values


def test_the_seeker_inspect_page_reads_in_words(admin, world):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(weekdays=Weekday.TUE | Weekday.FRI, card_visible=True,
                                                        introduction_allowed=False, consent_updated_at=WHEN_UTC)

    html = admin.get(url("jobseeker", "inspect", world.seeker.pk)).content.decode()
    values = dd_values(html)

    assert ">Dinsdag, Vrijdag<" in values and ">18<" not in values  # Tuesday and Friday are bits 2 and 16
    assert ">Ja<" in values and ">Nee<" in values
    assert "True" not in values and "False" not in values
    assert ">5 maart 2026 14:30<" in values
    assert ">4 Onbetaald werk<" in values


def test_the_application_inspect_page_reads_in_words(admin, world):
    role = factories.RoleFactory(organisation=world.organisation_a, published=True)
    application = Application.objects.create(seeker=world.seeker, role=role, status=ApplicationStatus.INTERESTED,
                                             seeker_consented_at=WHEN_UTC)

    values = dd_values(admin.get(url("application", "inspect", application.pk)).content.decode())

    assert ">Interesse getoond<" in values
    assert ">interested<" not in values
    assert ">5 maart 2026 14:30<" in values and "13:30" not in values


def test_the_service_request_inspect_page_reads_in_words(admin, world):
    category = ServiceCategory.objects.create(slug="groenonderhoud", name_nl="Groenonderhoud",
                                              name_en="Green maintenance")
    request = ServiceRequest.objects.create(
        municipality=world.municipality_a, category=category, requester_name="Mevrouw Jansen",
        requester_email="jansen@example.nl", description="De heg snoeien.", postcode="1234 AB",
        status=ServiceRequestStatus.TRIAGED, preferred_date=datetime.date(2026, 4, 1),
    )
    ServiceRequest.objects.filter(pk=request.pk).update(created_at=WHEN_UTC)

    values = dd_values(admin.get(reverse("service_requests:inspect", args=[request.pk])).content.decode())

    assert ">In behandeling<" in values and ">triaged<" not in values
    assert ">1 april 2026<" in values
    assert ">5 maart 2026 14:30<" in values and "13:30" not in values
