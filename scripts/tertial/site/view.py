"""Derived views of the loaded package that the page builders share (look-ups made once per build)."""

from __future__ import annotations

import pandas as pd

from . import status as st
from .load import SiteData
from ..schema import ASSESSMENTS
from .markup import TYPE_NAMES, line_ref, link, rel, url_report, url_source

# --- derived views -------------------------------------------------------------------------------
class View:
    """Look-ups shared by the page builders."""

    def __init__(self, data: SiteData, sources: frozenset[str] = frozenset()):
        self.d = data
        self.sources = sources  # the report ids whose source is published (/kallor/<report_id>/)
        self.districts = data.districts.set_index("district_id", drop=False).rename_axis(None)
        self.reports = data.reports.set_index("report_id", drop=False).rename_axis(None)
        self.indicators = data.indicators.drop_duplicates("indicator_id").set_index("indicator_id", drop=False).rename_axis(None)
        self.goals = data.goals.merge(data.reports[["report_id", "district_id", "year", "report_type",
                                                    "type_order"]], on="report_id", how="left")
        # the package's indicator_results may carry district_id and year itself: the reports' are used
        own = [c for c in ("district_id", "year", "report_type", "type_order") if c in data.indicator_results]
        self.results = data.indicator_results.drop(columns=own).merge(
            data.reports[["report_id", "district_id", "year", "report_type", "type_order"]],
            on="report_id", how="left")
        self.latest = (data.reports.sort_values(["year", "type_order"]).groupby("district_id").tail(1)
                       .set_index("district_id", drop=False).rename_axis(None))
        # the latest report with verdicts (a business plan, VP, has none): what the charts show
        assessed = set(self.goals.loc[self.goals["assessment"] != "", "report_id"])
        ordered = data.reports.assign(has=data.reports["report_id"].isin(assessed))
        self.latest_assessed = (ordered.sort_values(["has", "year", "type_order"]).groupby("district_id").tail(1)
                                .set_index("district_id", drop=False).rename_axis(None))
        cg = self.goals[self.goals["city_goal_id"] != ""]
        self.city_goals = (cg.sort_values(["year", "type_order"])
                           .groupby("city_goal_id").agg(code=("code", "last"), title=("title", "last"),
                                                        level=("level", "last"), year=("year", "max"))
                           .reset_index())
        # look-ups by key, made once (a report page must not scan city-wide tables per goal)
        self.goals_by_report = {k: g for k, g in self.goals.groupby("report_id", sort=False)}
        self.results_by_report = {k: g for k, g in self.results.groupby("report_id", sort=False)}
        self.acts_by_report = {k: g for k, g in data.activities.groupby("report_id", sort=False)}
        raw = data.raw["indicator_results"]
        self.raw_results_by_report = {k: g for k, g in raw.groupby("report_id", sort=False)}
        self.raw_results_by_indicator = {k: g for k, g in raw.groupby("indicator_id", sort=False)}
        self.texts_by_goal: dict[str, list] = {}
        # without the row's position: a report's page must not depend on where its rows sit in the table
        for t in data.goal_texts.itertuples(index=False):
            self.texts_by_goal.setdefault(t.goal_id, []).append(t)
        self.name_of = {k: str(n) for k, n in zip(self.districts["district_id"], self.districts["name"])}
        self.direction_of = dict(zip(self.indicators["indicator_id"], self.indicators["direction"]))
        by_id = self.goals.set_index("goal_id")
        self.parent = by_id["parent_goal_id"].to_dict()
        self.goal_city = by_id["city_goal_id"].to_dict()
        self._anc: dict[str, list[str]] = {}
        # each report's district's previous report with verdicts (a business plan, VP, has none)
        self.previous_assessed: dict[str, str] = {}
        for _, reps in self.d.reports.sort_values(["year", "type_order"]).groupby("district_id", sort=False):
            last = None
            for rid in reps["report_id"]:
                if last is not None:
                    self.previous_assessed[rid] = last
                if rid in assessed:
                    last = rid

    def latest_under(self) -> tuple[pd.DataFrame, dict[str, set[str]]]:
        """The goals of every district's latest report, and for each city goal the ids of those goals
        that follow it up (the goal itself or one of its parents names the city goal). Made once."""
        if not hasattr(self, "_latest_under"):
            lg = self.goals[self.goals["report_id"].isin(set(self.latest["report_id"]))]
            under: dict[str, set[str]] = {}
            for gid in lg["goal_id"]:
                for cg in self.city_ancestors(gid):
                    under.setdefault(cg, set()).add(gid)
            self._latest_under = (lg, under)
        return self._latest_under

    def goals_of_city_goal(self, cg: str) -> pd.DataFrame:
        if not hasattr(self, "_by_city_goal"):
            self._by_city_goal = {k: g for k, g in self.goals.groupby("city_goal_id", sort=False)}
        return self._by_city_goal.get(cg, self.goals.iloc[:0])

    def ref(self, src: str, row) -> str:
        """A row's 'rad N' (goal, indicator row, activity), linked to its line in the report's source."""
        rid = row.report_id
        source = rel(src, url_source(rid)) if rid in self.sources else None
        return line_ref(row.source_line, getattr(row, "source_line_end", None), source,
                        getattr(row, "source_page", None))

    def published_sources(self, report_ids) -> list[str]:
        """Of these reports, those whose source is published (a page input: its links depend on it)."""
        return sorted(set(report_ids) & self.sources)

    def report_link(self, src: str, r) -> str:
        """A link to a row's report, named by its district (merged ones say so) and period: 'Norrmalm 2023 T2'."""
        return link(src, url_report(r.district_id, r.year, r.report_type),
                    f"{self.district_label(r.district_id)} {int(r.year)} {r.report_type}")

    def district_name(self, did) -> str:
        return self.name_of.get(did, did)

    def district_label(self, did) -> str:
        """The district's name, and for a district that no longer exists (merged into another) until
        when it existed: its values are never set beside current ones without saying so."""
        until = self.districts["valid_to"].get(did, "") if did in self.districts.index else ""
        return f"{self.district_name(did)} (fanns till {until})" if until else self.district_name(did)

    def report_title(self, r) -> str:
        return f"{self.district_name(r.district_id)} – {TYPE_NAMES.get(r.report_type, r.report_type)} {int(r.year)}"

    def city_ancestors(self, goal_id) -> list[str]:
        if goal_id in self._anc:
            return self._anc[goal_id]
        start = goal_id
        out, seen = [], set()
        while goal_id and goal_id not in seen:
            seen.add(goal_id)
            cg = self.goal_city.get(goal_id, "")
            if cg:
                out.append(cg)
            goal_id = self.parent.get(goal_id, "")
        self._anc[start] = out
        return out

    def goal_row(self, goal_id):
        """The goal (a row of goals, with its report's columns), or None."""
        if not hasattr(self, "_goal_rows"):
            self._goal_rows = {g.goal_id: g for g in self.goals.itertuples()}
        return self._goal_rows.get(goal_id)

    def area_of(self, goal_id) -> str:
        """The goal area a goal falls under: its nearest KF goal for an area of activity (verksamhetsmål),
        else its nearest KF goal (inriktningsmål), else the goal itself."""
        chain, seen = [], set()
        while goal_id and goal_id not in seen:
            seen.add(goal_id)
            chain.append(goal_id)
            goal_id = self.parent.get(goal_id, "")
        for level in ("verksamhetsmal", "inriktningsmal"):
            for gid in chain:
                g = self.goal_row(gid)
                if g is not None and g.level == level:
                    return gid
        return chain[0] if chain else ""

    def direction(self, iid) -> str:
        return str(self.direction_of.get(iid, "none"))

    def status(self, row) -> st.Status:
        return st.compute(row, row.get("report_type", ""), self.direction(row.get("indicator_id")))

    def counts(self, report_id) -> dict[str, int]:
        g = self.goals_by_report.get(report_id, self.goals.iloc[:0])
        return {k: int((g["assessment"] == k).sum()) for k in ASSESSMENTS}


def goal_key(g) -> tuple:
    """What makes a goal of one report the same goal in the district's next report: the city goal it
    names (KF goals), else its level and title as printed (white space and case folded)."""
    if g.city_goal_id:
        return ("city", g.city_goal_id)
    return (g.level, " ".join(str(g.title).split()).casefold())


def previous_verdicts(v: "View", report_id: str) -> tuple[pd.Series | None, dict[tuple, str]]:
    """The previous report with verdicts (or None) and its verdict per goal_key; a key printed twice in
    either report is left out (it cannot be told which goal is meant)."""
    prev = v.previous_assessed.get(report_id)
    if prev is None:
        return None, {}
    out: dict[tuple, str] = {}
    twice = set()
    for rid in (prev, report_id):
        goals = v.goals_by_report.get(rid)
        seen = set()
        for g in ([] if goals is None else goals.itertuples()):
            k = goal_key(g)
            if k in seen:
                twice.add(k)
            seen.add(k)
            if rid == prev:
                out[k] = g.assessment
    return v.reports.loc[prev], {k: a for k, a in out.items() if k not in twice and a}
