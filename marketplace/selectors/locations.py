"""Places on the map: postcode areas stand in for exact addresses."""

from marketplace.models import PostcodeArea


def postcode_area_centre(postcode: str) -> tuple[float, float] | None:
    """The centre of the four-digit area of a (normalised or raw) postcode, or None when unknown."""
    digits = (postcode or "").strip()[:4]
    if len(digits) != 4 or not digits.isdigit():
        return None
    area = PostcodeArea.objects.filter(digits=digits).only("latitude", "longitude").first()
    return (area.latitude, area.longitude) if area else None
