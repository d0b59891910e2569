"""News: the changelog entries as Swedish Markdown pages (one per publication) and an Atom feed.

`write_news(root, entries, out_docs_dir)` is what the site stage calls (entries from
`changelog.load_entries(root)`); it writes `nyheter/index.md`, `nyheter/<version>.md` and
`nyheter/feed.xml` under `out_docs_dir`, so the site serves `/nyheter/`, `/nyheter/<version>/` and
`/nyheter/feed.xml`. Everything is derived from the entries: feed ids come from the version, dates
from the entries' dates (report dates), never from the clock, so two runs give identical bytes.
Text taken from reports is written as text (HTML and Markdown syntax neutralised), never as markup.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from feedgen.feed import FeedGenerator

from . import ids, labels
from .package.metadata import PUBLISHER

NEWS_DIR = "nyheter"
FEED_FILE = "feed.xml"
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")
# Characters that mean something to Markdown, HTML or the theme: written as character references.
_SPECIAL = re.compile(r"[&<>\\`*_{}\[\]()#+!|~^$=:\"']")


# ------------------------------------------------------------------------------------------ process

def text(value) -> str:
    """Report text, safe inside Markdown: every markup character becomes a character reference."""
    folded = " ".join(str(value).split())
    return _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", folded)


def page_slug(entry: dict) -> str:
    return entry["version"].replace(".", "-")


def swedish_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


def district_label(district_id: str) -> str:
    return ids.district_name(district_id) or district_id


def report_label(rep: dict) -> str:
    return f"{district_label(rep['district_id'])}, {labels.name(labels.TYPE_NAMES, rep['report_type'], in_sentence=True)} {rep['year']}"


def report_href(rep: dict, depth: int) -> str:
    """Link to the report's page from a Markdown file `depth` folders below the docs root (MkDocs resolves
    links between source files, so strict mode checks them)."""
    return "../" * depth + f"stadsdelar/{rep['district_id']}/{rep['year']}-{rep['report_type'].lower()}/index.md"


def entry_title(entry: dict) -> str:
    added = entry.get("reports_added", [])
    if added:
        names = ", ".join(report_label(r) for r in added[:3])
        more = f" och {len(added) - 3} till" if len(added) > 3 else ""
        return f"Ny data: {names}{more}"
    if entry.get("reports_replaced"):
        return "Ersatta rapporter: " + ", ".join(report_label(r) for r in entry["reports_replaced"])
    return "Rättade uppgifter"


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def entry_summary(entry: dict) -> str:
    ind = entry.get("indicators", {})
    parts = []
    if entry.get("reports_added"):
        parts.append(count(len(entry["reports_added"]), "ny rapport", "nya rapporter"))
    if entry.get("reports_replaced"):
        parts.append(count(len(entry["reports_replaced"]), "ersatt rapport", "ersatta rapporter"))
    if entry.get("reports_removed"):
        parts.append(count(len(entry["reports_removed"]), "borttagen rapport", "borttagna rapporter"))
    parts.append(count(len(ind.get("new", [])), "ny indikator", "nya indikatorer"))
    parts.append(count(sum(ind.get("new_values", {}).values()), "nytt indikatorvärde", "nya indikatorvärden"))
    parts.append(count(len(ind.get("changed", [])), "ändrat värde eller mål", "ändrade värden eller mål"))
    goals, acts = entry.get("goals", {}), entry.get("activities", {})
    verdicts = {(c["report_id"], c["goal_id"]) for c in goals.get("changed", []) if c["column"] == "assessment"}
    if verdicts:
        parts.append(count(len(verdicts), "ändrad bedömning", "ändrade bedömningar"))
    other_goals = ({(c["report_id"], c["goal_id"]) for c in goals.get("changed", [])} - verdicts)
    n = len(other_goals) + goals.get("new", 0) + goals.get("dropped", 0) + goals.get("other", 0)
    if n:
        parts.append(count(n, "annat ändrat mål", "andra ändrade mål"))
    n = sum(acts.get(k, 0) for k in ("changed", "new", "dropped", "other"))
    if n:
        parts.append(count(n, "ändrad aktivitet", "ändrade aktiviteter"))
    parts += other_changes(entry)
    return ", ".join(parts) + "."


REFERENCE_NAMES = {"indicators": ("indikatorbeskrivning", "indikatorbeskrivningar"),
                   "city_goals": ("mål i stadens måltabell", "mål i stadens måltabell"),
                   "districts": ("stadsdelsnämnd i tabellen districts", "stadsdelsnämnder i tabellen districts"),
                   "corrections": ("rättelse", "rättelser")}


def other_changes(entry: dict) -> list[str]:
    """The changes counted, not listed: report cells, indicator rows' other cells (a review flag, a name, the
    analysis), analysis texts and the reference tables (entries since these are compared)."""
    parts = []
    if entry.get("reports_changed"):
        parts.append(count(len(entry["reports_changed"]), "rapport med ändrad titel eller källa",
                           "rapporter med ändrad titel eller källa"))
    other = entry.get("indicators", {}).get("other") or []
    n = other if isinstance(other, int) else len(other)  # a count in entries of one early build
    if n:
        parts.append(count(n, "indikatorrad ändrad i andra kolumner (t.ex. granskningsflagga, namn eller analys)",
                           "indikatorrader ändrade i andra kolumner (t.ex. granskningsflagga, namn eller analys)"))
    n = len(entry.get("goal_texts", {}).get("reports", []))
    if n:
        parts.append(count(n, "rapport med ändrad analystext", "rapporter med ändrad analystext"))
    for table, change in sorted(entry.get("columns", {}).items()):
        added, dropped = change.get("added", []), change.get("dropped", [])
        parts.append(f"tabellen {table}: " + (", ".join(
            ([f"nya kolumner {', '.join(added)}"] if added else []) + ([f"borttagna kolumner {', '.join(dropped)}"]
                                                                      if dropped else [])) or "kolumner i ny ordning"))
    for table, found in sorted(entry.get("reference", {}).items()):
        one, many = REFERENCE_NAMES.get(table, (table, table))
        n = found.get("new", 0) + found.get("dropped", 0) + found.get("changed", 0)
        parts.append(f"{count(n, 'ändrad ' + one, 'ändrade ' + many)} ({found.get('new', 0)} nya, "
                     f"{found.get('dropped', 0)} borttagna, {found.get('changed', 0)} ändrade)")
    return parts


def _goal_cell(column: str, value: str) -> str:
    if column == "assessment":
        return labels.name(labels.VERDICT_NAMES, value, in_sentence=True) if value in labels.VERDICT_NAMES else text(value)
    return text(value) or "–"


def goal_changes(entry: dict) -> list[str]:
    """Goals and activities changed in reports that were published before (entries since they are kept)."""
    goals, acts = entry.get("goals", {}), entry.get("activities", {})
    lines = []
    if goals.get("changed"):
        lines += ["## Ändrade mål och bedömningar i redan publicerade rapporter", "",
                  "| Rapport | Mål | Uppgift | Förut | Nu |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {text(c['report_id'])} | {text(c.get('title', '')) or text(c['goal_id'])} | "
                  f"{text(labels.column_name(c['column']))} | {_goal_cell(c['column'], c['old'])} | "
                  f"{_goal_cell(c['column'], c['new'])} |" for c in goals["changed"]]
        lines += [""]
    if goals.get("new") or goals.get("dropped") or goals.get("other"):
        lines += [f"Mål i redan publicerade rapporter: {goals.get('new', 0)} nya, {goals.get('dropped', 0)} "
                  f"borttagna, {goals.get('other', 0)} med ändrade id, kopplingar eller radnummer.", ""]
    if any(acts.get(k) for k in ("changed", "new", "dropped", "other")):
        lines += [f"Aktiviteter i redan publicerade rapporter: {acts.get('changed', 0) + acts.get('other', 0)} "
                  f"ändrade, {acts.get('new', 0)} nya, {acts.get('dropped', 0)} borttagna.", ""]
    return lines


def _change_table(rows: list[dict], with_report: bool) -> list[str]:
    head = ("| Rapport " if with_report else "") + "| Indikator | Uppgift | Förut | Nu |"
    sep = ("| --- " if with_report else "") + "| --- | --- | --- | --- |"
    out = [head, sep]
    for c in rows:
        cells = []
        if with_report:
            cells.append(text(c["report_id"]))
        cells += [text(c.get("name") or c["indicator_id"]), labels.column_name(c["column"]),
                  text(c["old"]) or "–", text(c["new"]) or "–"]
        out.append("| " + " | ".join(cells) + " |")
    return out


# A publication's page lists every changed value: long at city scale, and not what readers search for
# (the report, district and indicator pages are). Material's search plugin leaves such pages out.
NOT_IN_SEARCH = ["---", "search:", "  exclude: true", "---", ""]


def entry_page(entry: dict, published: set[str] | None = None) -> str:
    """One publication's page. `published`: the report ids the site has now (None: all of them); a report
    added then but removed since is named without a link, as its page is gone."""
    lines = [*NOT_IN_SEARCH, f"# Publicering {entry['version']}", "",
             f"*{swedish_date(entry['date'])}* · {entry_summary(entry)}", ""]
    for rep in entry.get("reports_added", []):
        lines += _added_report_section(rep, published)
    for key, heading in (("reports_replaced", "Ersatta rapporter"), ("reports_removed", "Borttagna rapporter")):
        if entry.get(key):
            lines += [f"## {heading}", ""]
            lines += [f"- {text(report_label(r))}" for r in entry[key]] + [""]
    lines += goal_changes(entry)
    lines += _other_section(entry)
    lines += _indicator_section(entry.get("indicators", {}))
    # links inside nyheter/ name the files, so MkDocs checks and rewrites them
    if entry.get("packages"):  # entries since versions are per package
        names = ["hela staden" if p == "stockholm" else district_label(p) for p in entry["packages"]]
        lines += ["Datapaket med den nya versionen (de andra har kvar sin version, och deras data är "
                  "oförändrade): " + ", ".join(text(n) for n in names) + ".", ""]
    lines += [f"Dataversion {entry['version']}. [Alla nyheter](index.md) · [Nyhetsflöde (Atom)]({FEED_FILE})", ""]
    return "\n".join(lines)


def _added_report_section(rep: dict, published: set[str] | None) -> list[str]:
    """An added report's section: its rows, and what changed against the district's previous report."""
    if published is None or rep["report_id"] in published:
        heading = f"[{text(report_label(rep))}]({report_href(rep, 1)})"
    else:
        heading = f"{text(report_label(rep))} (inte längre publicerad)"
    lines = [f"## Ny rapport: {heading}", "",
             f"{text(rep.get('title', ''))}: {count(rep.get('indicator_rows', 0), 'indikatorrad', 'indikatorrader')}.",
             ""]
    against = rep.get("against_previous")
    if against is None:
        return lines + [f"Den första rapporten från {text(district_label(rep['district_id']))} på webbplatsen.", ""]
    lines += [f"Jämfört med stadsdelens förra rapport ({text(rep['previous_report_id'])}): "
              f"{count(len(against['new_indicators']), 'ny indikator', 'nya indikatorer')}, "
              f"{len(against['dropped_indicators'])} som inte längre redovisas och "
              f"{count(len(against['changed']), 'ändrat värde eller mål', 'ändrade värden eller mål')}.",
              ""]
    if against["new_indicators"]:
        lines += ["Nya indikatorer: " + ", ".join(text(i) for i in against["new_indicators"]) + ".", ""]
    if against["dropped_indicators"]:
        lines += ["Redovisas inte längre: " + ", ".join(text(i) for i in against["dropped_indicators"]) + ".", ""]
    if against["changed"]:
        lines += _change_table(against["changed"], with_report=False) + [""]
    return lines


def _other_section(entry: dict) -> list[str]:
    """Changes in data published before, other than values, targets and goals."""
    others = other_changes(entry)
    if not others:
        return []
    lines = ["## Övriga ändringar i redan publicerade data", ""] + [f"- {text(p)}" for p in others] + [""]
    if entry.get("reports_changed"):
        lines += ["Rapporter med ändrade uppgifter: " + ", ".join(
            text(report_label(r)) for r in entry["reports_changed"]) + ".", ""]
    if isinstance(entry.get("indicators", {}).get("other"), list) and entry["indicators"]["other"]:
        lines += ["| Rapport | Indikator | Ändrat |", "| --- | --- | --- |"]
        lines += [f"| {text(o['report_id'])} | {text(o.get('name') or o['indicator_id'])} | "
                  f"{', '.join(text(labels.column_name(c)) for c in o['columns'])} |"
                  for o in entry["indicators"]["other"]] + [""]
    if entry.get("goal_texts", {}).get("reports"):
        lines += ["Ändrad analystext: " + ", ".join(text(r) for r in entry["goal_texts"]["reports"]) + ".", ""]
    return lines


def _indicator_section(ind: dict) -> list[str]:
    """Indicators new, dropped and changed against the previous publication."""
    if not (ind.get("new") or ind.get("dropped") or ind.get("changed")):
        return []
    lines = ["## Indikatorer jämfört med förra publiceringen", ""]
    if ind.get("new"):
        lines += ["Nya: " + ", ".join(text(i["name"] or i["indicator_id"]) for i in ind["new"]) + ".", ""]
    if ind.get("dropped"):
        lines += ["Utgår: " + ", ".join(text(i["name"] or i["indicator_id"]) for i in ind["dropped"]) + ".", ""]
    if ind.get("changed"):
        lines += ["Ändrade uppgifter i redan publicerade rapporter:", ""]
        lines += _change_table(ind["changed"], with_report=True) + [""]
    return lines


def index_page(entries: list[dict]) -> str:
    lines = ["# Nyheter", "",
             "Varje gång nya rapporter publiceras på webbplatsen skrivs en nyhet om vad som ändrats. "
             f"Följ dem i ett nyhetsflöde: [Atom]({FEED_FILE}).", ""]
    if not entries:
        lines += ["Inget publicerat ännu.", ""]
    for e in reversed(entries):
        lines += [f"- **[{text(entry_title(e))}]({page_slug(e)}.md)** · {swedish_date(e['date'])} · "
                  f"version {e['version']}. {entry_summary(e)}"]
    return "\n".join(lines) + "\n"


def _stamp(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=timezone.utc)


def site_url(root: Path) -> str:
    """`site_url` from mkdocs.yml (read as text: the file may carry tags safe_load refuses)."""
    path = root / "mkdocs.yml"
    if path.is_file():
        m = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", path.read_text(encoding="utf-8"), re.MULTILINE)
        if m:
            return m.group(1).rstrip("/") + "/"
    return ""


def feed_xml(entries: list[dict], base_url: str = "") -> bytes:
    """The Atom feed: one entry per publication, ids and dates from the entries only."""
    fg = FeedGenerator()
    fg.id("urn:tertial:nyheter")
    fg.title("Stadsdelsnämndernas mål och resultat – nyheter")
    fg.subtitle("Nya rapporter och ändrade uppgifter i öppna data om Stockholms stadsdelsnämnder")
    fg.language("sv")
    fg.author({"name": PUBLISHER["title"], "uri": PUBLISHER["path"]})
    news_url = f"{base_url}{NEWS_DIR}/" if base_url else ""
    if news_url:
        fg.link(href=news_url, rel="alternate")
        fg.link(href=f"{news_url}{FEED_FILE}", rel="self")
    fg.updated(_stamp(max((e["date"] for e in entries), default="1970-01-01")))
    for e in entries:  # feedgen prepends: the newest ends up first
        fe = fg.add_entry()
        fe.id(f"urn:tertial:publicering:{e['version']}")
        fe.title(entry_title(e))
        fe.updated(_stamp(e["date"]))
        fe.published(_stamp(e["date"]))
        fe.link(href=f"{news_url}{page_slug(e)}/" if news_url else f"{page_slug(e)}/", rel="alternate")
        fe.summary(entry_summary(e))
    return fg.atom_str(pretty=True)


# --------------------------------------------------------------------------------------------- save

def write_news(root: Path, entries: list[dict], out_docs_dir: Path,
               published: set[str] | None = None) -> list[Path]:
    """Write the news pages and the feed under `out_docs_dir/nyheter/`; return the files written.
    `published`: the report ids the site has pages for (see entry_page)."""
    folder = Path(out_docs_dir) / NEWS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    wanted = {"index.md", FEED_FILE} | {f"{page_slug(e)}.md" for e in entries}
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for e in entries:
        path = folder / f"{page_slug(e)}.md"
        path.write_text(entry_page(e, published), encoding="utf-8")
        written.append(path)
    (folder / "index.md").write_text(index_page(entries), encoding="utf-8")
    (folder / FEED_FILE).write_bytes(feed_xml(entries, site_url(Path(root))))
    return [folder / "index.md", *written, folder / FEED_FILE]
