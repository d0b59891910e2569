"""Text-from-PDF layout: footnotes in a table. A footnote line under a row ('* Preliminärt utfall.',
'1) Uppgiften avser ...', '¹ Mätt i mars.') is no row: it is the note of the row whose name carries its
mark ('hemtjänst*', 'hemtjänst 1)'), else of the row above it, and is kept as a paragraph of that row's
analysis. The mark on a name is no part of the name."""

from __future__ import annotations

import re

from .cells import glue_lines
from .stream import next_content

NOTE_MAX_LINES = 6  # a note wraps over a few lines of the table's width; more is text, not a note

_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# a note line opens with its mark and a space, then words: '* Preliminärt', '1) Uppgiften', '(1) Avser'
_NOTE_LINE = re.compile(rf"^\s*(?P<mark>\*{{1,3}}|[{_SUPERSCRIPTS}]{{1,2}}|\(?[1-9]\))\s*(?=[A-ZÅÄÖa-zåäö])")
# a mark at the end of a name: 'hemtjänst*', 'hemtjänst**', 'hemtjänst¹', 'hemtjänst 1)'
_NAME_MARK = re.compile(rf"(?:\*{{1,3}}|[{_SUPERSCRIPTS}]{{1,2}}|\s\(?[1-9]\))\s*$")
_SQUARE_UNIT = re.compile(r"(?:^|[\s/\d])[kcd]?m$")  # 'kWh/m²', '10 m³', 'km²': a unit's power, no mark


def note_mark(text: str) -> str | None:
    """The mark that opens a footnote line ('*', '1)', '¹'), normalised ('1)' for '(1)'); None for any
    other line."""
    m = _NOTE_LINE.match(text)
    if not m:
        return None
    return m.group("mark").lstrip("(")


def name_mark(name: str) -> tuple[str, str | None]:
    """A row's name without the footnote mark at its end, and the mark ('*', '1)', '¹'; None when the
    name carries none). '(hemtjänst)' keeps its bracket: a bracket that closes one opened in the name is
    no mark."""
    m = _NAME_MARK.search(name)
    if not m:
        return name, None
    mark = m.group().strip()
    if mark in ("²", "³") and _SQUARE_UNIT.search(name[:m.start()]):
        return name, None
    if mark.endswith(")") and name.count("(") >= name.count(")") and not mark.startswith("("):
        return name, None  # '(stöd 2)' or '(hemtjänst)': the bracket closes one opened in the name
    if mark.startswith("(") and name.count("(") > name.count(")"):
        return name, None
    return name[:m.start()].rstrip(), mark.lstrip("(")


def owner(marks: dict[int, str], first: int, last: int, mark: str) -> int:
    """The index of the row a note with `mark` belongs to, among the rows first..last of the current
    table (`marks`: row index -> the mark its name carried): the last one whose name carried the mark,
    else the last row."""
    for n in range(last, first - 1, -1):
        if marks.get(n) == mark:
            return n
    return last


def attach(row, note: str) -> None:
    """Keep the note with its row, as a paragraph of the row's analysis in the order printed."""
    row.analysis = f"{row.analysis}\n\n{note}".strip() if row.analysis else note


def read_note(st, i: int) -> tuple[str, str, int] | None:
    """The footnote whose line is item i: (its text, its mark, the index after its block); None when
    item i opens no note or its block is too long to be one."""
    items = st.items
    if i >= len(items) or items[i].kind != "line" or items[i].blank:
        return None
    mark = note_mark(items[i].text)
    if mark is None:
        return None
    k, raws = i, []
    while k < len(items) and items[k].kind == "line" and not items[k].blank:
        if k > i and note_mark(items[k].text):
            break  # the next note of the same block
        raws.append(items[k].text)
        k += 1
        if len(raws) > NOTE_MAX_LINES:
            return None
    return glue_lines(raws, st.clue), mark, k


def take_notes(st, row_index: int, k: int, first: int) -> int:
    """The notes printed right below a row (from item k, blank lines skipped), each kept with the row
    its mark names (rows first..row_index are the current table's); the index after the last note."""
    while True:
        j = next_content(st.items, k)
        note = read_note(st, j)
        if note is None:
            return k
        text, mark, k = note
        attach(st.ex.rows[owner(st.marks, first, row_index, mark)], text)
        st.census.notes += 1


__all__ = ["attach", "name_mark", "note_mark", "owner", "read_note", "take_notes"]
