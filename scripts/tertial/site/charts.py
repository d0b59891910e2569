"""Charts: Altair specs rendered to SVG at build time with vl-convert (no JavaScript needed).

Every chart carries alt text and its data as rows for a table beside it; the Vega-Lite spec is
saved beside the SVG for reuse. Colours: Okabe-Ito (colour-blind safe), and every colour is also
said in words (labels, tables). Numbers: Swedish locale (decimal comma, space as thousands separator).
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert as vlc

from ..labels import VERDICT_NAMES
from .text import esc

# Okabe & Ito (2008), a palette readable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
VERDICT_COLOURS = {VERDICT_NAMES[code]: colour for code, colour in  # by label, as the charts show them
                   (("helt", "#009E73"), ("delvis", "#E69F00"), ("ej", "#D55E00"), ("", "#BBBBBB"))}
SV_NUMBER = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0kr"],
             "minus": "\u2212", "percent": "\u00a0%"}
# Arial-metric fonts: the SVG is measured by vl-convert at build time and drawn by the reader's
# browser, so both must use fonts of the same widths (Liberation Sans is metric-compatible with Arial).
FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"
# One SVG per chart, legible on a phone and on a desktop (no second rendering): an <img> is shown at
# its own width on a desktop and shrunk to the content column on a phone, 343 px wide on a 375 px
# phone (Material's margins). Every text is FONT_SIZE px and every chart at most MAX_WIDTH px wide, so
# the smallest text on a phone is FONT_SIZE * 343 / MAX_WIDTH >= MIN_TEXT px (tests/test_charts_*.py).
PHONE_WIDTH = 343
MIN_TEXT = 11
FONT_SIZE = 13
MAX_WIDTH = PHONE_WIDTH * FONT_SIZE // MIN_TEXT  # 405 px
CONFIG = {
    "locale": {"number": SV_NUMBER},
    "background": "#ffffff",
    "padding": 8,
    "font": FONT,
    "axis": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "labelLimit": 170},
    "legend": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "orient": "bottom",
               "direction": "vertical"},
    "header": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE},
    "text": {"fontSize": FONT_SIZE},
    "view": {"stroke": None},
    "range": {"category": OKABE_ITO},
}
# An estimate of a text's width in px (Arial at FONT_SIZE averages about 0.6 em a character); it only
# chooses a layout, the tests measure the result.
CHAR_WIDTH = 0.6 * FONT_SIZE


@dataclass
class Chart:
    """One chart: the spec, its alt text and the rows of the table shown beside it."""
    name: str
    spec: dict
    alt: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


def text_width(labels) -> float:
    """The estimated width in px of the widest of `labels` (CHAR_WIDTH a character)."""
    return max((len(str(t)) for t in labels), default=0) * CHAR_WIDTH


def wrapped(title: str, width: float) -> str | list[str]:
    """A title in lines no wider than `width` px (Vega-Lite draws a list as lines)."""
    lines = textwrap.wrap(title, max(8, int(width // CHAR_WIDTH)))
    return lines[0] if len(lines) == 1 else lines


# An axis label of the form "Name (2023 T2)" drawn in two lines, the period under the name.
TWO_LINE_LABEL = "split(replace(datum.label, ' (', '\\n('), '\\n')"


def embed(chart: Chart, caption: str) -> str:
    """The HTML of a chart on its page: the SVG (one rendering for phone and desktop, see MAX_WIDTH) with
    its alt text and caption, and the Vega-Lite spec as a small download. The page adds the data table."""
    return (f'<figure class="tertial-chart"><img src="{chart.name}.svg" alt="{esc(chart.alt)}" loading="lazy">'
            f'<figcaption>{esc(caption)}</figcaption>'
            f'<a class="tertial-download" href="{chart.name}.vl.json" download>'
            f'Ladda ned diagramdata (Vega-Lite JSON)</a></figure>')


def verdict_scale() -> alt.Scale:
    return alt.Scale(domain=list(VERDICT_COLOURS), range=list(VERDICT_COLOURS.values()))


# Charts are specified with named data and the rows are put in afterwards: Altair's to_dict deep-copies
# and validates inline data row by row, which costs more than rendering at city scale.
DATA = alt.NamedData(name="table")


def finish(chart: alt.TopLevelMixin, df: pd.DataFrame, validate: bool = False) -> dict:
    """The Vega-Lite spec with our config and df's rows inline. Schema validation (jsonschema) is
    slow, so the build skips it; tests/test_site_pages.py validates every fixture chart."""
    spec = chart.to_dict(validate=validate)
    assert spec.get("data") == {"name": "table"}, "charts are built on DATA"
    spec["data"] = {"values": json.loads(df.to_json(orient="records", force_ascii=False))}
    spec.setdefault("config", {}).update(CONFIG)
    return spec


_TEMPLATES: dict[tuple, str] = {}


def finish_shaped(key: tuple, make, df: pd.DataFrame) -> dict:
    """finish() for a chart whose spec, apart from its rows, is fixed by `key`: Altair builds it once per
    key (its to_dict is most of the cost of a small chart), and each chart gets a fresh copy with its
    own rows. `key` must name every argument of `make` that shapes the spec."""
    template = _TEMPLATES.get(key)
    if template is None:
        template = _TEMPLATES[key] = json.dumps(finish(make(), df.iloc[:0]))
    spec = json.loads(template)
    spec["data"] = {"values": json.loads(df.to_json(orient="records", force_ascii=False))}
    return spec


def render_svg(spec: dict) -> str:
    """The SVG as the site shows it (site/render.py: without tooltips)."""
    from .render import compact, static

    return compact(vlc.vegalite_to_svg(static(spec), format_locale=_vlc_locale()))


def _vlc_locale() -> dict:
    return SV_NUMBER


def spec_text(chart: Chart) -> str:
    return json.dumps(chart.spec, ensure_ascii=False, indent=1, default=str) + "\n"


def save(chart: Chart, folder: Path, cache: Path | None = None, write=None, pool=None,
         futures: list | None = None, used: set[str] | None = None) -> tuple[str, str]:
    """Save: <name>.svg and <name>.vl.json in folder. With a cache folder, an SVG already rendered from
    the very same spec (same sha256) is reused, not rendered again. `write(path, bytes)` writes a file
    (default: always); with a process pool (site/render.py) the SVG is rendered there and the future
    is put in `futures`; `used` collects the names of the cache entries this chart needs. Returns the two
    file names."""
    from . import render

    write = write or _write_always
    svg, spec = folder / f"{chart.name}.svg", folder / f"{chart.name}.vl.json"
    text = spec_text(chart)
    write(spec, text.encode("utf-8"))
    key = text + vlc.__version__ + render.VARIANT
    cached = cache / (hashlib.sha256(key.encode()).hexdigest() + ".svg") if cache else None
    if cached is not None and used is not None:
        used.add(cached.name)
    if cached is not None and cached.is_file():
        write(svg, cached.read_bytes())
        return svg.name, spec.name
    args = (text, _vlc_locale(), str(svg), str(cached) if cached is not None else None)
    if pool is not None:
        write(svg, None)  # the worker writes it
        futures.append(pool.submit(render.render_to, *args))
        return svg.name, spec.name
    render.render_to(*args)
    write(svg, None)
    return svg.name, spec.name


def _write_always(path: Path, content: bytes | None) -> None:
    if content is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def verdict_grid(name: str, df: pd.DataFrame, x: str, y: str, x_title: str, y_title: str,
                 alt_text: str, columns: list[str], rows: list[list[str]]) -> Chart:
    """Rows y by columns x, each cell coloured by the council's verdict (df: x, y, verdict, x_order)."""
    d = df.assign(verdict=df["verdict"].map(lambda v: VERDICT_NAMES.get(v or "", VERDICT_NAMES[""])))
    x_sort = list(dict.fromkeys(d.sort_values("x_order")[x]))
    y_sort = list(dict.fromkeys(d[y]))
    if _grid_width(x_sort, y_sort) > _grid_width(y_sort, x_sort):  # the narrower way round
        x, y, x_title, y_title, x_sort, y_sort = y, x, y_title, x_title, y_sort, x_sort
    cell = _grid_cell(x_sort, y_sort)
    d["short"] = d["verdict"].map({"Uppfylls helt": "H", "Uppfylls delvis": "D", "Uppfylls ej": "E",
                                   "Ingen bedömning": "–"})
    angle = 0 if text_width(x_sort) <= cell else -90
    cols = [x, y, "verdict", "short"]
    # one template per orientation (Altair's to_dict is most of a grid's cost); the sorts and the size are
    # put into a copy, where the template has placeholders (tests/test_site_chart_templates.py)
    spec = finish_shaped(("verdict_grid", x, y, x_title, y_title, angle),
                         lambda: _grid_chart(x, y, x_title, y_title, angle, ["x"], ["y"], 1, 1), d[cols])
    for layer in spec["layer"]:
        layer["encoding"]["x"]["sort"], layer["encoding"]["y"]["sort"] = x_sort, y_sort
    spec["width"], spec["height"] = cell * len(x_sort), 30 * len(y_sort)
    return Chart(name, spec, alt_text, columns, rows)


def _grid_chart(x: str, y: str, x_title: str, y_title: str, angle: int, x_sort: list, y_sort: list,
                width: float, height: float):
    base = alt.Chart().encode(
        x=alt.X(f"{x}:N", title=x_title, sort=x_sort, axis=alt.Axis(labelAngle=angle, orient="top")),
        y=alt.Y(f"{y}:N", title=y_title, sort=y_sort),
    )
    rect = base.mark_rect(stroke="#ffffff", strokeWidth=2).encode(
        color=alt.Color("verdict:N", title="Nämndens bedömning", scale=verdict_scale()),
        tooltip=[alt.Tooltip(f"{y}:N", title=y_title), alt.Tooltip(f"{x}:N", title=x_title),
                 alt.Tooltip("verdict:N", title="Bedömning")])
    label = base.mark_text(color="#000000").encode(text=alt.Text("short:N"))
    return alt.layer(rect, label, data=DATA).properties(width=width, height=height)


def _grid_width(columns: list, rows: list, cell: float = 26) -> float:
    """The estimated width of a verdict grid with these columns and rows (padding, row title, labels)."""
    return 2 * 8 + FONT_SIZE + 10 + text_width(rows) + cell * len(columns)


def _grid_cell(columns: list, rows: list) -> float:
    """The widest cell (at most 44 px, at least 20) that keeps the grid within MAX_WIDTH."""
    room = MAX_WIDTH - 16 - _grid_width(columns, rows, cell=0)  # 16 px: the estimate's margin
    return max(20.0, min(44.0, room / max(1, len(columns))))


def verdict_counts(name: str, df: pd.DataFrame, alt_text: str) -> Chart:
    """Stacked bars: how many goals per level got each verdict (df: level_label, verdict, n)."""
    d = df.assign(verdict=df["verdict"].map(lambda v: VERDICT_NAMES.get(v or "", VERDICT_NAMES[""])))
    order = list(VERDICT_COLOURS)
    d["order"] = d["verdict"].map(order.index)
    chart = alt.Chart(DATA).mark_bar().encode(
        y=alt.Y("level_label:N", title=None, sort=None),
        x=alt.X("n:Q", title="Antal mål", axis=alt.Axis(format="d", tickMinStep=1, values=(
            list(range(0, top + 1)) if (top := int(d.groupby("level_label")["n"].sum().max())) <= 10 else alt.Undefined))),
        color=alt.Color("verdict:N", title="Nämndens bedömning", scale=verdict_scale()),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("level_label:N", title="Nivå"), alt.Tooltip("verdict:N", title="Bedömning"),
                 alt.Tooltip("n:Q", title="Antal")],
    ).properties(width=200, height=34 * max(1, d["level_label"].nunique()))
    rows = [[r.level_label, r.verdict, str(int(r.n))] for r in d.itertuples()]
    return Chart(name, finish(chart, d[["level_label", "verdict", "n", "order"]]), alt_text,
                 ["Nivå", "Bedömning", "Antal mål"], rows)


# the plot area of a bar chart: MAX_WIDTH less its labels (a district's name, about 170 px) and padding
BAR_WIDTH = 190


def bars_with_target(name: str, df: pd.DataFrame, unit: str, alt_text: str, columns: list[str],
                     rows: list[list[str]]) -> Chart:
    """Districts compared: one bar per label (df: label, value, target), the target as a black tick."""
    title = f"Värde ({unit})" if unit else "Värde"
    key = ("bars_with_target", title, len(df))
    return Chart(name, finish_shaped(key, lambda: _bars_chart(title, len(df)), df[["label", "value", "target"]]),
                 alt_text, columns, rows)


def _bars_chart(title: str, n: int):
    base = alt.Chart().encode(y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelExpr=TWO_LINE_LABEL)))
    bars = base.mark_bar(color=OKABE_ITO[0]).encode(
        x=alt.X("value:Q", title=wrapped(title, BAR_WIDTH), axis=alt.Axis(format=",~r")),
        tooltip=[alt.Tooltip("label:N", title="Stadsdel"),
                 alt.Tooltip("value:Q", title="Värde", format=",~r"),
                 alt.Tooltip("target:Q", title="Årsmål", format=",~r")])
    ticks = base.transform_filter("isValid(datum.target)").mark_tick(
        color="#000000", thickness=3, size=26).encode(x="target:Q")
    return alt.layer(bars, ticks, data=DATA).properties(width=BAR_WIDTH, height=40 * max(1, n))


def trajectory(name: str, df: pd.DataFrame, unit: str, alt_text: str, columns: list[str],
               rows: list[list[str]]) -> Chart:
    """Over reports (df: period, period_order, district, series, value): the outcome against the annual
    target, one small panel per district. Kept light (two lines, small points, year labels only): at
    city scale this chart is drawn for every indicator with up to 13 panels of 17 reports; the forecast
    and every value are in the table beside it. The points stay: a district with one report has no line."""
    title = f"Värde ({unit})" if unit else "Värde"
    order = list(dict.fromkeys(df.sort_values("period_order")["period"]))
    df = df[df["series"].isin(["Utfall", "Årsmål"])]
    many = df["district"].nunique() > 1
    firsts = [p for i, p in enumerate(order) if i == 0 or p[:4] != order[i - 1][:4]]  # a year's first report

    def make():
        return _trajectory_chart(title, order, firsts, many)

    key = ("trajectory", title, tuple(order), tuple(firsts), many)
    return Chart(name, finish_shaped(key, make, df[["district", "period", "series", "value"]]), alt_text,
                 columns, rows)


def _trajectory_chart(title: str, order: list[str], firsts: list[str], many: bool):
    series = ["Utfall", "Årsmål"]
    chart = alt.Chart(DATA).mark_line(point=alt.OverlayMarkDef(filled=True, size=28 if many else 40)).encode(
        x=alt.X("period:N", title="Rapport", sort=order, axis=alt.Axis(
            labelAngle=0 if not many else -90, ticks=False,
            labelExpr=(f"indexof({json.dumps(firsts)}, datum.label) >= 0 ? slice(datum.label, 0, 4) : ''"
                       if many else alt.Undefined))),
        # small panels: the unit once, above them all (a title per row would not fit beside 90 px)
        y=alt.Y("value:Q", title=None if many else wrapped(title, 220), scale=alt.Scale(zero=False),
                axis=alt.Axis(format=",~r", tickCount=3 if many else alt.Undefined, grid=not many)),
        color=alt.Color("series:N", title="Serie", scale=alt.Scale(domain=series, range=[OKABE_ITO[0], "#000000"])),
        strokeDash=alt.StrokeDash("series:N", title="Serie", scale=alt.Scale(domain=series, range=[[1, 0], [4, 3]])),
        detail="district:N",
        tooltip=[alt.Tooltip("district:N", title="Stadsdel"), alt.Tooltip("period:N", title="Rapport"),
                 alt.Tooltip("series:N", title="Serie"), alt.Tooltip("value:Q", title="Värde", format=",~r")],
    )
    if many:  # two panels abreast fit a phone
        chart = chart.properties(width=140, height=90).facet(
            facet=alt.Facet("district:N", title=None, header=alt.Header(labelLimit=160)), columns=2,
        ).properties(title=alt.TitleParams(wrapped(title, 340), anchor="start", fontSize=FONT_SIZE))
    else:
        chart = chart.properties(width=300, height=220)
    return chart


def men_women(name: str, df: pd.DataFrame, unit: str, alt_text: str, columns: list[str],
              rows: list[list[str]]) -> Chart:
    """Grouped bars (df: label, sex, value)."""
    title = f"Utfall ({unit})" if unit else "Utfall"
    return Chart(name, finish_shaped(("men_women", title), lambda: _men_women_chart(title),
                                     df[["label", "sex", "value"]]), alt_text, columns, rows)


def _men_women_chart(title: str):
    return alt.Chart(DATA).mark_bar().encode(
        y=alt.Y("sex:N", title=None, axis=alt.Axis(labels=False, ticks=False)),
        x=alt.X("value:Q", title=wrapped(title, 300), axis=alt.Axis(format=",~r")),
        color=alt.Color("sex:N", title="Kön", scale=alt.Scale(domain=["Kvinnor", "Män"],
                                                             range=[OKABE_ITO[3], OKABE_ITO[4]])),
        # each district's name above its pair of bars, so the bars have the phone's width
        row=alt.Row("label:N", title=None, header=alt.Header(labelAngle=0, labelOrient="top",
                                                             labelAnchor="start", labelAlign="left")),
        tooltip=[alt.Tooltip("label:N", title="Stadsdel"), alt.Tooltip("sex:N", title="Kön"),
                 alt.Tooltip("value:Q", title="Utfall", format=",~r")],
    ).properties(width=300, height=44)
