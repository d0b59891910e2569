"""Process: a district's page (/stadsdelar/<district_id>/) and a report's page (…/<year>-<type>/)."""

from __future__ import annotations

from markupsafe import Markup

from .. import ids
from ..labels import LEVEL_SHORT_NAMES
from . import charts as ch
from .cards import indicator_card, verdict_sentence
from .markup import (LEVEL_NAMES, TYPE_NAMES, Page, badge, glossary, goal_label, link,
                     report_label, safe_title, section_name, url_district, url_goal, url_report, url_source)
from .templating import render
from .text import esc
from .view import View, goal_key, previous_verdicts


def verdict_count_chart(v: View, report_id: str, name: str) -> ch.Chart | None:
    g = v.goals_of_report(report_id)
    if g.empty:
        return None
    df = (g.assign(level_label=g["level"].map(LEVEL_SHORT_NAMES).fillna(g["level"]))
          .groupby(["level_label", "assessment"]).size().reset_index(name="n")
          .rename(columns={"assessment": "verdict"}))
    order = list(LEVEL_SHORT_NAMES.values())
    df["lo"] = df["level_label"].map(lambda x: order.index(x) if x in order else 9)
    df = df.sort_values(["lo", "verdict"]).drop(columns="lo")
    parts = []
    for lvl, grp in df.groupby("level_label", sort=False):
        parts.append(f"{lvl}: " + ", ".join(f"{int(r.n)} {ch.VERDICT_NAMES.get(r.verdict, '').lower()}"
                                           for r in grp.itertuples()))
    alt = "Stapeldiagram över nämndens bedömning av sina mål per nivå. " + "; ".join(parts) + "."
    return ch.verdict_counts(name, df, alt)


def report_ref(did: str, r) -> dict:
    """A report as the templates name it: its address, its name in words and its short label."""
    return {"report_id": r.report_id, "report_type": r.report_type, "year": int(r.year),
            "url": url_report(did, r.year, r.report_type), "short": report_label(r),
            "label": f"{TYPE_NAMES.get(r.report_type, r.report_type)} {int(r.year)}"}


def district_notes(v: View, path: str, did: str) -> list[Markup]:
    """When the district ended and what it went into; which districts went into it."""
    name, notes = v.district_name(did), []
    d = v.district_info(did)
    if d is not None and d.get("valid_to"):
        into = d.get("merged_into_district_id")
        tail = (f" och gick sedan upp i {link(path, url_district(into), v.district_name(into))}"
                if into and v.district_info(into) is not None and v.has_reports(into) else "")
        notes.append(Markup(f"Stadsdelsnämnden fanns till {esc(d['valid_to'])}{tail}."))
    for m_id, m_name in v.merged_into(did):
        target = link(path, url_district(m_id), m_name) if v.has_reports(m_id) else esc(m_name)
        notes.append(Markup(f"{target} gick upp i {esc(name)} {esc(d['valid_from'] if d is not None else '')}."))
    return notes


def district_page(v: View, did: str) -> Page:
    path = url_district(did)
    name = v.district_name(did)
    p = Page(path, safe_title(name), wide=True)
    reps = v.reports_of_district(did)
    latest, shown = v.latest_report(did), v.latest_assessed_report(did)
    chart = verdict_count_chart(v, shown.report_id, "bedomningar")
    if chart:
        p.charts.append(chart)
    res = v.results_of_report(shown.report_id).sort_values("source_line")
    report_rows = []
    for r in reps.sort_values(["year", "type_order"], ascending=False).itertuples():
        c = v.counts(r.report_id)
        report_rows.append([link(path, url_report(did, r.year, r.report_type),
                                 f"{TYPE_NAMES.get(r.report_type, r.report_type)} {int(r.year)}"),
                            esc(r.title), str(c["helt"]), str(c["delvis"]), str(c["ej"])])
    p.add(render("district.md.j2", path=path, name=name, notes=district_notes(v, path, did),
                 latest=report_ref(did, latest), shown=report_ref(did, shown), chart=chart,
                 verdict=verdict_sentence(v.counts(shown.report_id)), areas=indicator_areas(v, path, res),
                 report_rows=report_rows,
                 downloads=Markup(downloads(v, path, did))))
    return p


def indicator_areas(v: View, path: str, res) -> list[dict]:
    """A report's indicator rows as cards grouped by goal area (the KF goal for the area of activity,
    else the KF goal above, that the row's goal falls under), in the order the report prints them."""
    areas: dict[str, dict] = {}
    taken: set[str] = set()
    for r in res.itertuples():
        area = v.area_of(r.goal_id)
        if area not in areas:
            g = v.goal_row(area)
            areas[area] = {"label": goal_label(g.code, g.title) if g is not None else "Övriga indikatorer",
                           "anchor": goal_anchor(g, taken) if g is not None else "ovriga", "cards": []}
        areas[area]["cards"].append(indicator_card(v, path, r))
    return list(areas.values())


def downloads(v: View, path: str, did: str | None) -> str:
    names = set(v.package_names())
    items = []
    for pkg in ([did] if did in names else []) + ["stockholm"]:
        if pkg not in names:
            continue
        label = v.district_name(pkg) if pkg != "stockholm" else "hela staden"
        items.append(f"<li>Datapaket för {esc(label)}: {link(path, f'data/{pkg}.zip', 'zip')} · "
                     f"{link(path, f'data/{pkg}.xlsx', 'Excel')} · "
                     f"{link(path, f'data/{pkg}/datapackage.json', 'datapackage.json')}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _by_goal(df) -> dict[str, list]:
    out: dict[str, list] = {}
    if df is not None:
        for x in df.sort_values("source_line").itertuples():
            out.setdefault(x.goal_id, []).append(x)
    return out


def goal_meta(v: View, path: str, g, prev, prev_verdicts, explained: set[str]) -> list[Markup]:
    """Under a goal's heading: the verdict, the previous verdict, the level (linked to the glossary where
    it first appears on the page: `explained` holds the levels already linked), its line, the city goal."""
    level = LEVEL_NAMES.get(g.level, g.level)
    bits = [badge(g.assessment), esc(level) if g.level in explained else glossary(path, g.level, level), v.ref(path, g)]
    explained.add(g.level)
    before = prev_verdicts.get(goal_key(g)) if g.assessment else None
    if before:
        bits.insert(1, "förra bedömningen " + link(path, url_report(prev.district_id, prev.year, prev.report_type),
                                                     report_label(prev))
                    + f": {esc(ch.VERDICT_NAMES.get(before, before).lower())}")
    if g.city_goal_id:
        bits.append(link(path, url_goal(g.city_goal_id), "Alla stadsdelar om målet"))
    return [Markup(b) for b in bits if b]


def activity_meta(v: View, path: str, a) -> list[Markup]:
    """An activity's start and end date, deviation and source line, each named."""
    bits = []
    if a.start_date or a.end_date:
        bits.append(f"{esc(a.start_date) or '…'}–{esc(a.end_date) or '…'}")
    if a.deviation:
        bits.append(f"avvikelse: {esc(a.deviation)}")
    bits.append(v.ref(path, a))
    return [Markup(b) for b in bits if b]


DEPTH = {"inriktningsmal": 2, "verksamhetsmal": 3, "namndmal": 4}


def goal_anchor(g, taken: set[str]) -> str:
    """A goal's id on its report's page: its code as printed, else the start of its title; unique."""
    base = "mal-" + (ids.slugify(str(g.code)) if g.code else ids.slugify(str(g.title), max_length=40))
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def goal_summary(texts: list, cards: list, acts: list) -> str:
    """What a goal's collapsed part holds, in words: 'Analys, 3 indikatorer och 5 aktiviteter'."""
    parts = [", ".join(dict.fromkeys(section for section, _ in texts))] if texts else []
    if cards:
        parts.append(f"{len(cards)} indikator{'er' if len(cards) > 1 else ''}")
    if acts:
        parts.append(f"{len(acts)} aktivitet{'er' if len(acts) > 1 else ''}")
    return (", ".join(parts[:-1]) + " och " + parts[-1]) if len(parts) > 1 else parts[0]


def report_goals(v: View, path: str, rid: str) -> list[dict]:
    """The report's goals in the order printed, each with its texts, indicator cards and activities."""
    goals = v.goals_of_report(rid).sort_values("source_line")
    res_by_goal, acts_by_goal = _by_goal(v.results_of_report(rid)), _by_goal(v.acts_of_report(rid))
    prev, prev_verdicts = previous_verdicts(v, rid)
    out, taken, explained = [], set(), set()
    for g in goals.itertuples():
        gres = res_by_goal.get(g.goal_id, [])
        texts = [(section_name(section), text) for section, text in v.texts_of_goal(g.goal_id)]
        cards = [indicator_card(v, path, x) for x in gres]
        acts = [{"text": a.text, "meta": activity_meta(v, path, a)} for a in acts_by_goal.get(g.goal_id, [])]
        out.append({"level": g.level, "depth": DEPTH.get(g.level, 4), "anchor": goal_anchor(g, taken),
                    "label": goal_label(g.code, g.title),
                    "verdict": ch.VERDICT_NAMES.get(g.assessment, "").lower() if g.assessment else "",
                    "meta": goal_meta(v, path, g, prev, prev_verdicts, explained), "texts": texts, "cards": cards,
                    "analyses": [(x.name, Markup(v.ref(path, x)), x.analysis) for x in gres if x.analysis],
                    "acts": acts, "summary": goal_summary(texts, cards, acts) if texts or cards or acts else ""})
    return out


def report_page(v: View, rid: str) -> Page:
    r = v.report(rid)
    path = url_report(r.district_id, r.year, r.report_type)
    title = v.report_title(r)
    p = Page(path, safe_title(title), wide=True)
    p.add(render("report.md.j2", path=path, title=title, report=r, short=report_label(r),
                 district=v.district_name(r.district_id), district_url=url_district(r.district_id),
                 source_url=url_source(r.report_id) if v.has_source(r.report_id) else None,
                 verdict=verdict_sentence(v.counts(r.report_id)), goals=report_goals(v, path, r.report_id),
                 downloads=Markup(downloads(v, path, r.district_id))))
    rows_csv = v.raw_results_of_report(r.report_id)
    p.files["indikatorer.csv"] = rows_csv.to_csv(index=False, lineterminator="\n").encode("utf-8")
    return p
