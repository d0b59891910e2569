"""Process: the start page and the section pages (/stadsdelar/, /mal/, /indikatorer/)."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from .. import ids
from . import charts as ch
from .markup import (DIRECTION_NAMES, LEVEL_NAMES, TYPE_NAMES, Page, goal_label, link, url_district,
                     url_goal, url_indicator, url_report)
from .templating import render
from .text import esc
from .view import View


def start_rows(v: View) -> list[list[str]]:
    """Each district's latest report with its verdict counts (a business plan prints none: no zeros)."""
    rows = []
    for r in v.latest.sort_values("district_id").itertuples():
        c = v.counts(r.report_id)
        rows.append([link("", url_district(r.district_id), v.district_name(r.district_id)),
                     link("", url_report(r.district_id, r.year, r.report_type),
                          f"{TYPE_NAMES.get(r.report_type, r.report_type)} {int(r.year)}"),
                     *([str(c["helt"]), str(c["delvis"]), str(c["ej"])] if sum(c.values()) else ["–", "–", "–"])])
    return rows


def start_page(v: View) -> Page:
    p = Page("", "Översikt")
    chart = overview_chart(v)
    if chart:
        p.charts.append(chart)
    p.add(render("start.md.j2", path="", rows=start_rows(v), chart=chart))
    return p


def overview_chart(v: View) -> ch.Chart | None:
    """The newest mandate's city goals by district, from each district's latest report in it
    (districts that ended before the mandate, e.g. merged ones, are left out)."""
    reps = v.d.reports
    assessed = set(v.goals.loc[v.goals["assessment"] != "", "report_id"])
    if assessed:  # business plans (VP) carry no verdicts
        reps = reps[reps["report_id"].isin(assessed)]
    reps = reps.assign(mandate=reps["year"].astype(int).map(ids.mandate_start))
    reps = reps[reps["mandate"] == reps["mandate"].max()]
    latest_ids = set(reps.sort_values(["year", "type_order"]).groupby("district_id").tail(1)["report_id"])
    g = v.goals[v.goals["report_id"].isin(latest_ids) & (v.goals["city_goal_id"] != "")]
    level = "verksamhetsmal" if (g["level"] == "verksamhetsmal").any() else "inriktningsmal"
    g = g[g["level"] == level].drop_duplicates(["district_id", "city_goal_id"])
    if g.empty:
        return None
    labels = {}
    for cg, grp in g.groupby("city_goal_id"):
        labels[cg] = grp["code"].iloc[0] or cg
    if len(set(labels.values())) < len(labels):
        labels = {cg: cg for cg in labels}
    df = pd.DataFrame({"goal": g["city_goal_id"].map(labels), "district": g["district_id"].map(v.district_name),
                       "verdict": g["assessment"], "x_order": g["city_goal_id"]})
    df = df.sort_values(["district", "x_order"])
    rows = [[r.district, r.goal, ch.VERDICT_NAMES.get(r.verdict, "Ingen bedömning")] for r in df.itertuples()]
    alt = (f"Rutnät: {df['district'].nunique()} stadsdelar (rader) och {df['goal'].nunique()} av "
           f"kommunfullmäktiges mål (kolumner), färgade efter nämndens bedömning i senaste rapporten. "
           + "; ".join(f"{k}: {int((df['verdict'] == kk).sum())}" for kk, k in
                       (("helt", "uppfylls helt"), ("delvis", "delvis"), ("ej", "ej"))) + ".")
    return ch.verdict_grid("oversikt", df, "goal", "district", "Mål", "Stadsdel", alt,
                           ["Stadsdel", "Mål", "Bedömning"], rows)


def index_page(path: str, crumb: str, heading: str, intro: str, columns: list[str], rows: list) -> Page:
    p = Page(path, heading)
    p.add(render("index.md.j2", path=path, crumb=crumb, heading=heading, intro=intro, columns=columns, rows=rows))
    return p


SWEDISH_ORDER = str.maketrans({"å": "z{", "ä": "z|", "ö": "z}"})


def all_districts(v: View) -> list[dict]:
    """Every district: those of the package and every district the city has had since 2020 (tertial.ids),
    current ones first, each in Swedish alphabetical order."""
    rows = {d.district_id: {"district_id": d.district_id, "name": str(d.name), "valid_to": d.valid_to or "",
                            "into": d.merged_into_district_id or ""} for d in v.d.districts.itertuples()}
    for d in ids.DISTRICTS:
        did = ids.slugify(d["name"])
        if did not in rows:
            into = d.get("merged_into")
            rows[did] = {"district_id": did, "name": d["name"], "valid_to": d.get("valid_to", ""),
                         "into": ids.slugify(into) if into else ""}
    return sorted(rows.values(), key=lambda d: (bool(d["valid_to"]), d["name"].lower().translate(SWEDISH_ORDER)))


def district_items(v: View, path: str) -> list[dict]:
    """Each district as listed on /stadsdelar/: its name (linked when it has reports), when a merged
    district ended and what it went into, and its reports, newest first."""
    items = []
    for d in all_districts(v):
        did, has = d["district_id"], d["district_id"] in v.latest.index
        note = ""
        if d["valid_to"]:
            into = d["into"]
            note = f"Fanns till {esc(d['valid_to'])}"
            if into:
                note += " och gick sedan upp i " + (link(path, url_district(into), v.district_name(into))
                                                    if into in v.latest.index else esc(ids.district_name(into) or into))
            note += "."
        reps = v.d.reports[v.d.reports["district_id"] == did].sort_values(["year", "type_order"], ascending=False)
        items.append({"name": Markup(link(path, url_district(did), d["name"]) if has else esc(d["name"])),
                      "note": Markup(note), "reports": [Markup(link(path, url_report(did, r.year, r.report_type),
                                                                    f"{TYPE_NAMES.get(r.report_type)} {int(r.year)}"))
                                                         for r in reps.itertuples()]})
    return items


def districts_index(v: View) -> Page:
    path = "stadsdelar/"
    items = district_items(v, path)
    merged = sum(1 for d in all_districts(v) if d["valid_to"])
    p = Page(path, "Stadsdelar")
    p.add(render("districts.md.j2", path=path, districts=items, current=len(items) - merged, merged=merged))
    return p


def goals_index(v: View) -> Page:
    path = "mal/"
    cgs = v.city_goals.copy()
    cgs["n"] = cgs["city_goal_id"].map(v.goals.groupby("city_goal_id")["district_id"].nunique())
    rows = [[link(path, url_goal(g.city_goal_id), goal_label(g.code, g.title)), esc(LEVEL_NAMES.get(g.level, g.level)),
             esc(g.city_goal_id.split("-")[0]), str(g.n)] for g in cgs.sort_values("city_goal_id").itertuples()]
    return index_page(path, "Mål", "Kommunfullmäktiges mål",
                      "Målen som kommunfullmäktige (KF) ger stadsdelsnämnderna. Varje mål har en sida med alla "
                      "stadsdelars bedömning, nämndmålen under det och deras indikatorer.",
                      ["Mål", "Nivå", "Mandatperiod från", "Stadsdelar"], rows)


def indicators_index(v: View) -> Page:
    path = "indikatorer/"
    n = v.results.groupby("indicator_id")["district_id"].nunique()
    rows = [[link(path, url_indicator(i.indicator_id), i.name), esc(i.unit),
             esc(DIRECTION_NAMES.get(i.direction, i.direction)), str(int(n[i.indicator_id]))]
            for i in v.indicators.sort_values("name").itertuples() if i.indicator_id in n.index]
    return index_page(path, "Indikatorer", "Indikatorer", "Alla indikatorer som nämnderna följer upp. Varje "
                      "indikator har en sida som jämför stadsdelarna.", ["Indikator", "Enhet", "Riktning", "Stadsdelar"],
                      rows)
