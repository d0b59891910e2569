"""Checks on an extraction: a report cut short is refused; odd goal numbering is kept and warned about.

Truncation: the table of contents lists every goal heading with its page. When the goals it lists last
are missing from the text (every one from some point on), the file ends early: it was cut (a failed
download, a copy that ran out of space). That is refused, naming the first missing entry's line in the
table of contents. A file cut inside its last goal still has every heading: its cut table row is flagged
needs_review by the layout ('cells may be missing'), and nothing else can tell.

Goal codes that skip (1.1, 1.3) or repeat (1.2 twice, under two different titles): the report says so,
so the goals are kept exactly as printed (codes, titles, order); nothing is renumbered or dropped. Each
irregularity becomes a warning naming the line, which `tertial extract` prints on stderr (exit status 0)
and later stages can show. Refusing would block a report over a numbering slip the district made;
renumbering would invent codes the report does not print.
"""

from __future__ import annotations

import re

from ..errors import TertialError
from .goals import heading_label, is_toc_line, split_code
from .model import Extraction


def goal_code_warnings(ex: Extraction) -> list[tuple[int, str]]:
    """(line, message) for every goal code that skips or repeats among its siblings, in printed order."""
    warnings: list[tuple[int, str]] = []
    first_seen: dict[tuple[str, str], int] = {}  # (level, code) -> line
    last_number: dict[tuple[str, str], int] = {}  # (level, prefix) -> last number among siblings
    for goal in ex.goals:
        if not goal.code:
            continue
        parts = goal.code.split(".")
        if not all(p.isdigit() for p in parts):
            continue
        key = (goal.level, goal.code)
        if key in first_seen:
            warnings.append((goal.source_line, f"goal code {goal.code} is printed again (first on line "
                             f"{first_seen[key]}) for another goal: both kept as printed"))
            continue
        first_seen[key] = goal.source_line
        prefix, number = ".".join(parts[:-1]), int(parts[-1])
        previous = last_number.get((goal.level, prefix), 0)
        if number > previous + 1:
            expected = f"{prefix}.{previous + 1}" if prefix else str(previous + 1)
            warnings.append((goal.source_line, f"goal code {goal.code} skips {expected}: kept as printed"))
        elif number <= previous:
            warnings.append((goal.source_line, f"goal code {goal.code} comes after "
                             f"{prefix + '.' if prefix else ''}{previous}: kept in printed order"))
        last_number[(goal.level, prefix)] = max(previous, number)
    return warnings


def check_not_truncated(ex: Extraction, lines: list[str], source: str) -> None:
    """Refuse a report whose text ends before the goals its table of contents lists last."""
    listed = []  # (line, level, code) of each goal the table of contents lists, with a code
    for number, line in enumerate(lines, 1):
        if not is_toc_line(line):
            continue
        label = heading_label(line)
        if label:
            code, _ = split_code(label[1])
            if code:
                listed.append((number, label[0], code))
    if not listed:
        return
    found = {(g.level, g.code) for g in ex.goals if g.code}
    missing_tail = []
    for entry in reversed(listed):
        if (entry[1], entry[2]) in found:
            break
        missing_tail.append(entry)
    if missing_tail and len(missing_tail) < len(listed):
        first = missing_tail[-1]
        raise TertialError(
            f"the file ends early: the table of contents lists goal {first[2]} here and "
            f"{len(missing_tail) - 1} more after it, but the text stops before them (a truncated copy?)",
            source, first[0])


# Table headers in either layout, however their words come out ('Indikator' then the column titles on
# the same line or the lines below; 'Aktivitet' then 'Startdatum').
_INDICATOR_HEADER = re.compile(r"^\W*Indikator(?:er)?\b", re.IGNORECASE)
_INDICATOR_COLUMNS = re.compile(r"Periodens|[ÅA]rsm[åa]l|\bKF|Utfall|Progno|Periodicitet", re.IGNORECASE)
_ACTIVITY_HEADER = re.compile(r"^\W*Aktivitet(?:er)?\b", re.IGNORECASE)
_ACTIVITY_COLUMNS = re.compile(r"Startdatum|Slutdatum", re.IGNORECASE)


def _headers(lines: list[str], head: re.Pattern, columns: re.Pattern, reach: int) -> list[int]:
    return [n for n, line in enumerate(lines, 1) if head.match(line)
            and any(columns.search(lines[k]) for k in range(n - 1, min(n - 1 + reach, len(lines))))]


MIN_ROWS_ALL_FLAGGED = 3  # this many rows or more, every one flagged: none was read


def check_tables_read(ex: Extraction, lines: list[str], source: str) -> None:
    """No empty success: a report that prints indicator (or activity) table headers but from which no
    indicator row (no activity) could be read is refused, whatever the layout: its tables are in a
    shape this extractor does not read, and publishing it without them would lose them silently. Rows
    kept only as flagged fragments do not count, nor do MIN_ROWS_ALL_FLAGGED or more rows every one of
    which is flagged (word soup read as rows)."""
    rows = [r for r in ex.rows if "fragment" not in r.review_code.split(";")]
    if len(rows) >= MIN_ROWS_ALL_FLAGGED and all(r.needs_review for r in rows):
        rows = []  # not one row reads cleanly: the tables came out as word soup, not rows
    indicator = _headers(lines, _INDICATOR_HEADER, _INDICATOR_COLUMNS, 30)
    if indicator and not rows:
        raise TertialError(f"{len(indicator)} indicator table header(s), the first here, but no indicator row "
                           "could be read: the tables are in a layout this extractor does not read",
                           source, indicator[0])
    activity = _headers(lines, _ACTIVITY_HEADER, _ACTIVITY_COLUMNS, 10)
    if activity and not ex.activities:
        raise TertialError(f"{len(activity)} activity table header(s), the first here, but no activity could "
                           "be read: the tables are in a layout this extractor does not read", source, activity[0])
