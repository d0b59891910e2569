"""A chart's spec built from a cached template (charts.finish_shaped) is the spec Altair builds afresh:
the template key names everything but the rows, so a chart with other rows, units or reports gets its own."""

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
