"""Rule unitless_value_is_forecast, learned from the report itself.

One value may be last year's outcome or the forecast, and the placement rules tie between the two. Where
the row's targets carry a unit ('75 %') and that value is printed without it ('75'), a careful reader looks at how the same report prints the two elsewhere: on the rows that print
both, read without doubt, is the one printed without the row's unit always the forecast ('320 st 185
320 st', '85,29 % 100 100 %')? When the report shows so on at least MIN_EVIDENCE rows and never the other
way round, the unitless value is the forecast and the flag goes. A value that carries the unit, a row whose
targets carry none, or a report without that evidence (or with one row the other way) stays flagged; so
does a row flagged `unitless_value`, whose unitless value may as well be the period's outcome (a row of the
year measured early: '46,96 60 % 55 %').
"""

from __future__ import annotations

from .model import IndicatorRow
from .placement import TARGETS
from .values import EMPTY, Cell

NAME = "unitless_value_is_forecast"
PAIR = ("previous_year", "forecast")
MIN_EVIDENCE = 2


def _bare(cell: Cell) -> bool:
    return cell.value is not None and not cell.unit


def _targets_have_unit(row: IndicatorRow) -> bool:
    return any(row.cells[c].value is not None and row.cells[c].unit for c in TARGETS)


def evidence(rows: list[IndicatorRow]) -> tuple[int, int]:
    """(rows whose one unitless value of the pair is the forecast, rows where it is last year's outcome),
    among unflagged rows printing both, whose targets carry a unit."""
    agree = disagree = 0
    for row in rows:
        prev, fc = row.cells["previous_year"], row.cells["forecast"]
        if row.needs_review or prev.value is None or fc.value is None or not _targets_have_unit(row):
            continue
        if _bare(fc) and not _bare(prev):
            agree += 1
        elif _bare(prev) and not _bare(fc):
            disagree += 1
    return agree, disagree


def settles(row: IndicatorRow) -> str | None:
    """The pair's column holding the row's one uncertain value, when this rule may settle it."""
    filled = [c for c in PAIR if not row.cells[c].empty]
    if len(filled) != 1 or not _bare(row.cells[filled[0]]) or not _targets_have_unit(row):
        return None
    tie = row.review_code == "placement_tie" and set(row.uncertain) == set(PAIR)
    return filled[0] if tie else None


def apply(rows: list[IndicatorRow]) -> int:
    """Put the settled values in the forecast column and clear their flags; returns how many."""
    agree, disagree = evidence(rows)
    if agree < MIN_EVIDENCE or disagree:
        return 0
    n = 0
    for row in rows:
        column = settles(row)
        if column is None:
            continue
        cell = row.cells[column]
        row.cells[column], row.cells["forecast"] = EMPTY, cell
        row.needs_review, row.review_reason, row.review_code, row.uncertain = False, "", "", ()
        row.explain = [ln for ln in row.explain if not any(f" -> {c}:" in ln for c in PAIR)]
        row.explain.append(f"{cell.raw!r} -> forecast: rule {NAME} (printed without the unit of the row's "
                           f"targets; in this report {agree} rows print the forecast so, and last year's "
                           "outcome never)")
        n += 1
    return n
