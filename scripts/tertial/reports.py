"""What the stages say about a report, said once: its order, its date, its row (and the districts' rows).

Below the changelog, package and site stages, which all use it; it reads only a report's own source file.

The order of reports: by year, then VP < T1 < T2 < VB (the order of `ids.REPORT_TYPES`).

The date of a report (`report_date`), the one rule for the changelog entry's `date`, each package's
`created` and, through the changelog, the DCAT catalogue's `issued`/`modified`:
  - the newest ISO date (YYYY-MM-DD) printed in the report's title block, its first 40 lines, that lies
    within one year of the report's year (a meeting or decision date; an older date there, such as a
    registration number's or a decision referred to, is not the report's own);
  - else the last day of the period the report covers: 04-30 for T1, 08-31 for T2, 12-31 for VB; a
    business plan (VP) for year Y is decided before Y begins, so for it the day before, Y-1-12-31.

A report's row (`report_rows`), for the published `reports` table and the changelog: every value text, as
in the published CSV (`year` '2023', not 2023).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import ids

TYPE_ORDER = {t: i for i, t in enumerate(ids.REPORT_TYPES)}
UNKNOWN_TYPE = len(TYPE_ORDER)  # a type outside the contract sorts after the known ones
PERIOD_END = {"T1": "04-30", "T2": "08-31", "VB": "12-31"}
HEAD_LINES = 40
_DATE = re.compile(r"\b(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")


def order_key(year, report_type: str) -> tuple[int, int]:
    """Sorts reports by year, then VP < T1 < T2 < VB (`year` a number or its text; '' sorts first)."""
    return (int(year or 0), TYPE_ORDER.get(report_type, UNKNOWN_TYPE))


def newest(reports):
    """The newest of some reports (SourceReport): by `order_key`, then report id."""
    return max(reports, key=lambda r: (*order_key(r.year, r.report_type), r.report_id))


def report_date(text: str, year, report_type: str) -> str:
    """The date of a report (YYYY-MM-DD) from the text of its source: the rule in this module's docstring."""
    year = int(year)
    head = "\n".join(text.splitlines()[:HEAD_LINES])
    dates = ["-".join(m.groups()) for m in _DATE.finditer(head)]
    dates = [d for d in dates if abs(int(d[:4]) - year) <= 1]
    if dates:
        return max(dates)
    if report_type == "VP":
        return f"{year - 1}-12-31"
    return f"{year}-{PERIOD_END.get(report_type, '12-31')}"


def source_text(root: Path, file: str | None, report_id: str) -> str:
    """The text of a report's source: its `file` in the manifest, else sources/reports/<report_id>.txt;
    '' when neither can be read (the date then falls back to the period's end)."""
    candidates = [root / "sources" / "reports" / f"{report_id}.txt"]
    if file:
        candidates.insert(0, root / file)
    for path in candidates:
        if path.is_file():
            return path.read_bytes().decode("utf-8", errors="replace")
    return ""


def date_of(root: Path, report_id: str, year, report_type: str, file: str | None = None) -> str:
    """`report_date` of a report read from its source (see `source_text`)."""
    return report_date(source_text(root, file, report_id), year, report_type)


def report_rows(reports) -> list[dict]:
    """The `reports` table's rows of some reports (SourceReport), values as text."""
    return [{"report_id": r.report_id, "district_id": r.district_id, "year": str(r.year),
             "report_type": r.report_type, "title": r.title, "source_file": r.file, "source_sha256": r.sha256}
            for r in reports]


def district_rows() -> list[dict]:
    """The `districts` table's rows, from `ids.DISTRICTS`."""
    return [{"district_id": ids.slugify(d["name"]), "name": d["name"], "valid_from": d.get("valid_from", ""),
             "valid_to": d.get("valid_to", ""),
             "merged_into_district_id": ids.slugify(d["merged_into"]) if d.get("merged_into") else ""}
            for d in ids.DISTRICTS]
