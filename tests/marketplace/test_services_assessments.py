"""Life-domains assessments and the draagkracht picture: recorded with date and recorder, never overwritten.

The scores on debts, housing, family relations and health reach staff only through a read with a
purpose, logged like the draaglast; the job seeker reads all of their own.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import Assessment, DraagkrachtPicture, SensitiveAccessLog
from marketplace.models.assessments import OPEN_DOMAINS, SENSITIVE_DOMAINS
from marketplace.selectors.assessments import (
    assessments_for_self,
    assessments_for_staff,
    assessments_read_for_staff,
    draagkracht_for_staff,
)
from marketplace.services.assessments import assessment_record, draagkracht_record
from tests import factories

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def caseworker(world):
    return actor_for(world.caseworker_a)


def record(caseworker, seeker, when=0, **scores):
    return assessment_record(actor=caseworker, seeker=seeker, date=days(when), scores=scores)


def test_an_assessment_keeps_the_scores_the_date_and_who_recorded_it(world, caseworker):
    assessment = record(caseworker, world.seeker, -7, income=2, debts=1, language=4)

    assert assessment.date == days(-7)
    assert assessment.recorded_by == world.caseworker_a
    assert (assessment.income, assessment.debts, assessment.language, assessment.housing) == (2, 1, 4, None)


@pytest.mark.parametrize("score", [0, 6, -1, "3", 2.5, True])
def test_a_score_outside_one_to_five_is_refused_naming_the_domain_and_nothing_is_written(world, caseworker, score):
    with pytest.raises(ValidationError) as excinfo:
        record(caseworker, world.seeker, income=3, debts=score)

    assert list(excinfo.value.message_dict) == ["debts"]
    assert not Assessment.objects.exists()


def test_an_unknown_domain_is_refused_by_its_name(world, caseworker):
    with pytest.raises(ValidationError) as excinfo:
        record(caseworker, world.seeker, income=3, gambling=2)

    assert "gambling" in excinfo.value.message_dict
    assert not Assessment.objects.exists()


def test_an_assessment_scores_at_least_one_domain(world, caseworker):
    with pytest.raises(ValidationError) as excinfo:
        record(caseworker, world.seeker, income=None)

    assert "scores" in excinfo.value.message_dict


@pytest.mark.parametrize("when, field", [(1, "date"), (-365 * 40, "date")])
def test_an_assessment_is_dated_today_or_earlier_and_not_before_2000(world, caseworker, when, field):
    with pytest.raises(ValidationError) as excinfo:
        record(caseworker, world.seeker, when, income=3)

    assert field in excinfo.value.message_dict
    assert not Assessment.objects.exists()


def test_a_caseworker_of_another_municipality_cannot_record_an_assessment_or_a_picture(world):
    other = actor_for(world.caseworker_b)

    with pytest.raises(ValidationError) as assessed:
        record(other, world.seeker, income=3)
    with pytest.raises(ValidationError) as pictured:
        draagkracht_record(actor=other, seeker=world.seeker, data={"motivation": 3})

    assert "seeker" in assessed.value.message_dict
    assert "seeker" in pictured.value.message_dict
    assert not Assessment.objects.exists()
    assert not DraagkrachtPicture.objects.exists()


@pytest.mark.parametrize("persona", ["employer_a", "seeker_user"])
def test_only_caseworkers_record(world, persona):
    actor = actor_for(getattr(world, persona))

    with pytest.raises(NotAllowed):
        record(actor, world.seeker, income=3)
    with pytest.raises(NotAllowed):
        draagkracht_record(actor=actor, seeker=world.seeker, data={"motivation": 3})


def test_an_assessment_cannot_be_changed_afterwards(world, caseworker):
    assessment = record(caseworker, world.seeker, income=3)
    assessment.income = 5

    with pytest.raises(ValueError):
        assessment.save()


def test_progress_shows_each_score_against_the_previous_assessment_of_that_domain(world, caseworker):
    record(caseworker, world.seeker, -180, income=2, language=3)
    record(caseworker, world.seeker, -90, income=3)
    record(caseworker, world.seeker, 0, income=3, language=4)

    progress = assessments_for_self(actor=actor_for(world.seeker_user))

    assert [row.date for row in progress.rows] == [days(-180), days(-90), days(0)]
    assert [(cell.score, cell.change) for cell in (row.cells["income"] for row in progress.rows)] == [
        (2, None), (3, 1), (3, 0)]
    # The language was not assessed in between: the change is against the last time it was.
    assert [(cell.score, cell.change) for cell in (row.cells["language"] for row in progress.rows)] == [
        (3, None), (None, None), (4, 1)]


def test_staff_see_the_open_domains_without_a_log_entry(world, caseworker):
    record(caseworker, world.seeker, income=2, debts=1, mental_health=2)

    progress = assessments_for_staff(actor=caseworker, seeker=world.seeker)

    assert progress.domains == OPEN_DOMAINS
    assert progress.hidden == SENSITIVE_DOMAINS
    assert set(progress.rows[0].cells) == set(OPEN_DOMAINS)
    assert not SensitiveAccessLog.objects.exists()


def test_staff_read_the_sensitive_scores_only_with_a_purpose_and_every_read_is_logged(world, caseworker):
    record(caseworker, world.seeker, income=2, debts=1, mental_health=2)

    progress = assessments_read_for_staff(actor=caseworker, seeker=world.seeker, purpose="Voorbereiding gesprek")

    assert progress.rows[0].cells["debts"].score == 1
    entry = SensitiveAccessLog.objects.get()
    assert (entry.actor, entry.seeker, entry.purpose) == (world.caseworker_a, world.seeker, "Voorbereiding gesprek")
    assert set(entry.fields.split(",")) == {f"assessment.{domain}" for domain in SENSITIVE_DOMAINS}
    assert progress.entry == entry


@pytest.mark.parametrize("purpose", ["", "   ", "x", None])
def test_a_read_without_a_real_purpose_reads_and_logs_nothing(world, caseworker, purpose):
    with pytest.raises(ValidationError) as excinfo:
        assessments_read_for_staff(actor=caseworker, seeker=world.seeker, purpose=purpose)

    assert "purpose" in excinfo.value.message_dict
    assert not SensitiveAccessLog.objects.exists()


def test_nobody_else_reads_the_scores(world):
    superuser = factories.UserFactory(is_superuser=True, is_staff=True)

    with pytest.raises(NotYourMunicipality):
        assessments_read_for_staff(actor=actor_for(world.caseworker_b), seeker=world.seeker, purpose="Nieuwsgierig")
    with pytest.raises(NotYourMunicipality):
        assessments_for_staff(actor=actor_for(world.caseworker_b), seeker=world.seeker)
    for user in (superuser, world.employer_a, world.seeker_user):
        with pytest.raises(NotAllowed):
            assessments_read_for_staff(actor=actor_for(user), seeker=world.seeker, purpose="Controle van de data")
    for user in (world.employer_a, world.seeker_user):
        with pytest.raises(NotAllowed):
            assessments_for_staff(actor=actor_for(user), seeker=world.seeker)
    assert not SensitiveAccessLog.objects.exists()


def test_every_save_of_the_draagkracht_picture_is_a_new_version_with_who_and_when(world, caseworker):
    first, created = draagkracht_record(actor=caseworker, seeker=world.seeker,
                                        data={"motivation": 3, "work_experience": "Kok"})
    second, created_again = draagkracht_record(actor=caseworker, seeker=world.seeker, data={"motivation": 4})

    assert created and created_again
    assert (first.version, second.version) == (1, 2)
    assert second.work_experience == "Kok"  # fields left out keep what the version before said
    assert second.recorded_by == world.caseworker_a
    overview = draagkracht_for_staff(actor=caseworker, seeker=world.seeker)
    assert [picture.version for picture in overview.versions] == [2, 1]
    assert overview.current == second
    assert DraagkrachtPicture.objects.get(pk=first.pk).motivation == 3


def test_saving_the_same_picture_again_writes_no_version(world, caseworker):
    draagkracht_record(actor=caseworker, seeker=world.seeker, data={"motivation": 3, "network": "Buren"})

    picture, created = draagkracht_record(actor=caseworker, seeker=world.seeker, data={"network": "Buren"})

    assert not created
    assert picture.version == 1
    assert DraagkrachtPicture.objects.count() == 1


@pytest.mark.parametrize("data, field", [
    ({"work_experience": "Kok"}, "motivation"),
    ({"motivation": 0}, "motivation"),
    ({"motivation": 6}, "motivation"),
    ({"motivation": True}, "motivation"),
    ({"motivation": 3, "wishes": "x" * 2001}, "wishes"),
    ({"motivation": 3, "draaglast": "schulden"}, "draaglast"),
])
def test_a_picture_needs_a_motivation_from_one_to_five_and_takes_only_its_own_fields(world, caseworker, data, field):
    with pytest.raises(ValidationError) as excinfo:
        draagkracht_record(actor=caseworker, seeker=world.seeker, data=data)

    assert field in excinfo.value.message_dict
    assert not DraagkrachtPicture.objects.exists()


def test_the_competences_of_the_picture_are_the_skills_on_the_profile(world, caseworker):
    skill = factories.SkillFactory(name_nl="Koken", name_en="Cooking")
    factories.SeekerSkillFactory(seeker=world.seeker, skill=skill, level=3)

    overview = draagkracht_for_staff(actor=caseworker, seeker=world.seeker)

    assert [(held.skill.name_nl, held.level) for held in overview.skills] == [("Koken", 3)]
    assert overview.current is None
