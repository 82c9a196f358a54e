"""Protected attributes cannot reach the engine: no field holds them, and they change no score."""

import dataclasses

import pytest

from marketplace.matching import RoleProfile, SeekerProfile, SeekerSet, feasible_pairs, top_seekers_for_role

from . import SKILL_INDEX, build, north, role, seeker

PROTECTED = {
    "nationality": "Syrisch",
    "origin": "Aleppo",
    "country_of_birth": "SY",
    "ethnicity": "x",
    "gender": "v",
    "sex": "f",
    "age": 58,
    "date_of_birth": "1967-01-01",
    "religion": "islam",
    "disability": "yes",
}


def profile_dict(**changes):
    data = {f.name: getattr(seeker(**changes), f.name) for f in dataclasses.fields(SeekerProfile)}
    return data


def test_no_profile_or_set_has_a_field_for_a_protected_attribute():
    names = {f.name for f in dataclasses.fields(SeekerProfile)}
    names |= {f.name for f in dataclasses.fields(RoleProfile)}
    names |= {f.name for f in dataclasses.fields(SeekerSet)}
    words = {word for name in names for word in name.split("_")}
    protected_words = {"nationality", "origin", "gender", "sex", "age", "birth", "religion", "ethnicity"}
    assert not words & protected_words


def test_protected_keys_in_a_profile_dict_are_dropped():
    with_protected = SeekerProfile.from_mapping(profile_dict() | PROTECTED)
    assert with_protected == SeekerProfile.from_mapping(profile_dict())
    for key in PROTECTED:
        assert not hasattr(with_protected, key)


def test_a_profile_cannot_be_built_with_a_protected_keyword():
    with pytest.raises(TypeError):
        SeekerProfile(id=1, nationality="NL")  # type: ignore[call-arg]


def test_protected_attributes_change_no_score_or_ranking():
    plain = [SeekerProfile.from_mapping(profile_dict(id=i, lat=north(0.3 * i))) for i in range(1, 9)]
    variants = [
        SeekerProfile.from_mapping(profile_dict(id=i, lat=north(0.3 * i)) | PROTECTED | {"age": 20 + 5 * i})
        for i in range(1, 9)
    ]
    roles = [role(id=10), role(id=11, lat=north(2.0))]
    for seekers in (plain, variants):
        seeker_set, role_set = build(seekers, roles)
        ranking = [(m.seeker_id, m.score) for m in top_seekers_for_role(seeker_set, role_set, 10, k=8)]
        pairs = feasible_pairs(seeker_set, role_set)
        if seekers is plain:
            expected_ranking, expected_scores = ranking, pairs.score.tolist()
    assert ranking == expected_ranking
    assert pairs.score.tolist() == expected_scores


def test_role_dict_with_unknown_keys_is_accepted_without_them():
    data = {f.name: getattr(role(), f.name) for f in dataclasses.fields(RoleProfile)} | {
        "employer_religion": "x"
    }
    assert RoleProfile.from_mapping(data) == role()
    assert SKILL_INDEX.n_skills == 5
