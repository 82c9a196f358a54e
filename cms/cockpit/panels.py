"""The caseworker's own cockpit on the admin home: worklist, caseload, applications and instruments.

Registered with ``construct_homepage_panels``. Each panel counts only what it shows, for the
caseworker's own caseload, in a fixed number of queries; a team leader's view of the municipality or
of another caseworker is on the cockpit page (``cockpit_url``) the panels link to. Users without a
caseworker get no panels, except a superuser, who is told why there is nothing here.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from cms.cockpit import figures
from marketplace.access import actor_for
from marketplace.selectors.cockpit import (
    CockpitScope,
    application_funnel,
    instrument_overview,
    people_by_category,
    people_by_rung_with_plans,
)
from marketplace.selectors.signals import worklist_for

WORKLIST_SIZE = 10
COCKPIT_URL_NAME = "cms_cockpit"


def cockpit_url() -> str:
    return reverse(COCKPIT_URL_NAME)


def worklist_rows(worklist) -> list[dict]:
    """The worklist as a table shows it: the person, a link to their plan, their category and signals."""
    return [{
        "name": signal.seeker.full_name,
        "url": reverse("caseload:plan", args=[signal.seeker.pk]),
        "category": signal.category.name if signal.category is not None else "",
        "caseworker": str(signal.seeker.caseworker) if signal.seeker.caseworker_id else "",
        "signals": [(item.label, item.days_overdue) for item in signal.items],
    } for signal in worklist]


class CockpitPanel(Component):
    """A home panel about the caseworker's own caseload."""

    order = 10
    prefix = "home"

    class Media:
        css = {"all": ("cms/cockpit.css",)}

    def __init__(self, caseworker):
        self.caseworker = caseworker
        self.scope = CockpitScope(municipality_id=caseworker.municipality_id, caseworker=caseworker)

    def get_context_data(self, parent_context):
        return {"request": parent_context["request"], "cockpit_url": cockpit_url(),
                "is_team_leader": self.caseworker.is_team_leader, **self.figures()}

    def figures(self) -> dict:
        return {}


class WorklistPanel(CockpitPanel):
    name = "cockpit_worklist"
    template_name = "cms/cockpit/home_worklist.html"
    order = 10

    def figures(self):
        return {"rows": worklist_rows(worklist_for(self.caseworker, limit=WORKLIST_SIZE))}


class CaseloadPanel(CockpitPanel):
    name = "cockpit_caseload"
    template_name = "cms/cockpit/home_caseload.html"
    order = 11

    def figures(self):
        by_rung, plans = people_by_rung_with_plans(self.scope)
        return {"people": figures.number(plans.people),
                "charts": [figures.rung_chart(by_rung, self.prefix),
                           figures.category_chart(people_by_category(self.scope), self.prefix)],
                "plans_table": figures.plans_table(plans, self.prefix)}


class FunnelPanel(CockpitPanel):
    name = "cockpit_funnel"
    template_name = "cms/cockpit/home_funnel.html"
    order = 12

    def figures(self):
        funnel = application_funnel(self.scope)
        return {"funnel": funnel, "chart": figures.application_funnel_chart(funnel, self.prefix)}


class InstrumentsPanel(CockpitPanel):
    name = "cockpit_instruments"
    template_name = "cms/cockpit/home_instruments.html"
    order = 13

    def figures(self):
        overview = instrument_overview(self.scope)
        return {"overview": overview,
                "chart": figures.instruments_chart(overview, self.prefix) if overview.in_use else None,
                "results_table": figures.results_table(overview, self.prefix) if overview.results else None}


class NoCaseworkerNote(Component):
    """For a superuser: the cockpit counts a caseworker's caseload, and this account has none."""

    name = "cockpit_no_caseworker"
    template_name = "cms/cockpit/home_no_caseworker.html"
    order = 10


def add_cockpit_panels(request, panels: list) -> None:
    """The ``construct_homepage_panels`` hook: the cockpit panels for a caseworker, a note for a superuser."""
    caseworker = actor_for(request.user).caseworker
    if caseworker is not None:
        panels.extend(panel(caseworker) for panel in (WorklistPanel, CaseloadPanel, FunnelPanel, InstrumentsPanel))
    elif request.user.is_superuser:
        panels.append(NoCaseworkerNote())
