"""The koffer in the admin: the municipality's catalogue, and the instruments page of one job seeker.

Caseworkers with the demo group's permissions keep their own municipality's catalogue and deploy
instruments for their own municipality's job seekers; amounts are typed the Dutch way; every
refusal shows on the field that caused it and writes nothing.
"""

import re
from datetime import timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from marketplace.access import actor_for
from marketplace.choices import AssignmentStatus
from marketplace.models import Instrument, InstrumentAssignment
from marketplace.services.instruments import assignment_create, assignment_end
from marketplace.services.plans import plan_action_add, plan_create
from marketplace.services.progress_reports import progress_report_add
from tests import factories
from tests.cms.test_admin import admin_user, signed_in
from tests.cms.test_admin_smoke import demo_caseworker_permissions

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def page(seeker) -> str:
    return reverse("caseload:instruments", args=[seeker.pk])


@pytest.fixture
def admin(client, world):
    return signed_in(client, admin_user(world.caseworker_a, *demo_caseworker_permissions()))


@pytest.fixture
def course(world):
    return factories.InstrumentFactory(municipality=world.municipality_a, name="Taalcursus B1",
                                       provider=world.provider_organisation_other, cost=Decimal("1250.00"))


def instrument_form(world, **changes) -> dict:
    return {"municipality": world.municipality_a.pk, "kind": "coaching", "name": "Coaching naar werk",
            "description": "", "cost": "800,00", "duration_weeks": "12", "provider": "", "subsidy_percent": "",
            "active": "on", **changes}


# The catalogue ---------------------------------------------------------------------------------------------


def test_the_catalogue_lists_the_municipalitys_own_instruments(world, admin, course):
    elsewhere = factories.InstrumentFactory(municipality=world.municipality_b, name="Veenwijker cursus")

    html = admin.get(reverse("marketplace_instrument:index")).content.decode()

    assert course.name in html and elsewhere.name not in html
    assert admin.get(reverse("marketplace_instrument:edit", args=[elsewhere.pk])).status_code == 404


def test_a_caseworker_adds_a_wage_cost_subsidy_typed_the_dutch_way(world, admin):
    response = admin.post(reverse("marketplace_instrument:add"), instrument_form(
        world, kind="wage_cost_subsidy", name="Loonkostensubsidie", cost="0", duration_weeks="",
        subsidy_percent="37,5"))

    assert response.status_code == 302
    instrument = Instrument.objects.get(name="Loonkostensubsidie")
    assert (instrument.municipality, instrument.subsidy_percent) == (world.municipality_a, Decimal("37.50"))


@pytest.mark.parametrize("changes, field", [
    ({"subsidy_percent": "50"}, "subsidy_percent"),
    ({"kind": "wage_cost_subsidy", "subsidy_percent": "120"}, "subsidy_percent"),
    ({"cost": "-5"}, "cost"),
    ({"name": "Taalcursus B1"}, "name"),
    ({"provider": "employer"}, "provider"),
])
def test_a_refused_instrument_shows_the_error_on_its_field_and_writes_nothing(world, admin, course, changes,
                                                                              field):
    if changes.get("provider") == "employer":
        changes = {"provider": world.organisation_a.pk}
    before = Instrument.objects.count()

    response = admin.post(reverse("marketplace_instrument:add"), instrument_form(world, **changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Instrument.objects.count() == before


def test_the_provider_choices_are_the_municipalitys_providers(world, admin):
    form = admin.get(reverse("marketplace_instrument:add")).context["form"]

    assert set(form.fields["provider"].queryset) == {world.provider_organisation_a,
                                                     world.provider_organisation_other}


def test_a_caseworker_edits_the_cost_and_takes_an_instrument_out_of_use(world, admin, course):
    edited = admin.post(reverse("marketplace_instrument:edit", args=[course.pk]), instrument_form(
        world, kind="language_course", name=course.name, cost="1100,00",
        provider=world.provider_organisation_other.pk))
    asked = admin.get(reverse("marketplace_instrument:deactivate", args=[course.pk]))
    taken_out = admin.post(reverse("marketplace_instrument:deactivate", args=[course.pk]))

    assert edited.status_code == 302
    assert asked.status_code == 200 and course.name in asked.content.decode()
    assert taken_out.status_code == 302
    course.refresh_from_db()
    assert (course.cost, course.active) == (Decimal("1100.00"), False)


def test_another_municipalitys_instrument_cannot_be_taken_out_of_use(world, admin):
    elsewhere = factories.InstrumentFactory(municipality=world.municipality_b)

    assert admin.post(reverse("marketplace_instrument:deactivate", args=[elsewhere.pk])).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.active


# The instruments of one job seeker -------------------------------------------------------------------------


def assign_form(world, course, **changes) -> dict:
    return {"form": "assign", "instrument": course.pk, "provider": world.provider_organisation_a.pk,
            "consent": "on", "start_date": days(7).isoformat(), "end_date": "", "cost": "1250,50",
            "plan_action": "", **changes}


def action(name, assignment, **fields) -> dict:
    """What the form ``name`` about ``assignment`` sends: its fields carry the form's own prefix."""
    return {"form": name, f"{name}-assignment_id": assignment.pk,
            **{f"{name}-{field}": value for field, value in fields.items()}}


def test_the_caseload_pages_link_to_the_instruments_page(world, admin):
    html = admin.get(reverse("caseload:plan", args=[world.seeker.pk])).content.decode()

    assert page(world.seeker) in html


def test_a_caseworker_deploys_an_instrument_with_a_provider_and_the_persons_consent(world, admin, course):
    response = admin.post(page(world.seeker), assign_form(world, course))

    assert response.status_code == 302
    assignment = InstrumentAssignment.objects.get()
    assert (assignment.seeker, assignment.instrument, assignment.provider, assignment.cost, assignment.status) == (
        world.seeker, course, world.provider_organisation_a, Decimal("1250.50"), AssignmentStatus.PLANNED)
    assert assignment.consent_at is not None
    html = admin.get(page(world.seeker)).content.decode()
    assert course.name in html and world.provider_organisation_a.name in html


def test_the_form_offers_the_catalogue_in_use_and_ticks_no_consent(world, admin, course):
    retired = factories.InstrumentFactory(municipality=world.municipality_a, active=False)
    factories.InstrumentFactory(municipality=world.municipality_b)

    response = admin.get(page(world.seeker))

    form = response.context["assign_form"]
    assert list(form.fields["instrument"].queryset) == [course]
    assert retired not in form.fields["instrument"].queryset
    assert set(form.fields["provider"].queryset) == {world.provider_organisation_a, world.provider_organisation_other}
    consent = re.search(r'<input[^>]*name="consent"[^>]*>', response.content.decode()).group(0)
    assert "checked" not in consent


@pytest.mark.parametrize("changes, field", [
    ({"consent": ""}, "consent"),
    ({"end_date": days(1).isoformat()}, "end_date"),
    ({"cost": "-10"}, "cost"),
    ({"cost": "veel"}, "cost"),
    ({"instrument": "elsewhere"}, "instrument"),
    ({"provider": "elsewhere"}, "provider"),
])
def test_a_refused_deployment_shows_the_error_on_its_field_and_writes_nothing(world, admin, course, changes, field):
    if changes.get("instrument") == "elsewhere":
        changes = {"instrument": factories.InstrumentFactory(municipality=world.municipality_b).pk}
    if changes.get("provider") == "elsewhere":
        changes = {"provider": world.provider_organisation_b.pk}
    data = {key: value for key, value in assign_form(world, course, **changes).items() if value != ""}

    response = admin.post(page(world.seeker), data)

    assert response.status_code == 400
    assert field in response.context["assign_form"].errors
    assert not InstrumentAssignment.objects.exists()


def test_an_instrument_is_deployed_for_an_open_action_of_the_plan(world, admin, course):
    caseworker = actor_for(world.caseworker_a)
    plan = plan_create(actor=caseworker, seeker=world.seeker, goal="Beter Nederlands", review_date=days(90))
    action = plan_action_add(actor=caseworker, plan=plan, description="Taalles volgen", owner="seeker",
                             due_date=days(60))

    response = admin.post(page(world.seeker), assign_form(world, course, plan_action=action.pk))

    assert response.status_code == 302
    assert InstrumentAssignment.objects.get().plan_action == action


def test_the_caseworker_starts_ends_and_follows_up_an_instrument(world, admin, course):
    assignment = assignment_create(actor=actor_for(world.caseworker_a), seeker=world.seeker, instrument=course,
                                   data={"start_date": days(2), "consent": True})

    started = admin.post(page(world.seeker), action("start", assignment, start_date=""))
    ended = admin.post(page(world.seeker), action("end", assignment, end_date=days(0).isoformat(),
                                                          result="goal_reached", result_note="Spreekt nu B1."))
    listed = admin.get(page(world.seeker)).content.decode()
    followed = admin.post(page(world.seeker), action("follow_up", assignment,
                                                             note="Volgende stap: proefplaats in de keuken."))

    assert [started.status_code, ended.status_code, followed.status_code] == [302, 302, 302]
    assert f'data-assignment="{assignment.pk}" data-status="ended"' in listed
    assignment.refresh_from_db()
    assert (assignment.status, assignment.result, assignment.follow_up_note) == (
        AssignmentStatus.ENDED, "goal_reached", "Volgende stap: proefplaats in de keuken.")


def test_an_end_before_the_start_is_refused_on_the_end_date(world, admin, course):
    assignment = assignment_create(actor=actor_for(world.caseworker_a), seeker=world.seeker, instrument=course,
                                   data={"start_date": days(-5), "consent": True})

    response = admin.post(page(world.seeker), action("end", assignment, end_date=days(-6).isoformat(),
                                                             result="goal_reached"))

    assert response.status_code == 400
    assert "end_date" in response.context["end_form"].errors
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ACTIVE


def test_a_caseworker_cancels_an_instrument_saying_why(world, admin, course):
    assignment = assignment_create(actor=actor_for(world.caseworker_a), seeker=world.seeker, instrument=course,
                                   data={"start_date": days(3), "consent": True})

    refused = admin.post(page(world.seeker), action("cancel", assignment, reason=" "))
    cancelled = admin.post(page(world.seeker), action("cancel", assignment, reason="Gaat eerst naar schuldhulp."))

    assert (refused.status_code, cancelled.status_code) == (400, 302)
    assignment.refresh_from_db()
    assert (assignment.status, assignment.result_note) == (AssignmentStatus.CANCELLED, "Gaat eerst naar schuldhulp.")


def test_an_ended_instrument_without_follow_up_stands_out(world, admin, course):
    caseworker = actor_for(world.caseworker_a)
    assignment = assignment_create(actor=caseworker, seeker=world.seeker, instrument=course,
                                   data={"start_date": days(-30), "consent": True})
    assignment_end(actor=caseworker, assignment=assignment, end_date=days(-1), result="not_reached")

    response = admin.get(page(world.seeker) + f"?assignment={assignment.pk}")

    assert "follow_up_form" in response.context and "end_form" not in response.context
    assert response.context["assignments"][0].followed_up_at is None


def test_another_municipalitys_job_seeker_or_assignment_is_not_found(world, admin, course):
    elsewhere = factories.InstrumentAssignmentFactory(instrument__municipality=world.municipality_b,
                                                      seeker=world.seeker_b)
    someone_else = factories.InstrumentAssignmentFactory(instrument=course)

    assert admin.get(page(world.seeker_b)).status_code == 404
    assert admin.post(page(world.seeker_b), assign_form(world, course)).status_code == 404
    assert admin.get(page(world.seeker) + f"?assignment={elsewhere.pk}").status_code == 404
    cancel = action("cancel", someone_else, reason="Weg")
    assert admin.post(page(world.seeker), cancel).status_code == 404
    someone_else.refresh_from_db()
    assert someone_else.status == AssignmentStatus.PLANNED


def test_without_the_permission_the_page_is_refused(world, client, course):
    signed_in(client, admin_user(world.caseworker_a, "view_plan"))

    # Wagtail sends someone without the right back to the dashboard.
    assert client.get(page(world.seeker)).url == reverse("wagtailadmin_home")
    assert client.post(page(world.seeker), assign_form(world, course)).url == reverse("wagtailadmin_home")
    assert not InstrumentAssignment.objects.exists()


# What the review of the running demo found ----------------------------------------------------------------


class FieldsAndLabels(HTMLParser):
    """The ids of every element, the inputs a person fills in, and what the labels point at."""

    def __init__(self):
        super().__init__()
        self.ids, self.inputs, self.labelled = [], [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            self.inputs.append(attrs.get("id") or attrs.get("name"))
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])


def test_with_a_form_to_manage_open_every_id_is_unique_and_every_input_has_a_label(world, admin, course):
    assignment = assignment_create(actor=actor_for(world.caseworker_a), seeker=world.seeker, instrument=course,
                                   data={"start_date": days(-5), "consent": True})

    parsed = FieldsAndLabels()
    parsed.feed(admin.get(page(world.seeker) + f"?assignment={assignment.pk}").content.decode())

    assert "end-end_date" in [name.removeprefix("id_") for name in parsed.inputs]  # the manage panel is open
    assert [id_ for id_ in parsed.ids if parsed.ids.count(id_) > 1] == []
    assert [input_ for input_ in parsed.inputs if input_ not in parsed.labelled] == []


def test_the_caseworker_reads_the_providers_reports_in_a_fixed_number_of_queries(world, admin, course):
    provider = actor_for(world.provider_a)
    caseworker = actor_for(world.caseworker_a)

    def trajectory_with_report(text):
        assignment = assignment_create(actor=caseworker, seeker=world.seeker, instrument=course, data={
            "start_date": days(-20), "consent": True, "provider": world.provider_organisation_a})
        progress_report_add(actor=provider, assignment=assignment, date=days(-1), text=text)
        return assignment

    first = trajectory_with_report("Eerste les goed gegaan.")
    with CaptureQueriesContext(connection) as one:
        html = admin.get(page(world.seeker)).content.decode()
    trajectory_with_report("Komt op tijd.")
    last = trajectory_with_report("Spreekt al beter.")
    progress_report_add(actor=caseworker, assignment=last, date=days(0), text="Gebeld met de aanbieder.")
    with CaptureQueriesContext(connection) as three:
        more = admin.get(page(world.seeker)).content.decode()

    assert f'data-reports-of="{first.pk}"' in html and "Eerste les goed gegaan." in html
    assert world.provider_organisation_a.name in html
    assert all(text in more for text in ("Komt op tijd.", "Spreekt al beter.", "Gebeld met de aanbieder."))
    assert len(three) == len(one)


def test_the_catalogue_shows_yes_or_no_and_costs_in_euros_with_thousands(world, admin, course):
    with translation.override("nl"):
        html = admin.get(reverse("marketplace_instrument:index")).content.decode()

    assert "€ 1.250,00" in html
    assert ">True<" not in html.replace(" ", "").replace("\n", "")
    assert re.search(r'<col width="30%"', html)  # the name column gets room, the short columns do not squeeze it
