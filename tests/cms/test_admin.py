"""The caseworkers' workspace in the Wagtail admin: listings per municipality, the draaglast page, the audit log."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry, ReferenceIndex

from marketplace.models import JobSeeker, PostcodeArea, Role, SeekerBurden, SensitiveAccessLog
from marketplace.selectors.burden import HISTORY_LOG_FIELD
from tests import factories

VIEWSETS = [
    "municipality", "postcodearea", "organisation", "skillcategory", "skill", "role", "jobseeker", "caseworker",
    "sensitiveaccesslog",
]
SEEKER_PERMISSIONS = ["view_jobseeker", "change_jobseeker", "add_jobseeker"]


def url(model: str, view: str, *args) -> str:
    return reverse(f"marketplace_{model}:{view}", args=args)


def admin_user(user, *codenames):
    """The user as a staff member with admin access and the given marketplace permissions, freshly loaded."""
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="marketplace", codename__in=codenames),
    )
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="beheerder", is_staff=True, is_superuser=True)


@pytest.fixture
def caseworker_a(world):
    return admin_user(world.caseworker_a, *SEEKER_PERMISSIONS)


@pytest.fixture
def caseworker_b(world):
    return admin_user(world.caseworker_b, *SEEKER_PERMISSIONS)


def signed_in(client, user):
    client.force_login(user)
    return client


def form_data(form) -> dict:
    """What a browser would post back for an unchanged form."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        else:
            data[key] = value
    return data


def formset_data(formset) -> dict:
    data = {f"{formset.prefix}-{name}": value for name, value in formset.management_form.initial.items()}
    for form in formset:
        data.update(form_data(form))
    return data


def test_staff_member_signs_in_and_reaches_the_admin(client, db):
    factories.UserFactory(username="medewerker", is_staff=True, is_superuser=True)

    response = client.post(reverse("wagtailadmin_login"), {"username": "medewerker",
                                                           "password": "geheim-wachtwoord-123"})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("model", VIEWSETS)
def test_superuser_opens_every_marketplace_listing(client, world, superuser, model):
    response = signed_in(client, superuser).get(url(model, "index"))

    assert response.status_code == 200


@pytest.mark.parametrize("model", ["municipality", "organisation", "role", "jobseeker", "caseworker", "skill"])
def test_superuser_opens_the_add_form(client, db, superuser, model):
    assert signed_in(client, superuser).get(url(model, "add")).status_code == 200


def test_marketplace_menu_lists_the_workspace(client, world, superuser):
    response = signed_in(client, superuser).get("/admin/")

    assert b"marketplace/jobseeker/" in response.content
    assert b"marketplace/sensitiveaccesslog/" in response.content


def test_caseworker_lists_job_seekers_of_their_own_municipality_only(client, world, caseworker_a):
    response = signed_in(client, caseworker_a).get(url("jobseeker", "index"))

    assert response.status_code == 200
    assert world.seeker.full_name in response.text
    assert world.seeker_b.full_name not in response.text


def test_caseworker_cannot_open_a_job_seeker_of_another_municipality(client, world, caseworker_b):
    client = signed_in(client, caseworker_b)

    assert client.get(url("jobseeker", "edit", world.seeker.pk)).status_code == 404
    assert client.get(url("jobseeker", "inspect", world.seeker.pk)).status_code == 404
    assert client.get(url("jobseeker", "edit", world.seeker_b.pk)).status_code == 200


def test_staff_member_who_is_no_caseworker_sees_no_job_seekers(client, world):
    editor = admin_user(factories.UserFactory(username="redacteur"), *SEEKER_PERMISSIONS)

    response = signed_in(client, editor).get(url("jobseeker", "index"))

    assert world.seeker.full_name not in response.text
    assert world.seeker_b.full_name not in response.text


def test_job_seeker_form_offers_only_the_caseworkers_municipality_and_no_user_accounts(client, world, caseworker_a):
    response = signed_in(client, caseworker_a).get(url("jobseeker", "add"))

    form = response.context["form"]
    assert list(form.fields["municipality"].queryset) == [world.municipality_a]
    assert {c.user.username for c in form.fields["caseworker"].queryset} == {"klantmanager-a"}
    assert "user" not in form.fields


def test_job_seeker_edit_form_shows_no_draaglast(client, world, caseworker_a):
    response = signed_in(client, caseworker_a).get(url("jobseeker", "edit", world.seeker.pk))

    assert response.status_code == 200
    assert "SENTINEL-SCHULD" not in response.text
    assert "Geheimstraat" not in response.text
    assert url("jobseeker", "burden", world.seeker.pk) in response.text


def test_caseworker_saves_a_job_seeker_with_skills_and_wagtail_keeps_no_log_of_it(client, world, caseworker_a):
    client = signed_in(client, caseworker_a)
    edit_url = url("jobseeker", "edit", world.seeker.pk)
    page = client.get(edit_url)
    skill = factories.SkillFactory(name_nl="Koffie zetten")
    data = {**form_data(page.context["form"]), **formset_data(page.context["inline_formset"]),
            "first_name": "Sanne", "inline-0-skill": skill.pk, "inline-0-level": 2}

    response = client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    world.seeker.refresh_from_db()
    assert world.seeker.first_name == "Sanne"
    assert list(world.seeker.skill_levels.values_list("skill__name_nl", "level")) == [("Koffie zetten", 2)]
    assert not ModelLogEntry.objects.filter(label__contains="Sanne").exists()


def test_role_saved_in_the_admin_takes_its_organisations_municipality(client, world, superuser):
    PostcodeArea.objects.create(digits="1234", municipality=world.municipality_a, latitude=52.37, longitude=4.89)
    client = signed_in(client, superuser)
    page = client.get(url("role", "add"))
    skill = factories.SkillFactory()
    data = {
        **formset_data(page.context["inline_formset"]),
        "organisation": world.organisation_a.pk, "kind": "carved_task", "title": "Afwassen in de keuken",
        "description": "Afwassen en opruimen.", "hours_min": 8, "hours_max": 12, "weekdays": ["mon", "tue"],
        "language_level_required": 1, "target_rung": 5, "places": 2, "hourly_wage": "14.40",
        "postcode": "1234ab", "inline-0-skill": skill.pk, "inline-0-level": 1, "inline-0-required": "on",
    }

    response = client.post(url("role", "add"), data)

    assert response.status_code == 302, response.context["form"].errors
    role = Role.objects.get(title="Afwassen in de keuken")
    assert role.municipality == world.municipality_a
    assert role.created_by == superuser
    assert (role.postcode, role.latitude, role.longitude) == ("1234 AB", 52.37, 4.89)
    assert list(role.skill_requirements.values_list("skill", "required")) == [(skill.pk, True)]


def test_role_with_hours_out_of_order_is_shown_again_with_the_error(client, world, superuser):
    client = signed_in(client, superuser)
    page = client.get(url("role", "add"))
    data = {
        **formset_data(page.context["inline_formset"]),
        "organisation": world.organisation_a.pk, "kind": "carved_task", "title": "Ramen lappen",
        "description": "Ramen lappen.", "hours_min": 20, "hours_max": 10, "weekdays": ["mon"],
        "language_level_required": 1, "target_rung": 5, "places": 1,
    }

    response = client.post(url("role", "add"), data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'value="Ramen lappen"' in response.text
    assert not Role.objects.filter(title="Ramen lappen").exists()


def burden_url(seeker) -> str:
    return url("jobseeker", "burden", seeker.pk)


def read_draaglast(client, seeker, purpose):
    return client.post(burden_url(seeker), {"action": "read", "purpose": purpose})


def test_draaglast_page_is_not_found_for_a_caseworker_of_another_municipality(client, world, caseworker_b):
    client = signed_in(client, caseworker_b)

    assert client.get(burden_url(world.seeker)).status_code == 404
    assert read_draaglast(client, world.seeker, "Intake").status_code == 404
    assert not SensitiveAccessLog.objects.exists()


def test_draaglast_page_is_not_found_for_a_superuser_who_is_no_caseworker(client, world, superuser):
    assert read_draaglast(signed_in(client, superuser), world.seeker, "Controle").status_code == 404


def test_draaglast_page_asks_for_a_purpose_in_a_posted_form_before_showing_anything(client, world, caseworker_a):
    response = signed_in(client, caseworker_a).get(burden_url(world.seeker))

    assert response.status_code == 200
    assert 'name="purpose"' in response.text
    assert 'method="post"' in response.text and 'method="get"' not in response.text
    assert "SENTINEL-SCHULD" not in response.text
    assert not SensitiveAccessLog.objects.exists()


def test_draaglast_page_ignores_a_purpose_in_the_query_string(client, world, caseworker_a):
    response = signed_in(client, caseworker_a).get(f"{burden_url(world.seeker)}?purpose=Intakegesprek")

    assert response.status_code == 200
    assert "SENTINEL-SCHULD" not in response.text
    assert not SensitiveAccessLog.objects.exists()


def test_draaglast_page_refuses_a_blank_purpose(client, world, caseworker_a):
    response = read_draaglast(signed_in(client, caseworker_a), world.seeker, "   ")

    assert response.status_code == 400
    assert "SENTINEL-SCHULD" not in response.text
    assert not SensitiveAccessLog.objects.exists()


def test_reading_the_draaglast_writes_who_whom_what_and_why_to_the_audit_log(client, world, caseworker_a):
    response = read_draaglast(signed_in(client, caseworker_a), world.seeker, "Intakegesprek")

    assert response.status_code == 200
    assert "SENTINEL-SCHULD" in response.text
    assert "no-store" in response["Cache-Control"]
    entry = SensitiveAccessLog.objects.get()
    assert (entry.actor, entry.seeker, entry.purpose) == (caseworker_a, world.seeker, "Intakegesprek")
    assert set(entry.fields.split(",")) == {*SeekerBurden.SENSITIVE_FIELDS, HISTORY_LOG_FIELD}


def test_a_caseworker_with_view_permission_only_reads_but_cannot_save(client, world):
    viewer = admin_user(world.caseworker_a, "view_jobseeker")
    client = signed_in(client, viewer)

    assert read_draaglast(client, world.seeker, "Intakegesprek").status_code == 200
    refused = client.post(burden_url(world.seeker), {"action": "save", "debts": "Weg"})

    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))  # Wagtail's "denied"
    assert SeekerBurden.objects.get(seeker=world.seeker).debts == "SENTINEL-SCHULD"


def test_caseworker_saves_the_draaglast_and_must_state_a_purpose_to_see_it_again(client, world, caseworker_a):
    client = signed_in(client, caseworker_a)
    data = {"action": "save", "street_address": "Geheimstraat 99", "debts": "Regeling getroffen", "health": "",
            "language_gap": "", "care_duties": "Zorgt voor moeder"}

    response = client.post(burden_url(world.seeker), data)

    assert response.status_code == 302
    assert response["Location"] == burden_url(world.seeker)
    burden = SeekerBurden.objects.get(seeker=world.seeker)
    assert (burden.debts, burden.health, burden.care_duties) == ("Regeling getroffen", "", "Zorgt voor moeder")
    after = client.get(response["Location"])
    assert "Regeling getroffen" not in after.text and 'name="purpose"' in after.text
    assert not SensitiveAccessLog.objects.exists()


def test_draaglast_with_a_too_long_street_address_is_shown_again_and_not_saved(client, world, caseworker_a):
    client = signed_in(client, caseworker_a)

    response = client.post(burden_url(world.seeker), {"action": "save", "street_address": "x" * 200, "debts": "Nieuw"})

    assert response.status_code == 400
    assert "Nieuw" in response.text
    assert SeekerBurden.objects.get(seeker=world.seeker).debts == "SENTINEL-SCHULD"


def test_listing_offers_the_draaglast_only_to_the_caseworkers_who_may_open_it(client, world, caseworker_a):
    response = signed_in(client, caseworker_a).get(url("jobseeker", "index"))

    assert url("jobseeker", "burden", world.seeker.pk) in response.text


@pytest.fixture
def access_entry(world):
    return SensitiveAccessLog.objects.create(
        actor=world.caseworker_a, seeker=world.seeker, fields="debts", purpose="Intakegesprek"
    )


def test_audit_log_can_be_listed_and_inspected(client, world, superuser, access_entry):
    client = signed_in(client, superuser)

    listing = client.get(url("sensitiveaccesslog", "index"))

    assert "Intakegesprek" in listing.text
    assert client.get(url("sensitiveaccesslog", "inspect", access_entry.pk)).status_code == 200


def test_audit_log_cannot_be_edited_or_deleted_in_the_admin_even_by_a_superuser(client, world, superuser,
                                                                                access_entry):
    client = signed_in(client, superuser)
    prefix = url("sensitiveaccesslog", "index")

    assert client.get(f"{prefix}edit/{access_entry.pk}/").status_code == 404
    assert client.post(f"{prefix}delete/{access_entry.pk}/").status_code == 404
    assert client.get(f"{prefix}new/").status_code == 404
    listing = client.get(prefix)
    assert f"{prefix}edit/" not in listing.text
    assert f"{prefix}delete/" not in listing.text
    assert SensitiveAccessLog.objects.filter(pk=access_entry.pk, purpose="Intakegesprek").exists()


def test_caseworker_sees_audit_entries_of_their_own_municipality_only(client, world, access_entry):
    caseworker_b = admin_user(world.caseworker_b, "view_sensitiveaccesslog")

    response = signed_in(client, caseworker_b).get(url("sensitiveaccesslog", "index"))

    assert response.status_code == 200
    assert "Intakegesprek" not in response.text
    assert signed_in(client, caseworker_b).get(
        url("sensitiveaccesslog", "inspect", access_entry.pk)
    ).status_code == 404


def test_home_page_serves_on_a_freshly_migrated_database(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert "Werkplaats" in response.text
    assert '<html lang="nl">' in response.text
    assert JobSeeker.objects.count() == 0


def test_deleting_a_job_seeker_with_audit_entries_is_refused_without_an_error_page(client, world, superuser,
                                                                                    access_entry):
    # Bulk-loaded rows (the demo data) never reach Wagtail's reference index, so the database decides.
    ReferenceIndex.objects.all().delete()

    response = signed_in(client, superuser).post(url("jobseeker", "delete", world.seeker.pk))

    assert response.status_code == 302
    assert JobSeeker.objects.filter(pk=world.seeker.pk).exists()
    assert SensitiveAccessLog.objects.filter(pk=access_entry.pk).exists()
