"""Text-from-PDF layout: the sweep after the walk, so that no row block is lost in silence by construction.

The walk over the report reads each block by its shape; a shape it does not know can make it take a row
for text (a goal's text, or text after a table that it warns about). The sweep looks at every line the
walk gave to text while a table was open (after a table header, before the next goal heading or activity
header) and finds the row ends among them: a line of cells closed by a period cell ('85 % 90 % 2020'). For
each one it reads the row again from the name block above it; what reads as a row is written as a row,
anything else as a fragment row, both flagged 'recovered', with a warning and a census count. A shape
that the walk reads right never reaches the sweep (census.rows_recovered stays 0)."""

from __future__ import annotations

from . import reasons
from .cells import glue_lines
from .model import IndicatorRow
from .rows import read_row, starts_with_value
from .names import inline_split
from .state import State
from .words import period_at_end


def row_end(st: State, k: int) -> bool:
    """Does item k close a row: a line of cells (or a name sharing its line with them) ending in a period
    cell?"""
    it = st.items[k]
    if it.kind != "line" or it.blank or not period_at_end(it.text, st.meta.year):
        return False
    return starts_with_value(it.text) or (st.spacing and it.text.startswith(" ")) or \
        inline_split(it.text, None) is not None


def _name_start(st: State, k: int, taken: set[int]) -> int:
    """The first line of the name block above the row end at k: up over lines of cells, blank lines and
    repeated headers to the first text line, then to the top of its block. Stays within the lines the
    walk gave to text (`taken` holds them)."""
    items = st.items
    j = k
    while j - 1 in taken and (items[j - 1].kind != "line" or items[j - 1].blank or
                              starts_with_value(items[j - 1].text) or period_at_end(items[j - 1].text)):
        j -= 1
    if j - 1 in taken and items[j - 1].kind == "line":
        j -= 1
        while j - 1 in taken and items[j - 1].kind == "line" and not items[j - 1].blank:
            j -= 1
    while j < k and (items[j].kind != "line" or items[j].blank):
        j += 1
    return j


def sweep(st: State, as_text: dict[int, tuple]) -> None:
    """Recover the row blocks among the items the walk gave to text while a table was open.
    `as_text`: item index -> (goal, columns, first row of the table) when the walk took it."""
    taken = set(as_text)
    done: set[int] = set()
    for k in sorted(taken):
        if k in done or not row_end(st, k):
            continue
        s = _name_start(st, k, taken)
        st.current, st.columns, st.table_first = as_text[s]
        before = len(st.ex.rows)
        end = read_row(st, s) if s < k else None
        if end is not None and end > k and len(st.ex.rows) == before + 1:
            row = st.ex.rows.pop()
            why = "raden lästes först som text"
        else:
            del st.ex.rows[before:]
            end = k + 1
            text = glue_lines([st.items[h].text for h in range(s, end) if st.items[h].kind == "line"], st.clue)
            row = IndicatorRow(st.current, text, st.items[s].line, None, raw_text=text)
            st.census.fragments_flagged += 1
            why = "ett stycke som inte lästes som en rad"
        done.update(range(s, end))
        row.needs_review = True
        row.review_reason = "; ".join(p for p in (row.review_reason, reasons.text([("recovered", why)])) if p)
        row.review_code = ";".join(p for p in (row.review_code, "recovered") if p)
        _insert(st, row)
        st.census.rows_recovered += 1
        st.ex.warnings.append((row.source_line, "a row block the walk read as text, recovered after it as a "
                                                f"flagged row: {row.name[:60]!r}"))


def _insert(st: State, row: IndicatorRow) -> None:
    """Put the row among the rows in the order printed."""
    rows = st.ex.rows
    at = len(rows)
    while at > 0 and rows[at - 1].source_line > row.source_line:
        at -= 1
    rows.insert(at, row)
