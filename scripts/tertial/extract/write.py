"""Save one Extraction as the contract's four CSV files (goals, goal_texts, indicator_results, activities)."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from .. import ids, schema
from ..schema import VALUE_COLUMNS
from .model import CITY_LEVELS, Extraction
from .values import format_number

# the four tables of one report, their columns in order: from the Table Schemas (tertial/schema.py)
TABLE_COLUMNS: dict[str, list[str]] = {t: schema.stage_columns(t) for t in schema.stage_tables("extract")}


def goal_id(report_id: str, index: int) -> str:
    return f"{report_id}-g{index + 1:03d}"


def activity_id(report_id: str, index: int) -> str:
    return f"{report_id}-a{index + 1:03d}"


def row_unit(cells) -> str:
    """The row's unit: the first unit printed, outcome columns first."""
    for col in VALUE_COLUMNS:
        if cells[col].unit:
            return cells[col].unit
    return ""


def tables(ex: Extraction) -> dict[str, list[dict]]:
    """Process: the four tables as lists of rows (dicts keyed by TABLE_COLUMNS), sorted."""
    rid = ex.meta.report_id
    gid = lambda i: goal_id(rid, i) if i is not None else ""  # noqa: E731
    goals, texts = [], []
    for i, g in enumerate(ex.goals):
        is_city = g.level in CITY_LEVELS
        goals.append({
            "goal_id": gid(i), "report_id": rid, "parent_goal_id": gid(g.parent), "level": g.level,
            "code": g.code or "", "title": g.title, "assessment": g.assessment or "",
            "city_goal_id": ids.city_goal_id(ex.meta.year, g.code, g.title) if is_city else "",
            "source_line": g.source_line, "source_page": g.source_page or "",
        })
        merged: dict[str, list[str]] = {}
        for section, text in g.texts:
            merged.setdefault(section, []).append(text)
        for section, parts in merged.items():
            texts.append({"goal_id": gid(i), "section": section, "text": "\n\n".join(parts)})
    results = []
    for r in ex.rows:
        row = {
            "report_id": rid, "goal_id": gid(r.goal), "indicator_id": ids.indicator_slug(r.name),
            "name": r.name, "unit": row_unit(r.cells), "period": r.period or "",
            "needs_review": "true" if r.needs_review else "false", "review_reason": r.review_reason,
            "review_code": r.review_code if r.needs_review else "",
            "analysis": r.analysis, "source_line": r.source_line,
            "source_line_end": r.source_line_end or r.source_line, "source_page": r.source_page or "",
        }
        for col in VALUE_COLUMNS:
            cell = r.cells[col]
            row[col] = format_number(cell.value)
            row[f"{col}_text"] = cell.text or ""
        results.append(row)
    activities = [{
        "activity_id": activity_id(rid, i), "report_id": rid, "goal_id": gid(a.goal), "text": a.text,
        "start_date": a.start_date or "", "end_date": a.end_date or "", "deviation": a.deviation,
        "analysis": a.analysis, "source_line": a.source_line, "source_page": a.source_page or "",
    } for i, a in enumerate(ex.activities)]
    results.sort(key=lambda r: (r["report_id"], r["source_line"]))
    texts.sort(key=lambda r: (r["goal_id"], r["section"]))
    return {"goals": goals, "goal_texts": texts, "indicator_results": results, "activities": activities}


def to_csv(columns: list[str], rows: list[dict], ignore_extra: bool = False) -> str:
    """The rows as CSV text with a header: the bytes csv.DictWriter writes (LF line ends, minimal quoting,
    a missing key as an empty cell, a key not in `columns` refused unless `ignore_extra`), without its
    per-row checks' cost."""
    columns = list(columns)
    known = set(columns)
    for row in rows:
        if not ignore_extra and not known.issuperset(row):
            raise ValueError(f"dict contains fields not in fieldnames: {sorted(set(row) - known)!r}")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([row.get(c, "") for c in columns] for row in rows)
    return buf.getvalue()


def write_tables(ex: Extraction, out_dir: Path) -> dict[str, Path]:
    """Save: write the four CSVs into out_dir, each atomically (temp file, then rename)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, rows in tables(ex).items():
        path = out_dir / f"{name}.csv"
        fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(to_csv(TABLE_COLUMNS[name], rows))
        os.replace(tmp, path)
        written[name] = path
    return written


CENSUS = "census.json"  # beside the extracted CSVs in build/extracted/<report_id>/


def census_record(ex: Extraction) -> dict:
    """What the layout saw and wrote, and every warning: nothing lost without a trace."""
    return {"report_id": ex.meta.report_id, "layout": ex.layout, **ex.census.summary(ex),
            "warnings": [{"line": line, "message": message} for line, message in ex.warnings],
            # per flagged row: which rule put which cell in which column (`tertial review` shows it)
            "explain": {str(r.source_line): r.explain for r in ex.rows if r.needs_review and r.explain}}


def write_census(ex: Extraction, out_dir: Path) -> Path:
    path = out_dir / CENSUS
    path.write_text(json.dumps(census_record(ex), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def census_lines(record: dict, source: str = "") -> list[str]:
    """The census in one line, then one line per warning (as `tertial extract`, `build` and `add-report`
    print them)."""
    where = f"{source}:" if source else "line "
    head = (f"census {record['report_id']}: {record['row_blocks']} row blocks seen, "
            f"{record['rows_written']} rows written ({record['rows_flagged']} flagged), "
            f"{record['fragments_joined']} fragments joined, {record['fragments_flagged']} kept as flagged rows")
    if record.get("notes"):
        head += f", {record['notes']} footnotes kept with their rows"
    if record.get("rows_recovered"):
        head += f", {record['rows_recovered']} row blocks recovered after the walk (flagged)"
    return [head] + [f"warning: {where}{w['line']}: {w['message']}" for w in record["warnings"]]
