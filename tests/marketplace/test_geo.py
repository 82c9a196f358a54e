"""The one distance module: the haversine distance, the bands, and the coarsening for employers and the public."""

import math

import numpy as np
import pytest

from marketplace import geo

KM_NORTH = 1 / geo.KM_PER_DEGREE_LATITUDE


def test_the_haversine_distance_is_exact_along_a_meridian_and_symmetric():
    assert geo.haversine_km(52.0, 5.0, 52.0 + 7 * KM_NORTH, 5.0) == pytest.approx(7.0, abs=1e-9)
    assert geo.haversine_km(52.3791, 4.9003, 52.0894, 5.1101) == pytest.approx(
        geo.haversine_km(52.0894, 5.1101, 52.3791, 4.9003))
    assert geo.haversine_km(52.0, 5.0, 52.0, 5.0) == 0.0


@pytest.mark.parametrize(("km", "band"), [
    (0.0, "0–5 km"), (4.99, "0–5 km"), (5.0, "5–10 km"), (9.99, "5–10 km"), (10.0, "10–20 km"),
    (19.99, "10–20 km"), (20.0, "20+ km"), (250.0, "20+ km"), (None, None), (math.nan, None),
])
def test_each_distance_falls_in_exactly_one_band(km, band):
    assert geo.distance_band(km) == band


def test_the_bands_cover_every_distance_without_gaps():
    bands = geo.DISTANCE_BANDS
    assert bands[0].lower_km == 0 and bands[-1].upper_km is None
    assert all(a.upper_km == b.lower_km for a, b in zip(bands, bands[1:], strict=False))
    assert geo.NARROWEST_BAND_KM == 5.0 == geo.AREA_CELL_KM


def test_a_home_moves_to_the_centre_of_its_square_and_no_further_than_half_a_square_diagonal():
    rng = np.random.default_rng(7)
    lat, lon = rng.uniform(50.7, 53.6, 2000), rng.uniform(3.3, 7.2, 2000)

    centre_lat, centre_lon = geo.area_centres(lat, lon)

    moved = [geo.haversine_km(*pair) for pair in zip(lat, lon, centre_lat, centre_lon, strict=True)]
    assert max(moved) <= geo.AREA_CELL_KM / math.sqrt(2) * 1.01
    again = geo.area_centres(centre_lat, centre_lon)
    assert np.allclose(again[0], centre_lat) and np.allclose(again[1], centre_lon)


def test_homes_in_the_same_square_look_the_same_to_an_employer_and_unknown_homes_stay_unknown():
    centre = geo.area_centre(52.37, 4.89)
    nearby = geo.area_centre(centre[0] + 2 * KM_NORTH, centre[1] - 0.02)
    work = (52.40, 4.95)

    assert nearby == pytest.approx(centre)
    assert geo.employer_distance_km(centre[0] + 2 * KM_NORTH, centre[1] - 0.02, *work) == pytest.approx(
        geo.employer_distance_km(*centre, *work))
    assert geo.area_centre(None, 4.89) is None
    assert geo.employer_distance_band(None, None, *work) is None
    assert np.isnan(geo.area_centres([np.nan], [4.89])[0][0])


def test_the_public_sees_a_residents_address_rounded_to_two_decimals_and_whole_kilometres():
    assert geo.public_point(52.371234, 4.894321) == (52.37, 4.89)
    assert geo.public_point(52.375, 4.885) == (52.38, 4.89)  # half up, as the database rounds
    assert geo.public_point(None, 4.89) is None
    assert geo.public_distance_km(1.4) == 1.0 and geo.public_distance_km(1.6) == 2.0
    assert geo.public_distance_km(None) is None
