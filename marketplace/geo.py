"""Distances on the map, and how coarse each audience gets to see them.

The one home of the haversine distance, the distance bands and the two coarsenings:

* **Employers** never learn where a job seeker lives. Everything they receive about distance
  (the band on a card, whether someone shows up for a role at all, the score and the order) is
  computed from the centre of the square of a fixed grid that holds the home, not from the home
  itself. The squares are as wide as the narrowest band (``AREA_CELL_KM``), so however many roles,
  requests and orderings an employer combines, they can at best learn which square someone lives
  in: moving a home anywhere inside its square changes nothing they can see.
* **The public** sees work done at a resident's address (a buurtdienst) at a point rounded to
  two decimals of a degree (``public_point``, about 1.1 by 0.7 km here), and distances to it in
  whole kilometres from that point, so that distances from many points cannot pin the door.

Job seekers and their caseworkers see exact distances. Pure Python and NumPy: the matching
engine may import this module, so it must never import Django.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE_LATITUDE = EARTH_RADIUS_KM * math.pi / 180  # along a meridian, about 111.2 km


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# --- distance bands ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DistanceBand:
    """Distances from ``lower_km`` (inclusive) to ``upper_km`` (exclusive; None: no upper limit)."""

    lower_km: float
    upper_km: float | None

    @property
    def label(self) -> str:
        if self.upper_km is None:
            return f"{self.lower_km:g}+ km"
        return f"{self.lower_km:g}–{self.upper_km:g} km"

    def holds(self, km: float) -> bool:
        return self.lower_km <= km and (self.upper_km is None or km < self.upper_km)


#: The upper limits of the bands: 0–5, 5–10, 10–20 and 20+ km.
DISTANCE_BAND_LIMITS_KM = (5.0, 10.0, 20.0)
DISTANCE_BANDS = tuple(
    DistanceBand(lower, upper)
    for lower, upper in zip((0.0, *DISTANCE_BAND_LIMITS_KM), (*DISTANCE_BAND_LIMITS_KM, None), strict=True)
)
NARROWEST_BAND_KM = min(band.upper_km - band.lower_km for band in DISTANCE_BANDS if band.upper_km is not None)


def band_of(km: float | None) -> DistanceBand | None:
    if km is None or math.isnan(km):
        return None
    return next(band for band in DISTANCE_BANDS if band.holds(max(km, 0.0)))


def distance_band(km: float | None) -> str | None:
    """A distance as its band label ("0–5 km", ..., "20+ km"), or None when it is unknown."""
    band = band_of(km)
    return None if band is None else band.label


# --- what an employer may know of a home ------------------------------------------------------------

#: Side of the squares a home is rounded to before anything about it reaches an employer. As wide
#: as the narrowest band: a combination of bands cannot say more than which square someone lives in.
AREA_CELL_KM = NARROWEST_BAND_KM
_CELL_DEGREES_LATITUDE = AREA_CELL_KM / KM_PER_DEGREE_LATITUDE


def area_centres(lat, lon) -> tuple[np.ndarray, np.ndarray]:
    """The centres of the grid squares holding the points (arrays in degrees); NaN stays NaN.

    Rows are ``AREA_CELL_KM`` high; each row is cut into squares ``AREA_CELL_KM`` wide at the
    row's middle latitude. The grid is fixed, so the same home always falls in the same square.
    """
    lat, lon = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
    row = np.floor(lat / _CELL_DEGREES_LATITUDE)
    centre_lat = (row + 0.5) * _CELL_DEGREES_LATITUDE
    cos_lat = np.maximum(np.cos(np.radians(centre_lat)), 1e-6)  # the poles: one square per row
    cell_lon = AREA_CELL_KM / (KM_PER_DEGREE_LATITUDE * cos_lat)
    centre_lon = (np.floor(lon / cell_lon) + 0.5) * cell_lon
    return centre_lat, centre_lon


def area_centre(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    """The centre of the grid square that holds one point, or None when the point is unknown."""
    if lat is None or lon is None:
        return None
    centre_lat, centre_lon = area_centres(lat, lon)
    return float(centre_lat), float(centre_lon)


def employer_distance_km(home_lat, home_lon, work_lat, work_lon) -> float | None:
    """The distance an employer's view is computed from: from the centre of the home's square to the work."""
    centre = area_centre(home_lat, home_lon)
    if centre is None or work_lat is None or work_lon is None:
        return None
    return haversine_km(*centre, work_lat, work_lon)


def employer_distance_band(home_lat, home_lon, work_lat, work_lon) -> str | None:
    """The only distance an employer gets: the band of ``employer_distance_km``."""
    return distance_band(employer_distance_km(home_lat, home_lon, work_lat, work_lon))


# --- what the public may know of a resident's address -----------------------------------------------

PUBLIC_COORDINATE_DECIMALS = 2
_PUBLIC_SCALE = 10**PUBLIC_COORDINATE_DECIMALS


def public_coordinate(degrees: float) -> float:
    """A coordinate rounded to two decimals, half up (the database repeats this as floor(x * 100 + 0.5) / 100)."""
    return math.floor(degrees * _PUBLIC_SCALE + 0.5) / _PUBLIC_SCALE


def public_point(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    """Where the public sees work done at a resident's address."""
    if lat is None or lon is None:
        return None
    return public_coordinate(lat), public_coordinate(lon)


def public_distance_km(km: float | None) -> float | None:
    """A distance to a resident's address as the public sees it: whole kilometres (measured from ``public_point``)."""
    return None if km is None else float(round(km))
