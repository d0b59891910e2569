"""Text-from-PDF layout, stage 2: a row's value lines -> tokens -> cells and the period. Wrapped lines are
glued back (a trailing space tells a wrap between words, else the document's own words decide); a token
keeps the spaces printed before it, for reports that print empty cells as spaces (spacing.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import words as _words
from .values import EMPTY_MARKS, fold
from .words import NUMBER_RANGE as _NUMBER_RANGE
from .words import NUMBER_WITH_UNIT as _NUMBER_WITH_UNIT
from .words import TEXT_VERBS as _TEXT_VERBS
from .words import UNIT_ABSORBS_YEAR as _UNIT_ABSORBS_YEAR
from .words import YEAR as _YEAR
from .words import is_number as _is_number
from .words import opens_with_sign as _opens_with_sign
from .words import no_value_text as _no_value_text
from .words import opens_text_cell, period_at_end
from .words import text_start as _text_start


def _glue(out: str, piece: str, prev_raw: str, clue: bool) -> str:
    prev = prev_raw.rstrip("\n")
    no_space = clue and prev == prev.rstrip() and re.search(r"[\wåäöÅÄÖ/]$", prev) and re.match(
        r"^[a-zåäöé]", piece
    )
    if no_space or (not clue and out.endswith("/") and re.match(r"^[a-zåäö]", piece)):
        return out + piece
    if re.search(r"\d[-–]$", out) and re.match(r"^\d", piece):
        return out + piece  # an open range closed on the next line: 'dag 1-' + '14'
    if re.search(r"\w-$", out) and re.match(r"^[a-zåäö]", piece):
        cut_in_word = prev == prev.rstrip() if clue else not re.match(r"^(?:och|eller|samt)\b", piece)
        if cut_in_word:
            return out + piece  # '14-' + 'dagarsperiod' keeps the hyphen, no space ('vård- och' keeps it)
    return out + " " + piece


def glue_lines(raws: list[str], clue: bool) -> str:
    out = ""
    prev = None
    for raw in raws:
        piece = raw.strip()
        if not piece:
            continue
        out = piece if prev is None else _glue(out, piece, prev, clue)
        prev = raw
    return fold(out)


@dataclass
class Token:
    text: str
    gap: bool = False  # printed after two or more spaces on the same line (an empty cell between)
    spaces: int | None = None  # spaces printed before it on its line (None: it opens a later line)


_WORD_CHARS = re.compile(r"[A-Za-zÅÄÖåäöéÉü]+")
_KNOWN_CELL_TEXTS = (*_words.TEXT_CELLS, *_words.NO_VALUE_TEXTS, *_words.UNITS, *_words.TEXT_VERBS)


def vocabulary(lines: list[str]) -> set[str]:
    """Lower-case words of the document's running text (lines of eight words or more) and of the cells the
    reports print as words (words.TEXT_CELLS, NO_VALUE_TEXTS, UNITS, TEXT_VERBS): what a word cut at a line
    end must join back into when no trailing space tells ('nämnd/s' / 'tyrelse' -> 'nämnd/styrelse')."""
    words: set[str] = {w.lower() for cell in _KNOWN_CELL_TEXTS for w in _WORD_CHARS.findall(cell)}
    for line in lines:
        parts = line.split()
        if len(parts) >= 8:
            words.update(w.lower() for w in _WORD_CHARS.findall(line))
    return words


def _known_join(before: str, after: str, vocab: set[str] | None) -> bool:
    """Do the last word piece of `before` and the first of `after` make a known word that neither is?"""
    head, tail = _WORD_CHARS.findall(before), _WORD_CHARS.findall(after)
    if vocab is None or not head or not tail or not re.search(r"[A-Za-zÅÄÖåäöé]$", before):
        return False
    return (head[-1] + tail[0]).lower() in vocab and tail[0].lower() not in vocab


def join_cut(before: str, after: str, vocab: set[str] | None) -> tuple[bool, bool]:
    """Whether the word piece `after` (starting a line) continues the word `before` (ending the line
    above) without a space, and whether that was a guess. Without trailing spaces only the document's
    own words can tell: 'Faststäl' + 'ls' -> 'Fastställs' when that word is known, else a space."""
    if vocab is None:
        return False, False
    head = _WORD_CHARS.findall(before)
    tail = _WORD_CHARS.findall(after)
    if not head or not tail or not re.search(r"[A-Za-zÅÄÖåäöé]$", before):
        return False, False
    joined = (head[-1] + tail[0]).lower()
    if joined in vocab:
        return True, False
    if len(joined) >= 8 and tail[0].lower() not in vocab and after == tail[0] and any(
            w.startswith(joined) for w in vocab):
        return True, False  # a long word cut twice: 'energie' / 'ffektivis' / 'ering'
    # neither the joined word nor the piece is a known word: cannot tell
    return False, tail[0].lower() not in vocab or head[-1].lower() not in vocab


def value_tokens(value_lines: list[str], clue: bool, vocab: set[str] | None = None,
                 guesses: list[str] | None = None, spacing: bool = False) -> list[Token]:
    """Tokens of the value region; a word cut at a line end is glued back ('livsmed' + 'el'). `spacing`:
    the report follows every cell with a space, so a value line's trailing space is no wrap clue: a cell
    word cut there is glued back when the vocabulary knows the word ('nämnd/s ' / 'tyrelse')."""
    toks: list[Token] = []
    prev: str | None = None
    prev_start = 0  # where the previous line's tokens start
    first = True
    for raw in value_lines:
        if not raw.strip():
            prev = None
            continue
        words: list[str] = []
        gaps: list[bool] = []
        spaces: list[int | None] = []
        gap = False
        run: int | None = len(raw) - len(raw.lstrip(" ")) if first else None
        first = False
        for p in re.split(r"( +)", raw.strip()):
            if not p:
                continue
            if p.isspace():
                gap = len(p) >= 2
                run = len(p)
                continue
            words.append(p)
            gaps.append(gap)
            spaces.append(run)
            gap = False
        if prev is not None and words:
            n = _no_value_rest(toks, prev_start, words)
            if n:  # 'Ej ' / 'mätbart': a text in place of a value wrapped in its column
                toks[n[0] + 1:n[0] + 1] = [Token(w, False, 1) for w in words[:n[1]]]
                words, gaps, spaces = words[n[1]:], gaps[n[1]:], spaces[n[1]:]
                if not words:
                    prev = raw
                    continue
        prev_start = len(toks)
        cut = prev is not None and prev == prev.rstrip() and (
            (clue and re.search(r"[\wåäöÅÄÖ/]$", prev)) or (not clue and prev.endswith("/")))
        lower_next = prev is not None and toks and words and re.match(r"^[a-zåäöé]", words[0])
        if not cut and lower_next and spacing and prev != prev.rstrip():
            cut = prev.rstrip().endswith("/") or _known_join(toks[-1].text, words[0], vocab)
        elif not cut and not clue and lower_next:
            cut, guess = join_cut(toks[-1].text, words[0], vocab)
            if guess and guesses is not None:
                guesses.append(f"{toks[-1].text} / {words[0]}")
        if cut and toks and words and re.match(r"^[a-zåäöé]", words[0]):
            toks[-1] = Token(toks[-1].text + words[0], toks[-1].gap, toks[-1].spaces)
            words, gaps, spaces = words[1:], gaps[1:], spaces[1:]
        toks.extend(Token(w, g, sp) for w, g, sp in zip(words, gaps, spaces))
        prev = raw
    return toks


def _no_value_rest(toks: list[Token], start: int, words: list[str]) -> tuple[int, int] | None:
    """Rule no_value_wrapped: a line that opens with the rest of a text in place of a value whose first
    words close a cell of the line above ('Ej ' / 'mätbart', 'Uppgift ' / 'saknas'): (index of the token
    it continues, how many words it adds), else None. Only the rest in lower case, and only where the
    words above are no whole text of their own ('Saknas' / 'uppgift' is not joined)."""
    for j in range(len(toks) - 1, start - 1, -1):
        head = toks[j].text
        if _no_value_text(head) or not opens_text_cell([head]):
            continue
        for n in range(1, min(3, len(words)) + 1):
            if re.match(r"^[a-zåäö]", words[0]) and _no_value_text(" ".join([head] + words[:n])):
                return j, n
    return None


@dataclass
class RawCell:
    text: str
    gap: bool = False
    placeholder: bool = False  # an empty cell shown by an extra space
    spaces: int | None = None  # spaces printed before it on its line (None: it opens a later line)


def period_cut(tokens: list[Token], year: int | None = None) -> tuple[int, str | None]:
    """How many tokens come before the period cell, and the period as printed (None: no period)."""
    joined = " ".join(t.text for t in tokens)
    m = period_at_end(joined, year)
    if not m:
        return len(tokens), None
    return len(joined.strip()[: m.start("period")].split()), fold(m.group("period"))


def split_cells(tokens: list[Token], year: int | None = None,
                joins: frozenset[int] = frozenset()) -> tuple[list[RawCell], str | None]:
    """Value tokens -> cells and the period (the last cell). `joins`: indexes of tokens read as a
    number's thousands group with the token after them ('1' '150' -> '1 150'), whatever else says."""
    keep, period = period_cut(tokens, year)
    tokens = tokens[:keep]
    cells: list[RawCell] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.gap and cells:
            cells.append(RawCell("", placeholder=True))
        if tok.text in EMPTY_MARKS:
            text, i = tok.text, i + 1  # a dash printed for an empty cell: a cell of its own
        elif (_is_number(tok.text) and not tok.text.startswith(("+", "±"))) or _NUMBER_RANGE.match(tok.text):
            text, i = _number_cell(tokens, i, joins)
        else:
            text, i = _text_cell(tokens, i)
        cells.append(RawCell(text, tok.gap, spaces=tok.spaces))
    return cells, period


_MINUS = "-\u2212\u2013"  # minus signs a number may open with: '-', '−' (U+2212), '–'


def _number_cell(tokens: list[Token], i: int, joins: frozenset[int]) -> tuple[str, int]:
    """The number cell opening at token i (its thousands groups and unit words) and the index after."""
    n = len(tokens)
    t = tokens[i].text
    parts = [t]
    i += 1
    attached_unit = bool(_NUMBER_WITH_UNIT.match(t))
    head = t.lstrip(_MINUS)  # the digits of a negative number ('−1 200 tkr')
    # thousands groups: '9 000 st' (a group cannot start a number with 0 / stand alone)
    while (not attached_unit and i < n and re.fullmatch(r"\d{3}", tokens[i].text) and not tokens[i].gap
           and re.fullmatch(r"\d{1,3}", head if len(parts) == 1 else parts[-1]) and not head.startswith("0")):
        nxt = tokens[i].text
        after = tokens[i + 1].text if i + 1 < n else ""
        unit_follows = bool(after) and not _is_number(after) and not _text_start(after)
        if nxt.startswith("0") or (len(head) == 1 and len(parts) == 1 and unit_follows) or \
                i - 1 in joins:
            parts.append(nxt)
            i += 1
        else:
            break
    unit_words: list[str] = []
    if not attached_unit:
        while i < n:
            w = tokens[i].text
            if w in EMPTY_MARKS or _NUMBER_RANGE.match(w):
                break
            if _is_number(w):
                if _YEAR.match(w) and unit_words and unit_words[-1].lower() in _UNIT_ABSORBS_YEAR:
                    unit_words.append(w)
                    i += 1
                    continue
                break
            if _text_start(w) and not (unit_words == [] and re.match(r"^[A-Z][A-Z]", w)):
                break
            unit_words.append(w)
            i += 1
    return " ".join(parts + unit_words), i


def _text_cell(tokens: list[Token], i: int) -> tuple[str, int]:
    """A text cell opening at token i ('Tas fram av nämnd', 'öka', 'Fastställs 2020', 'Max 10 personer',
    '+/- 1 %') and the index after."""
    n = len(tokens)
    parts = [tokens[i].text]
    i += 1
    while i < n and not tokens[i].gap and not _no_value_text(" ".join(parts)):
        w = tokens[i].text
        if w in EMPTY_MARKS or _NUMBER_RANGE.match(w):
            break
        if _is_number(w):
            # a year never leaves a text cell that starts with a capital ('Fastställs 2020')
            if (len(parts) == 1 or _YEAR.match(w)) and (_opens_with_sign(parts[0]) or
                                                       parts[0][:1].isupper()):
                parts.append(w)  # 'Max 10', 'Fastställs 2020', '+/- 1'
                i += 1
                while i < n and not tokens[i].gap and not _is_number(tokens[i].text) and not _text_start(
                    tokens[i].text
                ):
                    parts.append(tokens[i].text)
                    i += 1
            break
        if _opens_with_sign(w) or w.lower() in _TEXT_VERBS:
            break
        if _text_start(w) and not parts[-1].endswith("/") and w[:1].isupper() and parts[0][:1].islower():
            break
        if w == parts[0] and len(parts) > 1:
            break  # the same opening word again: the next text cell ('Tas fram av nämnd Tas fram av nämnd')
        parts.append(w)
        i += 1
    return " ".join(parts), i
