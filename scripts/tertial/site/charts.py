"""Charts: Altair specs rendered to SVG at build time with vl-convert (no JavaScript needed).

Every chart carries alt text and its data as rows for a table beside it; the Vega-Lite spec is
saved beside the SVG for reuse. Colours: Okabe-Ito (colour-blind safe), and every colour is also
said in words (labels, tables). Numbers: Swedish locale (decimal comma, space as thousands separator).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert as vlc

# Okabe & Ito (2008), a palette readable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
VERDICT_LABELS = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "ej": "Uppfylls ej",
                  "": "Ingen bedömning"}
VERDICT_COLOURS = {"Uppfylls helt": "#009E73", "Uppfylls delvis": "#E69F00", "Uppfylls ej": "#D55E00",
                   "Ingen bedömning": "#BBBBBB"}
SV_NUMBER = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0kr"],
             "minus": "\u2212", "percent": "\u00a0%"}
# Arial-metric fonts: the SVG is measured by vl-convert at build time and drawn by the reader's
# browser, so both must use fonts of the same widths (Liberation Sans is metric-compatible with Arial).
FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"
CONFIG = {
    "locale": {"number": SV_NUMBER},
    "background": "#ffffff",
    "padding": 8,
    "font": FONT,
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 220},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "direction": "vertical"},
    "view": {"stroke": None},
    "range": {"category": OKABE_ITO},
}


@dataclass
class Chart:
    """One chart: the spec, its alt text and the rows of the table shown beside it."""
    name: str
    spec: dict
    alt: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


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
    from .render import static

    return vlc.vegalite_to_svg(static(spec), format_locale=_vlc_locale())


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
    d = df.assign(verdict=df["verdict"].map(lambda v: VERDICT_LABELS.get(v or "", VERDICT_LABELS[""])))
    n_x = max(1, d[x].nunique())
    n_y = max(1, d[y].nunique())
    d["short"] = d["verdict"].map({"Uppfylls helt": "H", "Uppfylls delvis": "D", "Uppfylls ej": "E",
                                   "Ingen bedömning": "–"})
    base = alt.Chart().encode(
        x=alt.X(f"{x}:N", title=x_title, sort=list(dict.fromkeys(d.sort_values("x_order")[x])),
                axis=alt.Axis(labelAngle=0 if n_x <= 8 else -90, orient="top")),
        y=alt.Y(f"{y}:N", title=y_title, sort=None),
    )
    rect = base.mark_rect(stroke="#ffffff", strokeWidth=2).encode(
        color=alt.Color("verdict:N", title="Nämndens bedömning", scale=verdict_scale()),
        tooltip=[alt.Tooltip(f"{y}:N", title=y_title), alt.Tooltip(f"{x}:N", title=x_title),
                 alt.Tooltip("verdict:N", title="Bedömning")])
    label = base.mark_text(fontSize=11, color="#000000").encode(
        text=alt.Text("short:N"))
    chart = alt.layer(rect, label, data=DATA).properties(width=44 * n_x if n_x <= 8 else 28 * n_x, height=30 * n_y)
    cols = [x, y, "verdict", "short"]
    return Chart(name, finish(chart, d[cols]), alt_text, columns, rows)


def verdict_counts(name: str, df: pd.DataFrame, alt_text: str) -> Chart:
    """Stacked bars: how many goals per level got each verdict (df: level_label, verdict, n)."""
    d = df.assign(verdict=df["verdict"].map(lambda v: VERDICT_LABELS.get(v or "", VERDICT_LABELS[""])))
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
    ).properties(width=320, height=34 * max(1, d["level_label"].nunique()))
    rows = [[r.level_label, r.verdict, str(int(r.n))] for r in d.itertuples()]
    return Chart(name, finish(chart, d[["level_label", "verdict", "n", "order"]]), alt_text,
                 ["Nivå", "Bedömning", "Antal mål"], rows)


def bars_with_target(name: str, df: pd.DataFrame, unit: str, alt_text: str, columns: list[str],
                     rows: list[list[str]]) -> Chart:
    """Districts compared: one bar per label (df: label, value, target), the target as a black tick."""
    title = f"Värde ({unit})" if unit else "Värde"
    key = ("bars_with_target", title, len(df))
    return Chart(name, finish_shaped(key, lambda: _bars_chart(title, len(df)), df[["label", "value", "target"]]),
                 alt_text, columns, rows)


def _bars_chart(title: str, n: int):
    base = alt.Chart().encode(y=alt.Y("label:N", title=None, sort=None))
    bars = base.mark_bar(color=OKABE_ITO[0]).encode(
        x=alt.X("value:Q", title=title, axis=alt.Axis(format=",~r")),
        tooltip=[alt.Tooltip("label:N", title="Stadsdel"),
                 alt.Tooltip("value:Q", title="Värde", format=",~r"),
                 alt.Tooltip("target:Q", title="Årsmål", format=",~r")])
    ticks = base.transform_filter("isValid(datum.target)").mark_tick(
        color="#000000", thickness=3, size=26).encode(x="target:Q")
    return alt.layer(bars, ticks, data=DATA).properties(width=460, height=34 * max(1, n))


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
        y=alt.Y("value:Q", title=title, scale=alt.Scale(zero=False),
                axis=alt.Axis(format=",~r", tickCount=3 if many else alt.Undefined, grid=not many)),
        color=alt.Color("series:N", title="Serie", scale=alt.Scale(domain=series, range=[OKABE_ITO[0], "#000000"])),
        strokeDash=alt.StrokeDash("series:N", title="Serie", scale=alt.Scale(domain=series, range=[[1, 0], [4, 3]])),
        detail="district:N",
        tooltip=[alt.Tooltip("district:N", title="Stadsdel"), alt.Tooltip("period:N", title="Rapport"),
                 alt.Tooltip("series:N", title="Serie"), alt.Tooltip("value:Q", title="Värde", format=",~r")],
    )
    if many:
        chart = chart.properties(width=150, height=90).facet(
            facet=alt.Facet("district:N", title=None), columns=3)
    else:
        chart = chart.properties(width=460, height=220)
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
        x=alt.X("value:Q", title=title, axis=alt.Axis(format=",~r")),
        color=alt.Color("sex:N", title="Kön", scale=alt.Scale(domain=["Kvinnor", "Män"],
                                                             range=[OKABE_ITO[3], OKABE_ITO[4]])),
        row=alt.Row("label:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
        tooltip=[alt.Tooltip("label:N", title="Stadsdel"), alt.Tooltip("sex:N", title="Kön"),
                 alt.Tooltip("value:Q", title="Utfall", format=",~r")],
    ).properties(width=360, height=44)
