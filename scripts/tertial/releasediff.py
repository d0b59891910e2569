"""The release diff between two publications' tables (pure): reports added, replaced, removed and
retitled; per indicator the values and targets new, dropped and changed (and, for an added report, against
the district's previous report); changed goals and activities of reports published both times; analysis
texts, reference tables and columns that changed; and the packages whose data changed.

The changelog stage (`tertial.changelog`) writes it into each entry; rows are dicts keyed by the
contract's columns, values as text as in the published CSV files (`tertial.reports.report_rows`).
"""

from __future__ import annotations

import math
import re

from .reports import order_key

DIFF_TABLES = ("reports", "indicator_results", "goals", "activities")
# the rest of the published tables, compared as text
MORE_TABLES = ("goal_texts", "indicators", "city_goals", "districts", "corrections")
REFERENCE_KEYS = {"indicators": "indicator_id", "city_goals": "city_goal_id", "districts": "district_id"}
PACKAGE_COLUMNS = ("district_id", "year")  # added to indicator_results by the package stage
# {table: [column, ...]} as written: the Table Schemas' fields (to publish), the CSV headers (published)
COLUMNS = "_columns"
OUTCOME_COLUMNS = ("period_outcome", "forecast")  # the outcome and forecast, compared between reports
TARGET_COLUMNS = ("annual_target", "annual_target_text", "city_target", "city_target_text")
COMPARED_COLUMNS = OUTCOME_COLUMNS + TARGET_COLUMNS
# between two publications every printed value is compared and listed (against the district's previous
# report, only COMPARED_COLUMNS: last year's outcome and the split by sex are not comparable)
CORRECTED_COLUMNS = ("period_outcome", "outcome_men", "outcome_women", "previous_year", "forecast") + TARGET_COLUMNS
REPORT_FIELDS = ("report_id", "district_id", "year", "report_type", "title")
CITY_PACKAGE = "stockholm"
GOAL_COLUMNS = ("assessment", "title", "code", "level", "city_goal_id")
ACTIVITY_COLUMNS = ("text", "start_date", "end_date", "deviation")


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
    return canonical(a) == canonical(b)


def canonical(value) -> str:
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
        elif row_text(a_row) != row_text(b_row):
            other += 1
            touched.add(k[0])
    return {"changed": changed, "new": len(new.keys() - old.keys()), "dropped": len(old.keys() - new.keys()),
            "other": other, "_reports": touched}


def _text(value) -> str:
    return "" if value is None else str(value)


def _rest_differs(a: dict, b: dict, compared: tuple[str, ...]) -> list[str]:
    """The columns outside `compared` and the package's own where the rows differ (by canonical; cells
    spelled the same, as most are, are not read as numbers)."""
    keys = a.keys() | b.keys() if a.keys() != b.keys() else a.keys()
    return sorted(k for k in keys if k not in compared and k not in PACKAGE_COLUMNS and a.get(k) != b.get(k)
                  and canonical(a.get(k)) != canonical(b.get(k)))


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
        old, new = {row_text(r): r for r in old_rows}, {row_text(r): r for r in new_rows}
    else:
        old, new = {_text(r.get(key)): r for r in old_rows}, {_text(r.get(key)): r for r in new_rows}
    changed = {k for k in old.keys() & new.keys() if row_text(old[k]) != row_text(new[k])}
    gone, came = old.keys() - new.keys(), new.keys() - old.keys()
    rows = [old[k] for k in gone | changed] + [new[k] for k in came | changed]
    return {"new": len(came), "dropped": len(gone), "changed": len(changed), "_rows": rows}


def row_text(row: dict) -> str:
    """A row as one text, columns in name order (the changelog fingerprints the tables compared as text
    by it)."""
    return "\x1f".join(f"{k}\x1e{_text(row[k])}" for k in sorted(row))


def _reports_added(new_reports: dict[str, dict], added: list[str], new_rows: list[dict]) -> list[dict]:
    """The added reports, each with its count of indicator rows and what changed against the district's
    previous report."""
    by_report: dict[str, list[dict]] = {}
    for row in new_rows:
        by_report.setdefault(row.get("report_id", ""), []).append(row)
    out = []
    for rid in added:
        rep = _report_summary(new_reports[rid])
        rows = by_report.get(rid, [])
        rep["indicator_rows"] = len(rows)
        prev = previous_report(list(new_reports.values()), new_reports[rid])
        if prev is not None:
            rep["previous_report_id"] = prev["report_id"]
            rep["against_previous"] = compare_reports(by_report.get(prev["report_id"], []), rows)
        out.append(rep)
    return out


def _indicator_changes(old_rows: list[dict], new_rows: list[dict]) -> tuple[dict, set[str], set[tuple]]:
    """(the entry's `indicators`, the reports with a row changed, new or dropped, every row key)."""
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
    touched = {c["report_id"] for c in changed} | {k[0] for k in new_keyed.keys() ^ old_keyed.keys()}
    touched |= {k[0] for k in other_rows}
    indicators = {
        "new": [{"indicator_id": i, "name": names.get(i, "")} for i in sorted(new_ids - old_ids)],
        "dropped": [{"indicator_id": i, "name": names.get(i, "")} for i in sorted(old_ids - new_ids)],
        "new_values": dict(sorted(new_values.items())),
        "dropped_values": dict(sorted(dropped_values.items())),
        "changed": changed,
        # rows changed in other columns (review flag, name, analysis, ...): which, and the columns
        "other": [{"report_id": k[0], "indicator_id": k[1], "name": new_keyed[k].get("name", ""),
                   "columns": cols} for k, cols in sorted(other_rows.items())],
    }
    return indicators, touched, old_keyed.keys() | new_keyed.keys()


def _changed_texts(old: dict, new: dict, both: set[str]) -> list[str]:
    """The reports published both times whose analysis texts changed."""
    old_texts = _texts_by_report(old.get("goal_texts", []), old.get("goals", []), both)
    new_texts = _texts_by_report(new.get("goal_texts", []), new.get("goals", []), both)
    return sorted(rid for rid in old_texts.keys() | new_texts.keys() if old_texts.get(rid) != new_texts.get(rid))


def _changed_columns(old_cols: dict, new_cols: dict) -> dict:
    """{table: {added, dropped}} of the tables whose columns changed (when both publications' are known:
    a column added, dropped or moved changes every package's files)."""
    columns = {}
    if old_cols and new_cols:
        for table in sorted(old_cols.keys() | new_cols.keys()):
            a, b = old_cols.get(table, []), new_cols.get(table, [])
            if a != b:
                columns[table] = {"added": [c for c in b if c not in a], "dropped": [c for c in a if c not in b]}
    return columns


def _changed_reference(old: dict, new: dict) -> dict:
    """{table: compare_reference(...)} of the reference tables with a change."""
    reference = {}
    for table in MORE_TABLES[1:]:
        if table in old or table in new:
            found = compare_reference(old.get(table, []), new.get(table, []), REFERENCE_KEYS.get(table))
            if found["new"] or found["dropped"] or found["changed"]:
                reference[table] = found
    return reference


def _districts_touched(touched: set[str], reference: dict, columns: dict, row_keys: set[tuple],
                       district_of: dict[str, str]) -> list[str]:
    """The districts whose packages change: those of the reports `touched`, and those reference rows reach
    (an indicator the districts reporting it, a correction its report's district; city goals, districts
    (ancestry, mergers) and columns every district)."""
    touched = set(touched)
    if "indicators" in reference:
        iids = {_text(r.get("indicator_id")) for r in reference["indicators"]["_rows"]}
        touched |= {k[0] for k in row_keys if k[1] in iids}
    if "corrections" in reference:
        touched |= {_text(r.get("report_id")) for r in reference["corrections"]["_rows"]}
    if "city_goals" in reference or "districts" in reference or columns:
        return sorted(set(district_of.values()) - {""})
    return sorted({district_of.get(rid, "") for rid in touched} - {""})


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
    new_rows = new.get("indicator_results", [])
    indicators, rows_touched, row_keys = _indicator_changes(old.get("indicator_results", []), new_rows)

    # goals and activities of the reports published both times from the same source (an added, replaced
    # or removed report is listed as such: its goals and activities are its own)
    both = (old_reports.keys() & new_reports.keys()) - set(replaced)
    goals = compare_rows(old.get("goals", []), new.get("goals", []), "goal_id", GOAL_COLUMNS, both)
    acts = compare_rows(old.get("activities", []), new.get("activities", []), "activity_id", ACTIVITY_COLUMNS, both)
    retitled = sorted(rid for rid in both if _rest_differs(old_reports[rid], new_reports[rid], ()))
    texts = _changed_texts(old, new, both)
    columns = _changed_columns(old.get(COLUMNS) or {}, new.get(COLUMNS) or {})
    reference = _changed_reference(old, new)

    # the packages whose data this publication changes: the city-wide one, and each district with a report
    # added, replaced or removed, or with a changed row in a report published before
    touched = set(added) | set(removed) | set(replaced) | goals.pop("_reports") | acts.pop("_reports")
    touched |= rows_touched | set(retitled) | set(texts)
    district_of = {rid: r.get("district_id", "") for rid, r in {**old_reports, **new_reports}.items()}
    districts = _districts_touched(touched, reference, columns, row_keys, district_of)
    for found in reference.values():
        found.pop("_rows")

    return {
        "packages": [CITY_PACKAGE] + districts if touched or reference or columns else [],
        "reports_added": _reports_added(new_reports, added, new_rows),
        "reports_replaced": [_report_summary(new_reports[rid]) for rid in replaced],
        "reports_removed": [_report_summary(old_reports[rid]) for rid in removed],
        # published both times from the same source, with another title (or other report cells)
        "reports_changed": [_report_summary(new_reports[rid]) for rid in retitled],
        "indicators": indicators,
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
