"""Process: a city goal's page (/mal/<city_goal_id>/): every district's verdict, the council goals and
indicators under it."""

from __future__ import annotations

import pandas as pd

from . import charts as ch
from .markup import Page, badge, goal_label, link, safe_title, url_district, url_goal, url_report
from .templating import render
from .text import esc
from .cards import indicator_card
from .view import View


def verdict_chart(v: View, g: pd.DataFrame) -> ch.Chart:
    df = pd.DataFrame({"period": [f"{int(y)} {t}" for y, t in zip(g["year"], g["report_type"])],
                       "x_order": g["year"].astype(int) * 10 + g["type_order"],
                       "district": g["district_id"].map(v.district_label), "verdict": g["assessment"]})
    rows = [[r.district, r.period, ch.VERDICT_NAMES.get(r.verdict, "Ingen bedömning")] for r in df.itertuples()]
    alt = (f"Rutnät över {df['district'].nunique()} stadsdelars bedömning av målet i {df['period'].nunique()} "
           "rapporter, färgat efter bedömningen (H helt, D delvis, E ej).")
    return ch.verdict_grid("bedomningar", df, "period", "district", "Rapport", "Stadsdel", alt,
                           ["Stadsdel", "Rapport", "Bedömning"], rows)


def report_cell(v: View, path: str, x) -> str:
    return link(path, url_report(x.district_id, x.year, x.report_type), f"{int(x.year)} {x.report_type}")


def latest_verdict_rows(v: View, path: str, g: pd.DataFrame) -> list[list[str]]:
    """Each district's latest verdict: its latest report that assessed the goal (a business plan, VP,
    has no verdicts), else its latest report."""
    latest = (g.assign(has=g["assessment"] != "").sort_values(["has", "year", "type_order"], ascending=False)
              .drop_duplicates("district_id").sort_values("district_id"))
    return [[link(path, url_district(x.district_id), v.district_label(x.district_id)), report_cell(v, path, x),
             badge(x.assessment), v.ref(path, x)] for x in latest.itertuples()]


def goal_page(v: View, cg_id: str) -> Page:
    cg = v.city_goal(cg_id)
    path = url_goal(cg.city_goal_id)
    label = goal_label(cg.code, cg.title)
    p = Page(path, safe_title(label), wide=True)
    g = v.goals_of_city_goal(cg.city_goal_id).sort_values(["district_id", "year", "type_order"])
    chart = verdict_chart(v, g)
    p.charts.append(chart)
    under, res = v.latest_under_city_goal(cg.city_goal_id)
    council = [[link(path, url_district(x.district_id), v.district_label(x.district_id)), esc(x.title),
                badge(x.assessment), report_cell(v, path, x) + " " + v.ref(path, x)]
               for x in under.sort_values(["district_id", "source_line"]).itertuples()]
    indicators = [indicator_card(v, path, x, with_report=True)
                  for x in res.sort_values(["indicator_id", "district_id"]).itertuples()]
    p.add(render("goal.md.j2", path=path, goal=cg, label=label, crumb=cg.code or cg.city_goal_id, chart=chart,
                 latest_rows=latest_verdict_rows(v, path, g), council_rows=council, indicator_rows=indicators))
    return p
