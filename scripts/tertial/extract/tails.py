"""Text-from-PDF layout: the end of a row's name printed after a page break, below the row's cells
('(hemtjänst)' right after the repeated table header), and the rules that tell it from the next row."""

from __future__ import annotations

import re

from . import goals as goal_rules
from .names import name_left_open
from .state import State
from .stream import next_content, section_label
from .words import YEAR, period_at_end


_TAIL_OPENING = re.compile(r"^\s*(?:\(|[a-zåäö])")  # no row's name opens so: '(hemtjänst)', 'i hemtjänst'
TAIL_LINES, TAIL_LINES_LOWER = 3, 6  # the most lines a name's rest runs to (see name_tail)
TAIL_WIDTH_SLACK = 10  # a name's rest is printed in the name column: no wider than its widest line + this


def name_tail(st: State, k: int, name_raws: list[str]) -> tuple[list[str], int]:
    """The end of a row's name printed on the next page, after the row's cells and the page break:
    '(hemtjänst)' or 'i hemtjänsten' right after the repeated table header. Taken when it cannot start
    a row of its own (it opens with '(' or a lower-case word), or when the name before the break was left
    open (name_left_open: then a capital or a quote may open the rest, 'Kronofogdemyndigheten som ...'),
    and is not itself followed by cells (then it is the name of the next row). A line wider than the name
    column or one that opens with a value is never a tail."""
    from .rows import _rest_after_break, _starts_with_value, row_note_label
    items = st.items
    j = next_content(items, k)
    # a page break: furniture dropped, or only the table header printed again (a page without furniture)
    if j >= len(items) or items[j].kind != "line" or not any(
            items[h].after_break or items[h].kind == "tblhdr" for h in range(k, j + 1)):
        return [], k
    width = max(len(r.strip()) for r in name_raws) + TAIL_WIDTH_SLACK
    first_word = items[j].text.split()[0] if items[j].text.split() else ""
    # rule tail_fits_name_column: a name wraps where its next word no longer fits, so the column is
    # narrower than the line before the break, a space and the rest's first word
    width = max(width, len(name_raws[-1].strip()) + 1 + len(first_word))
    tail: list[str] = []
    # rule long_tail_opens_lower_case: a rest that opens in lower case (no name does) may run up to
    # TAIL_LINES_LOWER lines in the name column; another rest at most TAIL_LINES lines
    most = TAIL_LINES_LOWER if re.match(r"^\s*[a-zåäö]", items[j].text) else TAIL_LINES
    while j < len(items) and items[j].kind == "line" and not items[j].blank and len(tail) < most:
        t = items[j].text
        left_open = name_left_open(name_raws + tail, st.clue)  # the line before this one goes on
        opens_number = _starts_with_value(t) and not (left_open and not tail and _rest_after_break(
            items, k, j, st.meta.year))
        if not (left_open or _TAIL_OPENING.match(t)) or len(t.strip()) > width or opens_number or \
                section_label(t) or goal_rules.heading_label(t) or row_note_label(t) or \
                period_at_end(t, st.meta.year):
            break
        tail.append(t)
        j += 1
    after = next_content(items, j)
    if not tail or (after < len(items) and items[after].kind == "line" and _starts_with_value(items[after].text)):
        return [], k
    if len(tail) == most and after == j:
        return [], k  # a longer block goes on: the name of the next row, not a rest (the cells may follow it)
    return tail, j


def period_again(st: State, k: int, value_lines: list[str]) -> bool:
    """After a page break (item k), a line that is only a period cell ('2022'), when the row's own period
    cell was printed before the break: no second period of the row, but the rest of its name."""
    nxt = next_content(st.items, k)
    t = st.items[nxt].text.strip() if nxt < len(st.items) and st.items[nxt].kind == "line" else ""
    return bool(t) and bool(YEAR.match(t)) and \
        any(period_at_end(v, st.meta.year) for v in value_lines)
