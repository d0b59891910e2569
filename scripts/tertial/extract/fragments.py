"""Text-from-PDF layout: a block inside a table that reads as no row is kept as a flagged row (no silent
loss), unless it reads as running text (the table has ended)."""

from __future__ import annotations

from . import goals as goal_rules
from . import reasons
from .cells import glue_lines
from .model import IndicatorRow
from .rows import row_note_label
from .state import State
from .stream import section_label


FRAGMENT_MAX_LINES = 6  # a block in a table that reads as no row: up to this many short lines is a
FRAGMENT_MAX_CHARS = 90  # piece of a row (flagged, never dropped); longer, it is text after the table


def fragment(st: State, i: int) -> int | None:
    """A block inside a table that reads as no row (a name with no cells, a unit or cell cut off its
    row): written as a row flagged for review with its printed text, so that nothing is lost silently.
    None when the block reads as running text (the table has ended)."""
    items = st.items
    block: list[str] = []
    k = i
    while k < len(items) and items[k].kind == "line" and not items[k].blank:
        t = items[k].text
        if len(t.strip()) > FRAGMENT_MAX_CHARS or section_label(t) or goal_rules.heading_label(t) or \
                row_note_label(t):
            return None
        block.append(t)
        k += 1
        if len(block) > FRAGMENT_MAX_LINES:
            return None
    if not block:
        return None
    text = glue_lines(block, st.clue)
    why = [("fragment", text[:80])]
    st.ex.rows.append(IndicatorRow(st.current, text, items[i].line, None, needs_review=True,
                                   review_reason=reasons.text(why), source_line_end=items[k - 1].line,
                                   raw_text=text, review_code=reasons.codes(why)))
    st.census.fragments_flagged += 1
    st.ex.warnings.append((items[i].line, f"a piece of a table that reads as no row, kept as a flagged row: "
                                          f"{text[:60]!r}"))
    return k
