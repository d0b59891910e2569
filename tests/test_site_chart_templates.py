"""A chart's spec built from a cached template (charts.finish_shaped) is the spec Altair builds afresh:
the template key names everything but the rows, so a chart with other rows, units or reports gets its own."""

import json

import pandas as pd

from tertial.site import charts


def _traj(values, periods, unit="%", districts=("Bromma", "Farsta")):
    rows = [{"district": d, "period": p, "period_order": int(p[:4]) * 10 + i, "series": s, "value": v}
            for d in districts for i, p in enumerate(periods) for s in ("Utfall", "Årsmål", "Prognos helår")
            for v in [values]]
    return pd.DataFrame(rows)


def _specs():
    a = charts.trajectory("u", _traj(1.5, ["2023 VP", "2023 T1"]), "%", "alt", [], [])
    b = charts.trajectory("u", _traj(7.0, ["2023 VP", "2023 T1", "2024 VP"]), "st", "alt", [], [])
    c = charts.trajectory("u", _traj(2.0, ["2023 VP", "2023 T1"], districts=("Bromma",)), "%", "alt", [], [])
    bars = [charts.bars_with_target("j", pd.DataFrame({"label": list("abc")[:n], "value": [1.0] * n,
                                                       "target": [2.0] * n}), "%", "alt", [], []) for n in (2, 3)]
    mw = charts.men_women("k", pd.DataFrame({"label": ["a", "a"], "sex": ["Kvinnor", "Män"], "value": [1, 2]}),
                          "st", "alt", [], [])
    return [x.spec for x in (a, b, c, *bars, mw)]


def test_templated_specs_equal_fresh_ones():
    charts._TEMPLATES.clear()
    first = _specs()
    again = _specs()  # now every one from a template
    assert first == again
    assert first[0]["data"]["values"] != first[1]["data"]["values"]
    assert "Prognos helår" not in {v["series"] for v in first[0]["data"]["values"]}
    assert first[0]["title"]["text"] == "Värde (%)"  # small panels: the unit once, above them
    assert first[1]["title"]["text"] == "Värde (st)"
    assert first[3]["height"] != first[4]["height"]


def _grid_df(districts, periods):
    return pd.DataFrame([{"period": p, "x_order": i, "district": d, "verdict": ["helt", "delvis", "ej", ""][(i + j) % 4]}
                         for j, d in enumerate(districts) for i, p in enumerate(periods)])


def test_a_verdict_grid_from_its_template_is_the_grid_altair_builds():
    """Each grid of another size and orientation from the template equals the one Altair builds afresh
    (the sorts, the size and the label angle put into the template's copy)."""
    charts._TEMPLATES.clear()
    many = [f"Stadsdel {n}" for n in range(13)]
    cases = [_grid_df(["Bromma", "Farsta"], ["2023 T1", "2023 T2"]), _grid_df(many, ["2023 T1"]),
             _grid_df(many, [f"{y} {t}" for y in (2021, 2022, 2023, 2024) for t in ("T1", "T2", "VB")]),
             _grid_df(["Bromma"], [f"{y} T1" for y in range(2010, 2025)])]
    for df in cases * 2:  # the second time all from templates
        grid = charts.verdict_grid("g", df, "period", "district", "Rapport", "Stadsdel", "alt", [], [])
        enc = grid.spec["layer"][0]["encoding"]
        x, y = enc["x"]["field"], enc["y"]["field"]
        fresh = charts.finish(charts._grid_chart(x, y, enc["x"]["title"], enc["y"]["title"],
                                                 enc["x"]["axis"]["labelAngle"], enc["x"]["sort"], enc["y"]["sort"],
                                                 grid.spec["width"], grid.spec["height"]),
                              pd.DataFrame(grid.spec["data"]["values"]))
        assert grid.spec == fresh
        assert json.dumps(grid.spec) == json.dumps(fresh)  # the same bytes too (keys in the same order)
    assert len({k for k in charts._TEMPLATES if k[0] == "verdict_grid"}) >= 2  # both orientations seen
