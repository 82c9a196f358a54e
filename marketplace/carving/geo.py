"""Travel between task sites; distances come from ``marketplace.geo``."""

import math

from marketplace.geo import haversine_km


def travel_minutes(distance_km: float, speed_kmh: float) -> float:
    return distance_km / speed_kmh * 60


def location_distance_km(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float:
    """Distance between two task locations; ``None`` is "the job's own site", unknown on the map.

    Two unknown sites are the same site; an unknown and a known site are treated as far apart,
    so tasks are only combined when it is certain they are close.
    """
    if a is None and b is None:
        return 0.0
    if a is None or b is None:
        return math.inf
    return haversine_km(*a, *b)
