"""Empty cells printed as spaces: some exports follow every cell with one space, so an empty cell shows as
one more space. `   4  3,7  2023` is then: three empty cells, 4, one empty cell, 3,7, one empty cell,
the period 2023 -- the spacing places every cell, it is not noise.

Whether a report follows that convention is read from the report itself (`uses_cell_spacing`): its
value lines (lines that open with a number and are mostly numbers and units) often start with spaces
or hold runs of two or more spaces. A report that does not (the Hägersten-Liljeholmen 2020 export prints
an extra space now and then) is left to the other clues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import UNITS, is_number

# The convention holds when at least this many value lines, and this share of them, show empty cells
# as spaces (leading spaces, or a run of two or more between two cells).
MIN_SPACED_LINES = 3
MIN_SPACED_SHARE = 0.3
_RUN = re.compile(r"\S {2,}\S")


def value_line(line: str) -> bool:
    """A line that opens with a number and is mostly numbers and units: the cells of a row."""
    words = line.split()
    if len(words) < 2 or not is_number(words[0]) or re.match(r"^\d{4}-\d{2}-\d{2}$", words[0]):
        return False
    cellish = sum(1 for w in words if is_number(w) or w.lower().rstrip(".") in UNITS)
    return cellish >= 0.5 * len(words)


def _spaced(line: str) -> bool:
    return line.startswith(" ") or bool(_RUN.search(line.rstrip()))


def uses_cell_spacing(lines: list[str]) -> bool:
    """Does this report print an empty cell as one more space (read from its own value lines)?"""
    values = [ln for ln in lines if value_line(ln)]
    spaced = sum(1 for ln in values if _spaced(ln))
    return spaced >= MIN_SPACED_LINES and spaced >= MIN_SPACED_SHARE * len(values)


@dataclass(frozen=True)
class Slots:
    """Where spacing puts each cell: `columns` (indexes into the table's columns), or None with
    `mismatch` True when the spaces do not add up to the table's columns, or False when a cell opens a
    later line (where no spaces tell how many cells were left empty before it)."""

    columns: tuple[int, ...] | None
    mismatch: bool = False


def slots(spaces: list[int | None], period_spaces: int | None, ncols: int) -> Slots:
    """Column of each cell from the spaces printed before it: the first cell of the row's first value
    line is preceded by one space per empty cell, every later cell by one space plus one per empty cell;
    the period likewise (when it shares the line). A period on a line of its own leaves the empty cells
    after the last value to the column count."""
    pos = -1
    out = []
    for n, sp in enumerate(spaces):
        if sp is None:
            return _later_line(out, spaces[n:], period_spaces, ncols)
        pos += 1 + (sp if n == 0 else max(sp - 1, 0))
        out.append(pos)
    if pos >= ncols:
        return Slots(None, True)
    if period_spaces is not None and spaces and pos + period_spaces != ncols:
        return Slots(None, True)
    if period_spaces is not None and not spaces and period_spaces != ncols:
        return Slots(None, True)
    return Slots(tuple(out))


def _later_line(placed: list[int], rest: list[int | None], period_spaces: int | None, ncols: int) -> Slots:
    """Rule spacing_later_line: the cells of a later value line ('12 500 2023' below '0 st   2  1 000 ' /
    'st'), where no spaces tell where its first cell stands, are placed by the period cell printed on the
    same line (its spaces after the line's last cell leave so many columns empty), or, with the period on
    a line of its own, by the columns left after the cells above when only one start fits them. A start
    that fits nowhere after the cells above does not add up (mismatch); more than one, or more than one
    such line, leaves the columns open (None)."""
    if any(sp is None for sp in rest[1:]):
        return Slots(None)
    offsets = [0]
    for sp in rest[1:]:
        offsets.append(offsets[-1] + 1 + max(sp - 1, 0))
    lowest = placed[-1] + 1 if placed else 0
    if period_spaces is not None:
        starts = [s for s in (ncols - period_spaces - offsets[-1],) if s >= lowest]
    else:
        starts = list(range(lowest, ncols - offsets[-1]))
    if not starts:
        return Slots(None, True)
    return Slots(tuple(placed + [starts[0] + o for o in offsets])) if len(starts) == 1 else Slots(None)
