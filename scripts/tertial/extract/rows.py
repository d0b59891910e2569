"""Text-from-PDF layout: indicator rows. A row is a name block (wrapped over a narrow column, or sharing
its first line with the cells), its value lines up to the period cell, then optionally 'Analys' and
text. Pieces printed apart are joined (a name's end after a page break, a range closed on the next
line, units stacked under the cells); a block that reads as no row is kept as a flagged row."""

from __future__ import annotations

import re
from itertools import takewhile

from . import goals as goal_rules
from .model import IndicatorRow
from .values import EMPTY_MARKS, fold
from . import analysis_clue, notes, reasons
from .units_over_lines import stack_width, unstack
from .words import TEXT_VERBS as _TEXT_VERBS
from .words import is_number as _is_number
from .words import opens_with_sign as _opens_with_sign
from .words import NO_VALUE_TEXTS, YEAR, no_value_opens, opens_text_cell, period_at_end
from .cells import join_cut, value_tokens, glue_lines
from .names import closes_range, inline_split, name_left_open, name_line_in_block, name_opens_with_number
from .names import split_at, split_before_unit_printed_again
from .rowcells import explain, read_cells
from .state import State
from .stream import Item, next_content, section_label
from .texts import analysis_text, paragraphs
from .tails import name_tail, period_again


_DASH = "(?:" + "|".join(map(re.escape, EMPTY_MARKS)) + ")"
_DASH_OPENS_CELLS = re.compile(rf"^{_DASH}(?:\s+(?:{_DASH}|\d)|$)")
# a text in place of a value opening the cells: 'Ej mätbart 80 % ...' (followed by a cell or nothing)
_NO_VALUE = "(?:" + "|".join(map(re.escape, NO_VALUE_TEXTS)) + ")"
_NO_VALUE_THEN_TEXT = re.compile(rf"^{_NO_VALUE}\*?\s+", re.IGNORECASE)


def _starts_with_value(text: str) -> bool:
    """A number ('85 %'), a range ('+/-1'), a dash for an empty cell or a text in place of a value followed
    by another cell or nothing ('–  – 80 %', 'Ej mätbart 80 %'; not a name's '- LSS-boende')."""
    first = text.strip().split(" ", 1)[0] if text.strip() else ""
    return _is_number(first) or _opens_with_sign(first) or bool(_DASH_OPENS_CELLS.match(text.strip())) \
        or no_value_opens([text])


def _starts_cells(st: State, text: str) -> bool:
    """Does the line open a row's cells? A number ('85 %', '+/-1'), the first words of a known text cell
    ('Ej' of 'Ej mätbart'); in a report that prints empty cells as spaces, also a line indented by empty
    cells that opens with a text cell ('      Tas fram av')."""
    if _starts_with_value(text):
        return True
    words = text.split()
    if 0 < len(words) <= 3 and opens_text_cell(words):
        return True  # a known text cell's first words, wrapped in its column: 'Ej' / 'mätbart', 'Tas' / 'fram av'
    if st.spacing and len(words) > 1 and opens_text_cell(words[:1]) and _starts_with_value(" ".join(words[1:])):
        return True  # rule no_value_wrapped: 'Ej   80 %  2023' / 'mätbart', the rest wraps below
    m = _NO_VALUE_THEN_TEXT.match(text.strip())
    if st.spacing and m and opens_text_cell(text.strip()[m.end():].split()[:1]):
        return True  # 'Ej mätbart   Ej ' / 'mätbart  80 %': a no-value text, then another text cell
    return st.spacing and text.startswith(" ") and bool(words) and (
        opens_text_cell(words[:1]) or words[0].lower() in _TEXT_VERBS)


def _ends_row(items: list[Item], k: int, clue: bool, year: int | None = None, name_open: bool = False) -> bool:
    """Does the value line at k end the row (a period cell, and what follows is not a continuation)?
    `name_open`: the row's name was left open (name_left_open); then a block after a page break that opens
    with a number but does not end with a period cell is the name's rest ('efter' / ... / '12 månader')."""
    text = items[k].text
    if not period_at_end(text, year):
        return False
    if k + 1 < len(items) and items[k + 1].kind == "line" and stack_width(text, items[k + 1].text, year):
        return False  # units wrapped below the cells, line by line
    if clue and text != text.rstrip() and k + 1 < len(items) and items[k + 1].kind == "line" and \
            not items[k + 1].blank and not YEAR.match(items[k + 1].text.strip()) and \
            not notes.note_mark(items[k + 1].text):
        return False  # wrapped between words: the cell goes on (a footnote line below is no cell)
    nxt = next_content(items, k + 1)
    if nxt >= len(items):
        return True
    if items[nxt].kind != "line":
        return True
    follow = items[nxt].text.strip()
    if name_open and _starts_with_value(follow) and _rest_after_break(items, k + 1, nxt, year):
        return True
    if _starts_with_value(follow):
        return False
    if re.match(r"^Tertial\b", follow, re.IGNORECASE):
        return False
    if re.search(r"\s(?:19|20)\d{2}\s*$", text) and re.match(r"^(?:19|20)\d{2}\b", follow):
        return False
    # a lower-case word right after, on the next line, is a wrapped cell going on
    if nxt == k + 1 and not clue and (re.match(r"^[a-zåäö%]", follow) or
                                      (len(follow.split()) == 1 and not re.match(r"^[A-ZÅÄÖ][a-zåäö]", follow))):
        return False
    return True


def _rest_after_break(items: list[Item], k: int, nxt: int, year: int | None) -> bool:
    """Is the block at nxt, printed after a page break, no cells of the row (one short line, no period
    cell at its end, and what follows it is no value line)?"""
    if not any(items[h].kind == "tblhdr" for h in range(k, nxt)):
        return False
    if nxt + 1 < len(items) and items[nxt + 1].kind == "line" and not items[nxt + 1].blank:
        return False
    after = next_content(items, nxt + 1)
    return not period_at_end(items[nxt].text, year) and not (
        after < len(items) and items[after].kind == "line" and _starts_with_value(items[after].text))


def _next_row_after_period(st: State, k: int, value_lines: list[str]) -> bool:
    """Rule next_row_after_period: once the row's period cell was printed, a capitalised line (or one that
    opens with a number and reads as a name: name_opens_with_number) after a blank line that reads as a
    row of its own (a name followed by cells) starts the next row: a stray line of cells before it never
    swallows it."""
    t = st.items[k].text.strip()
    name_like = bool(re.match(r"^[A-ZÅÄÖ][a-zåäö]", t)) or name_opens_with_number(t, st.meta.year)
    return bool(value_lines) and not value_lines[-1].strip() and \
        any(period_at_end(v, st.meta.year) for v in value_lines) and \
        name_like and not re.match(r"^Tertial\b", t) and _looks_like_row(st, k)


def read_row(st: State, i: int) -> int | None:
    """The row whose name starts at item i: the index after it (its analysis included), or None when the
    block there reads as no row."""
    items = st.items
    first = items[i]
    if first.kind != "line" or section_label(first.text) or (
            _starts_with_value(first.text) and not name_opens_with_number(first.text, st.meta.year)):
        return None
    if goal_rules.heading_label(first.text) or row_note_label(first.text):
        return None
    block = _name_block(st, i)
    if block is None:
        return None
    name_raws, value_lines, k = block
    name = glue_lines(name_raws, st.clue)
    if not name or len(name) > 400:
        return None
    cells = _value_block(st, k, value_lines, name_raws, items[k - 1].line)
    if cells is None:
        return None
    value_lines, k, last_line = cells
    row, placed, why, value_lines = _new_row(st, name, name_raws, value_lines, first.line, last_line)
    tail, k = name_tail(st, k, name_raws)
    if tail:
        # the rest of the name printed after a page break, below the cells: '(hemtjänst)'
        name_raws += tail
        row.name = glue_lines(name_raws, st.clue)
        row.raw_text = fold(" ".join(name_raws)) + " | " + fold(" ".join(value_lines))
        st.census.fragments_joined += 1
    row.name, mark = notes.name_mark(row.name)  # 'hemtjänst*': the mark names the row's footnote
    if mark:
        st.marks[len(st.ex.rows)] = mark
    st.ex.rows.append(row)
    k = notes.take_notes(st, len(st.ex.rows) - 1, k, st.table_first)  # '* Preliminärt utfall.'
    # the row's analysis
    a = next_content(items, k)
    if a < len(items) and items[a].kind == "line" and row_note_label(items[a].text):
        raws, k = row_analysis(st, a + 1)
        row.analysis = "\n\n".join(p for p in (row.analysis, paragraphs(raws, st.clue)) if p)
        why, settled = analysis_clue.apply(row.cells, why, placed.decision and placed.decision.differs,
                                           row.analysis, st.meta.year)
        if settled:
            row.needs_review, row.review_reason, row.review_code = False, "", ""
            row.explain = [ln for ln in row.explain
                           if not any(f" -> {c}:" in ln for c in analysis_clue.PAIR)] + [settled]
    return k


def _next_line(items: list[Item], i: int) -> str | None:
    """The text of the line right after item i, when one follows without a blank line."""
    return items[i + 1].text if i + 1 < len(items) and items[i + 1].kind == "line" and not items[i + 1].blank \
        else None


def _name_block(st: State, i: int) -> tuple[list[str], list[str], int] | None:
    """The name's lines from item i, the value lines already met (a name sharing its line with the
    cells, a range closed on the line of the cells) and the index after; None for no name block."""
    items = st.items
    first = items[i]
    name_raws: list[str] = []
    value_lines: list[str] = []
    k = i
    split = inline_split(first.text, _next_line(items, i), st.meta.year)
    if split is None:
        split = split_before_unit_printed_again(first.text, _next_block_line(items, i))
    if split is not None:
        return [split_at(first.text, split)[0]], [split_at(first.text, split)[1]], i + 1
    while k < len(items) and len(name_raws) < 14:
        if items[k].kind != "line" or items[k].blank:
            h = k
            while h < len(items) and items[h].blank:
                h += 1
            if h == k + 1 and name_raws and _name_goes_on_after_blank(st, name_raws, h):
                st.census.fragments_joined += 1
                k = h
                continue
            # a page break (the table header printed again) inside a name wrapped between words
            if h >= len(items) or items[h].kind != "tblhdr" or not name_raws:
                break
            after = next_content(items, h)
            if after >= len(items) or items[after].kind != "line":
                break
            t = items[after].text
            wrapped = name_raws[-1] != name_raws[-1].rstrip() if st.clue else bool(re.match(r"^[a-zåäö]", t.strip()))
            if not wrapped or _starts_with_value(t) or section_label(t) or goal_rules.heading_label(t):
                break
            k = after
            continue
        t = items[k].text
        if k > i and name_raws and closes_range(name_raws[-1], t, st.spacing):
            # 'Sjukfrånvaro dag 1-' / '14': the number closes the name's range, the cells follow
            number, _, rest = t.strip().partition(" ")
            name_raws.append(number)
            st.census.fragments_joined += 1
            k += 1
            if rest.strip():
                value_lines.append(rest + (" " if t != t.rstrip() else ""))
                break
            continue
        nxt = next_content(items, k + 1)
        following = items[nxt].text if nxt < len(items) and items[nxt].kind == "line" else None
        if k > i and not name_line_in_block(t, following, st.meta.year, name_raws[-1]) and (
                _starts_cells(st, t) or section_label(t) or goal_rules.heading_label(t)):
            break
        split = inline_split(t, _next_line(items, k), st.meta.year) if k > i and st.spacing and \
            period_at_end(t, st.meta.year) else None
        if split is not None:  # rule cells_on_last_name_line: 'utevistelse  70 %  80 %   2023'
            return name_raws + [split_at(t, split)[0]], [split_at(t, split)[1]], k + 1
        name_raws.append(t)
        k += 1
    return None if len(name_raws) >= 14 else (name_raws, value_lines, k)



def _name_goes_on_after_blank(st: State, name_raws: list[str], h: int) -> bool:
    """Rule blank_inside_name: one blank line inside a name ('Brukarens upplevelse av ' / '' /
    'trygghet - LSS-boende'): the line after it goes on with the name when it opens in lower case or the
    name was left open by its last word ('av', 'och', a comma; names.name_left_open without the wrap
    clue), and it opens no cells, section or heading."""
    items = st.items
    if h >= len(items) or items[h].kind != "line" or items[h].blank:
        return False
    t = items[h].text
    nxt = next_content(items, h + 1)
    following = items[nxt].text if nxt < len(items) and items[nxt].kind == "line" else None
    if name_line_in_block(t, following, st.meta.year):
        return True  # '' / '2 eller fler besök': rule name_line_opens_with_number
    if _starts_cells(st, t) or section_label(t) or goal_rules.heading_label(t) or row_note_label(t):
        return False
    return bool(re.match(r"^[a-zåäö]", t.strip())) or name_left_open(name_raws, False)


def _next_block_line(items: list[Item], i: int) -> str | None:
    """The first line of the block after the one item i opens (blank lines and table headers skipped)."""
    j = i
    while j < len(items) and items[j].kind == "line" and not items[j].blank:
        j += 1
    j = next_content(items, j)
    return items[j].text if j < len(items) and items[j].kind == "line" else None


def _value_block(st: State, k: int, value_lines: list[str], name_raws: list[str],
                 last_line: int) -> tuple[list[str], int, int] | None:
    """The row's value lines from item k up to its period cell: (value lines, index after, last line),
    or None when the name block is followed by no cells (not a row)."""
    items = st.items
    end = None
    if value_lines and period_at_end(value_lines[0], st.meta.year) and _ends_row_inline(items, k):
        end = k - 1
    guard = 0
    anchor = value_lines[0] if value_lines else None  # the line a stacked unit continues
    while end is None and k < len(items) and guard < 60:
        guard += 1
        it = items[k]
        if it.kind == "acthdr":
            break
        if it.kind == "tblhdr" and period_again(st, k, value_lines):
            break  # rule second_period_after_break: a row has one period cell; the year is its name's rest
        if it.kind == "tblhdr" or it.blank:
            value_lines.append("")
            anchor = None
            k += 1
            continue
        t = it.text
        if section_label(t) or goal_rules.heading_label(t):
            break
        if not value_lines or not any(v.strip() for v in value_lines):
            if not _starts_cells(st, t):
                return None  # a name block not followed by cells: not a row
        elif _next_row_after_period(st, k, value_lines):
            break
        value_lines.append(t)
        last_line = it.line
        if anchor is not None and stack_width(anchor, t, st.meta.year):
            # a unit wrapped in parallel columns ('CO2 CO2 CO2'): the row ends after the last such line
            nxt = items[k + 1] if k + 1 < len(items) else None
            if period_at_end(anchor, st.meta.year) and not (
                    nxt and nxt.kind == "line" and stack_width(anchor, nxt.text, st.meta.year)):
                k += 1
                break
            k += 1
            continue
        anchor = t
        if _ends_row(items, k, st.clue, st.meta.year, name_left_open(name_raws, st.clue)):
            k += 1
            break
        k += 1
    if not any(v.strip() for v in value_lines):
        return None
    return value_lines, k, last_line


def _new_row(st: State, name: str, name_raws: list[str], value_lines: list[str], line: int,
             last_line: int):
    """The row read from its value lines: (IndicatorRow, its placement, its review reasons, the value
    lines with stacked units joined)."""
    guesses: list[str] = []
    value_lines, stacked = unstack(value_lines, lambda a, b, above: _cut_in_unit(st, a, b, above), st.meta.year)
    st.census.fragments_joined += stacked
    placed, period = read_cells(st, value_tokens(value_lines, st.clue, st.vocab, guesses, st.spacing))
    why = list(placed.reasons)
    if guesses:
        # no trailing spaces and no known word: a cell may be cut in a word or between two words
        why.append(("word_cut_guess", ", ".join(guesses)))
    if period is None:
        why.append(("no_period", ""))
    if st.header_unknown:  # a column the header names in words no rule knows: the columns may be shifted
        why.append(("unknown_column", "rubriken: " + " ".join(st.header_unknown)))
    row = IndicatorRow(st.current, name, line, period, placed.cells, bool(why), reasons.text(why),
                       source_line_end=last_line,
                       raw_text=fold(" ".join(name_raws)) + " | " + fold(" ".join(value_lines)),
                       review_code=reasons.codes(why), explain=explain(placed),
                       uncertain=tuple(placed.decision.differs) if placed.decision and placed.decision.tied else ())
    st.census.row_blocks += 1
    return row, placed, why, value_lines


def _cut_in_unit(st: State, before: str, after: str, above: str | None) -> bool:
    """Is a unit's piece on the next line the rest of a word cut at the line end ('livsmed' / 'el')?"""
    if st.clue and above is not None:
        return above == above.rstrip() and bool(re.match(r"^[a-zåäö]", after))
    return join_cut(before, after, st.vocab)[0]


def row_note_label(text: str) -> bool:
    """'Analys' or 'Kommentar' standing alone under a row: the text below belongs to the row."""
    return fold(text).rstrip(":").strip().lower() in ("analys", "kommentar")


def _ends_row_inline(items: list[Item], k: int) -> bool:
    if k < len(items) and items[k].kind == "line" and stack_width(items[k - 1].text, items[k].text):
        return False  # units wrapped below the cells, line by line
    nxt = next_content(items, k)
    if nxt >= len(items) or items[nxt].kind != "line":
        return True
    follow = items[nxt].text.strip()
    return not (_starts_with_value(follow) or re.match(r"^[a-zåäö%]", follow) or
                re.match(r"^(?:Tertial|fram)\b", follow, re.IGNORECASE))


def row_analysis(st: State, k: int) -> tuple[list[str], int]:
    """Text under a row's 'Analys': up to a blank line that is followed by another row or section."""
    return analysis_text(st, k, "acthdr", "tblhdr", next_content, lambda j: _looks_like_row(st, j))


def _looks_like_row(st: State, k: int) -> bool:
    items = st.items
    j = k
    name_lines = 0
    crossed = gapped = False
    while True:
        last = ""
        while j < len(items) and items[j].kind == "line" and not items[j].blank:
            if j == k and inline_split(items[j].text, _next_line(items, j), st.meta.year) is not None:
                return True
            if j > k and _starts_with_value(items[j].text):
                return True
            name_lines += 1
            if name_lines > 14 or len(items[j].text.strip()) > 70:
                return False
            last = items[j].text
            j += 1
        h = j
        while h < len(items) and items[h].blank:
            h += 1
        if not gapped and last and h == j + 1 and _name_goes_on_after_blank(st, [last], h):
            gapped, j = True, h  # rule blank_inside_name
            continue
        j = next_content(items, j)
        if j >= len(items) or items[j].kind != "line":
            return False
        if _starts_with_value(items[j].text) or no_value_opens(
                [it.text for it in takewhile(lambda it: it.kind == "line" and not it.blank, items[j:j + 3])]):
            return True
        # a page break (the table header again) inside a name wrapped between words: the name goes on
        wrapped = last != last.rstrip() if st.clue else bool(re.match(r"^[a-zåäö]", items[j].text.strip()))
        if crossed or h >= len(items) or items[h].kind != "tblhdr" or not last or not wrapped:
            return False
        crossed = True
