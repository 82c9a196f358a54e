"""Charts as plain SVG with the numbers beside them in a table: no script, no font, no image to fetch.

Pure Python (no Django), so it is tested and reused without a request. Every chart is an
``<svg role="img">`` named by its ``<title>`` and described by a ``<desc>`` (through
``aria-labelledby``), and comes with a ``<table>`` (caption, header cells with ``scope``) that
holds the same numbers, so a screen reader user gets them exactly and anyone can copy them. Both sit
in a region that scrolls sideways by itself, so a wide table or a chart on a phone never widens the page.

Every text is escaped here; callers pass plain strings. Colours meet WCAG AA on the chart's own
white background (drawn in the SVG, so a dark admin theme does not change it): text #1f2937 is
14.7:1, the bars #1d4e89 are 8.6:1 against white (3:1 is needed for graphics), and the value
printed next to a bar is in the text colour.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

TEXT = "#1f2937"
BAR = "#1d4e89"
BACKGROUND = "#ffffff"
GRID = "#6b7280"  # 4.8:1 against white: the zero line is a graphic that carries meaning

WIDTH = 640
PAD = 12
LABEL_HEIGHT = 18  # a line of 14 px text above each bar
BAR_HEIGHT = 20
ROW_GAP = 10
VALUE_ROOM = 72  # room right of the longest bar for its value
FONT = 'font-family="system-ui, sans-serif" font-size="14"'
# The narrowest the picture is drawn (static/cms/cockpit.css): 14 px text at 576/640 of its size is 12.6 px.
MIN_WIDTH = 576


@dataclass(frozen=True)
class Datum:
    label: str
    value: int


@dataclass(frozen=True)
class Chart:
    """An SVG chart and the table with its numbers; both are escaped HTML to put on a page as they are."""

    svg: str
    table: str

    def __str__(self) -> str:
        return self.svg + self.table


def _attr(value) -> str:
    return escape(str(value), quote=True)


def _plain(number: int) -> str:
    return str(number)


def scroll_region(content: str, label: str) -> str:
    """``content`` in a box that scrolls sideways by itself when it is wider than the page (WCAG 1.4.10 reflow).

    The box is a named region in the tab order, so a keyboard user can scroll it too (WCAG 2.1.1).
    """
    return f'<div class="cockpit-scroll" role="region" aria-label="{_attr(label)}" tabindex="0">{content}</div>'


def _svg(chart_id: str, title: str, description: str, height: int, body: list[str]) -> str:
    """The picture at its natural size: the style sheet scales it to the page, but never below ``MIN_WIDTH``.

    Below that width the 14 px text of the picture would shrink under 12 px; the chart then scrolls
    inside its own region instead of shrinking further.
    """
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return scroll_region(
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{_attr(chart_id)}" class="cockpit-chart" role="img" '
        f'aria-labelledby="{_attr(title_id)} {_attr(desc_id)}" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{_attr(title_id)}">{escape(title)}</title>'
        f'<desc id="{_attr(desc_id)}">{escape(description)}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="{BACKGROUND}"/>'
        + "".join(body) + "</svg>",
        title,
    )


def _description(data: Sequence[Datum], format_number: Callable[[int], str]) -> str:
    return "; ".join(f"{datum.label}: {format_number(datum.value)}" for datum in data)


def _length(value: int, largest: int, room: float) -> float:
    """The bar length for ``value``: proportional to it, the largest value filling ``room``."""
    return round(room * value / largest, 2) if largest > 0 else 0.0


def table(*, caption: str, headers: Sequence[str], rows: Sequence[Sequence[object]], table_id: str = "",
          format_number: Callable[[int], str] = _plain) -> str:
    """A data table: a caption, column headers, and per row a header cell (``scope="row"``) and its numbers."""
    head = "".join(f'<th scope="col">{escape(str(header))}</th>' for header in headers)
    body = []
    for first, *values in rows:
        cells = "".join(f'<td class="cockpit-number">{escape(_cell(value, format_number))}</td>' for value in values)
        body.append(f'<tr><th scope="row">{escape(str(first))}</th>{cells}</tr>')
    id_attr = f' id="{_attr(table_id)}"' if table_id else ""
    return scroll_region(f'<table class="listing cockpit-table"{id_attr}><caption>{escape(caption)}</caption>'
                         f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>", caption)


def _cell(value, format_number) -> str:
    return format_number(value) if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _paired_table(chart_id, title, data, label_header, value_header, format_number, extra_columns) -> str:
    """The chart's table: label and value per datum, then the ``extra_columns`` (a header and a value per datum)."""
    headers = (label_header, value_header, *(header for header, _values in extra_columns))
    rows = [(datum.label, datum.value, *(values[index] for _header, values in extra_columns))
            for index, datum in enumerate(data)]
    return table(caption=title, headers=headers, rows=rows, table_id=f"{chart_id}-table", format_number=format_number)


def bar_chart(*, chart_id: str, title: str, data: Sequence[Datum], label_header: str, value_header: str,
              format_number: Callable[[int], str] = _plain,
              extra_columns: Sequence[tuple[str, Sequence[object]]] = ()) -> Chart:
    """Horizontal bars, one per datum: its label above, the bar from the left, its value after the bar.

    ``extra_columns`` adds columns to the table only (a header and one value per datum), for figures
    that belong with the bars but not in the picture.
    """
    room = WIDTH - 2 * PAD - VALUE_ROOM
    largest = max((datum.value for datum in data), default=0)
    row = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    body = [f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{PAD + row * len(data) - ROW_GAP}" stroke="{GRID}"/>']
    for index, datum in enumerate(data):
        top = PAD + index * row
        length = _length(datum.value, largest, room)
        bar_top = top + LABEL_HEIGHT
        body.append(
            f'<g class="cockpit-bar" data-value="{datum.value}">'
            f'<text x="{PAD}" y="{top + 14}" fill="{TEXT}" {FONT} class="cockpit-label">{escape(datum.label)}</text>'
            f'<rect x="{PAD}" y="{bar_top}" width="{length}" height="{BAR_HEIGHT}" fill="{BAR}"/>'
            f'<text x="{PAD + length + 6}" y="{bar_top + 15}" fill="{TEXT}" {FONT} '
            f'class="cockpit-value">{escape(format_number(datum.value))}</text></g>'
        )
    height = PAD * 2 + max(row * len(data) - ROW_GAP, 0)
    svg = _svg(chart_id, title, _description(data, format_number), height, body)
    return Chart(svg=svg, table=_paired_table(chart_id, title, data, label_header, value_header, format_number,
                                              extra_columns))


def funnel_chart(*, chart_id: str, title: str, data: Sequence[Datum], label_header: str, value_header: str,
                 format_number: Callable[[int], str] = _plain,
                 extra_columns: Sequence[tuple[str, Sequence[object]]] = ()) -> Chart:
    """A funnel: one centred bar per stage, as wide as its value is large, with the stage and value above it."""
    room = WIDTH - 2 * PAD
    centre = WIDTH / 2
    largest = max((datum.value for datum in data), default=0)
    row = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    body = []
    for index, datum in enumerate(data):
        top = PAD + index * row
        length = _length(datum.value, largest, room)
        body.append(
            f'<g class="cockpit-bar" data-value="{datum.value}">'
            f'<text x="{centre}" y="{top + 14}" text-anchor="middle" fill="{TEXT}" {FONT} class="cockpit-label">'
            f'{escape(datum.label)}: <tspan class="cockpit-value">{escape(format_number(datum.value))}</tspan></text>'
            f'<rect x="{round(centre - length / 2, 2)}" y="{top + LABEL_HEIGHT}" width="{length}" '
            f'height="{BAR_HEIGHT}" fill="{BAR}"/></g>'
        )
    height = PAD * 2 + max(row * len(data) - ROW_GAP, 0)
    svg = _svg(chart_id, title, _description(data, format_number), height, body)
    return Chart(svg=svg, table=_paired_table(chart_id, title, data, label_header, value_header, format_number,
                                              extra_columns))
