"""Text-from-PDF layout: the sweep after the walk, so that no row block is lost in silence by construction.

The walk over the report reads each block by its shape; a shape it does not know can make it take a row
for text (a goal's text, a row's analysis, or text after a table that it warns about). The sweep looks at
every line the walk read while a table was open (after a table header, before the next goal heading or
activity header) and finds the row ends that lie outside every row written: a line of cells closed by a
period cell ('85 % 90 % 2020'). For each one it reads the row again from the name block above it; what
reads as a row is written as a row, anything else as a fragment row, both flagged 'recovered', with a
warning and a census count. A shape that the walk reads right never reaches the sweep
(census.rows_recovered stays 0)."""

from __future__ import annotations

from . import goals as goal_rules
from . import reasons
from .cells import glue_lines
from .model import IndicatorRow
from .rows import read_row
from .names import inline_split
from .state import State
from .stream import section_label
from .values import EMPTY_MARKS, fold
from .words import NO_VALUE_TEXTS, PERIOD_WORDS, TEXT_VERBS, UNITS, is_number, opens_with_sign, period_at_end


def row_end(st: State, k: int) -> bool:
    """Does item k close a row: a line of cells ending in a period cell ('85 % 90 % 2020'; mostly numbers,
    units, dashes and target words, so no sentence of an analysis), a period wrapped below such a line
    ('Tertial 1 ' / '2020'), or a name sharing its line with its cells?"""
    it = st.items[k]
    if it.kind != "line" or it.blank or not period_at_end(it.text, st.meta.year):
        return False
    words = it.text.split()
    if len(words) == 1:  # a period wrapped below the cells
        above = k - 1
        return above >= 0 and st.items[above].kind == "line" and _cells(st.items[above].text)
    return _cells(it.text) or inline_split(it.text, None) is not None


def _opens_cells(text: str) -> bool:
    """A line that opens with a value: a number, a sign or range, a dash or a text in place of a value."""
    t = text.strip()
    first = t.split()[0] if t else ""
    return is_number(first) or opens_with_sign(first) or first in EMPTY_MARKS or \
        any(t.lower().startswith(w.lower()) for w in NO_VALUE_TEXTS)


def _cells(text: str) -> bool:
    words = text.split()
    if not words or not (_opens_cells(text) or text.startswith(" ")):
        return False
    cellish = sum(1 for w in words if is_number(w) or w in EMPTY_MARKS or w.lower().rstrip(".") in UNITS
                  or w.lower() in TEXT_VERBS or w in PERIOD_WORDS)
    return cellish >= 0.5 * len(words)


def _name_start(st: State, k: int, taken: set[int]) -> int:
    """The first line of the name block above the row end at k: up over lines of cells, blank lines and
    repeated headers to the first text line, then to the top of its block. Stays within the lines the
    walk gave to text (`taken` holds them)."""
    items = st.items
    j = k
    while j - 1 in taken and (items[j - 1].kind != "line" or items[j - 1].blank or
                              _opens_cells(items[j - 1].text) or period_at_end(items[j - 1].text)):
        j -= 1
    def name_line(h: int) -> bool:  # a line of a name: no section label, heading or 'Analys'
        return h in taken and items[h].kind == "line" and not items[h].blank and \
            not section_label(items[h].text) and not goal_rules.heading_label(items[h].text)
    if name_line(j - 1):
        j -= 1
        while name_line(j - 1):
            j -= 1
    while j < k and (items[j].kind != "line" or items[j].blank):
        j += 1
    return j


def sweep(st: State, in_table: dict[int, tuple]) -> None:
    """Recover the row blocks the walk did not write as rows among the items it read while a table was
    open (`in_table`: item index -> (goal, columns, unknown header words, the table's first row) then): a
    row end outside every row's lines (name to last cell) was taken for text, a goal's or a row's
    analysis."""
    taken = set(in_table)
    covered: set[int] = set()
    for r in st.ex.rows:
        covered.update(range(r.source_line, (r.source_line_end or r.source_line) + 1))
    for k in sorted(taken):
        if st.items[k].line in covered or not row_end(st, k):
            continue
        s = _name_start(st, k, taken)
        st.current, st.columns, st.header_unknown, st.table_first = in_table[s]
        before = len(st.ex.rows)
        end = read_row(st, s) if s < k else None
        if end is not None and end > k and len(st.ex.rows) == before + 1:
            row = st.ex.rows.pop()
            why = "raden lästes först som text"
        else:
            del st.ex.rows[before:]
            end = k + 1
            text = glue_lines([st.items[h].text for h in range(s, end) if st.items[h].kind == "line"], st.clue)
            row = IndicatorRow(st.current, text, st.items[s].line, None, raw_text=text,
                               source_line_end=st.items[k].line)
            st.census.fragments_flagged += 1
            why = "ett stycke som inte lästes som en rad"
        covered.update(range(row.source_line, (row.source_line_end or row.source_line) + 1))
        row.needs_review = True
        row.review_reason = "; ".join(p for p in (row.review_reason, reasons.text([("recovered", why)])) if p)
        row.review_code = ";".join(p for p in (row.review_code, "recovered") if p)
        _insert(st, row)
        st.census.rows_recovered += 1
        st.ex.warnings.append((row.source_line, "a row block the walk read as text, recovered after it as a "
                                                f"flagged row: {row.name[:60]!r}"))


def rows_within(st: State, in_table: dict[int, tuple]) -> None:
    """A row whose lines hold two row ends with a name block between them ('85 % 90 % 2020' / 'Antal
    besök' / '12 st 14 st 2020') swallowed the next row as its cells: both are read again apart (the first
    up to the name block, the second from it), flagged 'row_within_row', warned and counted; when they do
    not read apart the row is flagged and warned as it is. No row hides in another in silence."""
    at = {it.line: n for n, it in enumerate(st.items)}
    n = 0
    while n < len(st.ex.rows):
        row = st.ex.rows[n]
        lo, hi = at.get(row.source_line), at.get(row.source_line_end or row.source_line)
        n += 1
        if lo is None or hi is None or "fragment" in row.review_code:
            continue
        ends = [k for k in range(lo, hi + 1) if row_end(st, k)]
        between = [k for k in range(ends[0] + 1, ends[-1]) if st.items[k].kind == "line" and
                   not st.items[k].blank and not _opens_cells(st.items[k].text)] if len(ends) > 1 else []
        if not between:
            continue
        t = _name_start(st, next(k for k in ends if k > between[0]), set(range(lo, hi + 1)))
        apart = _read_apart(st, lo, t, in_table) if lo < t else None
        rows = apart or [row]
        for r in rows:
            r.needs_review = True
            r.review_reason = "; ".join(p for p in (r.review_reason, reasons.text([("row_within_row", "")])) if p)
            r.review_code = ";".join(p for p in (r.review_code, "row_within_row") if p)
        st.ex.rows[n - 1:n] = rows
        st.census.rows_recovered += len(rows) - 1
        st.ex.warnings.append((st.items[between[0]].line, "a row's cells hold another row end after a line of "
                                                          f"text: {fold(st.items[between[0]].text)[:60]!r}"
                                                          + (", read as two rows" if apart else "")))


def _read_apart(st: State, lo: int, t: int, in_table: dict[int, tuple]) -> list[IndicatorRow] | None:
    """The row at item lo read again up to item t, and the row whose name starts at t; None when either
    reads as no row."""
    full, rows, before = st.items, st.ex.rows, len(st.ex.rows)
    here = (st.current, st.columns, st.header_unknown, st.table_first)
    st.current, st.columns, st.header_unknown, st.table_first = in_table.get(lo, here)
    st.items = full[:t]
    try:
        first = read_row(st, lo)
    finally:
        st.items = full
    second = read_row(st, t) if first is not None and len(rows) == before + 1 else None
    apart = rows[before:]
    del rows[before:]
    if second is None or len(apart) != 2:
        return None
    st.census.row_blocks -= 1  # the first was counted when the walk read it
    return apart


def _insert(st: State, row: IndicatorRow) -> None:
    """Put the row among the rows in the order printed."""
    rows = st.ex.rows
    at = len(rows)
    while at > 0 and rows[at - 1].source_line > row.source_line:
        at -= 1
    rows.insert(at, row)
