"""Candidate references link nothing: they are opaque, fresh on every request, bound to one role and
organisation, short-lived and tamper-proof; employers invite only with them, and only so often."""

import base64
import binascii
import itertools
import json
import struct
import time

import pytest

from marketplace.access import actor_for
from marketplace.models.applications import Application
from marketplace.references import candidate_reference_issue, candidate_reference_open, max_age_seconds
from marketplace.selectors import matching
from tests import factories
from tests.portal.helpers import en, messages_of, post, signed_in

pytestmark = pytest.mark.django_db

APPLICATIONS = "/api/v1/applications/"
SEEKER_ID, ROLE_ID, OTHER_ROLE_ID, ORGANISATION_ID = 7_770_001, 6_660_001, 6_660_002, 5_550_001


@pytest.fixture
def english(settings):
    """API answers in English, so that assertions read the source messages (the default is Dutch). Only for
    API tests: pages reversed while English is the default language would lose their /en/ prefix."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def setting(world):
    """A job seeker and two roles of employer A with ids that are easy to look for."""
    person = factories.JobSeekerFactory(id=SEEKER_ID, municipality=world.municipality_a)
    role = factories.RoleFactory(id=ROLE_ID, organisation=world.organisation_a, published=True)
    other_role = factories.RoleFactory(id=OTHER_ROLE_ID, organisation=world.organisation_a, published=True)
    return person, role, other_role


@pytest.fixture
def distinct_employer(world):
    """An employer whose organisation's id is easy to look for too."""
    organisation = factories.OrganisationFactory(id=ORGANISATION_ID, municipality=world.municipality_a)
    return factories.MembershipFactory(organisation=organisation).user


def refs_for(client_for, user, role) -> dict[int, str]:
    """The references on a role's candidate list as ``user`` gets them, by the person behind each (which only
    the server can tell)."""
    actor = actor_for(user)
    candidates = client_for(user).get(f"/api/v1/roles/{role.pk}/candidates/").json()
    return {matching.seeker_for_candidate_ref(actor=actor, role=role, candidate_ref=c["candidate_ref"]).pk:
            c["candidate_ref"] for c in candidates}


def decoded(ref: str) -> bytes:
    return base64.b64decode(ref + "=" * (-len(ref) % 4), altchars=b"-_")


def encodings(number: int) -> list[bytes]:
    """A number as text and as binary integers of every usual width and byte order."""
    forms = [str(number).encode(), hex(number)[2:].encode(), format(number, "x").upper().encode()]
    for width, order in itertools.product((">", "<"), ("I", "Q")):
        forms.append(struct.pack(width + order, number))
    return forms


def test_a_reference_holds_no_id_in_any_readable_form(client_for, setting, distinct_employer):
    person, role, _other = setting
    role.organisation = distinct_employer.memberships.get().organisation
    role.save()

    ref = refs_for(client_for, distinct_employer, role)[person.pk]

    raw = decoded(ref)
    for number in (SEEKER_ID, ROLE_ID, ORGANISATION_ID):
        assert str(number) not in ref
        assert not any(form in raw for form in encodings(number))
    with pytest.raises((UnicodeDecodeError, json.JSONDecodeError)):
        json.loads(raw.decode())
    for part in ref.split(":"):  # the old signed references were base64 JSON before a colon
        with pytest.raises((UnicodeDecodeError, json.JSONDecodeError, binascii.Error, ValueError)):
            json.loads(decoded(part).decode())


def test_the_same_person_gets_unrelated_references_for_two_roles_and_two_requests(world, client_for, setting):
    person, role, other_role = setting

    refs = [refs_for(client_for, world.employer_a, some_role)[person.pk]
            for some_role in (role, role, other_role, other_role)]

    assert len(set(refs)) == 4
    for first, second in itertools.combinations(map(decoded, refs), 2):
        shared_prefix = next((i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b), len(first))
        assert shared_prefix < 4
        assert sum(a == b for a, b in zip(first, second, strict=True)) < len(first) // 4


def test_a_reference_opens_only_for_its_role_and_organisation(world, setting):
    person, role, other_role = setting
    ref = candidate_reference_issue(seeker_id=person.pk, role_id=role.pk, organisation_id=role.organisation_id)

    assert candidate_reference_open(ref, role_id=role.pk, organisation_ids={role.organisation_id}) == person.pk
    assert candidate_reference_open(ref, role_id=other_role.pk, organisation_ids={role.organisation_id}) is None
    assert candidate_reference_open(ref, role_id=role.pk, organisation_ids={world.organisation_b.pk}) is None
    assert candidate_reference_open(ref, role_id=role.pk, organisation_ids=set()) is None


def test_a_reference_for_one_role_invites_nobody_to_another(world, client_for, setting):
    person, role, other_role = setting
    employer = client_for(world.employer_a)
    ref = refs_for(client_for, world.employer_a, role)[person.pk]

    response = employer.post(APPLICATIONS, {"role": other_role.pk, "candidate": ref}, format="json")

    assert response.status_code == 400 and list(response.json()) == ["candidate"]
    assert not Application.objects.exists()


def test_another_organisation_cannot_use_a_reference_even_for_a_role_it_may_see(world, client_for, setting):
    person, role, _other = setting
    ref = refs_for(client_for, world.employer_a, role)[person.pk]
    role_b = factories.RoleFactory(organisation=world.organisation_b, published=True)
    employer_b = client_for(world.employer_b)

    for target in (role, role_b):
        response = employer_b.post(APPLICATIONS, {"role": target.pk, "candidate": ref}, format="json")
        assert response.status_code == 400
    assert not Application.objects.exists()


def test_an_expired_reference_is_refused(world, client_for, setting, english):
    person, role, _other = setting
    issued_long_ago = time.time() - max_age_seconds() - 60
    ref = candidate_reference_issue(seeker_id=person.pk, role_id=role.pk, organisation_id=role.organisation_id,
                                    now=issued_long_ago)

    response = client_for(world.employer_a).post(APPLICATIONS, {"role": role.pk, "candidate": ref}, format="json")

    assert response.status_code == 400
    assert "expired" in response.json()["candidate"][0]
    assert candidate_reference_open(ref, role_id=role.pk, organisation_ids={role.organisation_id},
                                    now=issued_long_ago + 60) == person.pk


def test_a_changed_reference_is_refused(world, client_for, setting):
    person, role, _other = setting
    ref = refs_for(client_for, world.employer_a, role)[person.pk]
    raw = bytearray(decoded(ref))

    changed = []
    for position in range(len(raw)):
        flipped = bytearray(raw)
        flipped[position] ^= 0x01
        changed.append(base64.urlsafe_b64encode(bytes(flipped)).rstrip(b"=").decode())
    changed += [ref[:-1], ref + "A", ref[::-1], ref.upper(), " " + ref, "é" + ref[1:]]

    for bad in changed:
        assert candidate_reference_open(bad, role_id=role.pk, organisation_ids={role.organisation_id}) is None, bad
    response = client_for(world.employer_a).post(APPLICATIONS, {"role": role.pk, "candidate": changed[5]},
                                                 format="json")
    assert response.status_code == 400 and "candidate" in response.json()


def test_a_reference_survives_a_key_rotation_but_not_a_new_key(world, settings, setting):
    person, role, _other = setting
    ref = candidate_reference_issue(seeker_id=person.pk, role_id=role.pk, organisation_id=role.organisation_id)
    old_key = settings.SECRET_KEY

    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-key-" + "x" * 50, [old_key]
    assert candidate_reference_open(ref, role_id=role.pk, organisation_ids={role.organisation_id}) == person.pk
    settings.SECRET_KEY_FALLBACKS = []
    assert candidate_reference_open(ref, role_id=role.pk, organisation_ids={role.organisation_id}) is None


def test_employers_cannot_invite_by_job_seeker_id_but_caseworkers_can(world, client_for, setting):
    person, role, _other = setting

    by_employer = client_for(world.employer_a).post(APPLICATIONS, {"role": role.pk, "seeker": person.pk},
                                                    format="json")
    by_caseworker = client_for(world.caseworker_a).post(APPLICATIONS, {"role": role.pk, "seeker": person.pk},
                                                        format="json")

    assert by_employer.status_code == 400
    assert list(by_employer.json()) == ["seeker"]
    assert "candidate" in by_employer.json()["seeker"][0]
    assert by_caseworker.status_code == 201


def test_an_employer_never_sees_a_seeker_id_before_the_introduction(world, client_for, setting):
    person, role, _other = setting
    employer = client_for(world.employer_a)
    ref = refs_for(client_for, world.employer_a, role)[person.pk]
    invited = employer.post(APPLICATIONS, {"role": role.pk, "candidate": ref}, format="json")
    application_id = invited.json()["id"]

    payloads = [invited, employer.get(APPLICATIONS), employer.get(f"{APPLICATIONS}{application_id}/"),
                employer.get(f"/api/v1/roles/{role.pk}/candidates/")]
    pages = [signed_in(world.employer_a).get(url) for url in (
        en("employer-applications"), en("employer-application", application_id), en("employer-role", role.pk),
        en("employer-home"))]

    assert invited.status_code == 201 and invited.json()["seeker"] is None
    for response in payloads:
        assert str(SEEKER_ID) not in json.dumps(response.json()), response.request["PATH_INFO"]
    for page in pages:
        assert page.status_code == 200
        assert str(SEEKER_ID) not in page.content.decode()
    assert f"/{application_id}/" in pages[0].content.decode()


# Rate limit ------------------------------------------------------------------------------------------------------


@pytest.fixture
def many_candidates(world, settings):
    settings.INVITATIONS_PER_HOUR = 2
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, places=10)
    people = [factories.JobSeekerFactory(municipality=world.municipality_a) for _ in range(3)]
    return role, people


def test_an_employer_organisation_gets_429_after_its_invitations_for_the_hour(world, client_for, many_candidates,
                                                                               english):
    role, people = many_candidates
    employer = client_for(world.employer_a)
    refs = refs_for(client_for, world.employer_a, role)
    colleague = factories.MembershipFactory(organisation=world.organisation_a).user

    answers = [employer.post(APPLICATIONS, {"role": role.pk, "candidate": refs[person.pk]}, format="json")
               for person in people[:2]]
    refused = client_for(colleague).post(APPLICATIONS, {"role": role.pk, "candidate": refs[people[2].pk]},
                                         format="json")

    assert [answer.status_code for answer in answers] == [201, 201]
    assert refused.status_code == 429
    assert "invitations" in refused.json()["detail"]
    assert Application.objects.filter(role=role).count() == 2


def test_the_limit_is_per_organisation(world, client_for, many_candidates, settings):
    role, people = many_candidates
    settings.INVITATIONS_PER_HOUR = 1
    role_b = factories.RoleFactory(organisation=world.organisation_b, published=True)
    first = refs_for(client_for, world.employer_a, role)[people[0].pk]
    assert client_for(world.employer_a).post(APPLICATIONS, {"role": role.pk, "candidate": first},
                                             format="json").status_code == 201

    second = refs_for(client_for, world.employer_b, role_b)[people[1].pk]
    response = client_for(world.employer_b).post(APPLICATIONS, {"role": role_b.pk, "candidate": second},
                                                 format="json")

    assert response.status_code == 201


def test_the_portal_says_so_when_the_invitations_for_the_hour_are_used(world, client_for, many_candidates):
    role, people = many_candidates
    refs = refs_for(client_for, world.employer_a, role)
    browser = signed_in(world.employer_a)

    answers = [post(browser, en("employer-role-invite", role.pk), {"candidate": refs[person.pk]})
               for person in people]

    assert [answer.status_code for answer in answers] == [302, 302, 429]
    assert messages_of(answers[2])[-1] == (
        "Your organisation has sent as many invitations as allowed for now. Try again in an hour.")
    assert Application.objects.filter(role=role).count() == 2
