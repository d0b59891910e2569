"""Release diff: what changed between two publications, kept as one changelog entry per publication.

A publication is the set of tables in `datapackages/stockholm/data/` at one point. Each time the
tables change (a report added or replaced, a correction), one entry is written to `changelog/NNNN.json`:
the reports added, replaced and removed and, per indicator, the values and targets that are new,
dropped or changed against the previous publication; for each added report also what changed against
the district's previous report. In reports that were published before, changed goals (the council's
verdict, title, code, level, city goal: each change listed) and activities (counted) are recorded too,
so a correction of a verdict or an activity's date gives a new data version. Every other difference in
the published data gives one too, counted: indicator rows changed in other columns (a review flag, a
name, the analysis), a report's title, the analysis texts (`goal_texts`) of a report, and the reference
tables (indicators, city goals, districts, corrections). Entries carry no clock time: the
entry's date is the newest date of an added report (`tertial.reports.report_date`: printed in its title
block, or else the end of its period), so the same inputs always give the same changelog. The data version is `1.<n-1>.0` for
entry n; an entry names the packages whose data it changes (`packages`: the city-wide one and the
districts touched), and each package's `datapackage.json` `version` is that of the newest entry naming
it (`package_versions`).

Seams for other stages:
  - `update(root, new_tables)` before the package stage overwrites `datapackages/stockholm/data/`:
    appends an entry when the tables differ from the published ones (idempotent).
  - `current_version(root)`: the version string to write into every `datapackage.json`.
The date of an entry, the order of reports and the rows of the reports and districts tables are
`tertial.reports`' (shared with the package stage); the news pages are `tertial.news`'.

Blocks: load (`load_entries`, `published_tables`) / process (`diff`, `make_entry`) / save (`save_entry`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from pathlib import Path

from .reports import date_of, district_rows, order_key, report_rows


CHANGELOG_DIR = Path("changelog")
CURATED = Path("build") / "curated"
PUBLISHED_DATA = Path("datapackages") / "stockholm" / "data"
DIFF_TABLES = ("reports", "indicator_results", "goals", "activities")
# an entry's `tables_sha256` fingerprints the first two (as it always has), `goals_sha256` the other two
MAIN_TABLES, TEXT_TABLES = DIFF_TABLES[:2], DIFF_TABLES[2:]
# the rest of the published tables, compared as text: an entry's `more_sha256`
MORE_TABLES = ("goal_texts", "indicators", "city_goals", "districts", "corrections")
ALL_TABLES = DIFF_TABLES + MORE_TABLES
# optional fingerprints (entries written before them lack them) and the tables each one covers
LATER_FINGERPRINTS = {"goals_sha256": TEXT_TABLES, "more_sha256": MORE_TABLES}
REFERENCE_KEYS = {"indicators": "indicator_id", "city_goals": "city_goal_id", "districts": "district_id"}
PACKAGE_COLUMNS = ("district_id", "year")  # added to indicator_results by the package stage
# {table: [column, ...]} as written: the Table Schemas' fields (to publish), the CSV headers (published)
COLUMNS = "_columns"
VALUE_COLUMNS = ("period_outcome", "forecast")
TARGET_COLUMNS = ("annual_target", "annual_target_text", "city_target", "city_target_text")
COMPARED_COLUMNS = VALUE_COLUMNS + TARGET_COLUMNS
# between two publications every printed value is compared and listed (against the district's previous
# report, only COMPARED_COLUMNS: last year's outcome and the split by sex are not comparable)
CORRECTED_COLUMNS = ("period_outcome", "outcome_men", "outcome_women", "previous_year", "forecast") + TARGET_COLUMNS
REPORT_FIELDS = ("report_id", "district_id", "year", "report_type", "title")
CITY_PACKAGE = "stockholm"
GOAL_COLUMNS = ("assessment", "title", "code", "level", "city_goal_id")
ACTIVITY_COLUMNS = ("text", "start_date", "end_date", "deviation")
_ENTRY_FILE = re.compile(r"^(\d{4})\.json$")


# ---------------------------------------------------------------------------------------------- load

def read_csv_rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    from .curate import read_csv

    return read_csv(path)


def published_tables(root: Path) -> dict[str, list[dict]]:
    """The tables of the current publication (empty lists before the first one), with their columns
    (COLUMNS: each published CSV's header)."""
    tables: dict = {name: read_csv_rows(root / PUBLISHED_DATA / f"{name}.csv") for name in ALL_TABLES}
    headers = {}
    for path in sorted((root / PUBLISHED_DATA).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            headers[path.stem] = next(csv.reader(fh), [])
    tables[COLUMNS] = headers
    return tables


def load_entries(root: Path) -> list[dict]:
    """Every changelog entry, oldest first."""
    folder = root / CHANGELOG_DIR
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if _ENTRY_FILE.match(p.name))
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def version_of(number: int) -> str:
    return f"1.{number - 1}.0"


def curated_tables(root: Path) -> dict[str, list[dict]]:
    """The tables about to be published: reports from the manifest, districts from tertial.ids, the others
    from build/curated/."""
    from . import sources
    from .package import schema

    curated = {name: read_csv_rows(root / CURATED / f"{name}.csv") for name in ALL_TABLES
               if name not in ("reports", "districts")}
    columns = {name: schema.columns(name) for name in schema.table_names()}
    return {"reports": report_rows(sources.load_manifest(root, verify=False)),
            "districts": district_rows(), **curated, COLUMNS: columns}


def current_version(root: Path) -> str:
    """The data version: follows the newest changelog entry ('0.0.0' before any)."""
    entries = load_entries(root)
    return entries[-1]["version"] if entries else "0.0.0"


def package_versions(entries: list[dict]) -> dict[str, str]:
    """{package: version} for `datapackage.json`: the version of the newest entry that changed the package's
    data (entry['packages']). The city-wide package changes with every entry; an entry written before
    entries named their packages changed them all (the key '*' gives that version)."""
    out: dict[str, str] = {}
    for e in entries:
        names = e.get("packages")
        if names is None:
            out = {"*": e["version"]}
        else:
            out.update({name: e["version"] for name in names})
        out[CITY_PACKAGE] = e["version"]
    return out


def version_of_package(versions: dict[str, str], name: str) -> str:
    return versions.get(name) or versions.get("*") or "0.0.0"


# ------------------------------------------------------------------------------------------- process

def _number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def same_cell(a: str, b: str) -> bool:
    """'23.4' equals '23.40' (the package writes one spelling per number); text compares exactly, white
    space included, as it is published."""
    if a == b:
        return True
    return _canonical(a) == _canonical(b)


def _canonical(value) -> str:
    """One spelling per number, however a table spells it: '9000.0' = '9000', '23.40' = '23.4'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)  # not stripped: text is published as it is, white space included
    if not text or text != text.strip() or not _may_be_number(text[0]):  # no number, or not spelled as one
        return text
    number = _number(text)
    return repr(number) if number is not None else text


def _may_be_number(first: str) -> bool:
    """Can float() read a text starting with this character? (a digit of any script, a sign, a dot, or
    the i/n of inf, infinity and nan)"""
    return first.isdecimal() or first in "+-.iInN"



def tables_sha256(tables: dict[str, list[dict]], names: tuple[str, ...] = MAIN_TABLES) -> str:
    """A fingerprint of these tables, independent of row and column order and of value types."""
    h = hashlib.sha256()
    for name in names:
        rows = tables.get(name) or []
        if name in TEXT_TABLES or name in MORE_TABLES:  # compared as text: no number spellings to fold
            lines = sorted(_row_text(row) for row in rows)
        else:
            lines = sorted(json.dumps({k: _canonical(v) for k, v in row.items()}, sort_keys=True,
                                      ensure_ascii=False) for row in rows)
        h.update(f"{name}\n".encode())
        for line in lines:
            h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()


def _keyed(rows: list[dict]) -> dict[tuple, dict]:
    """Rows keyed by (report_id, indicator_id, n): n counts repeats of an indicator in one report."""
    out: dict[tuple, dict] = {}
    seen: dict[tuple, int] = {}
    for row in sorted(rows, key=lambda r: (r.get("report_id", ""), int(r.get("source_line") or 0))):
        base = (row.get("report_id", ""), row.get("indicator_id", ""))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out[base + (n,)] = row
    return out


def _report_key(row: dict) -> tuple:
    return order_key(row.get("year"), row.get("report_type", ""))


def _report_summary(row: dict) -> dict:
    return {f: (int(row[f]) if f == "year" and row.get(f) else row.get(f, "")) for f in REPORT_FIELDS}


def compare_reports(old_rows: list[dict], new_rows: list[dict]) -> dict:
    """Indicators of one report against another (e.g. a district's previous report)."""
    old = {r["indicator_id"]: r for r in old_rows}
    new = {r["indicator_id"]: r for r in new_rows}
    changed = []
    for iid in sorted(old.keys() & new.keys()):
        for col in COMPARED_COLUMNS:
            a, b = old[iid].get(col, ""), new[iid].get(col, "")
            if a.strip() and b.strip() and not same_cell(a, b):
                changed.append({"indicator_id": iid, "name": new[iid].get("name", ""), "column": col,
                                "old": a, "new": b})
    return {
        "new_indicators": sorted(new.keys() - old.keys()),
        "dropped_indicators": sorted(old.keys() - new.keys()),
        "changed": changed,
    }


def previous_report(reports: list[dict], report: dict) -> dict | None:
    """The same district's report just before this one (by year, then VP < T1 < T2 < VB)."""
    earlier = [r for r in reports if r.get("district_id") == report.get("district_id")
               and _report_key(r) < _report_key(report)]
    return max(earlier, key=_report_key) if earlier else None


def compare_rows(old_rows: list[dict], new_rows: list[dict], id_column: str, columns: tuple[str, ...],
                 reports: set[str]) -> dict:
    """Rows of the `reports` published both times (from unchanged sources), matched by report and source
    line (ids such as goal_id count rows, so one more row found would shift them): each changed cell of
    `columns` (report_id, id, title, column, old, new; compared as text, as the fingerprint does), how many
    rows are new and dropped, and how many changed only in other columns (ids, links, lines)."""
    def keyed(rows):
        return {(r.get("report_id", ""), str(r.get("source_line", ""))): r for r in rows
                if r.get("report_id", "") in reports}

    old, new = keyed(old_rows), keyed(new_rows)
    changed, other = [], 0
    touched = {k[0] for k in old.keys() ^ new.keys()}
    for k in sorted(old.keys() & new.keys()):
        a_row, b_row = old[k], new[k]
        cells = [(col, _text(a_row.get(col)), _text(b_row.get(col))) for col in columns]
        diffs = [(col, a, b) for col, a, b in cells if a != b]
        changed += [{"report_id": k[0], id_column: b_row.get(id_column, ""), "title": b_row.get("title", ""),
                     "column": col, "old": a, "new": b} for col, a, b in diffs]
        if diffs:
            touched.add(k[0])
        elif _row_text(a_row) != _row_text(b_row):
            other += 1
            touched.add(k[0])
    return {"changed": changed, "new": len(new.keys() - old.keys()), "dropped": len(old.keys() - new.keys()),
            "other": other, "_reports": touched}


def _text(value) -> str:
    return "" if value is None else str(value)


def _rest_differs(a: dict, b: dict, compared: tuple[str, ...]) -> list[str]:
    """The columns outside `compared` and the package's own where the rows differ (by _canonical; cells
    spelled the same, as most are, are not read as numbers)."""
    keys = a.keys() | b.keys() if a.keys() != b.keys() else a.keys()
    return sorted(k for k in keys if k not in compared and k not in PACKAGE_COLUMNS and a.get(k) != b.get(k)
                  and _canonical(a.get(k)) != _canonical(b.get(k)))


_GOAL_NUMBER = re.compile(r"-g\d+$")


def _texts_by_report(texts: list[dict], goals: list[dict], reports: set[str]) -> dict[str, list]:
    """The analysis texts of `reports`, as sorted rows (tuples of their cells) per report (a text's report
    is its goal's)."""
    report_of = {g.get("goal_id", ""): g.get("report_id", "") for g in goals}
    out: dict[str, list[str]] = {}
    for t in texts:
        gid = _text(t.get("goal_id"))
        rid = report_of.get(gid) or _GOAL_NUMBER.sub("", gid)
        if rid in reports:
            out.setdefault(rid, []).append(tuple(sorted((k, _text(v)) for k, v in t.items())))
    return {rid: sorted(rows) for rid, rows in out.items()}


def compare_reference(old_rows: list[dict], new_rows: list[dict], key: str | None) -> dict:
    """Rows of a reference table new, dropped and changed (matched by `key`; without one a changed row
    counts as dropped and new), with the rows concerned (`_rows`, for the packages touched)."""
    if key is None:
        old, new = {_row_text(r): r for r in old_rows}, {_row_text(r): r for r in new_rows}
    else:
        old, new = {_text(r.get(key)): r for r in old_rows}, {_text(r.get(key)): r for r in new_rows}
    changed = {k for k in old.keys() & new.keys() if _row_text(old[k]) != _row_text(new[k])}
    gone, came = old.keys() - new.keys(), new.keys() - old.keys()
    rows = [old[k] for k in gone | changed] + [new[k] for k in came | changed]
    return {"new": len(came), "dropped": len(gone), "changed": len(changed), "_rows": rows}


def _row_text(row: dict) -> str:
    """A row as the goals fingerprint sees it (tables_sha256 of TEXT_TABLES)."""
    return "\x1f".join(f"{k}\x1e{_text(row[k])}" for k in sorted(row))


def diff(old: dict[str, list[dict]], new: dict[str, list[dict]]) -> dict:
    """Process: the release diff between two publications' tables (pure).

    `old` and `new` map the DIFF_TABLES ('reports', 'indicator_results', 'goals', 'activities'; a table
    not given counts as empty) to lists of rows (dicts keyed by the contract's columns, values as in the
    CSV files).
    """
    old_reports = {r["report_id"]: r for r in old.get("reports", [])}
    new_reports = {r["report_id"]: r for r in new.get("reports", [])}
    added = sorted(new_reports.keys() - old_reports.keys())
    removed = sorted(old_reports.keys() - new_reports.keys())
    replaced = sorted(rid for rid in new_reports.keys() & old_reports.keys()
                      if new_reports[rid].get("source_sha256") != old_reports[rid].get("source_sha256"))

    old_rows, new_rows = old.get("indicator_results", []), new.get("indicator_results", [])
    by_report: dict[str, list[dict]] = {}
    for row in new_rows:
        by_report.setdefault(row.get("report_id", ""), []).append(row)

    reports_added = []
    for rid in added:
        rep = _report_summary(new_reports[rid])
        rows = by_report.get(rid, [])
        rep["indicator_rows"] = len(rows)
        prev = previous_report(list(new_reports.values()), new_reports[rid])
        if prev is not None:
            rep["previous_report_id"] = prev["report_id"]
            rep["against_previous"] = compare_reports(by_report.get(prev["report_id"], []), rows)
        reports_added.append(rep)

    old_ids = {r.get("indicator_id", "") for r in old_rows}
    new_ids = {r.get("indicator_id", "") for r in new_rows}
    names = {r.get("indicator_id", ""): r.get("name", "") for r in old_rows + new_rows}
    old_keyed, new_keyed = _keyed(old_rows), _keyed(new_rows)
    changed, new_values, dropped_values, other_rows = [], {}, {}, {}
    for key in sorted(old_keyed.keys() & new_keyed.keys()):
        a_row, b_row = old_keyed[key], new_keyed[key]
        for col in CORRECTED_COLUMNS:
            a, b = a_row.get(col, ""), b_row.get(col, "")
            if not same_cell(a, b):
                changed.append({"report_id": key[0], "indicator_id": key[1], "column": col, "old": a, "new": b})
        other = _rest_differs(a_row, b_row, CORRECTED_COLUMNS)
        if other:  # a review flag, a name, a unit, the analysis, a link or a line number
            other_rows[key] = other
    for key in new_keyed.keys() - old_keyed.keys():
        new_values[key[1]] = new_values.get(key[1], 0) + 1
    for key in old_keyed.keys() - new_keyed.keys():
        dropped_values[key[1]] = dropped_values.get(key[1], 0) + 1

    # goals and activities of the reports published both times from the same source (an added, replaced
    # or removed report is listed as such: its goals and activities are its own)
    both = (old_reports.keys() & new_reports.keys()) - set(replaced)
    goals = compare_rows(old.get("goals", []), new.get("goals", []), "goal_id", GOAL_COLUMNS, both)
    acts = compare_rows(old.get("activities", []), new.get("activities", []), "activity_id", ACTIVITY_COLUMNS, both)
    retitled = sorted(rid for rid in both if _rest_differs(old_reports[rid], new_reports[rid], ()))
    old_texts = _texts_by_report(old.get("goal_texts", []), old.get("goals", []), both)
    new_texts = _texts_by_report(new.get("goal_texts", []), new.get("goals", []), both)
    texts = sorted(rid for rid in old_texts.keys() | new_texts.keys() if old_texts.get(rid) != new_texts.get(rid))
    old_cols, new_cols = old.get(COLUMNS) or {}, new.get(COLUMNS) or {}
    columns = {}
    if old_cols and new_cols:  # both known: a column added, dropped or moved changes every package's files
        for table in sorted(old_cols.keys() | new_cols.keys()):
            a, b = old_cols.get(table, []), new_cols.get(table, [])
            if a != b:
                columns[table] = {"added": [c for c in b if c not in a], "dropped": [c for c in a if c not in b]}
    reference = {}
    for table in MORE_TABLES[1:]:
        if table in old or table in new:
            found = compare_reference(old.get(table, []), new.get(table, []), REFERENCE_KEYS.get(table))
            if found["new"] or found["dropped"] or found["changed"]:
                reference[table] = found

    # the packages whose data this publication changes: the city-wide one, and each district with a report
    # added, replaced or removed, or with a changed row in a report published before
    touched = set(added) | set(removed) | set(replaced) | goals.pop("_reports") | acts.pop("_reports")
    touched |= {c["report_id"] for c in changed}
    touched |= {k[0] for k in new_keyed.keys() ^ old_keyed.keys()} | {k[0] for k in other_rows}
    touched |= set(retitled) | set(texts)
    # reference rows reach the districts that use them: an indicator the districts reporting it, a
    # correction its report's district; city goals and districts (ancestry, mergers) every district
    if "indicators" in reference:
        iids = {_text(r.get("indicator_id")) for r in reference["indicators"]["_rows"]}
        touched |= {k[0] for k in old_keyed.keys() | new_keyed.keys() if k[1] in iids}
    if "corrections" in reference:
        touched |= {_text(r.get("report_id")) for r in reference["corrections"]["_rows"]}
    district_of = {rid: r.get("district_id", "") for rid, r in {**old_reports, **new_reports}.items()}
    districts = sorted({district_of.get(rid, "") for rid in touched} - {""})
    if "city_goals" in reference or "districts" in reference or columns:
        districts = sorted(set(district_of.values()) - {""})
    for found in reference.values():
        found.pop("_rows")

    return {
        "packages": [CITY_PACKAGE] + districts if touched or reference or columns else [],
        "reports_added": reports_added,
        "reports_replaced": [_report_summary(new_reports[rid]) for rid in replaced],
        "reports_removed": [_report_summary(old_reports[rid]) for rid in removed],
        # published both times from the same source, with another title (or other report cells)
        "reports_changed": [_report_summary(new_reports[rid]) for rid in retitled],
        "indicators": {
            "new": [{"indicator_id": i, "name": names.get(i, "")} for i in sorted(new_ids - old_ids)],
            "dropped": [{"indicator_id": i, "name": names.get(i, "")} for i in sorted(old_ids - new_ids)],
            "new_values": dict(sorted(new_values.items())),
            "dropped_values": dict(sorted(dropped_values.items())),
            "changed": changed,
            # rows changed in other columns (review flag, name, analysis, ...): which, and the columns
            "other": [{"report_id": k[0], "indicator_id": k[1], "name": new_keyed[k].get("name", ""),
                       "columns": cols} for k, cols in sorted(other_rows.items())],
        },
        "goal_texts": {"reports": texts},  # reports published both times whose analysis texts changed
        "reference": reference,  # {table: {"new": n, "dropped": n, "changed": n}}, tables with a change
        "columns": columns,  # {table: {"added": [...], "dropped": [...]}}, tables whose columns changed
        # in reports published both times (an added or removed report's goals and activities are its own)
        "goals": goals,
        "activities": {"changed": len({(c["report_id"], c["activity_id"]) for c in acts["changed"]}),
                       "new": acts["new"], "dropped": acts["dropped"], "other": acts["other"]},
    }


def is_empty(d: dict) -> bool:
    ind = d["indicators"]
    goals, acts = d.get("goals", {}), d.get("activities", {})
    return not (d["reports_added"] or d["reports_replaced"] or d["reports_removed"] or d.get("reports_changed")
                or ind["new"] or ind["dropped"] or ind["new_values"] or ind["dropped_values"] or ind["changed"]
                or ind.get("other") or d.get("goal_texts", {}).get("reports") or d.get("reference")
                or d.get("columns")
                or any(goals.get(k) for k in ("changed", "new", "dropped", "other"))
                or any(acts.get(k) for k in ("changed", "new", "dropped", "other")))


def make_entry(number: int, body: dict, date: str, fingerprint: str, goals_fingerprint: str | None = None,
               more_fingerprint: str | None = None, columns_fingerprint: str | None = None) -> dict:
    head = {"number": number, "version": version_of(number), "date": date, "tables_sha256": fingerprint}
    if goals_fingerprint is not None:
        head["goals_sha256"] = goals_fingerprint
    if more_fingerprint is not None:
        head["more_sha256"] = more_fingerprint
    if columns_fingerprint is not None:
        head["columns_sha256"] = columns_fingerprint
    return {**head, **body}


def columns_sha256(tables: dict) -> str | None:
    """A fingerprint of the tables' columns as written (None when not known)."""
    columns = tables.get(COLUMNS)
    return hashlib.sha256(json.dumps(columns, sort_keys=True).encode()).hexdigest() if columns else None


def fingerprints(tables: dict[str, list[dict]]) -> dict[str, str]:
    """The fingerprints an entry keeps: `tables_sha256`, each of LATER_FINGERPRINTS and, when the tables
    come with their columns, `columns_sha256`."""
    out = {"tables_sha256": tables_sha256(tables),
           **{key: tables_sha256(tables, names) for key, names in LATER_FINGERPRINTS.items()}}
    columns = columns_sha256(tables)
    if columns is not None:
        out["columns_sha256"] = columns
    return out


def unchanged(last: dict | None, prints: dict[str, str], published) -> bool:
    """Do the newest entry's fingerprints say these tables were published already? An entry written before
    a fingerprint existed lacks it: the tables published now stand in for it (`published(key)`, the
    fingerprint of the published tables, None when none are published: nothing to compare with)."""
    if last is None or last.get("tables_sha256") != prints["tables_sha256"]:
        return False
    for key in prints.keys() - {"tables_sha256"}:
        known = last[key] if key in last else published(key)
        if known is not None and known != prints[key]:
            return False
    return True


# ---------------------------------------------------------------------------------------------- save

def entry_path(root: Path, number: int) -> Path:
    return root / CHANGELOG_DIR / f"{number:04d}.json"


def dump_entry(entry: dict) -> str:
    return json.dumps(entry, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def save_entry(root: Path, entry: dict) -> Path:
    path = entry_path(root, entry["number"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(dump_entry(entry), encoding="utf-8")
    tmp.replace(path)
    return path


def _date(root: Path, report: dict) -> str:
    return date_of(root, report.get("report_id", ""), report["year"], report["report_type"],
                   report.get("source_file"))


def update(root: Path, new_tables: dict[str, list[dict]],
           old_tables: dict[str, list[dict]] | None = None) -> dict | None:
    """Append a changelog entry if `new_tables` differ from the published ones; return it (else None).

    Idempotent: when the newest entry already describes these tables, nothing is written.
    `old_tables` defaults to what is in `datapackages/stockholm/data/` now.
    """
    entries = load_entries(root)
    prints = fingerprints(new_tables)
    last = entries[-1] if entries else None
    old: dict[str, list[dict]] | None = None

    def published(key: str) -> str | None:
        nonlocal old
        if old is None:
            old = published_tables(root) if old_tables is None else old_tables
        if key == "columns_sha256":
            return columns_sha256(old)
        names = LATER_FINGERPRINTS[key]
        return tables_sha256(old, names) if any(old.get(n) for n in names) else None

    if unchanged(last, prints, published):
        return None
    if old is None:
        old = published_tables(root) if old_tables is None else old_tables
    body = diff(old, new_tables)
    if is_empty(body) and entries:
        return None
    dated = body["reports_added"] + body["reports_replaced"]
    dates = [_date(root, r) for r in dated]
    if not dates:  # a correction: date it by the newest report in the publication
        dates = [_date(root, r) for r in new_tables.get("reports", [])]
    if not dates and entries:
        dates = [entries[-1]["date"]]
    entry = make_entry(len(entries) + 1, body, max(dates) if dates else "1970-01-01", prints["tables_sha256"],
                       prints["goals_sha256"], prints["more_sha256"], prints.get("columns_sha256"))
    save_entry(root, entry)
    return entry


def stage(root: Path, ctx=None) -> list[str]:
    """The build stage between curate and package: `Stage("changelog", changelog.stage)` in tertial.build.

    Compares the curated tables with the published ones (still on disk) and records an entry when they
    differ, so that the package stage can write `current_version(root)` and the site its news.
    """
    entry = update(root, curated_tables(root))
    if entry is None:
        return [f"changelog: no change, data version {current_version(root)}"]
    added = ", ".join(r["report_id"] for r in entry["reports_added"]) or "none"
    return [f"changelog: entry {entry['number']}, data version {entry['version']} "
            f"(reports added: {added}; {len(entry['indicators']['changed'])} changed values or targets; "
            f"{len(entry['goals']['changed'])} changed goal cells; {len(entry['indicators']['other'])} indicator rows "
            f"changed in other columns)"]

