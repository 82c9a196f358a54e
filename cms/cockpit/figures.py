"""The cockpit's figures as charts and tables in the active language, with Dutch thousands separators."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from cms.charts import Chart, Datum, bar_chart, funnel_chart, table
from marketplace.choices import SeekerStatus
from marketplace.selectors.cockpit import Funnel, InstrumentOverview, PlanOverview, Tally
from marketplace.selectors.signals import SignalItem

# How the caseload's breakdown names each status: "152 active, 10 paused, 19 placed".
STATUS_COUNTS = {SeekerStatus.ACTIVE: gettext_lazy("%(count)s active"),
                 SeekerStatus.PAUSED: gettext_lazy("%(count)s paused"),
                 SeekerStatus.PLACED: gettext_lazy("%(count)s placed")}


def number(value: int) -> str:
    return number_format(value, force_grouping=True)


def signal_text(item: SignalItem) -> str:
    """A signal in words with how far it is overdue, as every worklist says it: "No contact (12 days overdue)"."""
    if not item.days_overdue:
        return item.label
    return ngettext("%(signal)s (%(days)s day overdue)", "%(signal)s (%(days)s days overdue)", item.days_overdue) % {
        "signal": item.label, "days": number(item.days_overdue)}


def caseload_summary(plans: PlanOverview) -> str:
    """Who the caseload figures count: "181 people in the caseload: 152 active, 10 paused, 19 placed"."""
    breakdown = ", ".join(str(STATUS_COUNTS[tally.key]) % {"count": number(tally.count)} for tally in plans.by_status)
    return ngettext("%(people)s person in the caseload: %(breakdown)s", "%(people)s people in the caseload: "
                    "%(breakdown)s", plans.people) % {"people": number(plans.people), "breakdown": breakdown}


def signals_note(active: int) -> str:
    """Under a worklist: whom its signals are about, so its numbers are not read against the whole caseload."""
    return ngettext("Signals are only about the %(active)s active person.",
                    "Signals are only about the %(active)s active people.", active) % {"active": number(active)}


def signals_caption(active: int) -> str:
    """Signals are only about active people, so the table of signals says of how many."""
    return ngettext("People per signal, of the %(active)s active person", "People per signal, of the %(active)s "
                    "active people", active) % {"active": number(active)}


def rung_chart(by_rung: list[Tally], prefix: str = "cockpit") -> Chart:
    return bar_chart(chart_id=f"{prefix}-rung", title=_("People by rung of the participation ladder"),
                     data=[Datum(tally.label, tally.count) for tally in by_rung],
                     label_header=_("Rung"), value_header=_("People"), format_number=number)


def category_chart(by_category: list[Tally], prefix: str = "cockpit") -> Chart:
    return bar_chart(chart_id=f"{prefix}-category", title=_("People by category"),
                     data=[Datum(tally.label, tally.count) for tally in by_category],
                     label_header=pgettext("caseload", "Category"), value_header=_("People"), format_number=number)


def application_funnel_chart(funnel: Funnel, prefix: str = "cockpit") -> Chart:
    """How many applications reached at least each stage (the picture), and how many are there now (table)."""
    return funnel_chart(
        chart_id=f"{prefix}-funnel", title=_("Applications: how far they got"),
        data=[Datum(stage.label, stage.reached) for stage in funnel.stages],
        label_header=_("Stage"), value_header=_("Reached at least this stage"), format_number=number,
        extra_columns=[(_("At this stage now"), [stage.now for stage in funnel.stages])],
    )


def instruments_chart(overview: InstrumentOverview, prefix: str = "cockpit") -> Chart:
    data = [Datum(use.label, use.in_use) for use in overview.in_use]
    return bar_chart(chart_id=f"{prefix}-instruments", title=_("Instruments in use (planned or running)"),
                     data=data, label_header=_("Kind"), value_header=_("In use"), format_number=number,
                     extra_columns=[(_("Planned"), [use.planned for use in overview.in_use]),
                                    (_("Running"), [use.active for use in overview.in_use])])


def results_table(overview: InstrumentOverview, prefix: str = "cockpit") -> str:
    headers = [_("Kind"), *(label for _key, label in overview.result_labels), _("Total")]
    rows = [(row.label, *(row.results[key] for key, _label in overview.result_labels), row.total)
            for row in overview.results]
    return table(caption=_("Results of ended instruments"), headers=headers, rows=rows,
                 table_id=f"{prefix}-results", format_number=number)


def plans_table(plans: PlanOverview, prefix: str = "cockpit") -> str:
    rows = [(_("With a plan"), plans.with_plan), (_("Without a plan"), plans.without_plan),
            (_("Agreed to the current version"), plans.agreed), (_("Review date passed"), plans.review_overdue)]
    caption = ngettext("Plans of action of the %(people)s person in the caseload",
                       "Plans of action of the %(people)s people in the caseload", plans.people) % {
        "people": number(plans.people)}
    return table(caption=caption, headers=[_("Plans"), _("People")], rows=rows,
                 table_id=f"{prefix}-plans", format_number=number)
