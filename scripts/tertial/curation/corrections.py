"""Corrections of a cell or a whole row, kept in `curation/corrections.yml` and applied after extraction.

Each entry names the row by report and source line (the line the extraction gives in `source_line`):

    corrections:
      - report_id: hagersten-liljeholmen-2020-t1
        source_line: 1234            # the row's source_line
        table: indicator_results     # optional: indicator_results (default), goals or activities
        column: forecast             # one cell ...
        value: 2.7
        reason: "Prognos 2,7 % according to the analysis text under the row"
      - report_id: ...
        source_line: 1300
        set: {annual_target: 5, needs_review: false}   # ... several cells ...
        reason: ...
      - report_id: ...
        source_line: 1400
        row: {period: "Tertial 1 2020", period_outcome: 12, city_target_text: "öka"}  # ... the whole row:
        reason: ...                  # every value cell replaced (unnamed ones empty); settles needs_review
      - report_id: ...
        source_line: 1500
        delete: true                 # not an indicator row at all
        reason: ...

A number goes in a numeric column (its `_text` twin is emptied); a text goes in the `_text` twin (the
numeric column is emptied). Every applied correction is returned, so the build lists it and the packages
publish it (table `corrections`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import TertialError
from .. import schema
from ..schema import VALUE_COLUMNS
from ..extract.values import format_number
from . import yamlfile

FILE = Path("curation") / "corrections.yml"
TABLES = schema.enum("table_name")  # the tables a correction may change (fields.yml)
SETTABLE = {
    "indicator_results": {"name", "unit", "period", "needs_review", "review_reason", "analysis",
                          *VALUE_COLUMNS, *(f"{c}_text" for c in VALUE_COLUMNS)},
    "goals": {"level", "code", "title", "assessment"},
    "activities": {"text", "start_date", "end_date", "deviation", "analysis"},
}
ROW_COLUMNS = ("period", *VALUE_COLUMNS, *(f"{c}_text" for c in VALUE_COLUMNS))
ENUMS = {"level": schema.enum("level"), "assessment": (*schema.enum("assessment"), "")}
_KEYS = {"report_id", "source_line", "table", "column", "value", "set", "row", "delete", "reason"}
_TYPES = {"report_id": yamlfile.TEXT, "source_line": (int,), "table": yamlfile.TEXT, "column": yamlfile.TEXT,
          "set": (dict,), "row": (dict,), "delete": (bool,), "reason": yamlfile.TEXT}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load(root: Path) -> list[dict]:
    """Load: the entries of curation/corrections.yml, each with its line (checked for form, not target)."""
    display = str(FILE)
    data = yamlfile.load(root / FILE, display)
    entries = yamlfile.entries(data, "corrections", display)
    for e in entries:
        _check_form(e, display)
    return entries


def _check_form(e: dict, display: str) -> None:
    line = e.get(yamlfile.LINE)
    yamlfile.check_keys(e, _KEYS, display, "correction")
    yamlfile.check_types(e, _TYPES, display, "correction")
    for key in ("report_id", "source_line", "reason"):
        if key not in e or e[key] in (None, ""):
            raise TertialError(f"correction lacks '{key}'", display, line)
    if not isinstance(e["source_line"], int) or e["source_line"] < 1:
        raise TertialError("correction: source_line must be a line number (1 or more)", display, line)
    table = e.get("table", "indicator_results")
    if table not in TABLES:
        raise TertialError(f"correction: table must be one of {', '.join(TABLES)}, not {table!r}", display, line)
    forms = [k for k in ("column", "set", "row", "delete") if k in e]
    if len(forms) != 1:
        raise TertialError("correction: give exactly one of column/value, set, row or delete", display, line)
    if "column" in e and "value" not in e:
        raise TertialError("correction: 'column' needs a 'value' (null for an empty cell)", display, line)
    if "row" in e and table != "indicator_results":
        raise TertialError("correction: 'row' replaces the value cells of an indicator row only", display, line)
    if "delete" in e and e["delete"] is not True:
        raise TertialError("correction: 'delete' must be true", display, line)
    for column, value in _changes(e).items():
        _cell_text(table, column, value, display, line)


def _changes(e: dict) -> dict:
    if "column" in e:
        return {e["column"]: e["value"]}
    if "set" in e:
        if not isinstance(e["set"], dict) or not (set(e["set"]) - {yamlfile.LINE}):
            return {"": None}
        return {k: v for k, v in e["set"].items() if k != yamlfile.LINE}
    if "row" in e:
        if not isinstance(e["row"], dict):
            return {"": None}
        given = {k: v for k, v in e["row"].items() if k != yamlfile.LINE}
        for k in given:
            if k not in ROW_COLUMNS:
                return {k: given[k]}
        return {c: given.get(c) for c in ROW_COLUMNS} | {"needs_review": False}
    return {}


def _cell_text(table: str, column: str, value, display: str, line: int | None) -> str:
    """The CSV text of a corrected cell; a clear error if the column or the value does not fit."""
    if column not in SETTABLE[table]:
        raise TertialError(f"correction: column {column!r} cannot be corrected in {table} "
                           f"(allowed: {', '.join(sorted(SETTABLE[table]))})", display, line)
    if value is None:
        value = ""
    if column in VALUE_COLUMNS:
        if value == "":
            return ""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TertialError(f"correction: {column} takes a number (a text goes in {column}_text)",
                               display, line)
        return format_number(value)
    if column == "needs_review":
        if not isinstance(value, bool):
            raise TertialError("correction: needs_review takes true or false", display, line)
        return "true" if value else "false"
    if column in ("start_date", "end_date"):
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value != "" and not _DATE.match(str(value)):
            raise TertialError(f"correction: {column} takes a date YYYY-MM-DD", display, line)
        return str(value)
    if isinstance(value, (dict, list)):
        raise TertialError(f"correction: {column} takes a single value", display, line)
    text = str(value)
    if column in ENUMS and text not in ENUMS[column]:
        allowed = ", ".join(e or "'' (empty)" for e in ENUMS[column])
        raise TertialError(f"correction: {column} must be one of {allowed}", display, line)
    return text


def apply(tables: dict[str, list[dict]], entries: list[dict], report_ids: set[str]) -> list[dict]:
    """Process: apply the corrections to `tables` in place; return one record per changed cell or row."""
    display = str(FILE)
    applied: list[dict] = []
    index: dict[tuple, dict] = {}
    for table in TABLES:
        for row in tables[table]:
            index.setdefault((table, row["report_id"], int(row["source_line"])), row)
    touched: dict[tuple, int] = {}
    deleted: set[int] = set()
    for e in entries:
        line = e.get(yamlfile.LINE)
        table = e.get("table", "indicator_results")
        rid, src = e["report_id"], e["source_line"]
        if rid not in report_ids:
            raise TertialError(f"correction names report {rid!r}, which is not in sources/reports.yml",
                               display, line)
        row = index.get((table, rid, src))
        if row is None or id(row) in deleted:
            what = {"indicator_results": "indicator row", "goals": "goal", "activities": "activity"}[table]
            raise TertialError(f"correction points at {rid} line {src}, but no {what} starts at that line "
                               f"(see `tertial review` for the rows and their lines)", display, line)
        base = {"report_id": rid, "table_name": table, "source_line": src, "reason": str(e["reason"]).strip()}
        if e.get("delete"):
            deleted.add(id(row))
            label = row.get("name") or row.get("title") or row.get("text") or ""
            applied.append(base | {"column": "row", "old_value": label, "new_value": ""})
            continue
        for column, value in _changes(e).items():
            new = _cell_text(table, column, value, display, line)
            key = (table, rid, src, column)
            if key in touched:
                raise TertialError(f"correction sets {column} of {rid} line {src} again (first at line "
                                   f"{touched[key]})", display, line)
            touched[key] = line
            _set(row, column, new, applied, base)
    for table in TABLES:
        tables[table][:] = [r for r in tables[table] if id(r) not in deleted]
    return applied


def _set(row: dict, column: str, new: str, applied: list[dict], base: dict) -> None:
    changes = {column: new}
    if column in VALUE_COLUMNS and new != "":
        changes[f"{column}_text"] = ""
    elif column.endswith("_text") and column[:-5] in VALUE_COLUMNS and new != "":
        changes[column[:-5]] = ""
    for col, value in changes.items():
        old = row.get(col, "")
        if old != value:
            row[col] = value
            applied.append(base | {"column": col, "old_value": old, "new_value": value})
