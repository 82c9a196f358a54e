"""Who opens which portal page, and what employer-facing pages never show before an introduction.

The sentinel values of the persona matrix (the seeker's name, e-mail, phone, debts and street)
must not appear in any employer page until the seeker consented and was introduced; the
draaglast never appears there at all.
"""

import pytest
from django.test import Client

from marketplace import notifications
from marketplace.services.applications import (
    application_consent,
    application_express_interest,
    application_introduce,
    application_invite,
)
from tests import factories
from tests.portal import fake_matching as matching
from tests.portal.helpers import SENTINELS, en, leaked, post, published_role, signed_in

pytestmark = pytest.mark.django_db

SEEKER_PAGES = ("seeker-home", "seeker-matches", "seeker-roles", "seeker-applications", "seeker-profile",
                "seeker-consent", "seeker-data", "seeker-data-download")
EMPLOYER_PAGES = ("employer-home", "employer-roles", "employer-role-create", "employer-applications")
ASSOCIATION_PAGES = ("association-home", "association-request-create")
OWNERS = {"seeker_user": SEEKER_PAGES, "employer_a": EMPLOYER_PAGES, "association": ASSOCIATION_PAGES}
SENSITIVE = ("SENTINEL-SCHULD", "SENTINEL-GEZONDHEID", "Geheimstraat")


@pytest.fixture(autouse=True)
def fake_matching(monkeypatch):
    return matching.install(monkeypatch)


@pytest.mark.parametrize("persona", ["seeker_user", "employer_a", "association", "caseworker_a", "employer_b"])
@pytest.mark.parametrize("page", [*SEEKER_PAGES, *EMPLOYER_PAGES, *ASSOCIATION_PAGES])
def test_each_portal_page_opens_for_its_own_actor_only(world, persona, page):
    response = signed_in(getattr(world, persona)).get(en(page))

    owners = {name for name, pages in OWNERS.items() if page in pages}
    if persona == "employer_b":
        owners = {"employer_b"} if page in EMPLOYER_PAGES else set()
    assert response.status_code == (200 if persona in owners else 403)


def test_a_page_for_another_actor_says_whose_it_is(world):
    html = signed_in(world.seeker_user).get(en("employer-roles")).content.decode()

    assert "This part of Werkplaats is for employers." in html


@pytest.mark.parametrize("page", [*SEEKER_PAGES, *EMPLOYER_PAGES, *ASSOCIATION_PAGES])
def test_every_portal_page_asks_anonymous_visitors_to_sign_in(page):
    response = Client().get(en(page))

    assert response.status_code == 302 and "/accounts/login/?next=" in response.url


@pytest.fixture
def before_introduction(world):
    """Three applications the employer knows of, none introduced, with notes full of personal details."""
    role = published_role(world.organisation_a, title="Broodkratten klaarzetten")
    interest, _created = application_express_interest(seeker=world.seeker, role=role)
    application_consent(application=interest, actor_user=world.seeker_user,
                        note="Bel Sentinelia Geheimnaam op 0699999999 of sentinel-seeker@example.nl")
    second = published_role(world.organisation_a, title="Brood bezorgen")
    proposed = application_invite(role=second, seeker=world.seeker, actor_user=world.caseworker_a,
                                  note="Woont aan de Geheimstraat 99, heeft SENTINEL-SCHULD")
    return role, interest, proposed


def employer_pages(role, *applications) -> list[str]:
    pages = [en(name) for name in EMPLOYER_PAGES]
    pages += [en("employer-role", role.pk), en("employer-role-edit", role.pk)]
    for application in applications:
        pages += [en("employer-application", application.pk), en("employer-application-place", application.pk),
                  en("employer-application-end", application.pk)]
    return pages


def test_employer_pages_show_no_personal_data_before_the_introduction(world, before_introduction, fake_matching):
    role, interest, proposed = before_introduction
    fake_matching.candidates = [matching.CandidateMatch(candidate_ref="sealed-ref", score=75, card=matching.card())]
    employer = signed_in(world.employer_a)

    for url in employer_pages(role, interest, proposed):
        response = employer.get(url, follow=True)
        assert response.status_code == 200, url
        assert leaked(response.content.decode()) == [], url


def test_refused_moves_show_no_personal_data_either(world, before_introduction):
    _role, interest, proposed = before_introduction
    employer = signed_in(world.employer_a)

    for url in (en("employer-application-introduce", proposed.pk), en("employer-application-trial", interest.pk)):
        response = post(employer, url)
        assert response.status_code == 409, url
        assert leaked(response.content.decode()) == [], url


def test_after_the_introduction_the_name_shows_but_never_the_draaglast(world, before_introduction):
    role, interest, proposed = before_introduction
    application_introduce(application=interest, actor_user=world.employer_a)
    employer = signed_in(world.employer_a)

    detail = employer.get(en("employer-application", interest.pk)).content.decode()

    assert "Sentinelia Geheimnaam" in detail
    for url in employer_pages(role, interest, proposed):
        assert leaked(employer.get(url, follow=True).content.decode(), SENSITIVE) == [], url
    assert "Bel Sentinelia" not in detail


def test_another_employer_sees_nothing_of_these_applications(world, before_introduction):
    role, interest, proposed = before_introduction
    employer_b = signed_in(world.employer_b)

    assert employer_b.get(en("employer-role", role.pk)).status_code == 404
    assert employer_b.get(en("employer-application", interest.pk)).status_code == 404
    assert leaked(employer_b.get(en("employer-applications")).content.decode(), SENTINELS) == []
    assert "Broodkratten" not in employer_b.get(en("employer-home")).content.decode()


def test_a_seeker_of_another_municipality_sees_no_roles_here(world, before_introduction):
    role, _interest, _proposed = before_introduction
    other = signed_in(_user_for(world.seeker_b))

    assert other.get(en("seeker-role", role.pk)).status_code == 404
    assert "Broodkratten" not in other.get(en("seeker-roles")).content.decode()


def _user_for(seeker):
    seeker.user = factories.UserFactory()
    seeker.save(update_fields=["user"])
    return seeker.user


def test_every_portal_form_refuses_a_post_without_the_csrf_token(world, before_introduction):
    role, interest, _proposed = before_introduction
    posts = {
        world.seeker_user: [en("seeker-role-interest", role.pk), en("seeker-application-consent", interest.pk),
                            en("seeker-application-withdraw", interest.pk), en("seeker-profile"),
                            en("seeker-consent")],
        world.employer_a: [en("employer-role-create"), en("employer-role-edit", role.pk),
                           en("employer-role-publish", role.pk), en("employer-role-close", role.pk),
                           en("employer-role-invite", role.pk), en("employer-application-trial", interest.pk),
                           en("employer-application-introduce", interest.pk),
                           en("employer-application-decline", interest.pk),
                           en("employer-application-place", interest.pk), en("employer-application-end", interest.pk)],
        world.association: [en("association-request-create")],
    }
    for user, urls in posts.items():
        client = signed_in(user)
        for url in urls:
            assert client.post(url, {}).status_code == 403, url
    interest.refresh_from_db()
    assert interest.status == "interested"


def test_the_links_in_notification_e_mails_open_the_application_pages(world, before_introduction):
    _role, interest, _proposed = before_introduction

    seeker_page = signed_in(world.seeker_user).get(notifications.SEEKER_APPLICATION_PATH.format(id=interest.pk))
    employer_page = signed_in(world.employer_a).get(notifications.EMPLOYER_APPLICATION_PATH.format(id=interest.pk))

    assert seeker_page.status_code == 200 and seeker_page.context["application"] == interest
    assert employer_page.status_code == 200 and employer_page.context["application"] == interest
    assert seeker_page.context["LANGUAGE_CODE"] == "nl"
