"""Derived views of the loaded package that the page builders share (look-ups made once per build)."""

from __future__ import annotations

import pandas as pd

from . import status as st
from .load import SiteData
from .. import schema
from ..schema import ASSESSMENTS
from .markup import TYPE_NAMES, line_ref, link, rel, url_report, url_source
from .reads import derived, read

# --- derived views -------------------------------------------------------------------------------
class View:
    """Look-ups shared by the page builders. A cached page builder (site/pagecache.py) sees only the
    `@read` methods (look-ups by plain keys, recorded with their results) and the `@derived` ones (made of
    reads); the tables and dicts below are for the pages made on every build (overview, data, sources)."""

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

    # --- reads: what a cached page may read, by plain keys (site/reads.py) --------------------------
    @read
    def district_info(self, did) -> dict | None:
        """The district's row of the districts table (name, valid_from, valid_to, merged_into_district_id)."""
        if not hasattr(self, "_district_info"):
            cols = [c for c in schema.columns("districts") if c != "district_id"]
            self._district_info = {d.district_id: {k: getattr(d, k) for k in cols}
                                   for d in self.districts.itertuples(index=False)}
        info = self._district_info.get(did)
        return None if info is None else dict(info)

    @read
    def merged_into(self, did) -> list[tuple[str, str]]:
        """The districts that went into did: (district_id, name) each."""
        m = self.d.districts[self.d.districts["merged_into_district_id"] == did]
        return [(x.district_id, str(x.name)) for x in m.itertuples()]

    @read
    def has_reports(self, did) -> bool:
        return did in self.latest.index

    @read
    def has_source(self, rid) -> bool:
        """Whether the report's source is published (/kallor/<report_id>/)."""
        return rid in self.sources

    @read
    def package_names(self) -> tuple[str, ...]:
        return tuple(sorted(pkg.name for pkg in self.d.packages))

    @read
    def direction(self, iid) -> str:
        return str(self.direction_of.get(iid, "none"))

    @read
    def indicator_info(self, iid) -> pd.Series | None:
        return self.indicators.loc[iid] if iid in self.indicators.index else None

    @read
    def results_of_indicator(self, iid) -> pd.DataFrame:
        """The indicator's rows in every report, by district and report order."""
        if not hasattr(self, "_by_indicator"):
            self._by_indicator = {k: g for k, g in self.results.groupby("indicator_id", sort=False)}
        res = self._by_indicator.get(iid, self.results.iloc[:0])
        return res.sort_values(["district_id", "year", "type_order"]).reset_index(drop=True)

    @read
    def raw_results_of_indicator(self, iid) -> pd.DataFrame:
        return _fresh(self.raw_results_by_indicator.get(iid), self.d.raw["indicator_results"])

    @read
    def raw_results_of_report(self, rid) -> pd.DataFrame:
        return _fresh(self.raw_results_by_report.get(rid), self.d.raw["indicator_results"])

    @read
    def report(self, rid):
        """The report's row (report_id, district_id, year, report_type, title, ...), or None."""
        if not hasattr(self, "_report_rows"):
            self._report_rows = {r.report_id: r for r in self.d.reports.itertuples(index=False, name="Report")}
        return self._report_rows.get(rid)

    @read
    def reports_of_district(self, did) -> pd.DataFrame:
        return self.d.reports[self.d.reports["district_id"] == did].reset_index(drop=True)

    @read
    def latest_report(self, did) -> pd.Series:
        return self.latest.loc[did]

    @read
    def latest_assessed_report(self, did) -> pd.Series:
        """The district's latest report with verdicts (a business plan, VP, has none)."""
        return self.latest_assessed.loc[did]

    @read
    def goals_of_report(self, rid) -> pd.DataFrame:
        return _fresh(self.goals_by_report.get(rid), self.goals)

    @read
    def results_of_report(self, rid) -> pd.DataFrame:
        return _fresh(self.results_by_report.get(rid), self.results)

    @read
    def acts_of_report(self, rid) -> pd.DataFrame:
        return _fresh(self.acts_by_report.get(rid), self.d.activities)

    @read
    def texts_of_goal(self, gid) -> list[tuple]:
        """The goal's texts (section, text), in the order of the table (not their place in it)."""
        return [(t.section, t.text) for t in self.texts_by_goal.get(gid, [])]

    @read
    def previous_assessed_of(self, rid) -> str | None:
        """The report id of the district's previous report with verdicts, or None."""
        return self.previous_assessed.get(rid)

    @read
    def goal_row(self, goal_id):
        """The goal (a row of goals, with its report's columns), or None."""
        if not hasattr(self, "_goal_rows"):
            self._goal_rows = {g.goal_id: g for g in self.goals.itertuples(index=False, name="Goal")}
        return self._goal_rows.get(goal_id)

    @read
    def goal_parent(self, goal_id) -> str:
        return self.parent.get(goal_id, "")

    @read
    def city_goal(self, cg):
        """The city goal (city_goal_id, code, title, level, year as its latest report prints them)."""
        if not hasattr(self, "_city_goal_rows"):
            self._city_goal_rows = {c.city_goal_id: c for c in self.city_goals.itertuples(index=False, name="CityGoal")}
        return self._city_goal_rows[cg]

    @read
    def goals_of_city_goal(self, cg: str) -> pd.DataFrame:
        if not hasattr(self, "_by_city_goal"):
            self._by_city_goal = {k: g for k, g in self.goals.groupby("city_goal_id", sort=False)}
        return _fresh(self._by_city_goal.get(cg), self.goals)

    @read
    def latest_under_city_goal(self, cg: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The council goals (nämndmål) and the indicator rows under city goal cg in the districts' latest
        reports."""
        lg, under_ids = self.latest_under()
        ids_ = under_ids.get(cg, set())
        if not hasattr(self, "_latest_results"):
            self._latest_results = self.results[self.results["report_id"].isin(set(self.latest["report_id"]))]
        under = lg[(lg["level"] == "namndmal") & lg["goal_id"].isin(ids_)]
        res = self._latest_results[self._latest_results["goal_id"].isin(ids_)]
        return under.reset_index(drop=True), res.reset_index(drop=True)

    # --- derived: made of reads only -----------------------------------------------------------------
    @derived
    def ref(self, src: str, row) -> str:
        """A row's 'rad N' (goal, indicator row, activity), linked to its line in the report's source."""
        rid = row.report_id
        source = rel(src, url_source(rid)) if self.has_source(rid) else None
        return line_ref(row.source_line, getattr(row, "source_line_end", None), source,
                        getattr(row, "source_page", None))

    @derived
    def report_link(self, src: str, r) -> str:
        """A link to a row's report, named by its district (merged ones say so) and period: 'Norrmalm 2023 T2'."""
        return link(src, url_report(r.district_id, r.year, r.report_type),
                    f"{self.district_label(r.district_id)} {int(r.year)} {r.report_type}")

    @derived
    def district_name(self, did) -> str:
        info = self.district_info(did)
        return str(info["name"]) if info is not None else did

    @derived
    def district_label(self, did) -> str:
        """The district's name, and for a district that no longer exists (merged into another) until
        when it existed: its values are never set beside current ones without saying so."""
        info = self.district_info(did)
        until = (info or {}).get("valid_to") or ""
        return f"{self.district_name(did)} (fanns till {until})" if until else self.district_name(did)

    @derived
    def report_title(self, r) -> str:
        return f"{self.district_name(r.district_id)} – {TYPE_NAMES.get(r.report_type, r.report_type)} {int(r.year)}"

    @derived
    def area_of(self, goal_id) -> str:
        """The goal area a goal falls under: its nearest KF goal for an area of activity (verksamhetsmål),
        else its nearest KF goal (inriktningsmål), else the goal itself."""
        chain, seen = [], set()
        while goal_id and goal_id not in seen:
            seen.add(goal_id)
            chain.append(goal_id)
            goal_id = self.goal_parent(goal_id)
        for level in ("verksamhetsmal", "inriktningsmal"):
            for gid in chain:
                g = self.goal_row(gid)
                if g is not None and g.level == level:
                    return gid
        return chain[0] if chain else ""

    @derived
    def status(self, row) -> st.Status:
        return st.compute(row, row.get("report_type", ""), self.direction(row.get("indicator_id")))

    @derived
    def counts(self, report_id) -> dict[str, int]:
        g = self.goals_of_report(report_id)
        return {k: int((g["assessment"] == k).sum()) for k in ASSESSMENTS}


def _fresh(rows: pd.DataFrame | None, empty: pd.DataFrame) -> pd.DataFrame:
    """A read's rows with a fresh index (their place in the city-wide table is not a part of them), or
    none (with the table's columns)."""
    return empty.iloc[:0] if rows is None else rows.reset_index(drop=True)


def goal_key(g) -> tuple:
    """What makes a goal of one report the same goal in the district's next report: the city goal it
    names (KF goals), else its level and title as printed (white space and case folded)."""
    if g.city_goal_id:
        return ("city", g.city_goal_id)
    return (g.level, " ".join(str(g.title).split()).casefold())


def previous_verdicts(v: "View", report_id: str) -> tuple[object, dict[tuple, str]]:
    """The previous report with verdicts (its row, or None) and its verdict per goal_key; a key printed
    twice in either report is left out (it cannot be told which goal is meant)."""
    prev = v.previous_assessed_of(report_id)
    if prev is None:
        return None, {}
    out: dict[tuple, str] = {}
    twice = set()
    for rid in (prev, report_id):
        seen = set()
        for g in v.goals_of_report(rid).itertuples():
            k = goal_key(g)
            if k in seen:
                twice.add(k)
            seen.add(k)
            if rid == prev:
                out[k] = g.assessment
    return v.report(prev), {k: a for k, a in out.items() if k not in twice and a}
