"""The cockpit's figures as charts and tables in the active language, with Dutch thousands separators."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from cms.charts import Chart, Datum, bar_chart, funnel_chart, table
from marketplace.selectors.cockpit import Funnel, InstrumentOverview, PlanOverview, Tally


def number(value: int) -> str:
    return number_format(value, force_grouping=True)


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
    return table(caption=_("Plans of action"), headers=[_("Plans"), _("People")], rows=rows,
                 table_id=f"{prefix}-plans", format_number=number)
