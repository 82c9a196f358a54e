"""Every number and date that a form carries round-trips in Dutch and in English, on every face.

The forms are collected from their modules and from the admin viewsets, so a form added later is
checked without being listed here. The journeys that broke (the carving wizard's last step with a
wage in cents, a stapelbaan with the default travel speed) are walked in Dutch with the test client.
"""

import datetime
import inspect
import re
from decimal import Decimal

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import translation

import cms.forms
import cms.viewsets.service_requests
import portal.forms.association
import portal.forms.carving
import portal.forms.employer
import portal.forms.seeker
from cms.viewsets.koffer import AssignForm
from cms.viewsets.marketplace import MarketplaceViewSetGroup
from cms.viewsets.scoping import admin_formfield
from cms.viewsets.service_requests import service_request_admin_viewsets
from marketplace.access import actor_for
from marketplace.form_fields import DateInput, is_number_field
from marketplace.models import Instrument, Role
from marketplace.services.bundles import BundleParameters, bundle_propose
from tests.carving_data import hospital_analysis, supermarket_analysis

FORM_MODULES = (portal.forms.carving, portal.forms.employer, portal.forms.seeker, portal.forms.association,
                cms.forms, cms.viewsets.service_requests)
LANGUAGES = ("nl", "en")


def hand_written_forms() -> list[type[forms.BaseForm]]:
    return [form for module in FORM_MODULES for _name, form in inspect.getmembers(module, inspect.isclass)
            if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__ and form.base_fields]


def admin_forms() -> list[type[forms.BaseForm]]:
    viewsets = [viewset() for viewset in MarketplaceViewSetGroup.items] + service_request_admin_viewsets()
    return [viewset.get_form_class() for viewset in viewsets
            if getattr(viewset, "form_fields", None) or getattr(viewset, "exclude_form_fields", None)]


def every_field():
    for form in hand_written_forms() + admin_forms():
        for name, field in form.base_fields.items():
            yield pytest.param(field, id=f"{form.__module__}.{form.__name__}.{name}")


def number_fields():
    return [param for param in every_field() if is_number_field(param.values[0])]


def date_fields():
    return [param for param in every_field() if isinstance(param.values[0], forms.DateField)]


def sample(field: forms.Field):
    """A value the field accepts, with a fraction where the field takes one (12.5 hours, 14.40 euros)."""
    low = field.min_value if field.min_value is not None else 0
    if isinstance(field, forms.DecimalField):
        value = Decimal(str(low)) + (Decimal("1.40") if field.decimal_places >= 2 else Decimal("1.5"))
    elif isinstance(field, forms.FloatField):
        value = float(low) + 1.5
    else:
        value = int(low) + 1
    assert field.max_value is None or value <= field.max_value
    return value


def test_the_forms_are_found():
    names = {param.id for param in every_field()}
    assert "portal.forms.carving.ProposalForm.carved_hourly_wage" in names
    assert "cms.viewsets.service_requests.RolePlanForm.hourly_wage" in names
    assert any(name.endswith("RoleForm.hourly_wage") and "wagtail" not in name for name in names)
    assert len(number_fields()) > 30


@pytest.mark.parametrize("field", list(every_field()))
def test_no_form_uses_the_browsers_number_input(field):
    # Chromium turns "14,40" typed into a type=number input into 1440, whatever the page's language.
    assert not isinstance(field.widget, forms.NumberInput)


@pytest.mark.parametrize("field", number_fields())
def test_every_number_field_shows_and_reads_the_active_language(field):
    value = sample(field)
    for language in LANGUAGES:
        with translation.override(language):
            shown = field.widget.format_value(value)
            assert field.clean(shown) == value, (language, shown)
            if isinstance(value, Decimal | float) and language == "nl":
                assert "," in shown


@pytest.mark.parametrize("field", date_fields())
def test_every_date_field_reads_back_the_date_it_shows(field):
    day = datetime.date(2026, 3, 2)
    for language in LANGUAGES:
        with translation.override(language):
            assert field.clean(field.widget.format_value(day)) == day


@pytest.mark.parametrize("field", date_fields())
def test_date_pickers_are_given_iso_dates(field):
    if field.widget.input_type == "date":
        assert isinstance(field.widget, DateInput)
        with translation.override("nl"):
            assert field.widget.format_value(datetime.date(2026, 3, 2)) == "2026-03-02"


@pytest.mark.parametrize(("language", "typed", "stored"), [
    ("nl", "14,40", Decimal("14.40")), ("nl", "14.40", Decimal("14.40")), ("nl", "7,5", Decimal("7.5")),
    ("en", "14.40", Decimal("14.40")), ("en", "12.5", Decimal("12.5")),
])
def test_a_decimal_is_stored_as_typed(language, typed, stored):
    with translation.override(language):
        form = portal.forms.carving.BundleAcceptForm({"choice": "0:1", "carved_hourly_wage": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["carved_hourly_wage"] == stored


@pytest.mark.parametrize(("typed", "stored"), [
    ("1.250,50", Decimal("1250.50")), ("12.500", Decimal("12500")), ("3.400,00", Decimal("3400.00")),
    ("1.250.000", Decimal("1250000")), ("1.25", Decimal("1.25")),
])
def test_dutch_thousands_grouped_as_pages_show_amounts_are_read_as_meant(typed, stored):
    deployment_cost = AssignForm.base_fields["cost"]  # a form we declare
    catalogue_cost = admin_formfield(Instrument._meta.get_field("cost"))  # a form Wagtail builds from the model
    with translation.override("nl"):
        assert (deployment_cost.clean(typed), catalogue_cost.clean(typed)) == (stored, stored)


@pytest.mark.parametrize(("language", "typed"), [("nl", "1.25.0"), ("nl", "12.50,5"), ("nl", "1,250.50"),
                                                 ("en", "1.250,50"), ("en", "1,250.50")])
def test_badly_grouped_numbers_are_refused_not_guessed(language, typed):
    with translation.override(language):
        form = portal.forms.carving.BundleAcceptForm({"choice": "0:1", "carved_hourly_wage": typed})
        assert not form.is_valid()
        assert "carved_hourly_wage" in form.errors


def test_a_comma_in_english_is_refused_rather_than_read_as_thousands():
    with translation.override("en"):
        form = portal.forms.carving.BundleAcceptForm({"choice": "0:1", "carved_hourly_wage": "14,40"})
        assert not form.is_valid()
        assert form.errors["carved_hourly_wage"] == ["Enter a number, such as 14.40."]


def test_half_an_hour_in_a_whole_hours_field_is_an_error_not_a_different_number():
    with translation.override("nl"):
        form = portal.forms.employer.PlacementForm({"start_date": "2025-09-01", "hours_per_week": "7,5"})
        assert not form.is_valid()
        assert "hours_per_week" in form.errors


# The journeys that broke, in Dutch (the default language, so the URLs carry no prefix) --------------------------

def browser_post(client: Client, url: str, data: dict):
    client.get(reverse("carving-list"))
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def hidden_inputs(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("wage", ["14,40", "15,05"])
def test_the_carving_wizard_creates_the_role_with_a_wage_in_cents_in_dutch(world, wage):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    client = signed_in(world.employer_a)
    parameters = {"target_min_hours": "7,5", "target_max_hours": "24", "carved_hourly_wage": wage}
    proposals = browser_post(client, reverse("carving-proposals", kwargs={"pk": analysis.pk}), parameters)
    [chosen] = re.findall(r'name="chosen" id="id_chosen_\d+" value="([^"]+)"', proposals.content.decode())

    review = browser_post(client, reverse("carving-review", kwargs={"pk": analysis.pk}),
                          {**parameters, "chosen": chosen})
    carried = hidden_inputs(review.content.decode())
    assert ("carved_hourly_wage", wage) in carried
    data = {}
    for name, value in carried:
        data.setdefault(name, []).append(value)
    created = browser_post(client, reverse("carving-accept", kwargs={"pk": analysis.pk}), data)

    assert created.status_code == 302, created.content.decode()
    assert Role.objects.get().hourly_wage == Decimal(wage.replace(",", "."))


@pytest.mark.django_db
@pytest.mark.parametrize("speed", [None, "12,5"])
def test_a_stapelbaan_is_created_with_the_travel_speed_in_dutch(world, speed):
    hospital = hospital_analysis(world.employer_a, world.organisation_a)
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)
    client = signed_in(world.caseworker_a)
    page = client.get(reverse("carving-bundles")).content.decode()
    shown = re.search(r'name="travel_speed_kmh" value="([^"]*)"', page).group(1)
    assert shown == "15,0"
    bundle = {"analysis_ids": [hospital.pk, supermarket.pk], "target_min_hours": "8", "target_max_hours": "24",
              "travel_speed_kmh": speed or shown}

    cards = browser_post(client, reverse("carving-bundles"), bundle).content.decode()
    carried = dict(hidden_inputs(cards))
    assert carried["travel_speed_kmh"] == bundle["travel_speed_kmh"]
    data = {name: value for name, value in hidden_inputs(cards) if not name.startswith("bundle1")}
    data["analysis_ids"] = [str(hospital.pk), str(supermarket.pk)]
    created = browser_post(client, reverse("carving-bundle-accept"), {
        **data, "prefix": "bundle0", "bundle0-employer_of_record": "municipality",
        "bundle0-carved_hourly_wage": "14,40"})

    assert created.status_code == 302, created.content.decode()
    assert Role.objects.get().hourly_wage == Decimal("14.40")
    # The travel times shown were worked out at exactly the speed typed (or shown).
    exact = Decimal((speed or shown).replace(",", "."))
    expected = bundle_propose(actor=actor_for(world.caseworker_a), analyses=[hospital, supermarket],
                              parameters=BundleParameters(target_min_hours=Decimal(8), target_max_hours=Decimal(24),
                                                          travel_speed_kmh=exact))
    minutes = {f"{round(leg.minutes_needed)} minuten nodig" for proposal in expected.proposals for leg in proposal.legs}
    assert minutes and all(text in cards for text in minutes)
