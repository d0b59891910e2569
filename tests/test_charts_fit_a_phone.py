"""Issue 15: each kind of chart, at city scale (14 districts with their longest names, 17 reports, 16
city goals, a long unit), is drawn at most charts.MAX_WIDTH px wide with text no smaller than
charts.FONT_SIZE, so on a 375 px phone (343 px of content) its smallest text is at least 11 px."""

import re

import pandas as pd
import pytest
from tertial.site import charts as ch

NAMES = ["Hägersten-Liljeholmen", "Hässelby-Vällingby", "Skarpnäck", "Rinkeby-Kista", "Spånga-Tensta",
         "Enskede-Årsta-Vantör", "Farsta", "Skärholmen", "Södermalm", "Östermalm", "Norrmalm",
         "Kungsholmen", "Bromma", "Hägersten-Älvsjö"]
PERIODS = [f"{y} {t}" for y in range(2019, 2025) for t in ("T1", "T2", "VB")][:17]
GOALS = [f"{a}.{b}" for a in range(1, 5) for b in range(1, 5)]
UNIT = "antal per 1 000 invånare i åldern 20–64 år"
LABELS = [f"{n} (2023 T2)" for n in NAMES]


def _grid(x_values, y_values):
    rows = [(x, y, "helt", i) for i, x in enumerate(x_values) for y in y_values]
    return pd.DataFrame(rows, columns=["x", "y", "verdict", "x_order"])


CHARTS = {
    "city goals by district": lambda: ch.verdict_grid("g", _grid(GOALS, NAMES), "x", "y", "Mål", "Stadsdel",
                                                      "alt", [], []),
    "a goal by report and district": lambda: ch.verdict_grid("p", _grid(PERIODS, NAMES), "x", "y", "Rapport",
                                                             "Stadsdel", "alt", [], []),
    "verdicts per level": lambda: ch.verdict_counts("c", pd.DataFrame({
        "level_label": ["KF:s inriktningsmål", "KF:s verksamhetsmål", "Nämndmål"], "verdict": ["helt"] * 3,
        "n": [3, 16, 40]}), "alt"),
    "districts compared": lambda: ch.bars_with_target("b", pd.DataFrame({
        "label": LABELS, "value": range(100, 1500, 100), "target": [1000.0] * 14}), UNIT, "alt", [], []),
    "over the reports": lambda: ch.trajectory("t", pd.DataFrame([
        {"period": p, "period_order": i, "district": n, "series": s, "value": 1000.5 + i}
        for i, p in enumerate(PERIODS) for n in NAMES[:13] for s in ("Utfall", "Årsmål")]), UNIT, "alt", [], []),
    "one district over the reports": lambda: ch.trajectory("t1", pd.DataFrame([
        {"period": p, "period_order": i, "district": NAMES[0], "series": "Utfall", "value": 10.5 + i}
        for i, p in enumerate(PERIODS)]), UNIT, "alt", [], []),
    "women and men": lambda: ch.men_women("k", pd.DataFrame([
        {"label": lab, "sex": s, "value": 12345.5} for lab in LABELS for s in ("Kvinnor", "Män")]), UNIT,
        "alt", [], []),
}


@pytest.mark.parametrize("kind", list(CHARTS))
def test_chart_fits_a_phone_at_city_scale(kind):
    svg = ch.render_svg(CHARTS[kind]().spec)
    width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)"', svg).group(1))
    smallest = min(float(s) for s in re.findall(r'font-size="([\d.]+)px"', svg))
    assert smallest >= ch.FONT_SIZE, kind
    assert width <= ch.MAX_WIDTH, (kind, width)
    assert smallest * min(1, ch.PHONE_WIDTH / width) >= ch.MIN_TEXT
