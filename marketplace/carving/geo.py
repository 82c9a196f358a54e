"""Distances and travel times between task sites."""

import math

EARTH_RADIUS_KM = 6371.0


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two ``(latitude, longitude)`` points."""
    lat1, lon1 = math.radians(a[0]), math.radians(a[1])
    lat2, lon2 = math.radians(b[0]), math.radians(b[1])
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


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
    return haversine_km(a, b)
