"""The job seeker's own pages speak their language: no staff words, their own plan wording, dates in words.

The English pages keep the assertions independent of the Dutch translations.
"""

import datetime
import json

import pytest
from django.utils import timezone, translation

from marketplace.access import actor_for
from marketplace.formatting import readable_date
from marketplace.models import Plan
from marketplace.selectors.burden import burden_read_for_staff
from marketplace.selectors.cockpit import CockpitScope
from marketplace.selectors.exports import caseload_export
from marketplace.services.assessments import assessment_record
from marketplace.services.plans import plan_action_add, plan_action_update, plan_agree, plan_create
from tests.portal.helpers import en, signed_in

pytestmark = pytest.mark.django_db

STAFF_WORDS = ("draaglast", "draagkracht", "The job seeker", "Changed since the job seeker agreed", "Review date",
               ">Open<", "Debts: severity")


@pytest.fixture
def seeker(world):
    return signed_in(world.seeker_user)


@pytest.fixture
def caseworker(world):
    return actor_for(world.caseworker_a)


def in_days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def reads_of(seeker) -> list[dict]:
    return json.loads(seeker.get(en("seeker-data-download")).content)["burden_reads"]


def test_the_list_of_who_looked_names_each_field_in_the_seekers_words(world, seeker):
    burden_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose="Voorbereiding gesprek",
                          fields=["debts_severity", "language_gap", "care_duties", "other", "street_address"])

    [read] = reads_of(seeker)

    assert read["kind"] == "read"
    assert set(read["fields_label"]) == {"Debts (how heavy)", "Dutch language", "Care for others", "Something else",
                                         "Your address"}
    html = seeker.get(en("seeker-data")).content.decode()
    assert "Debts (how heavy)" in html and "Your address" in html


def test_the_table_of_what_makes_things_hard_uses_the_same_words(world, seeker):
    html = seeker.get(en("seeker-data")).content.decode()

    assert '<th scope="row">Dutch language</th>' in html


def test_a_caseload_export_with_the_draaglast_reads_as_put_in_an_overview(world, seeker, caseworker):
    scope = CockpitScope(caseworker.caseworker.municipality_id, caseworker.caseworker)
    caseload_export(actor=caseworker, scope=scope, emit=lambda row: None,
                    burden_purpose="Overzicht voor het teamoverleg")

    [read] = reads_of(seeker)
    html = seeker.get(en("seeker-data")).content.decode()

    assert read["kind"] == "export"
    assert read["what_label"].startswith("Put in an overview (a file)")
    assert 'data-kind="export"' in html and "Put in an overview (a file)" in html
    assert "Overzicht voor het teamoverleg" in html
    assert "Debts (how heavy), Debts" not in html


def test_the_headings_of_my_data_use_no_staff_words(world, seeker, caseworker):
    burden_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose="Gesprek", fields=["debts"])

    html = seeker.get(en("seeker-data")).content.decode()

    for heading in ("What makes things hard for you", "How this changed", "Who looked at your details?",
                    "How are things going?", "What you bring"):
        assert heading in html
    assert not [word for word in STAFF_WORDS if word in html]


def test_the_plan_in_my_data_reads_like_the_plan_page(world, seeker, caseworker):
    plan = plan_create(actor=caseworker, seeker=world.seeker, goal="Werken in de bakkerij", review_date=in_days(60))
    plan_action_add(actor=caseworker, plan=plan, description="Cv maken", owner="seeker", due_date=in_days(14))
    plan = Plan.objects.get(pk=plan.pk)
    plan_agree(actor=actor_for(world.seeker_user), plan=plan, version=plan.version)
    plan_action_update(actor=caseworker, action=plan.actions.get(), data={"owner": "caseworker"})

    html = seeker.get(en("seeker-data")).content.decode()

    assert "You agreed to an earlier version of this plan on" in html
    assert "Who: Your caseworker" in html and "Still to do" in html
    assert "Who: was “You”, is now “Your caseworker”" in html
    assert "(by you)" in html and "(by your caseworker" in html
    assert not [word for word in STAFF_WORDS if word in html]


def test_the_plan_page_writes_every_date_in_words(world, seeker, caseworker):
    due, review, assessed = in_days(14), in_days(60), in_days(-30)
    plan = plan_create(actor=caseworker, seeker=world.seeker, goal="Werken", review_date=review)
    plan_action_add(actor=caseworker, plan=plan, description="Cv maken", owner="seeker", due_date=due)
    assessment_record(actor=caseworker, seeker=world.seeker, date=assessed, scores={"income": 3})

    html = seeker.get(en("seeker-plan")).content.decode()

    with translation.override("en"):
        for day in (due, review, assessed):
            assert readable_date(day) in html
            assert day.strftime("%-d %b %Y") not in html
