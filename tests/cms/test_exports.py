"""Cockpit exports: caseload and instruments as XLSX and Dutch CSV, the draaglast only with a purpose."""

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation

from marketplace.access import actor_for
from marketplace.models import Caseworker, SensitiveAccessLog
from marketplace.models.koffer import AssignmentStatus
from marketplace.selectors import exports as export_selectors
from marketplace.selectors.exports import BURDEN_EXPORT_FIELDS, EXPORT_LOG_FIELD
from tests import factories
from tests.cms.test_admin import signed_in
from tests.cms.test_cockpit_admin import caseworker_user

pytestmark = pytest.mark.django_db

COCKPIT = "/admin/cockpit/"
START = date(2026, 3, 2)


@pytest.fixture
def caseworker(world):
    return caseworker_user(world.caseworker_a)


@pytest.fixture
def people(world):
    """Caseworker A's caseload: the world's seeker and two more, one with a language course running."""
    mine = actor_for(world.caseworker_a).caseworker
    anna = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=mine, first_name="Anna",
                                      last_name="Aalbers", rung=2,
                                      burden={"debts": "=HYPERLINK(\"https://example.org\")", "debts_severity": 2})
    bram = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=mine, first_name="Bram",
                                      last_name="Bakker", rung=5)
    course = factories.InstrumentFactory(municipality=world.municipality_a, name="Taal op de werkvloer",
                                         cost=Decimal("1250.50"))
    factories.InstrumentAssignmentFactory(seeker=bram, instrument=course, status=AssignmentStatus.ACTIVE,
                                          start_date=START, provider=world.provider_organisation_a)
    factories.InstrumentAssignmentFactory(seeker=world.seeker_b, instrument=factories.InstrumentFactory(
        municipality=world.municipality_b, name="Ander dorp"))
    return [anna, bram, world.seeker]


def caseload_columns(**kwargs) -> list[str]:
    """The header as the English-speaking caseworker of these tests gets it."""
    with translation.override("en"):
        return export_selectors.caseload_columns(**kwargs)


def assignment_columns() -> list[str]:
    with translation.override("en"):
        return export_selectors.assignment_columns()


def export(client, report, file_format, **fields):
    data = {"report": report, f"{report}-file_format": file_format}
    data.update({f"{report}-{name}": value for name, value in fields.items()})
    return client.post(COCKPIT, data)


def xlsx_rows(response) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return list(workbook.active.iter_rows(values_only=True))


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM by which Excel knows it is UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_caseload_downloads_as_xlsx_with_a_header_and_one_row_per_person_in_name_order(client, world, caseworker,
                                                                                         people):
    response = export(signed_in(client, caseworker), "caseload", "xlsx")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="caseload-')
    rows = xlsx_rows(response)
    assert list(rows[0]) == caseload_columns(with_burden=False)
    assert [row[0] for row in rows[1:]] == ["Anna Aalbers", "Bram Bakker", "Sentinelia Geheimnaam"]
    bram = rows[2]
    assert bram[1] == 5 and bram[4] == "No plan yet" and bram[7] == "Taal op de werkvloer"
    assert SensitiveAccessLog.objects.count() == 0


def test_the_instruments_download_as_dutch_csv_with_decimal_commas_and_day_month_year(client, world, caseworker,
                                                                                    people):
    response = export(signed_in(client, caseworker), "instruments", "csv")

    rows = csv_rows(response)
    assert rows[0] == assignment_columns()
    assert rows[1:] == [["Bram Bakker", "Taal op de werkvloer", "Re-integratie Havenstad", "02-03-2026", "",
                         "Running", "", "1250,50"]]


def test_the_instruments_download_as_xlsx_with_real_dates_and_amounts(client, world, caseworker, people):
    rows = xlsx_rows(export(signed_in(client, caseworker), "instruments", "xlsx"))

    assert rows[1][3].date() == START and rows[1][7] == pytest.approx(1250.50)


def test_the_draaglast_is_not_exported_without_a_purpose_and_nothing_is_logged(client, world, caseworker, people):
    signed_in(client, caseworker)

    for purpose in ("", "  ", "x"):
        refused = export(client, "caseload", "xlsx", include_burden="on", purpose=purpose)
        assert refused.status_code == 400
        assert "caseload-purpose" in refused.context["caseload_form"].add_prefix("purpose")
        assert refused.context["caseload_form"].errors["purpose"]
    assert SensitiveAccessLog.objects.count() == 0


def test_a_purpose_without_the_tick_is_refused_on_the_tick_box(client, world, caseworker, people):
    refused = export(signed_in(client, caseworker), "caseload", "csv", purpose="Casusoverleg met het team")

    assert refused.status_code == 400 and refused.context["caseload_form"].errors["include_burden"]
    assert SensitiveAccessLog.objects.count() == 0


def test_with_a_purpose_the_draaglast_is_exported_and_every_person_is_logged_once(client, world, caseworker, people):
    response = export(signed_in(client, caseworker), "caseload", "csv", include_burden="on",
                      purpose="  Casusoverleg   met het team ")

    rows = csv_rows(response)
    assert rows[0] == caseload_columns(with_burden=True)
    assert len(rows[0]) == len(caseload_columns(with_burden=False)) + len(BURDEN_EXPORT_FIELDS)
    by_name = {row[0]: row for row in rows[1:]}
    debts = rows[0].index(caseload_columns(with_burden=True)[8 + BURDEN_EXPORT_FIELDS.index("debts")])
    assert by_name["Sentinelia Geheimnaam"][debts] == "SENTINEL-SCHULD"
    assert by_name["Anna Aalbers"][debts] == "'=HYPERLINK(\"https://example.org\")"  # text, never a formula
    assert "Geheimstraat 99" not in str(rows)  # the street address is no part of an export
    entries = SensitiveAccessLog.objects.all()
    assert sorted(entry.seeker_id for entry in entries) == sorted(person.pk for person in people)
    assert {(entry.actor_id, entry.purpose, entry.fields) for entry in entries} == {
        (caseworker.pk, "Casusoverleg met het team", ",".join((EXPORT_LOG_FIELD, *BURDEN_EXPORT_FIELDS)))}


def test_a_caseworker_exports_only_their_own_municipalitys_people(client, world, people):
    other = caseworker_user(world.caseworker_b)

    rows = csv_rows(export(signed_in(client, other), "caseload", "csv", include_burden="on",
                           purpose="Voorbereiding gesprek"))
    instruments = csv_rows(export(client, "instruments", "csv"))

    assert [row[0] for row in rows[1:]] == [world.seeker_b.full_name]
    assert "SENTINEL" not in str(rows)
    assert [row[1] for row in instruments[1:]] == ["Ander dorp"]
    assert list(SensitiveAccessLog.objects.values_list("seeker_id", flat=True)) == [world.seeker_b.pk]


def test_a_team_leader_exports_the_municipality_or_one_caseworker_but_never_another_municipality(client, world,
                                                                                                 people):
    Caseworker.objects.filter(user=world.caseworker_a).update(is_team_leader=True)
    leader = caseworker_user(world.caseworker_a)
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a)
    factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=colleague, first_name="Cor",
                               last_name="Collega")
    signed_in(client, leader)

    whole = csv_rows(export(client, "caseload", "csv", scope="municipality"))
    one = csv_rows(export(client, "caseload", "csv", scope=str(colleague.pk)))
    elsewhere = export(client, "caseload", "csv", scope=str(actor_for(world.caseworker_b).caseworker.pk))

    assert [row[0] for row in whole[1:]] == ["Anna Aalbers", "Bram Bakker", "Cor Collega", "Sentinelia Geheimnaam"]
    assert [row[0] for row in one[1:]] == ["Cor Collega"]
    assert elsewhere.status_code == 404


def test_someone_who_is_no_caseworker_exports_nothing(client, world, people):
    superuser = factories.UserFactory(username="beheer", is_staff=True, is_superuser=True)

    refused = export(signed_in(client, superuser), "caseload", "csv")

    assert refused.status_code == 302 and not refused.has_header("Content-Disposition")


def test_an_unknown_report_or_format_is_refused(client, world, caseworker, people):
    signed_in(client, caseworker)

    assert client.post(COCKPIT, {"report": "everything"}).status_code == 404
    assert export(client, "caseload", "pdf").status_code == 400
