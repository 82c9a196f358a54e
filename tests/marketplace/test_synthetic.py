"""``generate_synthetic``: large, realistic, valid data sets of an exact size for benchmarks."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from marketplace.choices import RoleKind
from marketplace.demo import generate_synthetic, load_demo
from marketplace.demo.content import HAVENSTAD, VEENWIJK
from marketplace.models import (
    JobSeeker,
    LadderStep,
    Municipality,
    Organisation,
    Role,
    RoleSkill,
    SeekerBurden,
    SeekerSkill,
)


def synthetic_kvk_numbers():
    """Synthetic organisations have KvK numbers starting with 7 or 8; the demo's start with 99."""
    return Organisation.objects.filter(kvk_number__regex=r"^[78]").values("kvk_number")


@pytest.fixture
def havenstad(db):
    load_demo()
    return Municipality.objects.get(cbs_code=HAVENSTAD)


def test_generator_adds_exactly_the_requested_seekers_and_roles(havenstad):
    seekers_before = JobSeeker.objects.filter(municipality=havenstad).count()
    roles_before = Role.objects.filter(municipality=havenstad).count()

    summary = generate_synthetic(municipality=havenstad, seekers=300, roles=120, seed=3)

    assert (summary.seekers, summary.roles) == (300, 120)
    assert JobSeeker.objects.filter(municipality=havenstad).count() == seekers_before + 300
    assert Role.objects.filter(municipality=havenstad).count() == roles_before + 120
    assert not JobSeeker.objects.exclude(municipality=havenstad).filter(email__contains="synthetisch").exists()


def test_synthetic_rows_satisfy_the_model_constraints(havenstad):
    generate_synthetic(municipality=havenstad, seekers=200, roles=100, seed=5)

    synthetic_seekers = JobSeeker.objects.filter(email__endswith="@synthetisch.werkplaats.example")
    synthetic_roles = Role.objects.filter(organisation__kvk_number__in=synthetic_kvk_numbers())
    assert synthetic_seekers.count() == 200 and synthetic_roles.count() == 100
    for model, rows in (
        (JobSeeker, synthetic_seekers[:60]),
        (Role, synthetic_roles[:60]),
        (SeekerSkill, SeekerSkill.objects.filter(seeker__in=synthetic_seekers)[:60]),
        (RoleSkill, RoleSkill.objects.filter(role__in=synthetic_roles)[:60]),
        (LadderStep, LadderStep.objects.filter(seeker__in=synthetic_seekers)[:60]),
        (Organisation, Organisation.objects.filter(roles__in=synthetic_roles).distinct()),
    ):
        assert rows, model
        for row in rows:
            row.full_clean()


def test_synthetic_seekers_and_roles_have_what_matching_needs(havenstad):
    generate_synthetic(municipality=havenstad, seekers=200, roles=150, seed=8)

    seekers = JobSeeker.objects.filter(email__endswith="@synthetisch.werkplaats.example")
    assert not seekers.filter(latitude__isnull=True).exists()
    assert not seekers.filter(skill_levels__isnull=True).exists()
    assert SeekerBurden.objects.filter(seeker__in=seekers).count() == 200
    assert seekers.filter(caseworker__isnull=False).count() == 200
    roles = Role.objects.filter(organisation__kvk_number__in=synthetic_kvk_numbers())
    assert set(roles.values_list("kind", flat=True)) == set(RoleKind.values)
    assert roles.published().count() > 0.7 * 150


def test_the_same_seed_gives_the_same_people(havenstad):
    def generated():
        return list(JobSeeker.objects.filter(email__endswith="@synthetisch.werkplaats.example").order_by("id")
                    .values_list("first_name", "last_name", "rung", "hours_max", "language_level", "home_postcode"))

    generate_synthetic(municipality=havenstad, seekers=40, roles=0, seed=11)
    first = generated()
    generate_synthetic(municipality=havenstad, seekers=40, roles=0, seed=11)

    assert generated() == first + first


def test_a_second_run_reuses_the_synthetic_organisations(havenstad):
    generate_synthetic(municipality=havenstad, seekers=0, roles=60, seed=1)
    organisations = Organisation.objects.count()

    generate_synthetic(municipality=havenstad, seekers=0, roles=60, seed=2)

    assert Organisation.objects.count() == organisations
    assert Role.objects.filter(organisation__kvk_number__in=synthetic_kvk_numbers()).count() == 120


def test_generator_refuses_a_municipality_without_postcode_areas(havenstad):
    empty = Municipality.objects.create(name="Nergenshuizen", cbs_code="GM9909")

    with pytest.raises(ValueError, match="no postcode areas"):
        generate_synthetic(municipality=empty, seekers=10, roles=10, seed=1)

    assert not JobSeeker.objects.filter(municipality=empty).exists()


def test_command_adds_a_synthetic_set_to_the_chosen_municipality(db):
    load_demo()
    veenwijk = Municipality.objects.get(cbs_code=VEENWIJK)
    seekers_before, roles_before = veenwijk.job_seekers.count(), veenwijk.roles.count()
    out = StringIO()

    call_command("load_demo", seekers=50, roles=20, municipality=VEENWIJK, allow_demo_logins=True, stdout=out)

    assert veenwijk.job_seekers.count() == seekers_before + 50
    assert veenwijk.roles.count() == roles_before + 20
    assert "Added 50 synthetic job seekers and 20 synthetic roles" in out.getvalue()


def test_command_names_an_unknown_municipality(db):
    with pytest.raises(CommandError, match="--municipality"):
        call_command("load_demo", seekers=5, municipality="GM0000", allow_demo_logins=True, stdout=StringIO())
