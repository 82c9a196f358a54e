"""Job analyses for the carving tests, built through the services as a user would build them."""

from datetime import time
from decimal import Decimal

from marketplace.access import actor_for
from marketplace.constants import WORKWEEK, Physical
from marketplace.services.job_analyses import job_analysis_create, task_create

HOSPITAL_TASKS = (
    # name, hours, window, complexity, physical demands
    ("Bedden opmaken", "6", ("07:00", "09:00"), 1, Physical.LONG_STANDING),
    ("Maaltijden rondbrengen", "5", ("11:30", "12:30"), 1, Physical.WALKING),
    ("Voorraad aanvullen", "4", ("14:00", "15:00"), 2, Physical.HEAVY_LIFTING),
    ("Verpleegkundige zorg", "21", ("07:00", "15:30"), 3, 0),
)
SUPERMARKET_TASKS = (
    ("Schappen spiegelen", "8", ("06:00", "08:00"), 1, Physical.LONG_STANDING),
    ("Winkelwagens verzamelen", "6", ("16:00", "18:00"), 1, Physical.OUTDOOR),
    ("Kassa afsluiten", "5", ("20:00", "21:00"), 3, 0),
)


def at(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def task_data(name="Bedden opmaken", hours="6", window=("07:00", "09:00"), complexity=1, physical=0, **changes):
    data = {"name": name, "hours_per_week": Decimal(hours), "complexity": complexity, "weekdays": WORKWEEK,
            "window_start": at(window[0]), "window_end": at(window[1]), "physical_demands": int(physical),
            "language_level": 1, "learnable_on_the_job": True}
    data.update(changes)
    return data


def job_data(**changes):
    data = {"title": "Verpleegkundige", "staff_count": 10, "hours_per_week": Decimal("36"),
            "hourly_cost": Decimal("38.50")}
    data.update(changes)
    return data


def build_analysis(user, organisation, tasks=HOSPITAL_TASKS, **job_changes):
    actor = actor_for(user)
    analysis = job_analysis_create(actor=actor, organisation=organisation, data=job_data(**job_changes))
    for name, hours, window, complexity, physical in tasks:
        task_create(actor=actor, analysis=analysis, data=task_data(name, hours, window, complexity, physical))
    return analysis


def hospital_analysis(user, organisation):
    return build_analysis(user, organisation)


def supermarket_analysis(user, organisation):
    """The supermarket lies about 1 km from the hospital, a few minutes by bike."""
    organisation.latitude, organisation.longitude = 52.379, 4.89
    organisation.save(update_fields=["latitude", "longitude"])
    return build_analysis(user, organisation, SUPERMARKET_TASKS, title="Medewerker supermarkt", staff_count=6,
                          hours_per_week=Decimal("32"), hourly_cost=Decimal("24.00"))


def ensure_wagtail_site():
    """The shared page layout reads the site's settings, so the portal's pages need a Wagtail site."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    if not Site.objects.exists():
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)
