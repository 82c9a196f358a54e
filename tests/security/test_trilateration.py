"""A curious employer tries to find out where job seekers live, and cannot do better than a band.

The employer posts three roles at three places and collects everything they can reach about the
candidates of each: the cards and their distance bands, the reasons, the scores and the order of
the candidate lists, and the applications (suggestions of a matching round and interest shown by
the seekers themselves). We even hand them a perfect linking of every card to its person, as if
each card were unique. They then estimate every home by trilateration.

With exact distances (what the job seeker and the caseworker see) the same attack finds a home to
within a couple of hundred metres. With what an employer gets, the best estimate is off by about
as much as a random point in a square as wide as the narrowest band, and nothing they receive
changes when a home moves within its square.
"""

import math
import random
import re
import statistics

import pytest

from marketplace import geo
from marketplace.access import actor_for
from marketplace.models import JobSeeker
from marketplace.selectors import matching
from marketplace.services.applications import application_express_interest
from marketplace.services.matching import match_round_run
from tests import factories

pytestmark = pytest.mark.django_db

CENTRE = (52.37, 4.89)
KM_LAT = geo.KM_PER_DEGREE_LATITUDE
KM_LON = geo.KM_PER_DEGREE_LATITUDE * math.cos(math.radians(CENTRE[0]))
SEEKERS = 40
GRID_STEP_KM, GRID_HALF_WIDTH_KM = 0.25, 20.0
# A number of kilometres that is not a band label ("0–5 km", "20+ km"): an exact distance.
EXACT_KM = re.compile(r"(?<![–\-\d,.])(\d+(?:[.,]\d+)?) km")


def point(north_km: float, east_km: float) -> tuple[float, float]:
    return CENTRE[0] + north_km / KM_LAT, CENTRE[1] + east_km / KM_LON


ROLE_PLACES = {"depot": point(0, 0), "kitchen": point(6, 4), "garden": point(-5, 7)}


@pytest.fixture
def town(world):
    """Three published roles of employer A at three places, and 40 job seekers spread over 20 by 20 km."""
    roles = {name: factories.RoleFactory(organisation=world.organisation_a, published=True, places=50, title=name,
                                         latitude=lat, longitude=lon, target_rung=5)
             for name, (lat, lon) in ROLE_PLACES.items()}
    rng = random.Random(20240917)
    homes = {}
    for _index in range(SEEKERS):
        lat, lon = point(rng.uniform(-10, 10), rng.uniform(-10, 10))
        seeker = factories.JobSeekerFactory(municipality=world.municipality_a, latitude=lat, longitude=lon,
                                            max_travel_km=60, rung=4, card_visible=True)
        homes[seeker.pk] = (lat, lon)
    JobSeeker.objects.filter(pk=world.seeker.pk).update(card_visible=False)  # not part of this town
    return roles, homes


def collect_as_employer(world, client_for, roles) -> dict[int, dict[str, list[str]]]:
    """Every text about each person that the employer can reach, per role, linked to the person for free."""
    employer, actor = client_for(world.employer_a), actor_for(world.employer_a)
    seen: dict[int, dict[str, list[str]]] = {}

    def note(seeker_id, role_name, *texts):
        seen.setdefault(seeker_id, {}).setdefault(role_name, []).extend(t for t in texts if t)

    for name, role in roles.items():
        for _request in range(2):
            for candidate in employer.get(f"/api/v1/roles/{role.pk}/candidates/?k=100").json():
                # The perfect linking we grant the attacker: the server tells who is behind the reference.
                person = matching.seeker_for_candidate_ref(actor=actor, role=role,
                                                           candidate_ref=candidate["candidate_ref"])
                note(person.pk, name, candidate["card"]["distance_band"],
                     *(reason["text"] for reason in candidate["reasons"]))
    by_role_id = {role.pk: name for name, role in roles.items()}
    url = "/api/v1/applications/?page_size=100"
    while url:
        page = employer.get(url).json()
        for application in page["results"]:
            person = JobSeeker.objects.get(applications__pk=application["id"]).pk  # the free linking again
            note(person, by_role_id[application["role"]["id"]], application["candidate"]["distance_band"],
                 *(reason["text"] for reason in application["reasons"]))
        url = page["next"]
    return seen


def collect_as_seeker(homes, roles) -> dict[int, dict[str, list[str]]]:
    """What each job seeker reads about the same roles: exact distances (the control of the attack)."""
    names = {role.pk: name for name, role in roles.items()}
    seen = {}
    for seeker in JobSeeker.objects.filter(pk__in=homes):
        for match in matching.roles_for_seeker(seeker=seeker, k=10):
            seen.setdefault(seeker.pk, {})[names[match.role.pk]] = [r["text"] for r in match.reasons]
    return seen


class Attacker:
    """Trilateration over a 0.25 km grid of candidate homes, with the most precise information available:
    exact distances when any were leaked (least squares), otherwise the bands, read the way the
    published algorithm computes them (from the centre of the home's square)."""

    def __init__(self, roles):
        steps = int(2 * GRID_HALF_WIDTH_KM / GRID_STEP_KM) + 1
        offsets = [-GRID_HALF_WIDTH_KM + i * GRID_STEP_KM for i in range(steps)]
        self.points = [point(north, east) for north in offsets for east in offsets]
        self.exact = {name: [geo.haversine_km(*p, role.latitude, role.longitude) for p in self.points]
                      for name, role in roles.items()}
        self.band = {name: [geo.employer_distance_band(*p, role.latitude, role.longitude) for p in self.points]
                     for name, role in roles.items()}

    def estimate(self, observations: dict[str, list[str]]) -> tuple[tuple[float, float], list[tuple[float, float]]]:
        """The best guess of the home and the candidate homes consistent with the observations."""
        figures = {}
        for name, texts in observations.items():
            for text in texts:
                for number in EXACT_KM.findall(text):
                    figures[name] = float(number.replace(",", "."))
        if len(figures) >= 2:
            errors = [sum((self.exact[name][i] - km) ** 2 for name, km in figures.items())
                      for i in range(len(self.points))]
            best = min(range(len(self.points)), key=errors.__getitem__)
            return self.points[best], [self.points[best]]
        bands = {name: next(t for t in texts if t in {b.label for b in geo.DISTANCE_BANDS})
                 for name, texts in observations.items()}
        consistent = [p for i, p in enumerate(self.points)
                      if all(self.band[name][i] == band for name, band in bands.items())]
        return (statistics.fmean(p[0] for p in consistent), statistics.fmean(p[1] for p in consistent)), consistent


def km_between(a, b) -> float:
    return geo.haversine_km(*a, *b)


def extent_km(points) -> tuple[float, float]:
    return ((max(p[0] for p in points) - min(p[0] for p in points)) * KM_LAT,
            (max(p[1] for p in points) - min(p[1] for p in points)) * KM_LON)


def test_an_employer_cannot_locate_a_home_more_precisely_than_a_band(world, client_for, town):
    roles, homes = town
    match_round_run(municipality=world.municipality_a)  # suggestions with stored reasons, shown to the employer
    for index, seeker in enumerate(JobSeeker.objects.filter(pk__in=homes)):
        application_express_interest(seeker=seeker, role=list(roles.values())[index % 3])
    attacker = Attacker(roles)

    exact_errors = [km_between(attacker.estimate(observed)[0], homes[pk])
                    for pk, observed in collect_as_seeker(homes, roles).items()]
    employer_view = collect_as_employer(world, client_for, roles)
    estimates = {pk: attacker.estimate(observed) for pk, observed in employer_view.items()}
    errors = [km_between(guess, homes[pk]) for pk, (guess, _region) in estimates.items()]

    # The attack works: on exact distances it finds every home to within a few hundred metres.
    assert len(exact_errors) == SEEKERS and statistics.median(exact_errors) < 0.25
    # The employer reached every person for every role, and not one exact distance among it all.
    assert set(employer_view) == set(homes) and all(len(seen) == 3 for seen in employer_view.values())
    assert not [text for seen in employer_view.values() for texts in seen.values() for text in texts
                if EXACT_KM.search(text)]
    # Nobody can be narrowed down to less than a square as wide as the narrowest band ...
    smallest = min(min(extent_km(region)) for _guess, region in estimates.values())
    assert smallest >= geo.NARROWEST_BAND_KM - 2 * GRID_STEP_KM
    # ... so the best estimate is off by about what a random point in such a square gives (median 2.0 km).
    assert statistics.median(errors) >= 0.3 * geo.NARROWEST_BAND_KM


def employer_view_of(client, roles, person_pk, actor) -> dict:
    """Everything the employer receives about one person, and about the lists around them, ids and refs left out."""
    view = {}
    for name, role in roles.items():
        candidates = client.get(f"/api/v1/roles/{role.pk}/candidates/?k=100").json()
        entries = sorted((c["score"], repr(c["card"]), repr(c["reasons"])) for c in candidates)
        own = next(c for c in candidates
                   if matching.seeker_for_candidate_ref(actor=actor, role=role,
                                                        candidate_ref=c["candidate_ref"]).pk == person_pk)
        higher = sum(c["score"] > own["score"] for c in candidates)
        view[name] = (entries, own["score"], own["card"], own["reasons"], higher)
    applications = client.get("/api/v1/applications/?page_size=100").json()["results"]
    view["applications"] = sorted(repr({k: v for k, v in a.items() if k not in ("id", "created_at", "updated_at")})
                                  for a in applications)
    return view


def test_moving_a_home_within_its_square_changes_nothing_an_employer_receives(world, client_for, town):
    roles, homes = town
    person = JobSeeker.objects.filter(pk__in=homes).first()
    application_express_interest(seeker=person, role=roles["kitchen"])
    centre = geo.area_centre(*homes[person.pk])
    cell = geo.AREA_CELL_KM / 2 - 0.05
    inside = [(centre[0] + dn / KM_LAT, centre[1] + de / KM_LON) for dn, de in ((cell, cell), (-cell, 0.1),
                                                                               (0.0, -cell), (-cell, -cell))]
    employer, actor = client_for(world.employer_a), actor_for(world.employer_a)

    def view_from(lat, lon):
        JobSeeker.objects.filter(pk=person.pk).update(latitude=lat, longitude=lon)
        return employer_view_of(employer, roles, person.pk, actor)

    before = view_from(*homes[person.pk])
    for lat, lon in inside:
        assert geo.area_centre(lat, lon) == pytest.approx(centre)
        assert view_from(lat, lon) == before, (lat, lon)
    # The comparison can see a move: into the next square, something the employer receives changes.
    assert view_from(centre[0] + geo.AREA_CELL_KM / KM_LAT, centre[1]) != before
