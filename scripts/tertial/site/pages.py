"""Process: the site's pages as Markdown (plus charts and CSV files), from the loaded package only.

Untrusted values pass through text.esc / text.inline / text.block; nothing else writes them.
Addresses follow CONTRACT.md (site addresses); `url_*` give them, `rel` links between them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

import pandas as pd

from .. import ids
from . import charts as ch
from . import status as st
from .load import SiteData
from .text import block, esc, inline, with_unit

TYPE_NAMES = {"VP": "Verksamhetsplan", "T1": "Tertialrapport 1", "T2": "Tertialrapport 2",
              "VB": "Verksamhetsberättelse"}
LEVEL_NAMES = {"inriktningsmal": "KF:s inriktningsmål", "verksamhetsmal": "KF:s mål för verksamhetsområdet",
               "namndmal": "Nämndmål"}
DIRECTION_NAMES = {"higher": "Högre värde är bättre", "lower": "Lägre värde är bättre",
                   "none": "Ingen riktning angiven", "": "Ingen riktning angiven"}
HEADING = {"inriktningsmal": "##", "verksamhetsmal": "###", "namndmal": "####"}


# --- addresses ---------------------------------------------------------------------------------
def url_district(did): return f"stadsdelar/{did}/"
def url_report(did, year, rtype): return f"stadsdelar/{did}/{int(year)}-{str(rtype).lower()}/"
def url_goal(cg): return f"mal/{cg}/"
def url_indicator(iid): return f"indikatorer/{iid}/"


def rel(src: str, dst: str) -> str:
    """Relative link from directory address src to address dst ('' is the start page; a dst not
    ending in '/' is a file, e.g. 'data/stockholm.zip')."""
    is_dir = dst == "" or dst.endswith("/")
    r = posixpath.relpath("/" + dst, "/" + src)
    if is_dir:
        return "./" if r == "." else r + "/"
    return r


@dataclass
class Page:
    path: str                      # address, e.g. 'stadsdelar/norrmalm/'
    title: str                     # plain title for <title> (sanitised)
    wide: bool = False             # hide the (six-link) navigation sidebar to give tables room
    body: list[str] = field(default_factory=list)
    charts: list[ch.Chart] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)   # extra files beside the page

    def add(self, *parts: str):
        self.body.extend(parts)

    def markdown(self) -> str:
        hide = "hide:\n  - navigation\n" if self.wide else ""
        front = f"---\ntitle: \"{self.title}\"\n{hide}---\n\n"
        return front + "\n\n".join(p.strip("\n") for p in self.body if p) + "\n"


def safe_title(s) -> str:
    """A page <title>: untrusted text minus anything a template or HTML could act on."""
    out = "".join(c for c in str(s) if c not in '<>&{}"`\\%')
    return " ".join(out.split())[:120]


# --- small HTML pieces ---------------------------------------------------------------------------
def link(src, dst, text) -> str:
    return f'<a href="{esc(rel(src, dst))}">{esc(text)}</a>'


def crumbs(src: str, trail: list[tuple[str, str]]) -> str:
    items = [link(src, "", "Start")] + [link(src, dst, t) for dst, t in trail[:-1]] + [esc(trail[-1][1])]
    return f'<nav class="tertial-crumbs" aria-label="Här är du">{" › ".join(items)}</nav>'


def badge(assessment) -> str:
    a = assessment if assessment in ("helt", "delvis", "ej") else "ingen"
    label = ch.VERDICT_LABELS.get(assessment if a != "ingen" else "", "Ingen bedömning")
    return f'<span class="tertial-badge tertial-{a}">{esc(label)}</span>'


def status_badge(s: st.Status) -> str:
    return (f'<span class="tertial-status tertial-status-{s.key}" title="{esc(s.basis)}">'
            f'{esc(s.label)}<span class="tertial-visually-hidden"> ({esc(s.basis)})</span></span>')


def line_ref(line, end=None) -> str:
    if line is None or pd.isna(line):
        return ""
    if end is not None and not pd.isna(end) and str(end) not in ("", str(line)):
        return f'<span class="tertial-line">rad {esc(line)}–{esc(end)}</span>'
    return f'<span class="tertial-line">rad {esc(line)}</span>'


def deferred(html: str) -> str:
    """Mark a generated HTML block for the MkDocs hook overrides/hooks/tertial_deferred.py: it is put
    into the page as is, without Python-Markdown re-parsing it and without filling the search index."""
    return f"<!--tertial:html-->\n{html}\n<!--/tertial:html-->"


def table(columns: list[str], rows: list[list[str]], caption: str, raw: bool = False,
          search: bool = False) -> str:
    """An HTML table in a focusable scroll region (so a phone never scrolls sideways); wide tables
    turn into one card per row on a phone (each cell labelled by its column). Cells are escaped
    unless raw=True (then the caller built them from escaped pieces)."""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    cards = " tertial-cards" if len(columns) > 4 else ""
    # a cell's column name is only shown (by CSS) in the phone's card layout
    opens = [f'<td data-label="{esc(h)}">' for h in columns] if cards else ["<td>"] * len(columns)
    body = "".join("<tr>" + "".join(f"{o}{c if raw else esc(c)}</td>" for o, c in zip(opens, r)) + "</tr>"
                   for r in rows)
    html = (f'<p class="tertial-caption" aria-hidden="true">{esc(caption)}</p>'
            f'<div class="tertial-table{cards}" role="region" tabindex="0" aria-label="{esc(caption)}">'
            f'<table><caption class="tertial-visually-hidden">{esc(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')
    return html if search else deferred(html)


def figure(chart: ch.Chart, caption: str) -> str:
    data = table(chart.columns, chart.rows, f"Data bakom diagrammet: {caption}", search=True)
    return deferred(ch.embed(chart, caption) + f'<details class="tertial-data"><summary>Visa data som tabell</summary>{data}</details>')


def report_label(r) -> str:
    return f"{int(r.year)} {r.report_type}"


# --- derived views -------------------------------------------------------------------------------
class View:
    """Look-ups shared by the page builders."""

    def __init__(self, data: SiteData):
        self.d = data
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

    def district_name(self, did) -> str:
        return self.name_of.get(did, did)

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

    def direction(self, iid) -> str:
        return str(self.direction_of.get(iid, "none"))

    def status(self, row) -> st.Status:
        return st.compute(row, row.get("report_type", ""), self.direction(row.get("indicator_id")))

    def counts(self, report_id) -> dict[str, int]:
        g = self.goals_by_report.get(report_id, self.goals.iloc[:0])
        return {k: int((g["assessment"] == k).sum()) for k in ("helt", "delvis", "ej")}


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


def goal_label(code, title) -> str:
    return f"{code} {title}" if code else str(title)


def indicator_row_cells(v: View, src: str, r, with_report: bool = False, with_name: bool = True) -> list[str]:
    """One indicator row as table cells (INDICATOR_COLUMNS; 'Rapport' second with with_report;
    without the name, on the indicator's own page, the report comes first and carries the flags)."""
    unit = r.unit or ""
    s = v.status(r._asdict() if hasattr(r, "_asdict") else dict(r))
    target = with_unit(r.annual_target, unit) or r.annual_target_text
    city = with_unit(r.city_target, unit) or r.city_target_text
    name = link(src, url_indicator(r.indicator_id), r.name)
    if str(r.needs_review).lower() == "true":
        reason = getattr(r, "review_reason", "") or "kolumnerna kunde inte skiljas åt säkert"
        name += f' <span class="tertial-review">Behöver granskas: {esc(reason)}</span>'
    report = link(src, url_report(r.district_id, r.year, r.report_type),
                  f"{v.district_name(r.district_id)} {int(r.year)} {r.report_type}")
    if not with_name:
        cells = [report + name[name.index("</a>") + 4:]]
    else:
        cells = [name] + ([report] if with_report else [])
    cells += [esc(with_unit(r.period_outcome, unit)), esc(with_unit(r.forecast, unit)), esc(target),
              status_badge(s), line_ref(r.source_line, getattr(r, "source_line_end", None)),
              esc(with_unit(r.outcome_women, unit)), esc(with_unit(r.outcome_men, unit)),
              esc(with_unit(r.previous_year, unit)), esc(city), esc(r.period)]
    return cells


INDICATOR_COLUMNS = ["Indikator", "Utfall", "Prognos helår", "Årsmål", "Beräknad status", "Källa",
                     "Kvinnor", "Män", "Föregående år", "KF:s årsmål", "Period"]
STATUS_NOTE = ("<p class=\"tertial-note\"><strong>Beräknad status</strong> är vår jämförelse av prognos "
               "(tertialrapporter) eller utfall (verksamhetsberättelse) mot årsmålet och indikatorns riktning. "
               "Den är inte nämndens egen bedömning. Läs mer under <em>Om</em>.</p>")


# --- the pages ------------------------------------------------------------------------------------
def start_page(v: View) -> Page:
    p = Page("", "Start")
    p.add("# Stockholms stadsdelsnämnder: mål och resultat",
          "<p class=\"tertial-lead\">Här ser du hur Stockholms stadsdelsnämnder själva bedömer att de når "
          "kommunfullmäktiges mål, och hur deras indikatorer utvecklas. Allt är hämtat ur nämndernas "
          "verksamhetsplaner, tertialrapporter och verksamhetsberättelser och finns att ladda ner som "
          "öppna data.</p>",
          f"<p>Välj din stadsdel nedan, eller sök efter en indikator eller ett mål med sökrutan högst upp. "
          f"{link('', 'data/', 'Ladda ner data')} · {link('', 'om/', 'Hur siffrorna tas fram')} · "
          f"{link('', 'nyheter/', 'Nyheter')}</p>",
          "## Senaste rapport per stadsdel")
    rows = []
    for r in v.latest.sort_values("district_id").itertuples():
        c = v.counts(r.report_id)
        rows.append([link("", url_district(r.district_id), v.district_name(r.district_id)),
                     link("", url_report(r.district_id, r.year, r.report_type),
                          f"{TYPE_NAMES.get(r.report_type, r.report_type)} {int(r.year)}"),
                     *([str(c["helt"]), str(c["delvis"]), str(c["ej"])] if sum(c.values())
                       else ["–", "–", "–"])])  # a business plan prints no verdicts: no zeros
    p.add(table(["Stadsdel", "Senaste rapport", "Mål som uppfylls helt", "delvis", "ej"], rows,
                "Senaste rapport per stadsdel", raw=True))
    chart = overview_chart(v)
    if chart:
        p.charts.append(chart)
        p.add("## Stadens mål i alla stadsdelar",
              "<p>Nämndernas egen bedömning i senaste rapporten av varje mål för verksamhetsområdet "
              "(H = uppfylls helt, D = delvis, E = ej).</p>",
              figure(chart, "Nämndernas bedömning per stadsdel och kommunfullmäktiges mål"))
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
    rows = [[r.district, r.goal, ch.VERDICT_LABELS.get(r.verdict, "Ingen bedömning")] for r in df.itertuples()]
    alt = (f"Rutnät: {df['district'].nunique()} stadsdelar (rader) och {df['goal'].nunique()} av "
           f"kommunfullmäktiges mål (kolumner), färgade efter nämndens bedömning i senaste rapporten. "
           + "; ".join(f"{k}: {int((df['verdict'] == kk).sum())}" for kk, k in
                       (("helt", "uppfylls helt"), ("delvis", "delvis"), ("ej", "ej"))) + ".")
    return ch.verdict_grid("oversikt", df, "goal", "district", "Mål", "Stadsdel", alt,
                           ["Stadsdel", "Mål", "Bedömning"], rows)


def districts_index(v: View) -> Page:
    path = "stadsdelar/"
    p = Page(path, "Stadsdelar")
    p.add(crumbs(path, [(path, "Stadsdelar")]), "# Stadsdelar",
          "<p>Stockholms stadsdelsnämnder och deras rapporter.</p>")
    rows = []
    for d in v.d.districts.sort_values("name").itertuples():
        latest = v.latest.loc[d.district_id] if d.district_id in v.latest.index else None
        note = ""
        if d.valid_to:
            merged = d.merged_into_district_id
            note = f"Fanns till {esc(d.valid_to)}"
            if merged:
                note += " och gick sedan upp i " + (link(path, url_district(merged), v.district_name(merged))
                                                    if merged in v.latest.index else esc(v.district_name(merged)))
        rows.append([link(path, url_district(d.district_id), d.name) if latest is not None else esc(d.name),
                     link(path, url_report(d.district_id, latest.year, latest.report_type),
                          f"{TYPE_NAMES.get(latest.report_type)} {int(latest.year)}") if latest is not None else "",
                     note])
    p.add(table(["Stadsdel", "Senaste rapport", "Anmärkning"], rows, "Stadsdelar", raw=True))
    return p


SHORT_LEVELS = {"inriktningsmal": "KF:s inriktningsmål", "verksamhetsmal": "KF:s verksamhetsmål",
                "namndmal": "Nämndmål"}


def verdict_count_chart(v: View, report_id: str, name: str) -> ch.Chart | None:
    g = v.goals[v.goals["report_id"] == report_id]
    if g.empty:
        return None
    df = (g.assign(level_label=g["level"].map(SHORT_LEVELS).fillna(g["level"]))
          .groupby(["level_label", "assessment"]).size().reset_index(name="n")
          .rename(columns={"assessment": "verdict"}))
    order = list(SHORT_LEVELS.values())
    df["lo"] = df["level_label"].map(lambda x: order.index(x) if x in order else 9)
    df = df.sort_values(["lo", "verdict"]).drop(columns="lo")
    parts = []
    for lvl, grp in df.groupby("level_label", sort=False):
        parts.append(f"{lvl}: " + ", ".join(f"{int(r.n)} {ch.VERDICT_LABELS.get(r.verdict, '').lower()}"
                                           for r in grp.itertuples()))
    alt = "Stapeldiagram över nämndens bedömning av sina mål per nivå. " + "; ".join(parts) + "."
    return ch.verdict_counts(name, df, alt)


def district_page(v: View, did: str) -> Page:
    path = url_district(did)
    name = v.district_name(did)
    p = Page(path, safe_title(name), wide=True)
    reps = v.d.reports[v.d.reports["district_id"] == did]
    latest = v.latest.loc[did]
    p.add(crumbs(path, [("stadsdelar/", "Stadsdelar"), (path, name)]), f"# {inline(name)}")
    d = v.districts.loc[did] if did in v.districts.index else None
    if d is not None and d.get("valid_to"):
        p.add(f"<p class=\"tertial-note\">Stadsdelsnämnden fanns till {esc(d['valid_to'])}"
              + (f" och gick sedan upp i {link(path, url_district(d['merged_into_district_id']), v.district_name(d['merged_into_district_id']))}"
                 if d.get("merged_into_district_id") in v.districts.index and d.get("merged_into_district_id") in v.latest.index else "")
              + ".</p>")
    merged_from = v.d.districts[v.d.districts["merged_into_district_id"] == did]
    for m in merged_from.itertuples():
        target = link(path, url_district(m.district_id), m.name) if m.district_id in v.latest.index else esc(m.name)
        p.add(f"<p class=\"tertial-note\">{target} gick upp i {esc(name)} {esc(d['valid_from'] if d is not None else '')}.</p>")
    p.add(f"## Senaste rapporten: {inline(TYPE_NAMES.get(latest.report_type, latest.report_type))} {int(latest.year)}",
          f"<p>{link(path, url_report(did, latest.year, latest.report_type), 'Läs hela rapporten med alla mål och indikatorer')}</p>")
    if latest.report_id != v.latest_assessed.loc[did, "report_id"]:
        latest = v.latest_assessed.loc[did]
        p.add(f"<p>Verksamhetsplanen innehåller inga bedömningar; nedan visas den senaste uppföljningen, "
              f"{link(path, url_report(did, latest.year, latest.report_type), TYPE_NAMES.get(latest.report_type, '') + ' ' + str(int(latest.year)))}.</p>")
    chart = verdict_count_chart(v, latest.report_id, "bedomningar")
    if chart:
        p.charts.append(chart)
        p.add(figure(chart, f"Nämndens bedömning av sina mål, {report_label(latest)}"))
    res = v.results[v.results["report_id"] == latest.report_id].sort_values("source_line")
    if not res.empty:
        p.add("## Indikatorer mot målvärde", STATUS_NOTE)
        rows = [indicator_row_cells(v, path, r) for r in res.itertuples()]
        p.add(table(INDICATOR_COLUMNS, rows, f"Indikatorer i {report_label(latest)}", raw=True))
    p.add("## Alla rapporter")
    rows = []
    for r in reps.sort_values(["year", "type_order"], ascending=False).itertuples():
        c = v.counts(r.report_id)
        rows.append([link(path, url_report(did, r.year, r.report_type),
                          f"{TYPE_NAMES.get(r.report_type, r.report_type)} {int(r.year)}"),
                     esc(r.title), str(c["helt"]), str(c["delvis"]), str(c["ej"])])
    p.add(table(["Rapport", "Rubrik i rapporten", "Uppfylls helt", "delvis", "ej"], rows,
                f"Alla rapporter från {name}", raw=True))
    p.add("## Ladda ner", downloads(v, path, did))
    return p


def downloads(v: View, path: str, did: str | None) -> str:
    names = {pkg.name for pkg in v.d.packages}
    items = []
    for pkg in ([did] if did in names else []) + ["stockholm"]:
        if pkg not in names:
            continue
        label = v.district_name(pkg) if pkg != "stockholm" else "hela staden"
        items.append(f"<li>Datapaket för {esc(label)}: {link(path, f'data/{pkg}.zip', 'zip')} · "
                     f"{link(path, f'data/{pkg}.xlsx', 'Excel')} · "
                     f"{link(path, f'data/{pkg}/datapackage.json', 'datapackage.json')}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def report_page(v: View, r) -> Page:
    path = url_report(r.district_id, r.year, r.report_type)
    dname = v.district_name(r.district_id)
    title = v.report_title(r)
    p = Page(path, safe_title(title), wide=True)
    p.add(crumbs(path, [("stadsdelar/", "Stadsdelar"), (url_district(r.district_id), dname), (path, report_label(r))]),
          f"# {inline(title)}")
    meta = f"<p>Rubrik i rapporten: <q>{esc(r.title)}</q>. Källfil: <code>{esc(r.source_file)}</code>"
    sha = getattr(r, "source_sha256", "")
    if sha:
        meta += f" (sha256 <code class=\"tertial-hash\">{esc(str(sha)[:12])}…</code>)"
    p.add(meta + ". Radnumren nedan (<q>rad 302</q>) pekar på raden i källfilen.</p>")
    c = v.counts(r.report_id)
    p.add(f"<p>Nämndens bedömning: {c['helt']} mål uppfylls helt, {c['delvis']} delvis och {c['ej']} ej.</p>",
          STATUS_NOTE)
    empty = {"g": v.goals.iloc[:0], "r": v.results.iloc[:0], "a": v.d.activities.iloc[:0]}
    goals = v.goals_by_report.get(r.report_id, empty["g"]).sort_values("source_line")
    res_by_goal: dict[str, list] = {}
    for x in v.results_by_report.get(r.report_id, empty["r"]).sort_values("source_line").itertuples():
        res_by_goal.setdefault(x.goal_id, []).append(x)
    acts_by_goal: dict[str, list] = {}
    for a in v.acts_by_report.get(r.report_id, empty["a"]).sort_values("source_line").itertuples():
        acts_by_goal.setdefault(a.goal_id, []).append(a)
    rows_csv = v.raw_results_by_report.get(r.report_id, v.d.raw["indicator_results"].iloc[:0])
    prev, prev_verdicts = previous_verdicts(v, r.report_id)
    for g in goals.itertuples():
        h = HEADING.get(g.level, "####")
        p.add(f"{h} {inline(goal_label(g.code, g.title))}")
        bits = [badge(g.assessment), esc(LEVEL_NAMES.get(g.level, g.level)), line_ref(g.source_line)]
        before = prev_verdicts.get(goal_key(g)) if g.assessment else None
        if before:
            bits.insert(1, "förra bedömningen " + link(path, url_report(prev.district_id, prev.year, prev.report_type),
                                                         report_label(prev))
                        + f": {esc(ch.VERDICT_LABELS.get(before, before).lower())}")
        if g.city_goal_id:
            bits.append(link(path, url_goal(g.city_goal_id), "Alla stadsdelar om målet"))
        p.add(f'<p class="tertial-goalmeta">{" · ".join(b for b in bits if b)}</p>')
        for t in v.texts_by_goal.get(g.goal_id, []):
            p.add(deferred(f'<div class="tertial-text"><p class="tertial-section">{esc(section_name(t.section))}</p>'
                           f'{block(t.text)}</div>'))
        gres = res_by_goal.get(g.goal_id, [])
        if gres:
            p.add(table(INDICATOR_COLUMNS, [indicator_row_cells(v, path, x) for x in gres],
                        f"Indikatorer för målet {goal_label(g.code, g.title)}", raw=True))
            for x in gres:
                if x.analysis:
                    p.add(deferred(f'<details class="tertial-text"><summary>Nämndens kommentar till '
                                   f'{esc(x.name)} ({line_ref(x.source_line)})</summary>{block(x.analysis)}</details>'))
        gacts = acts_by_goal.get(g.goal_id, [])
        if gacts:
            p.add(activities(gacts, f"Aktiviteter för målet {goal_label(g.code, g.title)}"))
    p.add("## Ladda ner",
          f"<ul><li>{link(path, path + 'indikatorer.csv', 'Rapportens indikatorer (CSV)')}</li></ul>"
          + downloads(v, path, r.district_id))
    p.files["indikatorer.csv"] = rows_csv.to_csv(index=False, lineterminator="\n").encode("utf-8")
    return p


def activities(acts: list, caption: str) -> str:
    """A goal's activities as a list (lighter than a table; a report lists a hundred or more): the text,
    then start and end date, deviation and source line, each named."""
    items = []
    for a in acts:
        bits = []
        if a.start_date or a.end_date:
            bits.append(f"{esc(a.start_date) or '…'}–{esc(a.end_date) or '…'}")
        if a.deviation:
            bits.append(f"avvikelse: {esc(a.deviation)}")
        ref = line_ref(a.source_line)
        if ref:
            bits.append(ref)
        meta = f'<br><small>{" · ".join(bits)}</small>' if bits else ""
        items.append(f"<li>{esc(a.text)}{meta}</li>")
    return deferred(f'<p class="tertial-caption">{esc(caption)}</p>'
                    f'<ul class="tertial-acts">{"".join(items)}</ul>')


def section_name(section) -> str:
    return {"analys": "Analys", "beskrivning": "Beskrivning",
            "forvantat_resultat": "Förväntat resultat"}.get(section, str(section).replace("_", " ").capitalize())


def goals_index(v: View) -> Page:
    path = "mal/"
    p = Page(path, "Kommunfullmäktiges mål")
    p.add(crumbs(path, [(path, "Mål")]), "# Kommunfullmäktiges mål",
          "<p>Målen som kommunfullmäktige (KF) ger stadsdelsnämnderna. Varje mål har en sida med alla "
          "stadsdelars bedömning, nämndmålen under det och deras indikatorer.</p>")
    rows = []
    cgs = v.city_goals.copy()
    cgs["n"] = cgs["city_goal_id"].map(v.goals.groupby("city_goal_id")["district_id"].nunique())
    for g in cgs.sort_values("city_goal_id").itertuples():
        rows.append([link(path, url_goal(g.city_goal_id), goal_label(g.code, g.title)),
                     esc(LEVEL_NAMES.get(g.level, g.level)), esc(g.city_goal_id.split("-")[0]), str(g.n)])
    p.add(table(["Mål", "Nivå", "Mandatperiod från", "Stadsdelar"], rows, "Kommunfullmäktiges mål", raw=True))
    return p


def goal_page(v: View, cg) -> Page:
    path = url_goal(cg.city_goal_id)
    label = goal_label(cg.code, cg.title)
    p = Page(path, safe_title(label), wide=True)
    p.add(crumbs(path, [("mal/", "Mål"), (path, cg.code or cg.city_goal_id)]), f"# {inline(label)}",
          f"<p>{esc(LEVEL_NAMES.get(cg.level, cg.level))} · id <code>{esc(cg.city_goal_id)}</code></p>")
    g = v.goals_of_city_goal(cg.city_goal_id).sort_values(["district_id", "year", "type_order"])
    df = pd.DataFrame({"period": [f"{int(y)} {t}" for y, t in zip(g["year"], g["report_type"])],
                       "x_order": g["year"].astype(int) * 10 + g["type_order"],
                       "district": g["district_id"].map(v.district_name), "verdict": g["assessment"]})
    rows = [[r.district, r.period, ch.VERDICT_LABELS.get(r.verdict, "Ingen bedömning")] for r in df.itertuples()]
    alt = (f"Rutnät över {df['district'].nunique()} stadsdelars bedömning av målet i {df['period'].nunique()} "
           "rapporter, färgat efter bedömningen (H helt, D delvis, E ej).")
    chart = ch.verdict_grid("bedomningar", df, "period", "district", "Rapport", "Stadsdel", alt,
                            ["Stadsdel", "Rapport", "Bedömning"], rows)
    p.charts.append(chart)
    p.add("## Stadsdelarnas bedömning", figure(chart, "Nämndernas bedömning av målet per rapport"))
    trows = []
    # each district's latest verdict: its latest report that assessed the goal (a business plan, VP, has
    # no verdicts), else its latest report
    for x in g.assign(has=g["assessment"] != "").sort_values(["has", "year", "type_order"], ascending=False) \
              .drop_duplicates("district_id").sort_values("district_id").itertuples():
        trows.append([link(path, url_district(x.district_id), v.district_name(x.district_id)),
                      link(path, url_report(x.district_id, x.year, x.report_type), f"{int(x.year)} {x.report_type}"),
                      badge(x.assessment), line_ref(x.source_line)])
    p.add(table(["Stadsdel", "Rapport", "Bedömning", "Källa"], trows,
                "Senaste bedömning per stadsdel", raw=True))
    under, res = goal_page_rows(v, cg.city_goal_id)
    if not under.empty:
        p.add("## Nämndmål under målet")
        nrows = [[link(path, url_district(x.district_id), v.district_name(x.district_id)), esc(x.title),
                  badge(x.assessment), link(path, url_report(x.district_id, x.year, x.report_type),
                                            f"{int(x.year)} {x.report_type}") + " " + line_ref(x.source_line)]
                 for x in under.sort_values(["district_id", "source_line"]).itertuples()]
        p.add(table(["Stadsdel", "Nämndmål", "Bedömning", "Källa"], nrows, "Nämndmål under målet", raw=True))
    if not res.empty:
        p.add("## Indikatorer", STATUS_NOTE)
        rows = [indicator_row_cells(v, path, x, with_report=True)
                for x in res.sort_values(["indicator_id", "district_id"]).itertuples()]
        cols = INDICATOR_COLUMNS[:1] + ["Rapport"] + INDICATOR_COLUMNS[1:]
        p.add(table(cols, rows, "Indikatorer under målet i senaste rapporterna", raw=True))
    return p


def goal_page_rows(v: View, cg: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The council goals (nämndmål) and the indicator rows under city goal cg in the latest reports."""
    lg, under_ids = v.latest_under()
    ids_ = under_ids.get(cg, set())
    if not hasattr(v, "_latest_results"):
        v._latest_results = v.results[v.results["report_id"].isin(set(v.latest["report_id"]))]
    under = lg[(lg["level"] == "namndmal") & lg["goal_id"].isin(ids_)]
    res = v._latest_results[v._latest_results["goal_id"].isin(ids_)]
    return under, res


def indicators_index(v: View) -> Page:
    path = "indikatorer/"
    p = Page(path, "Indikatorer")
    p.add(crumbs(path, [(path, "Indikatorer")]), "# Indikatorer",
          "<p>Alla indikatorer som nämnderna följer upp. Varje indikator har en sida som jämför stadsdelarna.</p>")
    n = v.results.groupby("indicator_id")["district_id"].nunique()
    rows = []
    for i in v.indicators.sort_values("name").itertuples():
        if i.indicator_id not in n.index:
            continue
        rows.append([link(path, url_indicator(i.indicator_id), i.name), esc(i.unit),
                     esc(DIRECTION_NAMES.get(i.direction, i.direction)), str(int(n[i.indicator_id]))])
    p.add(table(["Indikator", "Enhet", "Riktning", "Stadsdelar"], rows, "Indikatorer", raw=True))
    return p


def indicator_page(v: View, iid: str) -> Page:
    path = url_indicator(iid)
    info = v.indicators.loc[iid] if iid in v.indicators.index else None
    res = v.results[v.results["indicator_id"] == iid].sort_values(["district_id", "year", "type_order"])
    name = str(info["name"]) if info is not None else str(res["name"].iloc[0])
    unit = str(info["unit"]) if info is not None else str(res["unit"].iloc[0])
    direction = v.direction(iid)
    p = Page(path, safe_title(name), wide=True)
    p.add(crumbs(path, [("indikatorer/", "Indikatorer"), (path, name)]), f"# {inline(name)}",
          f"<p>Enhet: {esc(unit or 'ingen')} · {esc(DIRECTION_NAMES.get(direction, direction))} · "
          f"id <code>{esc(iid)}</code> · {link(path, path + iid + '.csv', 'Alla rader som CSV')}</p>")
    latest = res.groupby("district_id").tail(1)
    # districts compared, each by its latest report with an outcome (a business plan, VP, has none)
    cmp_ = res.dropna(subset=["period_outcome"]).groupby("district_id").tail(1)
    if not cmp_.empty:
        df = pd.DataFrame({"label": [f"{v.district_name(d)} ({int(y)} {t})" for d, y, t in
                                     zip(cmp_["district_id"], cmp_["year"], cmp_["report_type"])],
                           "value": cmp_["period_outcome"].values, "target": cmp_["annual_target"].values})
        rows = [[r.label, with_unit(r.value, unit), with_unit(r.target, unit)] for r in df.itertuples()]
        alt = (f"Liggande staplar: senaste utfall för {name} per stadsdel, med årsmålet som svart streck. "
               + "; ".join(f"{r.label}: {with_unit(r.value, unit)}" + (f" (årsmål {with_unit(r.target, unit)})"
                                                                        if not pd.isna(r.target) else "")
                           for r in df.itertuples()) + ".")
        chart = ch.bars_with_target("jamforelse", df, unit, alt, ["Stadsdel (rapport)", "Utfall", "Årsmål"], rows)
        p.charts.append(chart)
        p.add("## Stadsdelarna jämförda", figure(chart, "Senaste utfall per stadsdel mot årsmålet"))
    # trajectory over reports
    long = []
    for x in res.itertuples():
        for col, label in (("period_outcome", "Utfall"), ("forecast", "Prognos helår"), ("annual_target", "Årsmål")):
            val = getattr(x, col)
            if not pd.isna(val):
                long.append({"district": v.district_name(x.district_id), "period": f"{int(x.year)} {x.report_type}",
                             "period_order": int(x.year) * 10 + int(x.type_order), "series": label, "value": val})
    traj = pd.DataFrame(long)
    if not traj.empty and traj["period"].nunique() > 1:
        rows = [[r.district, r.period, r.series, with_unit(r.value, unit)] for r in traj.itertuples()]
        periods = list(dict.fromkeys(traj.sort_values("period_order")["period"]))
        n_d = traj["district"].nunique()
        alt = (f"Linjediagram: {name}, utfall och årsmål över rapporterna {periods[0]} till {periods[-1]}"
               + (f", en liten panel per stadsdel ({n_d} stadsdelar)" if n_d > 1 else "")
               + ". Alla värden, också prognoserna för helåret, finns i tabellen under diagrammet.")
        chart = ch.trajectory("utveckling", traj, unit, alt, ["Stadsdel", "Rapport", "Serie", "Värde"], rows)
        p.charts.append(chart)
        p.add("## Utveckling över rapporterna", figure(chart, "Utfall mot årsmålet, rapport för rapport"))
    # each district's latest report with an outcome for women or men (a business plan, VP, has none)
    sex = res.dropna(subset=["outcome_men", "outcome_women"], how="all").groupby("district_id").tail(1)
    if not sex.empty:
        long = []
        for x in sex.itertuples():
            label = f"{v.district_name(x.district_id)} ({int(x.year)} {x.report_type})"
            for col, s in (("outcome_women", "Kvinnor"), ("outcome_men", "Män")):
                if not pd.isna(getattr(x, col)):
                    long.append({"label": label, "sex": s, "value": getattr(x, col)})
        df = pd.DataFrame(long)
        rows = [[r.label, r.sex, with_unit(r.value, unit)] for r in df.itertuples()]
        alt = "Staplar: utfall för kvinnor och män per stadsdel. " + "; ".join(" ".join(r) for r in rows) + "."
        chart = ch.men_women("kon", df, unit, alt, ["Stadsdel (rapport)", "Kön", "Utfall"], rows)
        p.charts.append(chart)
        p.add("## Kvinnor och män", figure(chart, "Senaste utfall för kvinnor och män"))
    p.add("## Senaste rapporten per stadsdel", STATUS_NOTE,
          f"<p>Tabellen visar varje stadsdels senaste rapport med indikatorn. Alla rapporters rader finns i "
          f"{link(path, path + iid + '.csv', 'CSV-filen')} (och utfall, prognos och årsmål i tabellen under "
          f"diagrammet ovan).</p>")
    cols = ["Rapport"] + INDICATOR_COLUMNS[1:]
    p.add(table(cols, [indicator_row_cells(v, path, x, with_name=False) for x in latest.itertuples()],
                f"Senaste rapporten per stadsdel för {name}", raw=True))
    raw = v.raw_results_by_indicator[iid]
    p.files[f"{iid}.csv"] = raw.to_csv(index=False, lineterminator="\n").encode("utf-8")
    return p


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
            texts, {i: v.direction(i) for i in iids}, packages)


def district_inputs(v: View, did: str, packages: list[str]) -> tuple:
    reps = v.d.reports[v.d.reports["district_id"] == did]
    latest, assessed = v.latest.loc[did], v.latest_assessed.loc[did]
    goals = v.goals[v.goals["report_id"].isin(set(reps["report_id"]))]
    results = v.results[v.results["report_id"].isin({latest.report_id, assessed.report_id})]
    iids = sorted(set(results["indicator_id"]))
    return (did, reps, latest, assessed, goals, results, {i: v.direction(i) for i in iids}, v.d.districts,
            sorted(v.latest.index), {d: v.district_name(d) for d in v.districts.index}, packages)


def goal_inputs(v: View, cg) -> tuple:
    g = v.goals_of_city_goal(cg.city_goal_id)
    under, res = goal_page_rows(v, cg.city_goal_id)
    iids = sorted(set(res["indicator_id"]))
    dids = sorted(set(g["district_id"]) | set(under["district_id"]) | set(res["district_id"]))
    return (tuple(cg)[1:], g, under, res, {i: v.direction(i) for i in iids},
            {d: v.district_name(d) for d in dids})


def indicator_inputs(v: View, iid: str, res: pd.DataFrame) -> tuple:
    info = v.indicators.loc[iid] if iid in v.indicators.index else None
    return (iid, info, res, v.direction(iid), {d: v.district_name(d) for d in sorted(set(res["district_id"]))},
            v.raw_results_by_indicator.get(iid))


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
