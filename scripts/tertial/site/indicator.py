"""Process: an indicator's page (/indikatorer/<indicator_id>/): the districts compared, its course over
the reports, women and men, and each district's latest row."""

from __future__ import annotations

import pandas as pd

from . import charts as ch
from .markup import Page, safe_title, url_indicator
from .templating import render
from .text import with_unit
from .view import View, indicator_row_cells


def comparison_chart(v: View, res: pd.DataFrame, name: str, unit: str) -> ch.Chart | None:
    """Districts compared, each by its latest report with an outcome (a business plan, VP, has none)."""
    cmp_ = res.dropna(subset=["period_outcome"]).groupby("district_id").tail(1)
    if cmp_.empty:
        return None
    df = pd.DataFrame({"label": [f"{v.district_name(d)} ({int(y)} {t})" for d, y, t in
                                 zip(cmp_["district_id"], cmp_["year"], cmp_["report_type"])],
                       "value": cmp_["period_outcome"].values, "target": cmp_["annual_target"].values})
    rows = [[r.label, with_unit(r.value, unit), with_unit(r.target, unit)] for r in df.itertuples()]
    alt = (f"Liggande staplar: senaste utfall för {name} per stadsdel, med årsmålet som svart streck. "
           + "; ".join(f"{r.label}: {with_unit(r.value, unit)}" + (f" (årsmål {with_unit(r.target, unit)})"
                                                                    if not pd.isna(r.target) else "")
                       for r in df.itertuples()) + ".")
    return ch.bars_with_target("jamforelse", df, unit, alt, ["Stadsdel (rapport)", "Utfall", "Årsmål"], rows)


def trajectory_chart(v: View, res: pd.DataFrame, name: str, unit: str) -> ch.Chart | None:
    long = []
    for x in res.itertuples():
        for col, label in (("period_outcome", "Utfall"), ("forecast", "Prognos helår"), ("annual_target", "Årsmål")):
            val = getattr(x, col)
            if not pd.isna(val):
                long.append({"district": v.district_name(x.district_id), "period": f"{int(x.year)} {x.report_type}",
                             "period_order": int(x.year) * 10 + int(x.type_order), "series": label, "value": val})
    traj = pd.DataFrame(long)
    if traj.empty or traj["period"].nunique() < 2:
        return None
    rows = [[r.district, r.period, r.series, with_unit(r.value, unit)] for r in traj.itertuples()]
    periods = list(dict.fromkeys(traj.sort_values("period_order")["period"]))
    n_d = traj["district"].nunique()
    alt = (f"Linjediagram: {name}, utfall och årsmål över rapporterna {periods[0]} till {periods[-1]}"
           + (f", en liten panel per stadsdel ({n_d} stadsdelar)" if n_d > 1 else "")
           + ". Alla värden, också prognoserna för helåret, finns i tabellen under diagrammet.")
    return ch.trajectory("utveckling", traj, unit, alt, ["Stadsdel", "Rapport", "Serie", "Värde"], rows)


def sex_chart(v: View, res: pd.DataFrame, unit: str) -> ch.Chart | None:
    """Each district's latest report with an outcome for women or men (a business plan, VP, has none)."""
    sex = res.dropna(subset=["outcome_men", "outcome_women"], how="all").groupby("district_id").tail(1)
    if sex.empty:
        return None
    long = []
    for x in sex.itertuples():
        label = f"{v.district_name(x.district_id)} ({int(x.year)} {x.report_type})"
        for col, s in (("outcome_women", "Kvinnor"), ("outcome_men", "Män")):
            if not pd.isna(getattr(x, col)):
                long.append({"label": label, "sex": s, "value": getattr(x, col)})
    df = pd.DataFrame(long)
    rows = [[r.label, r.sex, with_unit(r.value, unit)] for r in df.itertuples()]
    alt = "Staplar: utfall för kvinnor och män per stadsdel. " + "; ".join(" ".join(r) for r in rows) + "."
    return ch.men_women("kon", df, unit, alt, ["Stadsdel (rapport)", "Kön", "Utfall"], rows)


def indicator_page(v: View, iid: str) -> Page:
    path = url_indicator(iid)
    info = v.indicators.loc[iid] if iid in v.indicators.index else None
    res = v.results[v.results["indicator_id"] == iid].sort_values(["district_id", "year", "type_order"])
    name = str(info["name"]) if info is not None else str(res["name"].iloc[0])
    unit = str(info["unit"]) if info is not None else str(res["unit"].iloc[0])
    p = Page(path, safe_title(name), wide=True)
    charts = [(heading, chart, caption) for heading, chart, caption in (
        ("Stadsdelarna jämförda", comparison_chart(v, res, name, unit), "Senaste utfall per stadsdel mot årsmålet"),
        ("Utveckling över rapporterna", trajectory_chart(v, res, name, unit),
         "Utfall mot årsmålet, rapport för rapport"),
        ("Kvinnor och män", sex_chart(v, res, unit), "Senaste utfall för kvinnor och män")) if chart]
    p.charts.extend(c for _, c, _ in charts)
    rows = [indicator_row_cells(v, path, x, with_name=False) for x in res.groupby("district_id").tail(1).itertuples()]
    p.add(render("indicator.md.j2", path=path, iid=iid, name=name, unit=unit, direction=v.direction(iid),
                 csv=path + iid + ".csv", charts=charts, rows=rows))
    p.files[f"{iid}.csv"] = v.raw_results_by_indicator[iid].to_csv(index=False, lineterminator="\n").encode("utf-8")
    return p
