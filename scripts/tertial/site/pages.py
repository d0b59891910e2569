"""Process: every generated page, and the inputs of those the page cache (site/pagecache.py) can keep.

The pages themselves: site/overview.py (start and section pages), report.py (district and report),
goal.py (city goal), indicator.py, sources.py (a report's source), datapage.py (/data/); their HTML is
in site/templates/ (Jinja2, autoescaped), their shared look-ups in view.py, small pieces in markup.py.
"""

from __future__ import annotations

import pandas as pd

from .goal import goal_page, goal_page_rows
from .indicator import indicator_page
from .markup import Page
from .overview import districts_index, goals_index, indicators_index, start_page
from .report import district_page, report_page
from .view import View, previous_verdicts


# --- the inputs of the pages that can come from the page cache (site/pagecache.py) -----------------
# Each names everything its builder reads; a page is made again when any of it changes.
def report_inputs(v: View, r, packages: list[str]) -> tuple:
    rid = r.report_id
    goals = v.goals_by_report.get(rid)
    results = v.results_by_report.get(rid)
    texts = [tuple(t) for gid in ([] if goals is None else goals["goal_id"])
             for t in v.texts_by_goal.get(gid, [])]
    iids = [] if results is None else sorted(set(results["indicator_id"]))
    raw = v.raw_results_by_report.get(rid)
    prev, prev_verdicts = previous_verdicts(v, rid)
    return (tuple(r)[1:], list(v.d.reports.columns), v.district_name(r.district_id), goals, results,
            None if prev is None else tuple(prev), prev_verdicts,
            v.acts_by_report.get(rid), raw if raw is not None else list(v.d.raw["indicator_results"].columns),
            texts, {i: v.direction(i) for i in iids}, packages, v.published_sources([rid]))


def district_inputs(v: View, did: str, packages: list[str]) -> tuple:
    reps = v.d.reports[v.d.reports["district_id"] == did]
    latest, assessed = v.latest.loc[did], v.latest_assessed.loc[did]
    goals = v.goals[v.goals["report_id"].isin(set(reps["report_id"]))]
    results = v.results[v.results["report_id"].isin({latest.report_id, assessed.report_id})]
    iids = sorted(set(results["indicator_id"]))
    return (did, reps, latest, assessed, goals, results, {i: v.direction(i) for i in iids}, v.d.districts,
            sorted(v.latest.index), {d: v.district_name(d) for d in v.districts.index}, packages,
            v.published_sources(results["report_id"]))


def goal_inputs(v: View, cg) -> tuple:
    g = v.goals_of_city_goal(cg.city_goal_id)
    under, res = goal_page_rows(v, cg.city_goal_id)
    iids = sorted(set(res["indicator_id"]))
    dids = sorted(set(g["district_id"]) | set(under["district_id"]) | set(res["district_id"]))
    return (tuple(cg)[1:], g, under, res, {i: v.direction(i) for i in iids},
            {d: v.district_name(d) for d in dids},
            v.published_sources(set(g["report_id"]) | set(under["report_id"]) | set(res["report_id"])))


def indicator_inputs(v: View, iid: str, res: pd.DataFrame) -> tuple:
    info = v.indicators.loc[iid] if iid in v.indicators.index else None
    return (iid, info, res, v.direction(iid), {d: v.district_name(d) for d in sorted(set(res["district_id"]))},
            v.raw_results_by_indicator.get(iid), v.published_sources(res["report_id"]))


def all_pages(v: View, cache=None, emit=None) -> list[Page]:
    """Every generated page. With a cache (pagecache.PageCache), district, report, goal and indicator
    pages whose inputs are unchanged are taken from it. `emit(page)` is called as each page is ready
    (so its charts can render while the next pages are made)."""
    def make(kind, inputs, build):
        return cache.page(kind, inputs(), build) if cache is not None else build()

    pages: list[Page] = []

    def add(page: Page) -> None:
        pages.append(page)
        if emit is not None:
            emit(page)

    packages = sorted(pkg.name for pkg in v.d.packages)
    for page in (start_page(v), districts_index(v), goals_index(v), indicators_index(v)):
        add(page)
    by_indicator = {k: g for k, g in v.results.groupby("indicator_id", sort=False)}
    for iid in sorted(set(v.results["indicator_id"])):  # first: they carry the most charts
        add(make("indicator", lambda: indicator_inputs(v, iid, by_indicator[iid]),
                 lambda: indicator_page(v, iid)))
    for did in sorted(set(v.d.reports["district_id"])):
        add(make("district", lambda: district_inputs(v, did, packages), lambda: district_page(v, did)))
    for r in v.d.reports.itertuples():
        add(make("report", lambda: report_inputs(v, r, packages), lambda: report_page(v, r)))
    for cg in v.city_goals.itertuples():
        add(make("goal", lambda: goal_inputs(v, cg), lambda: goal_page(v, cg)))
    return pages
