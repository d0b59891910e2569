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

from . import goals as goal_rules
from .cells import RawCell, Token, glue_lines, period_cut, split_cells, vocabulary  # noqa: F401 (re-exported)
from .model import Extraction, ReportMeta
from .rowcells import RowPlacement, place, place_row, read_cells, thousands_readings  # noqa: F401
from .rows import _fragment, _row, _row_analysis, _row_note_label
from .spacing import uses_cell_spacing, value_line
from .state import State
from .stream import Item, build_stream, header_columns, learn_furniture, section_label  # noqa: F401
from .texts import _activity, paragraphs
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
    if not st.clue:
        st.vocab = vocabulary(lines)
    i, n = 0, len(items)
    mode = "text"
    section: tuple[int, str, list[str]] | None = None  # (goal, section id, raw lines)

    def flush() -> None:
        nonlocal section
        if section is not None:
            g, sec, raws = section
            text = paragraphs(raws, st.clue)
            if text:
                st.ex.goals[g].texts.append((sec, text))
        section = None

    while i < n:
        it = items[i]
        if it.kind == "tblhdr":
            flush()
            st.columns = it.columns
            mode = "table"
            i += 1
            continue
        if it.kind == "acthdr":
            flush()
            mode = "activities"
            i += 1
            continue
        if it.blank:
            if section is not None:
                section[2].append(it.text)
            i += 1
            continue
        head = goal_rules.heading_label(it.text)
        if head is not None and not goal_rules.is_toc_line(it.text):
            flush()
            j = _goal(st, i, head)
            if j is not None:
                i = j
                mode = "goal"
                continue
        label = section_label(it.text)
        if label and st.ex.goals and (mode != "table" or label not in ("analys", "kommentar")):
            flush()
            section = (st.current, label, [])
            mode = "text"
            i += 1
            continue
        if mode == "table":
            j = _row(st, i)
            if j is not None:
                i = j
                continue
            if label != "analys" and _row_note_label(it.text) and st.ex.rows:
                # a 'Kommentar' after a page break: the note of the row above; the table goes on
                raws, j = _row_analysis(st, i + 1)
                note = paragraphs(raws, st.clue)
                last = st.ex.rows[-1]
                last.analysis = f"{last.analysis}\n\n{note}".strip() if last.analysis else note
                i = j
                continue
            if label == "analys" and st.ex.goals:
                flush()
                section = (st.current, label, [])
                mode = "text"
                i += 1
                continue
            j = _fragment(st, i)
            if j is not None:
                i = j
                continue
            mode = "text" if section is not None else "orphan"
        if mode == "orphan":
            # text after a table that no section label opens: a row again goes back to the table, any
            # other block is warned about (it belongs to no goal text), never dropped in silence
            j = _row(st, i)
            if j is not None:
                mode, i = "table", j
                continue
            st.ex.warnings.append((it.line, "text after a table that no section label opens: not read "
                                             f"({fold(it.text)[:60]!r})"))
            while i < n and items[i].kind == "line" and not items[i].blank:
                i += 1
            continue
        if mode == "activities":
            j = _activity(st, i)
            if j is not None:
                i = j
                continue
            mode = "text"
        if section is not None:
            section[2].append(it.text)
        i += 1
    flush()
    return st.ex


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
    assessment = None
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
            assessment = v
            j = k + 1
            break
        if len(fold(it.text).split()) > 5:
            break
        seen += 1
        k += 1
    # a heading printed again further on (with or without its code) is the same goal (goals.GoalTree)
    st.current, _ = st.tree.add(level, code, title, items[start].line, assessment)
    return j


def _printed_again(st: State, title: str, j: int) -> bool:
    """Is this title printed again after item j (the body heading of a table-of-contents entry)?"""
    if st.doc_after is None:
        st.doc_after = [fold(" ".join(it.text for it in st.items[k:k + 400] if it.kind == "line"))
                        for k in range(0, len(st.items), 400)]
    key = fold(title)[:40]
    rest = fold(" ".join(it.text for it in st.items[j:j + 400] if it.kind == "line"))
    block = j // 400 + 1
    return key in rest or any(key in chunk for chunk in st.doc_after[block:])
