"""Rule forecast_before_measurement_is_target, learned from the report itself.

A row measured once a year (period = the year) has no outcome yet in a T1; its one value before the
targets, printed without a unit, may be last year's outcome or the forecast: the row is flagged
`annual_no_unit`. A careful reader settles it from the rest of the report: where the same report prints
both last year's outcome and a forecast on such a row (two values before the targets, no outcome), is the
forecast the annual target ('65 % 92 92 % öka': the forecast before measurement is that the target is
met)? When the report does so on at least MIN_EVIDENCE rows and never otherwise, a lone value that differs
from the row's annual target is not the forecast: it is last year's outcome, and the flag goes. A value
equal to the annual target still reads both ways and stays flagged; so does every such row of a report
that shows no such rows, or one forecast that is not the target.
"""

from __future__ import annotations

from .model import IndicatorRow
from .placement import context

NAME = "forecast_before_measurement_is_target"
SETTLES = "annual_no_unit"  # the one review code this rule may settle
MIN_EVIDENCE = 2  # rows of the report showing the convention, at least


def _unmeasured(row: IndicatorRow, report_type: str | None) -> bool:
    """A row of the year with no outcome printed (its period is the year, not the tertial)."""
    return context((), row.period, False, report_type).annual and row.cells["period_outcome"].empty


def evidence(rows: list[IndicatorRow], report_type: str | None) -> tuple[int, int]:
    """(rows whose forecast is the annual target, rows whose forecast is not) among the report's rows not
    yet measured that print both last year's outcome and a forecast, read without doubt."""
    agree = disagree = 0
    for row in rows:
        c = row.cells
        if row.needs_review or not _unmeasured(row, report_type):
            continue
        if c["previous_year"].value is None or c["forecast"].value is None or c["annual_target"].value is None:
            continue
        if c["forecast"].value == c["annual_target"].value:
            agree += 1
        else:
            disagree += 1
    return agree, disagree


def settles(row: IndicatorRow, report_type: str | None) -> bool:
    """Is this row flagged only for the one value before its targets, which differs from its annual
    target?"""
    c = row.cells
    return row.review_code == SETTLES and _unmeasured(row, report_type) and c["forecast"].empty and \
        c["previous_year"].value is not None and c["annual_target"].value is not None and \
        c["previous_year"].value != c["annual_target"].value


def apply(rows: list[IndicatorRow], report_type: str | None) -> int:
    """Clear the flag of the rows the report's own convention settles; returns how many."""
    agree, disagree = evidence(rows, report_type)
    if agree < MIN_EVIDENCE or disagree:
        return 0
    n = 0
    for row in rows:
        if not settles(row, report_type):
            continue
        row.needs_review, row.review_reason, row.review_code = False, "", ""
        prev, target = row.cells["previous_year"].raw, row.cells["annual_target"].raw
        row.explain = [ln for ln in row.explain if " -> previous_year:" not in ln and " -> forecast:" not in ln]
        row.explain.append(
            f"{prev!r} -> previous_year: rule {NAME} (in this report {agree} rows not yet measured print a "
            f"forecast, each equal to the annual target; {prev!r} is not the annual target {target!r})")
        n += 1
    return n
