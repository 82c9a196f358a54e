"""The SVG charts: bars as long as their numbers, every label and number present, named for screen readers."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings

from cms.charts import BACKGROUND, BAR, MIN_WIDTH, TEXT, WIDTH, Datum, bar_chart, funnel_chart, table

SVG = "{http://www.w3.org/2000/svg}"
DATA = [Datum("2 Sociale contacten", 30), Datum("Werk & <zorg>", 15), Datum("Niets", 0), Datum("Betaald", 60)]


def region(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def parsed(markup: str) -> ET.Element:
    """The chart or table itself, inside the region that scrolls it."""
    return region(markup)[0]


def bars(svg: ET.Element) -> list[tuple[float, float, str]]:
    """(x, width, value printed) of every bar."""
    found = []
    for group in svg.iter(f"{SVG}g"):
        rect = group.find(f"{SVG}rect")
        value = next(node for node in group.iter() if node.get("class") == "cockpit-value").text
        found.append((float(rect.get("x")), float(rect.get("width")), value))
    return found


def contrast(foreground: str, background: str) -> float:
    def luminance(colour):
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("draw", [bar_chart, funnel_chart])
def test_bars_are_proportional_to_their_values_and_the_largest_fills_the_room(draw):
    chart = draw(chart_id="rung", title="Mensen per trede", data=DATA, label_header="Trede", value_header="Aantal")

    widths = [width for _x, width, _value in bars(parsed(chart.svg))]

    assert widths[3] == max(widths) > 0
    assert widths[2] == 0
    for datum, width in zip(DATA, widths, strict=True):
        assert width == pytest.approx(widths[3] * datum.value / 60, abs=0.02)


def test_a_funnel_centres_its_bars():
    chart = funnel_chart(chart_id="f", title="Trechter", data=DATA, label_header="Fase", value_header="Aantal")

    centres = {round(x + width / 2, 1) for x, width, _value in bars(parsed(chart.svg))}

    assert len(centres) == 1


@pytest.mark.parametrize("draw", [bar_chart, funnel_chart])
def test_every_label_and_number_is_in_the_picture_and_in_the_table_escaped(draw):
    chart = draw(chart_id="c", title="Titel <b>", data=DATA, label_header="Wat", value_header="Aantal",
                 format_number=lambda n: f"{n:,}".replace(",", "."))

    svg = parsed(chart.svg)
    texts = " ".join("".join(node.itertext()) for node in svg.iter(f"{SVG}text"))
    table = parsed(chart.table)

    assert [value for _x, _w, value in bars(svg)] == ["30", "15", "0", "60"]
    for datum in DATA:
        assert datum.label in texts
    rows = [[cell.text for cell in row] for row in table.find("tbody")]
    assert rows == [[datum.label, str(datum.value)] for datum in DATA]
    assert "<b>" not in chart.svg and "&lt;zorg&gt;" in chart.svg


@pytest.mark.parametrize("draw", [bar_chart, funnel_chart])
def test_the_chart_is_an_image_named_by_its_title_and_paired_with_a_captioned_table(draw):
    chart = draw(chart_id="rung", title="Mensen per trede", data=DATA, label_header="Trede", value_header="Aantal")

    svg, table = parsed(chart.svg), parsed(chart.table)

    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "rung-title rung-desc"
    assert svg.find(f"{SVG}title").get("id") == "rung-title"
    assert svg.find(f"{SVG}title").text == "Mensen per trede"
    assert "Betaald: 60" in svg.find(f"{SVG}desc").text
    assert table.find("caption").text == "Mensen per trede"
    assert [th.get("scope") for th in table.find("thead").iter("th")] == ["col", "col"]
    assert {th.get("scope") for th in table.find("tbody").iter("th")} == {"row"}


def test_no_script_style_or_outside_reference_is_in_a_chart():
    chart = bar_chart(chart_id="c", title="t", data=DATA, label_header="a", value_header="b")

    for forbidden in ("<script", "style=", "href", "@import", "url("):
        assert forbidden not in str(chart)


def test_colours_meet_wcag_aa_on_the_charts_own_background():
    assert contrast(TEXT, BACKGROUND) >= 4.5
    assert contrast(BAR, BACKGROUND) >= 3


def test_extra_funnel_columns_appear_in_the_table_only():
    chart = funnel_chart(chart_id="f", title="t", data=DATA[:2], label_header="Fase", value_header="Bereikt",
                         extra_columns=[("Nu", [7, 3])])

    rows = [[cell.text for cell in row] for row in parsed(chart.table).find("tbody")]

    assert rows == [["2 Sociale contacten", "30", "7"], ["Werk & <zorg>", "15", "3"]]


def test_an_empty_chart_draws_no_bars():
    chart = bar_chart(chart_id="e", title="Leeg", data=[Datum("Niemand", 0)], label_header="a", value_header="b")

    assert [width for _x, width, _v in bars(parsed(chart.svg))] == [0]


@pytest.mark.parametrize("draw", [bar_chart, funnel_chart])
def test_a_chart_and_its_table_each_scroll_in_their_own_named_region_the_keyboard_reaches(draw):
    chart = draw(chart_id="rung", title="Mensen per trede", data=DATA, label_header="Trede", value_header="Aantal")

    for markup in (chart.svg, chart.table):
        box = region(markup)
        assert (box.tag, box.get("class"), box.get("role")) == ("div", "cockpit-scroll", "region")
        assert box.get("aria-label") == "Mensen per trede" and box.get("tabindex") == "0"


def test_a_wide_table_scrolls_in_a_region_named_by_its_caption():
    wide = table(caption="Resultaten <van> instrumenten", headers=[f"Kolom {n}" for n in range(12)],
                 rows=[("Training", *range(11))])

    box = region(wide)

    assert box.get("role") == "region" and box.get("aria-label") == "Resultaten <van> instrumenten"
    assert box[0].tag == "table" and box[0].find("caption").text == "Resultaten <van> instrumenten"


def test_the_picture_has_its_natural_size_so_it_never_shrinks_its_text_below_12_px():
    svg = parsed(bar_chart(chart_id="c", title="t", data=DATA, label_header="a", value_header="b").svg)

    _x, _y, width, height = (float(number) for number in svg.get("viewBox").split())
    assert (float(svg.get("width")), float(svg.get("height"))) == (width, height) == (WIDTH, height)
    font_sizes = {float(text.get("font-size")) for text in svg.iter(f"{SVG}text")}
    assert min(font_sizes) * MIN_WIDTH / WIDTH >= 12
    style = (Path(settings.BASE_DIR) / "static" / "cms" / "cockpit.css").read_text()
    assert f"min-width: {MIN_WIDTH}px;" in style.split(".cockpit-chart {")[1].split("}")[0]
