"""Text-from-PDF layout: indicator rows. A row is a name block (wrapped over a narrow column, or sharing
its first line with the cells), its value lines up to the period cell, then optionally 'Analys' and
text. Pieces printed apart are joined (a name's end after a page break, a range closed on the next
line, units stacked under the cells); a block that reads as no row is kept as a flagged row."""

from __future__ import annotations

import re

from . import goals as goal_rules
from .model import IndicatorRow
from .values import fold
from . import reasons
from .units_over_lines import stack_width, unstack
from .words import PERIOD_TAIL as _PERIOD_TAIL
from .words import TEXT_VERBS as _TEXT_VERBS
from .words import UNITS as _UNITS
from .words import is_number as _is_number
from .words import opens_text_cell, period_at_end
from .cells import _join_cut, _tokens, glue_lines
from .rowcells import explain, read_cells
from .state import State
from .stream import Item, _next_content, section_label
from .texts import _analysis_text, paragraphs


_NAME_OPEN_NUMBER = re.compile(r"\d\s*[-–]\s*$")  # a name ending in an open range: 'dag 1-' / '14'
_NAME_GLUE = {"som", "med", "i", "av", "för", "inom", "efter", "till", "och", "per", "på", "under",
              "över", "mellan", "samt", "vid", "är", "har", "enligt", "utan", "från", "mot", "där"}


def _starts_with_value(text: str) -> bool:
    first = text.strip().split(" ", 1)[0] if text.strip() else ""
    return _is_number(first) or first.startswith(("+/-", "±"))


def _starts_cells(st: State, text: str) -> bool:
    """Does the line open a row's cells? A number ('85 %', '+/-1'); in a report that prints empty cells
    as spaces, also a line indented by empty cells that opens with a text cell ('      Tas fram av')."""
    if _starts_with_value(text):
        return True
    words = text.split()
    return st.spacing and text.startswith(" ") and bool(words) and (
        opens_text_cell(words[:1]) or words[0].lower() in _TEXT_VERBS)


def _inline_split(text: str, next_text: str | None) -> int | None:
    """Where the cells start on a name line ('Sjukfrånvaro 7,4 % ...'), as a word index, else None."""
    words = text.split()
    for k in range(1, len(words)):
        starts_cell = _is_number(words[k]) or words[k].startswith(("+/-", "±"))
        if starts_cell and not re.search(r"\d-\d", words[k]):
            tail = words[k:]
            if words[k - 1].lower() in _NAME_GLUE:
                return None  # 'ligger på 5 procentenheter': the number belongs to the sentence
            numbers = sum(1 for w in tail if _is_number(w))
            cellish = _cellish(tail)
            if len(" ".join(words[:k])) > 60 or (numbers < 0.3 * len(tail) and cellish < 0.7 * len(tail)):
                return None  # prose with numbers in it, not a name followed by cells
            if cellish == len(tail) and (numbers >= 1 and len(tail) >= 3):
                return k  # '88 % Tas fram av', '+/-1 % +/- 1 %': nothing but cells
            if numbers >= 2 or _PERIOD_TAIL.search(" ".join(tail)):
                return k
            if next_text is not None:
                nxt = next_text.strip().split()
                if nxt and nxt[0].lower() in _NAME_GLUE:
                    return None
            return k
    return None


def _cellish(tail: list[str]) -> int:
    """How many words of a line's tail read as table cells: numbers, a unit right after a number,
    '+/-', and the words of a text target ('Tas fram av nämnd/styrelse', 'öka', 'minska')."""
    count = 0
    target = False
    for n, w in enumerate(tail):
        lw = w.lower().rstrip(".")
        if _is_number(w) or w.startswith(("+/-", "±")) or lw in _TEXT_VERBS:
            count += 1
            target = False
        elif n and (_is_number(tail[n - 1]) or tail[n - 1].startswith(("+/-", "±"))) and lw in _UNITS:
            count += 1
        elif w == "Tas" or (target and lw in ("fram", "av", "nämnd", "nämnd/", "nämnd/styrelse", "styrelse")):
            count += 1
            target = True
    return count


def _ends_row(items: list[Item], k: int, clue: bool, year: int | None = None) -> bool:
    """Does the value line at k end the row (a period cell, and what follows is not a continuation)?"""
    text = items[k].text
    if not period_at_end(text, year):
        return False
    if k + 1 < len(items) and items[k + 1].kind == "line" and stack_width(text, items[k + 1].text, year):
        return False  # units wrapped below the cells, line by line
    if clue and text != text.rstrip() and k + 1 < len(items) and items[k + 1].kind == "line" and \
            not items[k + 1].blank and not re.fullmatch(r"(?:19|20)\d{2}", items[k + 1].text.strip()):
        return False  # wrapped between words: the cell goes on
    nxt = _next_content(items, k + 1)
    if nxt >= len(items):
        return True
    if items[nxt].kind != "line":
        return True
    follow = items[nxt].text.strip()
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


def _row(st: State, i: int) -> int | None:
    items = st.items
    first = items[i]
    if first.kind != "line" or _starts_with_value(first.text) or section_label(first.text):
        return None
    if goal_rules.heading_label(first.text) or _row_note_label(first.text):
        return None
    name_raws: list[str] = []
    value_lines: list[str] = []
    k = i
    # the name block: lines up to a blank line; the first line may carry cells
    nxt_text = items[i + 1].text if i + 1 < len(items) and items[i + 1].kind == "line" and not items[i + 1].blank else None
    split = _inline_split(first.text, nxt_text)
    if split is not None:
        words = list(re.finditer(r"\S+", first.text))
        name_raws.append(" ".join(w.group() for w in words[:split]))
        # the spaces between the name and the first cell, less the one that follows every cell, tell
        # how many cells were left empty before it (in a report that prints empty cells as spaces)
        run = words[split].start() - words[split - 1].end()
        value_lines.append(" " * (run - 1) + first.text[words[split].start():])
        k = i + 1
    else:
        while k < len(items) and len(name_raws) < 14:
            if items[k].kind != "line" or items[k].blank:
                # a page break (the table header printed again) inside a name wrapped between words
                h = k
                while h < len(items) and items[h].blank:
                    h += 1
                if h >= len(items) or items[h].kind != "tblhdr" or not name_raws:
                    break
                after = _next_content(items, h)
                if after >= len(items) or items[after].kind != "line":
                    break
                t = items[after].text
                wrapped = name_raws[-1] != name_raws[-1].rstrip() if st.clue else bool(re.match(r"^[a-zåäö]", t.strip()))
                if not wrapped or _starts_with_value(t) or section_label(t) or goal_rules.heading_label(t):
                    break
                k = after
                continue
            t = items[k].text
            if k > i and name_raws and _closes_range(name_raws[-1], t, st.spacing):
                # 'Sjukfrånvaro dag 1-' / '14': the number closes the name's range, the cells follow
                number, _, rest = t.strip().partition(" ")
                name_raws.append(number)
                st.census.fragments_joined += 1
                k += 1
                if rest.strip():
                    value_lines.append(rest + (" " if t != t.rstrip() else ""))
                    break
                continue
            if k > i and (_starts_cells(st, t) or section_label(t) or goal_rules.heading_label(t)):
                break
            name_raws.append(t)
            k += 1
        if len(name_raws) >= 14:
            return None
    name = glue_lines(name_raws, st.clue)
    if not name or len(name) > 400:
        return None
    # the cells, up to the period cell
    end = None
    if value_lines and period_at_end(value_lines[0], st.meta.year) and _ends_row_inline(items, k):
        end = k - 1
    last_line = first.line
    guard = 0
    anchor = value_lines[0] if value_lines else None  # the line a stacked unit continues
    while end is None and k < len(items) and guard < 60:
        guard += 1
        it = items[k]
        if it.kind == "acthdr":
            break
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
        value_lines.append(t)
        last_line = it.line
        if anchor is not None and stack_width(anchor, t, st.meta.year):
            # a unit wrapped in parallel columns ('CO2 CO2 CO2'): the row ends after the last such line
            nxt = items[k + 1] if k + 1 < len(items) else None
            if period_at_end(anchor, st.meta.year) and not (
                    nxt and nxt.kind == "line" and stack_width(anchor, nxt.text, st.meta.year)):
                end = k
                k += 1
                break
            k += 1
            continue
        anchor = t
        if _ends_row(items, k, st.clue, st.meta.year):
            end = k
            k += 1
            break
        k += 1
    if not any(v.strip() for v in value_lines):
        return None
    guesses: list[str] = []
    value_lines, stacked = unstack(value_lines, lambda a, b, above: _cut_in_unit(st, a, b, above), st.meta.year)
    st.census.fragments_joined += stacked
    tokens = _tokens(value_lines, st.clue, st.vocab, guesses)
    goal_idx = st.current
    placed, period = read_cells(st, tokens)
    why = list(placed.reasons)
    if guesses:
        # no trailing spaces and no known word: a cell may be cut in a word or between two words
        why.append(("word_cut_guess", ", ".join(guesses)))
    if period is None:
        why.append(("no_period", ""))
    row = IndicatorRow(goal_idx, name, first.line, period, placed.cells, bool(why), reasons.text(why),
                       source_line_end=last_line,
                       raw_text=fold(" ".join(name_raws)) + " | " + fold(" ".join(value_lines)),
                       review_code=reasons.codes(why), explain=explain(placed))
    st.census.row_blocks += 1
    tail, k = _name_tail(st, k, name_raws)
    if tail:
        # the rest of the name printed after a page break, below the cells: '(hemtjänst)'
        name_raws += tail
        row.name = glue_lines(name_raws, st.clue)
        row.raw_text = fold(" ".join(name_raws)) + " | " + fold(" ".join(value_lines))
        st.census.fragments_joined += 1
    # the row's analysis
    a = _next_content(items, k)
    if a < len(items) and items[a].kind == "line" and _row_note_label(items[a].text):
        raws, k = _row_analysis(st, a + 1)
        row.analysis = paragraphs(raws, st.clue)
    st.ex.rows.append(row)
    return k


def _closes_range(name_line: str, line: str, spacing: bool) -> bool:
    """Does `line` open with the number that closes the range a name line leaves open ('dag 1-' / '14')?
    A range goes up: the number is a whole number above the opening one ('14- ' / '12,5' is a name cut
    at a hyphen followed by its cells); a line indented by empty cells (spacing convention) holds cells."""
    m = _NAME_OPEN_NUMBER.search(name_line)
    first = line.split()[0] if line.split() else ""
    if not m or not re.fullmatch(r"\d+", first) or (spacing and line.startswith(" ")):
        return False
    opening = re.search(r"(\d+)\s*[-–]\s*$", name_line)
    return int(first) > int(opening.group(1))


_TAIL_OPENING = re.compile(r"^\s*(?:\(|[a-zåäö])")  # no row's name opens so: '(hemtjänst)', 'i hemtjänst'


def _name_tail(st: State, k: int, name_raws: list[str]) -> tuple[list[str], int]:
    """The end of a row's name printed on the next page, after the row's cells and the page break:
    '(hemtjänst)' or 'i hemtjänsten' right after the repeated table header. Taken when it cannot start
    a row of its own (it opens with '(' or a lower-case word) and is not itself followed by cells
    (then it is the name of the next row)."""
    items = st.items
    j = _next_content(items, k)
    if j >= len(items) or items[j].kind != "line" or not any(items[h].after_break for h in range(k, j + 1)):
        return [], k
    tail: list[str] = []
    while j < len(items) and items[j].kind == "line" and not items[j].blank and len(tail) < 3:
        t = items[j].text
        if not _TAIL_OPENING.match(t) or _starts_with_value(t) or section_label(t) or \
                goal_rules.heading_label(t) or _row_note_label(t) or period_at_end(t, st.meta.year):
            break
        tail.append(t)
        j += 1
    after = _next_content(items, j)
    if not tail or (after < len(items) and items[after].kind == "line" and _starts_with_value(items[after].text)):
        return [], k
    return tail, j


FRAGMENT_MAX_LINES = 6  # a block in a table that reads as no row: up to this many short lines is a
FRAGMENT_MAX_CHARS = 90  # piece of a row (flagged, never dropped); longer, it is text after the table


def _fragment(st: State, i: int) -> int | None:
    """A block inside a table that reads as no row (a name with no cells, a unit or cell cut off its
    row): written as a row flagged for review with its printed text, so that nothing is lost silently.
    None when the block reads as running text (the table has ended)."""
    items = st.items
    block: list[str] = []
    k = i
    while k < len(items) and items[k].kind == "line" and not items[k].blank:
        t = items[k].text
        if len(t.strip()) > FRAGMENT_MAX_CHARS or section_label(t) or goal_rules.heading_label(t) or \
                _row_note_label(t):
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


def _cut_in_unit(st: State, before: str, after: str, above: str | None) -> bool:
    """Is a unit's piece on the next line the rest of a word cut at the line end ('livsmed' / 'el')?"""
    if st.clue and above is not None:
        return above == above.rstrip() and bool(re.match(r"^[a-zåäö]", after))
    return _join_cut(before, after, st.vocab)[0]


def _row_note_label(text: str) -> bool:
    """'Analys' or 'Kommentar' standing alone under a row: the text below belongs to the row."""
    return fold(text).rstrip(":").strip().lower() in ("analys", "kommentar")


def _ends_row_inline(items: list[Item], k: int) -> bool:
    if k < len(items) and items[k].kind == "line" and stack_width(items[k - 1].text, items[k].text):
        return False  # units wrapped below the cells, line by line
    nxt = _next_content(items, k)
    if nxt >= len(items) or items[nxt].kind != "line":
        return True
    follow = items[nxt].text.strip()
    return not (_starts_with_value(follow) or re.match(r"^[a-zåäö%]", follow) or
                re.match(r"^(?:Tertial|fram)\b", follow, re.IGNORECASE))


def _row_analysis(st: State, k: int) -> tuple[list[str], int]:
    """Text under a row's 'Analys': up to a blank line that is followed by another row or section."""
    return _analysis_text(st, k, "acthdr", "tblhdr", _next_content, lambda j: _looks_like_row(st, j))


def _looks_like_row(st: State, k: int) -> bool:
    items = st.items
    j = k
    name_lines = 0
    crossed = False
    while True:
        last = ""
        while j < len(items) and items[j].kind == "line" and not items[j].blank:
            if j == k and _inline_split(items[j].text, None) is not None:
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
        j = _next_content(items, j)
        if j >= len(items) or items[j].kind != "line":
            return False
        if _starts_with_value(items[j].text):
            return True
        # a page break (the table header again) inside a name wrapped between words: the name goes on
        wrapped = last != last.rstrip() if st.clue else bool(re.match(r"^[a-zåäö]", items[j].text.strip()))
        if crossed or h >= len(items) or items[h].kind != "tblhdr" or not last or not wrapped:
            return False
        crossed = True
