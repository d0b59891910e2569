"""The tab-separated layout: the lines of its tables -> indicator rows and activities.

A row's cells are read under the column its header names (headers.py); what cannot sit there (a period
word or a date among the values, cells beyond the header, a row without a name) is a review reason of
reasons.py. An activity's dates are taken where they are printed, and only real dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import reasons as reason_texts
from .headers import Header
from .model import VALUE_COLUMNS, Activity, Extraction, IndicatorRow
from .values import EMPTY, fold, parse_cell
from .words import starts_with_period_word

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits only
# Bullets and symbols printed before a name: '●', '♀', '✓', '▶'. Only non-ASCII symbols (and the space
# around them): a name starting with ASCII ('<b>', '{{', '=', '"') is kept verbatim, as printed.
_MARKER = re.compile(r"^(?:[^\w\s\x00-\x7f«»“”‘’„‚]|\s)+")


def real_date(text: str) -> bool:
    """YYYY-MM-DD in ASCII digits, and a day that exists (2023-02-30 is not)."""
    if not _DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def strip_marker(text: str) -> str:
    return fold(_MARKER.sub("", fold(text)))


def is_marker(cell: str) -> bool:
    """A cell holding only a bullet or symbol ('●', '✓'): non-ASCII symbols, no letters or digits."""
    return bool(_MARKER.fullmatch(cell)) and bool(cell.strip())


@dataclass
class Table:
    header: Header
    goal: int | None
    item: IndicatorRow | Activity | None = None
    mode: str = "row"  # 'row' | 'analysis'
    paused: bool = False  # a blank line was seen
    after_repeat: bool = False  # the header was just printed again after a break


def new_row(ex: Extraction, cells: list[str], line: str, line_no: int, t: Table) -> None:
    """A line of an indicator table -> a row of `ex` (or the cells of the row whose name the line above
    printed alone)."""
    header = t.header
    reasons = []
    width = header.width
    extra = cells[width:]
    if any(c.strip() for c in extra):
        reasons.append(("cells_extra", f"{len(cells)} celler, rubriken {width}"))
    elif len(cells) < width:
        reasons.append(("cells_missing", f"{len(cells)} celler, rubriken {width}"))
    cells = cells[:width] + [""] * (width - len(cells))
    row = IndicatorRow(goal=t.goal, name="", source_line=line_no, source_line_end=line_no,
                       raw_text=line.rstrip("\r\n"))
    row.cells = {c: EMPTY for c in VALUE_COLUMNS}
    unknown = []
    for k, f in enumerate(header.fields):
        raw = cells[k]
        if f == "name":
            row.name = strip_marker(raw)
        elif f == "period":
            row.period = fold(raw) or None
        elif f in VALUE_COLUMNS:
            row.cells[f] = parse_cell(raw)
        elif raw.strip() and not is_marker(raw):
            unknown.append(fold(raw))
    if unknown and not reasons:
        reasons.append(("unknown_column", "; ".join(unknown)))
    reasons += check_row(row)
    prev = t.item
    if (not row.name and isinstance(prev, IndicatorRow) and prev.source_line_end == line_no - 1
            and not prev.period and all(c.empty for c in prev.cells.values()) and t.mode == "row"):
        # The name on one line, its cells on the next: one row.
        prev.cells, prev.period = row.cells, row.period
        prev.source_line_end = line_no
        prev.raw_text = f"{prev.raw_text}\n{row.raw_text}"
        prev.needs_review = bool(reasons)
        prev.review_reason, prev.review_code = reason_texts.text(reasons), reason_texts.codes(reasons)
        return
    if not row.name:
        reasons.append(("no_name", ""))
    if not row.period and all(cell.empty for cell in row.cells.values()):
        reasons.append(("nothing_beside_name", ""))
    if reasons:
        row.needs_review = True
        row.review_reason, row.review_code = reason_texts.text(reasons), reason_texts.codes(reasons)
    ex.census.row_blocks += 1
    ex.rows.append(row)
    t.item = row

def check_row(row: IndicatorRow) -> list[tuple[str, str]]:
    """Cells that cannot sit in their column: a period among the values, a value in the period column."""
    reasons = []
    if row.period:
        cell = parse_cell(row.period)
        if cell.value is not None and not re.fullmatch(r"\d{4}", row.period):
            reasons.append(("period_in_value", f"periodkolumnen: {row.period!r}"))
    for col in VALUE_COLUMNS:
        cell = row.cells[col]
        if cell.text and (starts_with_period_word(cell.text) or _DATE.match(cell.text)):
            reasons.append(("period_in_value", f"{reason_texts.columns_sv([col])}: {cell.text!r}"))
    return reasons

def new_activity(ex: Extraction, cells: list[str], line: str, line_no: int, t: Table) -> None:
    """A line of an activity table -> an activity of `ex`; dates that are no dates are left empty, with a
    warning."""
    header = t.header
    values: dict[str, str] = {}
    for k, f in enumerate(header.fields):
        if f and k < len(cells):
            values[f] = fold(cells[k])
    start, end = values.get("start_date", ""), values.get("end_date", "")
    text = values.get("text", "")
    deviation = values.get("deviation", "")
    misplaced = len(cells) > header.width + 1 or any(
        real_date(c.strip()) for k, c in enumerate(cells)
        if k >= len(header.fields) or header.fields[k] not in ("start_date", "end_date"))
    if misplaced:
        # Misplaced cells: take the dates where they are printed, the text before them.
        dates = [(k, c.strip()) for k, c in enumerate(cells) if real_date(c.strip())]
        if dates:
            first = dates[0][0]
            text = fold(" ".join(c for c in cells[:first] if c.strip() and not is_marker(c)))
            start = dates[0][1]
            end = dates[1][1] if len(dates) > 1 else ""
            last = dates[1][0] if len(dates) > 1 else first
            deviation = fold(" ".join(c for c in cells[last + 1:] if c.strip()))
    for label, value in (("start", start), ("end", end)):
        if value and not real_date(value):  # kept out of the date column, never moved to the other
            ex.warnings.append((line_no, f"the activity's {label} date {value!r} is not a date "
                                              "(YYYY-MM-DD); left empty"))
    start = start if real_date(start) else ""
    end = end if real_date(end) else ""
    act = Activity(goal=t.goal, text=strip_marker(text), source_line=line_no,
                   start_date=start or None, end_date=end or None, deviation=deviation)
    ex.activities.append(act)
    t.item = act
