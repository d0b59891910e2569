"""Rewrite the rows of the given text-from-PDF report (Hägersten-Liljeholmen T1 2020) into shapes it does
not print, and check that every row still reads as the hand-verified reference says.

Each row of that report is a name block, a blank line, then its value lines up to `source_line_end`. A
rewriter gets (name lines, value lines, first line number) of one row and returns the lines to print instead, or None to
leave the row as it is; `rewritten()` returns the new report and a map from each row's old first line
to its new one, so the rows of the new extraction can be matched with the reference's.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Callable

from pdftext_fixture import META, parse

from tertial.extract.reader import read_lines
from tertial.extract.values import fold

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "sources/reports/hagersten-liljeholmen-2020-t1.txt"
GOLD = ROOT / "tests/gold/hagersten-liljeholmen-2020-t1.json"

TAIL_OPENS = re.compile(r"^\s*(?:\(|[a-zåäö])").match  # a line no row's name opens with

Rewriter = Callable[[list[str], list[str], int], "list[str] | None"]


def original():
    lines = read_lines(REPORT)
    return lines, parse(lines, META)


def blocks(lines: list[str], row) -> tuple[int, int, int] | None:
    """(first name line, first value line, last value line), 0-based, when the row is a name block, a
    blank line and its values (the shape this report prints most rows in), else None."""
    first = row.source_line - 1
    blank = first
    while blank < len(lines) and lines[blank].strip():
        blank += 1
    last = (row.source_line_end or row.source_line) - 1
    if blank >= last or not lines[blank + 1].strip() or not row.name.endswith(fold(lines[blank - 1])):
        return None  # not that shape (the name shares its line with cells, or cells follow directly)
    return first, blank + 1, last


def rewritten(rewriter: Rewriter) -> tuple[list[str], dict[int, int], set[int]]:
    """The report with each row passed through `rewriter`; the line map; the old first lines of the rows
    rewritten."""
    lines, ex = original()
    spans = {}
    for row in ex.rows:
        b = blocks(lines, row)
        if b:
            spans[b[0]] = b
    out: list[str] = []
    line_map: dict[int, int] = {}
    changed: set[int] = set()
    i = 0
    while i < len(lines):
        if i in spans:
            first, vstart, last = spans[i]
            new = rewriter(lines[first:vstart - 1], lines[vstart:last + 1], first + 1)
            if new is not None:
                line_map[i + 1] = len(out) + 1
                out += new
                changed.add(i + 1)
                i = last + 1
                continue
        line_map[i + 1] = len(out) + 1
        out.append(lines[i])
        i += 1
    return out, line_map, changed


def gold_rows() -> dict[int, dict]:
    return {r["line"]: r for r in json.loads(GOLD.read_text(encoding="utf-8"))["indicators"]}


def differences(ex, line_map: dict[int, int], rename: Callable[[str], str] | None = None,
                changed: set[int] = frozenset()) -> list[str]:
    """Every row of the reference that the extraction `ex` misses, names or reads differently (a cell of
    a row the reference marks ambiguous counts as right when the row is flagged)."""
    from tertial.extract.model import VALUE_COLUMNS

    by_line = {r.source_line: r for r in ex.rows}
    problems = []
    for line, gold in gold_rows().items():
        row = by_line.get(line_map.get(line, line))
        if row is None:
            problems.append(f"line {line}: row missing ({gold['name'][:40]})")
            continue
        name = rename(gold["name"]) if rename and line in changed else gold["name"]
        if row.name != name:
            problems.append(f"line {line}: name {row.name!r} != {name!r}")
        if row.period != gold["period"]:
            problems.append(f"line {line}: period {row.period!r} != {gold['period']!r}")
        for col in VALUE_COLUMNS:
            cell, want = row.cells[col], gold[col]
            right = cell.empty if want is None else (
                cell.value is not None and math.isclose(cell.value, want["value"]) if "value" in want
                else cell.text is not None and fold(cell.text) == fold(want["text"]))
            if not right and not (gold["ambiguous"] and row.needs_review):
                problems.append(f"line {line}: {col} {cell.raw!r} != {want}")
    if len(ex.rows) != len(gold_rows()):
        problems.append(f"{len(ex.rows)} rows read, the reference has {len(gold_rows())}")
    return problems


def printed(cell: dict | None, thousands: bool = False) -> str:
    """A reference cell as the report prints it: '82,61 %', '3,7', 'Tas fram av nämnd' (with
    `thousands`, digits grouped by threes: '9 000 st')."""
    from tertial.extract.values import format_number

    if cell is None:
        return ""
    if "text" in cell:
        return cell["text"]
    number = format_number(cell["value"]).replace(".", ",")
    if thousands:
        whole, _, decimals = number.partition(",")
        sign = "-" if whole.startswith("-") else ""
        digits = whole.lstrip("-")
        groups = [digits[max(i - 3, 0):i] for i in range(len(digits), 0, -3)][::-1]
        number = sign + " ".join(groups) + ("," + decimals if decimals else "")
    return f"{number} {cell['unit']}" if cell.get("unit") else number
