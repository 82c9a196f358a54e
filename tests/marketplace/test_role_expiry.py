"""A role's end date is enforced: the day after it the role closes, and a week before it the employer hears of it."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from marketplace.choices import ApplicationStatus, RoleStatus
from marketplace.models import Notification, NotificationKind, Role
from marketplace.models.applications import Application
from marketplace.notifications import deliver_due
from marketplace.selectors import matching
from marketplace.services.applications import application_invite
from marketplace.services.roles import roles_close_expired, roles_expiry_run_once_a_day, roles_remind_expiring
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)
DAY = datetime.timedelta(days=1)
ROLES = "/api/v1/roles/"


def role_ending(world, end_date, **fields):
    return factories.RoleFactory(organisation=world.organisation_a, published=True, end_date=end_date, **fields)


def public_ids(client_for) -> set[int]:
    return {row["id"] for row in client_for(None).get(ROLES).json()["results"]}


def test_a_role_whose_end_date_passed_is_closed_and_leaves_the_public_list_and_matching(world, client_for):
    expired = role_ending(world, TODAY - DAY, title="Kerstpakketten inpakken")
    assert expired.pk in public_ids(client_for)
    assert expired.pk in {match.role.pk for match in matching.roles_for_seeker(seeker=world.seeker)}

    closed = roles_close_expired(today=TODAY)

    assert [role.pk for role in closed] == [expired.pk]
    expired.refresh_from_db()
    assert expired.status == RoleStatus.CLOSED
    assert expired.pk not in public_ids(client_for)
    assert expired.pk not in {match.role.pk for match in matching.roles_for_seeker(seeker=world.seeker)}


def test_a_role_ending_today_stays_open_and_so_does_a_role_without_end_date(world):
    ending_today = role_ending(world, TODAY)
    ongoing = role_ending(world, None)
    assert roles_close_expired(today=TODAY) == []
    assert set(Role.objects.filter(pk__in=[ending_today.pk, ongoing.pk]).values_list("status", flat=True)) == {
        RoleStatus.PUBLISHED}


def test_closing_twice_changes_nothing_and_leaves_drafts_and_filled_roles_alone(world):
    role_ending(world, TODAY - DAY)
    draft = factories.RoleFactory(organisation=world.organisation_a, end_date=TODAY - DAY)
    filled = factories.RoleFactory(organisation=world.organisation_a, status=RoleStatus.FILLED, end_date=TODAY - DAY)
    assert len(roles_close_expired(today=TODAY)) == 1
    assert roles_close_expired(today=TODAY) == []
    draft.refresh_from_db()
    filled.refresh_from_db()
    assert (draft.status, filled.status) == (RoleStatus.DRAFT, RoleStatus.FILLED)


def test_applications_of_a_closed_role_stay_as_they_were(world):
    role = role_ending(world, TODAY - DAY)
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    roles_close_expired(today=TODAY)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PROPOSED
    assert Application.objects.filter(role=role).count() == 1


def test_the_employers_members_get_one_reminder_a_week_before_the_end_date_however_often_it_runs(world):
    colleague = factories.MembershipFactory(organisation=world.organisation_a, user__username="collega-a").user
    role = role_ending(world, TODAY + 7 * DAY, title="Kratten klaarzetten")
    later = role_ending(world, TODAY + 8 * DAY, title="Nog lang niet")
    factories.RoleFactory(organisation=world.organisation_b, published=True, end_date=TODAY + 30 * DAY)

    assert roles_remind_expiring(today=TODAY - DAY) == []
    assert [reminded.pk for reminded in roles_remind_expiring(today=TODAY)] == [role.pk]
    assert roles_remind_expiring(today=TODAY) == []
    assert [reminded.pk for reminded in roles_remind_expiring(today=TODAY + DAY)] == [later.pk]
    deliver_due()

    about_role = [message for message in mail.outbox if "Kratten klaarzetten" in message.subject]
    assert sorted(message.to[0] for message in about_role) == sorted([world.employer_a.email, colleague.email])
    message = about_role[0]
    assert message.subject == "De rol Kratten klaarzetten loopt af op 9 maart 2026"
    assert "u krijgt geen nieuwe kandidaten" in message.body
    assert f"/werkgever/rollen/{role.pk}/" in message.body
    assert world.employer_b.email not in {message.to[0] for message in mail.outbox}


def test_a_role_whose_end_date_moves_is_reminded_again_for_the_new_date(world):
    role = role_ending(world, TODAY + 7 * DAY)
    roles_remind_expiring(today=TODAY)
    Role.objects.filter(pk=role.pk).update(end_date=TODAY + 14 * DAY)
    assert [reminded.pk for reminded in roles_remind_expiring(today=TODAY + 7 * DAY)] == [role.pk]
    assert Notification.objects.filter(kind=NotificationKind.EMPLOYER_ROLE_ENDING, role=role).count() == 2


def test_the_command_closes_expired_roles_reminds_and_says_what_it_did(world):
    expired = role_ending(world, TODAY - DAY, title="Afgelopen rol")
    ending = role_ending(world, TODAY + 3 * DAY, title="Bijna afgelopen rol")
    out = StringIO()
    call_command("close_expired_roles", "--date", TODAY.isoformat(), stdout=out)
    text = out.getvalue()
    assert "Closed 1 role(s)" in text and f"#{expired.pk} Afgelopen rol" in text
    assert "Reminded the employers of 1 role(s)" in text and f"#{ending.pk} Bijna afgelopen rol" in text
    expired.refresh_from_db()
    assert expired.status == RoleStatus.CLOSED

    again = StringIO()
    call_command("close_expired_roles", "--date", TODAY.isoformat(), stdout=again)
    assert "Closed 0 role(s)" in again.getvalue() and "Reminded the employers of 0 role(s)" in again.getvalue()


def test_the_command_refuses_a_date_it_cannot_read(world):
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        call_command("close_expired_roles", "--date", "2-3-2026", stdout=StringIO())


def test_the_delivery_loop_runs_the_end_dates_once_a_day(world):
    role_ending(world, TODAY - DAY)
    first = roles_expiry_run_once_a_day(today=TODAY)
    assert first is not None and len(first.closed) == 1
    role_ending(world, TODAY - DAY)
    assert roles_expiry_run_once_a_day(today=TODAY) is None
    assert len(roles_expiry_run_once_a_day(today=TODAY + DAY).closed) == 1
