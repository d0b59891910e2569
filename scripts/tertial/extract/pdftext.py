"""The text-from-PDF layout: tables whose layout was lost when the PDF was turned into text.

What this layout looks like (and every rule below leans on it, never on particular lines):
- page breaks print a footer/header block ('Tjänsteutlåtande', 'Sid 18 (81)', a district line) that can
  fall anywhere, even inside a table row or a cell; the table header ('Indikator Periodens utfall ...')
  is printed again after a page break, also in the middle of a row;
- the header's column titles are split into word pieces ('Progno' / 's helår', 'kvinn' / 'or/');
- a row is the indicator name (wrapped over lines of a narrow column) followed by the cells, which come
  in chunks separated by blank lines; a cell wraps onto the next line ('0,78' / '%', 'barn/a' / 'vd.',
  'Tas' / 'fram av' / 'nämnd'); a line with a trailing space was wrapped between words, a line without
  one inside a word ('livsmed' / 'el');
- a one-line name shares its line with the first cells ('Sjukfrånvaro 7,4 % 4,9 % ...');
- empty cells are simply missing (some exports show an empty cell as an extra space between values);
- the row ends with the period cell ('Tertial 1 2020', '2020', 'År'), then optionally 'Analys' and text.

Which column a cell belongs to is decided by scoring every order-keeping placement of the cells into the
table's columns against what the layout tells us (text targets only in target columns, tertial rows
carry an outcome, annual rows none, men/women come together and mix to the outcome, KF sections carry a
KF target ...). When the best placements cannot be told apart the row gets needs_review with a reason.

The stages, each in its module: stream.py (lines -> items, page furniture out), cells.py (value lines ->
tokens -> cells), rowcells.py (cells -> columns: spacing.py, placement.py), rows.py (indicator rows),
texts.py (activities, analysis texts, paragraphs); this module runs them over the report and builds the
goal tree. The names below are re-exported for callers of the layout (add, never rename).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import goals as goal_rules
from . import notes, unitless_forecast, unmeasured_forecast
from .cells import RawCell, Token, glue_lines, period_cut, split_cells, vocabulary  # noqa: F401 (re-exported)
from .model import Extraction, ReportMeta
from .rowcells import RowPlacement, place, place_row, read_cells, thousands_readings  # noqa: F401
from .fragments import fragment
from .rows import read_row, row_analysis, row_note_label
from .spacing import uses_cell_spacing, value_line
from .state import State
from .sweep import rows_within, sweep
from .stream import Item, build_stream, header_columns, learn_furniture, section_label  # noqa: F401
from .texts import read_activity, paragraphs
from .values import fold
from .words import period_at_end  # noqa: F401


def _uses_trailing_spaces(lines: list[str]) -> bool:
    """Does the export end a line wrapped between words with a space (the wrap clue)? Read from the lines
    of text, not the value lines: an export that follows every cell with a space says nothing by that."""
    text_lines = [ln for ln in lines if ln.strip() and not value_line(ln)]
    return bool(text_lines) and sum(1 for ln in text_lines if ln != ln.rstrip()) >= 0.1 * len(text_lines)


def parse(lines: list[str], meta: ReportMeta, source: str) -> Extraction:
    items = build_stream(lines)
    st = State(meta, source, items, _uses_trailing_spaces(lines), Extraction(meta))
    st.tree = goal_rules.GoalTree(st.ex.goals, st.ex.warnings)
    st.spacing = uses_cell_spacing(lines)
    if not st.clue or st.spacing:  # every cell followed by a space: a value line's trailing space tells nothing
        st.vocab = vocabulary(lines)
    walk = _Walk(st)
    in_table: dict[int, tuple] = {}  # the items read while a table was open, for the sweep
    i = 0
    while i < len(items):
        context = (st.current, st.columns, st.header_unknown, st.table_first) if walk.table_open else None
        j = walk.step(i)
        if context is not None:
            in_table.update(dict.fromkeys(range(i, j), context))
        i = j
    walk.flush()
    sweep(st, in_table)  # no row block taken for text in silence (sweep.py)
    rows_within(st, in_table)  # nor one taken for another row's cells
    unmeasured_forecast.apply(st.ex.rows, meta.report_type)
    unitless_forecast.apply(st.ex.rows)
    return st.ex


@dataclass
class _Walk:
    """The walk over a report's items: the kind of block it is in (`mode`: text, goal, table, orphan,
    activities) and the goal text being collected (`section`: goal, section id, raw lines)."""

    st: State
    mode: str = "text"
    section: tuple[int, str, list[str]] | None = None
    table_open: bool = False  # a table header was read and no goal heading or activity header since

    def flush(self) -> None:
        if self.section is not None:
            g, sec, raws = self.section
            text = paragraphs(raws, self.st.clue)
            if text:
                self.st.ex.goals[g].texts.append((sec, text))
        self.section = None

    def open_section(self, label: str) -> None:
        self.flush()
        self.section = (self.st.current, label, [])
        self.mode = "text"

    def step(self, i: int) -> int:
        """Read the block at item i; returns the index of the next item to read."""
        st = self.st
        it = st.items[i]
        if it.kind in ("tblhdr", "acthdr"):
            self.flush()
            self.table_open = it.kind == "tblhdr"
            if it.kind == "tblhdr":
                st.columns, st.header_unknown = it.columns, it.unknown
                if self.mode != "table":
                    st.table_first = len(st.ex.rows)  # a new table (a repeat after a page break is none)
            self.mode = "table" if it.kind == "tblhdr" else "activities"
            return i + 1
        if it.blank:
            if self.section is not None:
                self.section[2].append(it.text)
            return i + 1
        head = goal_rules.heading_label(it.text)
        if head is not None and not goal_rules.is_toc_line(it.text):
            self.flush()
            j = _goal(st, i, head)
            if j is not None:
                self.mode = "goal"
                self.table_open = False
                return j
        label = section_label(it.text)
        if label and st.ex.goals and (self.mode != "table" or label not in ("analys", "kommentar")):
            self.open_section(label)
            return i + 1
        if self.mode == "table":
            j = self._table(i, label)
            if j is not None:
                return j
            self.mode = "text" if self.section is not None else "orphan"
        if self.mode == "orphan":
            return self._orphan(i)
        if self.mode == "activities":
            j = read_activity(st, i)
            if j is not None:
                return j
            self.mode = "text"
        if self.section is not None:
            self.section[2].append(it.text)
        return i + 1

    def _table(self, i: int, label: str | None) -> int | None:
        st = self.st
        j = read_row(st, i)
        if j is not None:
            return j
        if row_note_label(st.items[i].text) and len(st.ex.rows) > st.table_first:
            # an 'Analys' or 'Kommentar' that no row opens directly (a page break, a footnote or a piece
            # of a row came between): the text of the table's last row; the table goes on. A goal's own
            # 'Analys' is printed above its table, never inside it.
            raws, j = row_analysis(st, i + 1)
            notes.attach(st.ex.rows[-1], paragraphs(raws, st.clue))
            return j
        note = notes.read_note(st, i)
        if note is not None and len(st.ex.rows) > st.table_first:
            text, mark, j = note  # a footnote under the table: kept with the row its mark names
            notes.attach(st.ex.rows[notes.owner(st.marks, st.table_first, len(st.ex.rows) - 1, mark)], text)
            st.census.notes += 1
            return j
        if label == "analys" and st.ex.goals:
            self.open_section(label)
            return i + 1
        return fragment(st, i)

    def _orphan(self, i: int) -> int:
        """Text after a table that no section label opens: a row again goes back to the table, any other
        block is warned about (it belongs to no goal text), never dropped in silence."""
        st, items = self.st, self.st.items
        j = read_row(st, i)
        if j is not None:
            self.mode = "table"
            return j
        st.ex.warnings.append((items[i].line, "text after a table that no section label opens: not read "
                                              f"({fold(items[i].text)[:60]!r})"))
        while i < len(items) and items[i].kind == "line" and not items[i].blank:
            i += 1
        return i


def _goal(st: State, i: int, head: tuple[str, str]) -> int | None:
    level, rest = head
    items = st.items
    j = i + 1
    start = i
    if not rest:
        while j < len(items) and items[j].blank:
            j += 1
        if j >= len(items) or items[j].kind != "line":
            return None
        start = j
        raws = [items[j].text]
        j += 1
    else:
        raws = [rest + (" " if items[i].text != items[i].text.rstrip() else "")]
    # the title wraps while a line ends with a space (or, without that clue, until a blank line)
    while j < len(items) and items[j].kind == "line" and not items[j].blank and len(raws) < 5:
        prev = raws[-1]
        nxt = items[j].text
        if goal_rules.verdict(nxt) or section_label(nxt) or goal_rules.heading_label(nxt):
            break
        if st.clue and prev == prev.rstrip():
            break
        if not st.clue and not re.match(r"^[a-zåäö(]", nxt.strip()):
            break  # without the wrap clue a title goes on only mid-sentence
        raws.append(nxt)
        j += 1
    title_text = glue_lines(raws, st.clue)
    code, title = goal_rules.split_code(title_text)
    if not title:
        return None
    toc = goal_rules.toc_page_tail(title)
    if toc is not None and (toc[1] or _printed_again(st, toc[0], j)):
        return j  # an entry of the table of contents (wrapped, so no single line showed it)
    # a heading printed twice: the same heading again right after (nothing in between) is skipped
    if st.ex.goals:
        last = st.ex.goals[-1]
        if (last.level, last.code, last.title) == (level, code, title) and not last.texts and \
                not any(r.goal == len(st.ex.goals) - 1 for r in st.ex.rows):
            return j
    assessment, j = _verdict_below(items, j)
    # a heading printed again further on (with or without its code) is the same goal (goals.GoalTree)
    st.current, _ = st.tree.add(level, code, title, items[start].line, assessment)
    return j


def _verdict_below(items: list[Item], j: int) -> tuple[str | None, int]:
    """The goal's verdict ('Uppfylls helt') among the few short lines below its title, and the index
    after it; (None, j) when a long line, a section or a heading comes first."""
    k, seen = j, 0
    while k < len(items) and seen < 4:
        it = items[k]
        if it.kind != "line":
            break
        if it.blank:
            k += 1
            continue
        if section_label(it.text) or goal_rules.heading_label(it.text):
            break
        v = goal_rules.verdict(it.text)
        if v and len(fold(it.text).split()) <= 5:
            return v, k + 1
        if len(fold(it.text).split()) > 5:
            break
        seen += 1
        k += 1
    return None, j


def _printed_again(st: State, title: str, j: int) -> bool:
    """Is this title printed again after item j (the body heading of a table-of-contents entry)?"""
    if st.doc_after is None:
        st.doc_after = [fold(" ".join(it.text for it in st.items[k:k + 400] if it.kind == "line"))
                        for k in range(0, len(st.items), 400)]
    key = fold(title)[:40]
    rest = fold(" ".join(it.text for it in st.items[j:j + 400] if it.kind == "line"))
    block = j // 400 + 1
    return key in rest or any(key in chunk for chunk in st.doc_after[block:])
