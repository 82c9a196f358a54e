import pytest
from django.core.exceptions import ValidationError

from marketplace.validators import normalise_postcode, validate_cbs_code, validate_kvk_number


@pytest.mark.parametrize("raw", ["1234ab", "1234 AB", " 1234  ab ", "9999ZZ"])
def test_dutch_postcodes_are_normalised_to_digits_space_capitals(raw):
    assert normalise_postcode(raw) == f"{raw.strip()[:4]} {raw.strip()[-2:].upper()}"


@pytest.mark.parametrize("raw", ["0123 AB", "1234 SS", "1234 SA", "1234 SD", "12345", "ABCD 12", "", "1234 A"])
def test_invalid_postcodes_are_rejected(raw):
    with pytest.raises(ValidationError):
        normalise_postcode(raw)


@pytest.mark.parametrize("raw, valid", [("GM0363", True), ("GM9901", True), ("gm0363", False), ("GM363", False),
                                        ("0363", False)])
def test_cbs_codes_need_gm_and_four_digits(raw, valid):
    if valid:
        validate_cbs_code(raw)
    else:
        with pytest.raises(ValidationError):
            validate_cbs_code(raw)


@pytest.mark.parametrize("raw, valid", [("12345678", True), ("1234567", False), ("123456789", False),
                                        ("1234567a", False)])
def test_kvk_numbers_have_exactly_eight_digits(raw, valid):
    if valid:
        validate_kvk_number(raw)
    else:
        with pytest.raises(ValidationError):
            validate_kvk_number(raw)


def test_the_persona_world_builds(world):
    assert world.seeker.municipality == world.municipality_a
    assert world.seeker.burden.debts == "SENTINEL-SCHULD"
