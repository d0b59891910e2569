"""Process: an indicator's page (/indikatorer/<indicator_id>/): the districts compared, its course over
the reports, women and men, and each district's latest row."""

from __future__ import annotations

import pandas as pd

from . import charts as ch
from .markup import TYPE_NAMES, Page, safe_title, status_badge, url_indicator
from .templating import render
from .text import esc, with_unit
from .cards import REVIEW_DEFAULT
from .view import View


def shared_period(v: View, rows: pd.DataFrame) -> tuple[pd.DataFrame, str, list[str]]:
    """Districts are compared within one period: the latest period (year and report type) that two or
    more districts report (else the latest period). Returns its rows, its name in words, and the
    districts left out, each with the latest period it does report."""
    if rows.empty:
        return rows, "", []
    n = rows.groupby(["year", "type_order"])["district_id"].nunique()
    shared = n[n > 1]
    year, order = (shared if not shared.empty else n).index.max()
    chosen = rows[(rows["year"] == year) & (rows["type_order"] == order)].drop_duplicates("district_id", keep="last")
    r = chosen.iloc[0]
    label = f"{TYPE_NAMES.get(r.report_type, r.report_type)} {int(year)}"
    left = [f"{v.district_label(x.district_id)}: senast {int(x.year)} {x.report_type}"
            for x in rows[~rows["district_id"].isin(set(chosen["district_id"]))].groupby("district_id").tail(1)
            .itertuples()]
    return chosen, label, left


def comparison_chart(v: View, cmp_: pd.DataFrame, name: str, unit: str, period: str) -> ch.Chart | None:
    """The districts' outcomes in one period (shared_period) against their annual targets."""
    if cmp_.empty:
        return None
    df = pd.DataFrame({"label": [v.district_label(d) for d in cmp_["district_id"]],
                       "value": cmp_["period_outcome"].values, "target": cmp_["annual_target"].values})
    rows = [[r.label, with_unit(r.value, unit), with_unit(r.target, unit)] for r in df.itertuples()]
    alt = (f"Liggande staplar: utfall för {name} per stadsdel i {period}, med årsmålet som svart streck. "
           + "; ".join(f"{r.label}: {with_unit(r.value, unit)}" + (f" (årsmål {with_unit(r.target, unit)})"
                                                                    if not pd.isna(r.target) else "")
                       for r in df.itertuples()) + ".")
    return ch.bars_with_target("jamforelse", df, unit, alt, ["Stadsdel", "Utfall", "Årsmål"], rows)


# the columns the charts read (the rows have some thirty: filtering and iterating them all was most of a
# page's cost)
PERIOD = ["district_id", "year", "type_order", "report_type"]
CHART_COLUMNS = PERIOD + ["period_outcome", "forecast", "annual_target", "outcome_men", "outcome_women"]


def trajectory_chart(v: View, res: pd.DataFrame, name: str, unit: str) -> ch.Chart | None:
    long = []
    for x in res[CHART_COLUMNS].itertuples():
        for col, label in (("period_outcome", "Utfall"), ("forecast", "Prognos helår"), ("annual_target", "Årsmål")):
            val = getattr(x, col)
            if not pd.isna(val):
                long.append({"district": v.district_label(x.district_id), "period": f"{int(x.year)} {x.report_type}",
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


def sex_chart(v: View, sex: pd.DataFrame, unit: str, period: str) -> ch.Chart | None:
    """The districts' outcomes for women and men in one period (shared_period)."""
    if sex.empty:
        return None
    long = []
    for x in sex.itertuples():
        for col, s in (("outcome_women", "Kvinnor"), ("outcome_men", "Män")):
            if not pd.isna(getattr(x, col)):
                long.append({"label": v.district_label(x.district_id), "sex": s, "value": getattr(x, col)})
    df = pd.DataFrame(long)
    rows = [[r.label, r.sex, with_unit(r.value, unit)] for r in df.itertuples()]
    alt = (f"Staplar: utfall för kvinnor och män per stadsdel i {period}. "
           + "; ".join(" ".join(r) for r in rows) + ".")
    return ch.men_women("kon", df, unit, alt, ["Stadsdel", "Kön", "Utfall"], rows)


def comparisons(v: View, res: pd.DataFrame, name: str, unit: str) -> list[dict]:
    """The charts that set districts side by side, each of one period, saying which and who is left out."""
    out, res = [], res[CHART_COLUMNS]
    cmp_, period, left = shared_period(v, res.dropna(subset=["period_outcome"]))
    chart = comparison_chart(v, cmp_, name, unit, period)
    if chart:
        out.append({"heading": f"Stadsdelarna jämförda: {period}", "chart": chart, "left": left,
                    "caption": f"Utfall per stadsdel i {period} mot årsmålet"})
    sex, period, left = shared_period(v, res.dropna(subset=["outcome_men", "outcome_women"], how="all"))
    chart = sex_chart(v, sex, unit, period)
    if chart:
        out.append({"heading": f"Kvinnor och män: {period}", "chart": chart, "left": left,
                    "caption": f"Utfall för kvinnor och män i {period}"})
    return out


def latest_row_cells(v: View, src: str, r) -> list[str]:
    """A district's latest row as table cells (the columns of INDICATOR_COLUMNS, the report first, with the
    row's review flag)."""
    unit = r.unit or ""
    report = v.report_link(src, r)
    if str(r.needs_review).lower() == "true":
        reason = getattr(r, "review_reason", "") or REVIEW_DEFAULT
        report += f' <span class="tertial-review">Behöver granskas: {esc(reason)}</span>'
    return [report, esc(with_unit(r.period_outcome, unit)), esc(with_unit(r.forecast, unit)),
            esc(with_unit(r.annual_target, unit) or r.annual_target_text), status_badge(v.status(r._asdict())),
            v.ref(src, r), esc(with_unit(r.outcome_women, unit)), esc(with_unit(r.outcome_men, unit)),
            esc(with_unit(r.previous_year, unit)), esc(with_unit(r.city_target, unit) or r.city_target_text),
            esc(r.period)]


def indicator_page(v: View, iid: str) -> Page:
    path = url_indicator(iid)
    info = v.indicator_info(iid)
    res = v.results_of_indicator(iid)
    name = str(info["name"]) if info is not None else str(res["name"].iloc[0])
    unit = str(info["unit"]) if info is not None else str(res["unit"].iloc[0])
    p = Page(path, safe_title(name), wide=True)
    shown = comparisons(v, res, name, unit)
    course = trajectory_chart(v, res, name, unit)
    if course:
        shown.insert(1, {"heading": "Utveckling över rapporterna", "chart": course, "left": [],
                         "caption": "Utfall mot årsmålet, rapport för rapport"})
    p.charts.extend(c["chart"] for c in shown)
    rows = [latest_row_cells(v, path, x) for x in res.groupby("district_id").tail(1).itertuples()]
    p.add(render("indicator.md.j2", path=path, iid=iid, name=name, unit=unit, direction=v.direction(iid),
                 csv=path + iid + ".csv", charts=shown, rows=rows))
    p.files[f"{iid}.csv"] = v.raw_results_of_indicator(iid).to_csv(index=False, lineterminator="\n").encode("utf-8")
    return p
