"""The cockpit on the admin home: worklist, caseload, applications and instruments.

Registered with ``construct_homepage_panels``. Each panel counts only what it shows, in a fixed
number of queries: for a caseworker their own caseload, for a team leader (who usually has no
caseload of their own) the whole municipality, the default scope of the cockpit page too, and each
heading says which. One caseworker's caseload is on the cockpit page (``cockpit_url``) the panels
link to. Users without a caseworker get no panels, except a superuser, who is told why.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from cms.cockpit import figures
from marketplace.access import actor_for
from marketplace.choices import SeekerStatus
from marketplace.selectors.cockpit import (
    CockpitScope,
    application_funnel,
    instrument_overview,
    people_by_category,
    people_by_rung_with_plans,
)
from marketplace.selectors.signals import MUNICIPALITY, worklist_for

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
        "signals": [figures.signal_text(item) for item in signal.items],
    } for signal in worklist]


class CockpitPanel(Component):
    """A home panel about the caseworker's own caseload, or for a team leader the whole municipality."""

    order = 10
    prefix = "home"
    headings = (_("My caseload"), _("The whole municipality"))

    class Media:
        css = {"all": ("cms/cockpit.css",)}

    def __init__(self, caseworker):
        self.caseworker = caseworker
        self.is_team_leader = caseworker.is_team_leader
        self.scope = CockpitScope(municipality_id=caseworker.municipality_id,
                                  caseworker=None if self.is_team_leader else caseworker)

    def get_context_data(self, parent_context):
        return {"request": parent_context["request"], "cockpit_url": cockpit_url(),
                "is_team_leader": self.is_team_leader, "heading": self.headings[self.is_team_leader],
                **self.figures()}

    def figures(self) -> dict:
        return {}


class WorklistPanel(CockpitPanel):
    name = "cockpit_worklist"
    template_name = "cms/cockpit/home_worklist.html"
    order = 10
    headings = (_("My worklist"), _("Worklist of the whole municipality"))

    def figures(self):
        of = MUNICIPALITY if self.is_team_leader else None
        active = self.scope.people().filter(status=SeekerStatus.ACTIVE).count()
        return {"rows": worklist_rows(worklist_for(self.caseworker, limit=WORKLIST_SIZE, of=of)),
                "show_caseworker": self.is_team_leader, "signals_note": figures.signals_note(active)}


class CaseloadPanel(CockpitPanel):
    name = "cockpit_caseload"
    template_name = "cms/cockpit/home_caseload.html"
    order = 11

    def figures(self):
        by_rung, plans = people_by_rung_with_plans(self.scope)
        return {"summary": figures.caseload_summary(plans),
                "charts": [figures.rung_chart(by_rung, self.prefix),
                           figures.category_chart(people_by_category(self.scope), self.prefix)],
                "plans_table": figures.plans_table(plans, self.prefix)}


class FunnelPanel(CockpitPanel):
    name = "cockpit_funnel"
    template_name = "cms/cockpit/home_funnel.html"
    order = 12
    headings = (_("Applications of my caseload"), _("Applications in the whole municipality"))

    def figures(self):
        funnel = application_funnel(self.scope)
        return {"funnel": funnel, "chart": figures.application_funnel_chart(funnel, self.prefix)}


class InstrumentsPanel(CockpitPanel):
    name = "cockpit_instruments"
    template_name = "cms/cockpit/home_instruments.html"
    order = 13
    headings = (_("Instruments of my caseload"), _("Instruments in the whole municipality"))

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
