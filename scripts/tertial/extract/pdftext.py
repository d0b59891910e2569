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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import goals as goal_rules
from .model import VALUE_COLUMNS, Activity, Extraction, Goal, IndicatorRow, ReportMeta
from .values import EMPTY, Cell, fold, parse_cell
from . import reasons
from .placement import RULE_LABELS, TARGETS, Decision, context, decide, parse_cells
from .placement import explain as explain_decision
from .spacing import slots as spacing_slots
from .spacing import uses_cell_spacing, value_line
from .units_over_lines import stack_width, unstack
from .words import NUMBER_WITH_UNIT as _NUMBER_WITH_UNIT
from .words import PERIOD_TAIL as _PERIOD_TAIL
from .words import TEXT_VERBS as _TEXT_VERBS
from .words import UNIT_ABSORBS_YEAR as _UNIT_ABSORBS_YEAR
from .words import UNITS as _UNITS
from .words import YEAR as _YEAR
from .words import is_number as _is_number
from .words import period_at_end
from .words import text_start as _text_start

# ---------------------------------------------------------------------------------------------------
# Line classes

_PAGE_NUMBER = re.compile(r"^\s*Sid(?:a)?\s+\d+\s*(?:\(\s*\d+\s*\)|av\s+\d+)?\s*$", re.IGNORECASE)
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:Tjänsteutlåtande|Dnr[\s.:].*|Sid(?:a)?\s+\d+.*|\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE
)
_TABLE_HEADER = re.compile(r"^\s*Indikator\s+(?:Period|Utfall|[ÅA]rsm[åa]l|KF|Årets|Prognos|Mål)", re.IGNORECASE)
_ACTIVITY_HEADER = re.compile(r"^\s*Aktivitet\s+Startdatum\b", re.IGNORECASE)
_DATE = r"\d{4}-\d{2}-\d{2}"
_DATES_AT_START = re.compile(rf"^\s*(?P<start>{_DATE})(?:\s+(?P<end>{_DATE}))?(?P<rest>.*)$")
_DATES_AT_END = re.compile(rf"^(?P<text>.*?)\s+(?P<start>{_DATE})\s+(?P<end>{_DATE})(?P<rest>\s+\D.*)?\s*$")
_BULLET = re.compile(r"^\s*(?:[•●▪■◦\-–*]|\d{1,2}[.)])\s+")
_NAME_OPEN_NUMBER = re.compile(r"\d\s*[-–]\s*$")  # a name ending in an open range: 'dag 1-' / '14'
_NAME_GLUE = {"som", "med", "i", "av", "för", "inom", "efter", "till", "och", "per", "på", "under",
              "över", "mellan", "samt", "vid", "är", "har", "enligt", "utan", "från", "mot", "där"}


def _is_blank(text: str) -> bool:
    return not text.strip()


section_label = goal_rules.section_label  # one list of section labels for both layouts


# ---------------------------------------------------------------------------------------------------
# Stream: the report's lines with page furniture removed and table/activity headers as markers


@dataclass
class Item:
    line: int  # 1-based line in the file
    text: str  # as printed (trailing space kept: it tells a wrap between words)
    kind: str = "line"  # line | tblhdr | acthdr
    columns: tuple[str, ...] = ()
    after_break: bool = False  # page furniture (a page break) was dropped right before this item

    @property
    def blank(self) -> bool:
        return self.kind == "line" and not self.text.strip()


_BARE_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_DISTRICT_LINE = re.compile(r"^\s*\S.{0,50}\bstadsdels(?:nämnd|förvaltning)(?:en)?\s*$", re.IGNORECASE)


def _furniture_near(lines: list[str], i: int) -> list[int]:
    """0-based indexes of the non-blank lines printed right above (up to 3) and below (up to 2) line i."""
    near = []
    for step, reach in ((-1, 3), (1, 2)):
        k = i + step
        while 0 <= k < len(lines) and abs(k - i) <= reach and not _is_blank(lines[k]):
            near.append(k)
            k += step
    return near


def _could_be_furniture(text: str) -> bool:
    t = text.strip()
    return (0 < len(t) <= 60 and bool(re.search(r"[A-Za-zÅÄÖåäö]{3}", t)) and not _TABLE_HEADER.match(t)
            and not _ACTIVITY_HEADER.match(t) and not section_label(t) and not goal_rules.heading_label(t)
            and not goal_rules.verdict(t))


def learn_furniture(lines: list[str]) -> set[str]:
    """The page footer/header lines of this document: short lines printed next to the page number
    ('Sid 18 (81)', 'Sida 3 av 40') on many pages, whatever their words ('Tjänsteutlåtande',
    'Tertialrapport 1', a district's name)."""
    pages = [i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line)]
    counts: dict[str, int] = {}
    for i in pages:
        for t in {re.sub(r"\s+", " ", lines[k].strip()) for k in _furniture_near(lines, i)}:
            if _could_be_furniture(t):
                counts[t] = counts.get(t, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    return {t for t, c in counts.items() if c >= need}


def _page_blocks(lines: list[str]) -> set[int]:
    """0-based indexes of page footer/header lines and the blank lines around them."""
    learned = learn_furniture(lines)

    def furniture(line: str) -> bool:
        return bool(_PAGE_FURNITURE.match(line) or _DISTRICT_LINE.match(line)
                    or re.sub(r"\s+", " ", line.strip()) in learned)

    drop: set[int] = set()
    for i, line in enumerate(lines):
        if not _PAGE_NUMBER.match(line):
            # a bare page number counts only next to a learned footer line
            if not (learned and _BARE_PAGE_NUMBER.match(line) and any(
                    re.sub(r"\s+", " ", lines[k].strip()) in learned for k in _furniture_near(lines, i))):
                continue
        lo = hi = i
        while lo - 1 >= 0 and i - (lo - 1) <= 3 and furniture(lines[lo - 1]):
            lo -= 1
        while hi + 1 < len(lines) and (hi + 1) - i <= 2 and furniture(lines[hi + 1]):
            hi += 1
        while lo - 1 >= 0 and _is_blank(lines[lo - 1]):
            lo -= 1
        while hi + 1 < len(lines) and _is_blank(lines[hi + 1]):
            hi += 1
        drop.update(range(lo, hi + 1))
    return drop


def header_columns(text: str) -> tuple[str, ...]:
    """The value columns a follow-up table header names, in printed order (pieces glued back)."""
    squashed = re.sub(r"\s+", "", text).lower()
    found = []
    for col, pattern in (
        # spelling slips as in the tab layout's headers ('Arsmål', 'KFs årsmål', 'Utfall män/pojkar')
        ("period_outcome", r"indikator(?:periodens|årets|periodes)utfal{1,2}(?!vb)"),
        ("outcome_men", r"m[äa]n/?(?:pojkar)?(?=utfall|kvinn)|pojkar"),
        ("outcome_women", r"kvinnor/?(?:flickor)?|flickor"),
        ("previous_year", r"(?:periodens)?(?:utfall)?vb(?:19|20)\d\d|utfallvb|(?<!indikator)utfall(?:19|20)\d\d"),
        ("forecast", r"progno"),
        ("annual_target", r"(?<!kf:s)(?<!kfs)(?<!kf)[åa]rsm[åa]l"),
        ("city_target", r"kf:?s?[åa]rsm[åa]l"),
    ):
        m = re.search(pattern, squashed)
        if m:
            found.append((m.start(), col))
    cols = tuple(col for _, col in sorted(found))
    return cols or VALUE_COLUMNS


def build_stream(lines: list[str]) -> list[Item]:
    drop = _page_blocks(lines)
    items: list[Item] = []
    i, n = 0, len(lines)
    broke = False
    while i < n:
        if i in drop:
            broke = broke or bool(lines[i].strip())
            i += 1
            continue
        text = lines[i]
        mark = broke and bool(text.strip())  # the first item printed after a page break
        broke = broke and not mark
        if _TABLE_HEADER.match(text):
            # consume the header pieces up to the last column title ('Period' / 'Periodicitet')
            j, pieces = i, []
            while j < n and j - i < 40:
                if j not in drop:
                    pieces.append(lines[j])
                if re.search(r"\bPeriod(?:icitet)?\s*$", lines[j].strip()) and j > i or (
                    j == i and re.search(r"\bPeriod(?:icitet)?\s*$", lines[j].strip())
                ):
                    break
                j += 1
            else:
                j = i
            items.append(Item(i + 1, text, "tblhdr", header_columns(" ".join(pieces)), mark))
            i = j + 1
            continue
        if _ACTIVITY_HEADER.match(text):
            items.append(Item(i + 1, text, "acthdr", after_break=mark))
            i += 1
            continue
        items.append(Item(i + 1, text, after_break=mark))
        i += 1
    return items


# ---------------------------------------------------------------------------------------------------
# Joining wrapped lines


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


# ---------------------------------------------------------------------------------------------------
# Cells of one row


@dataclass
class Token:
    text: str
    gap: bool = False  # printed after two or more spaces on the same line (an empty cell between)
    spaces: int | None = None  # spaces printed before it on its line (None: it opens a later line)


_WORD_CHARS = re.compile(r"[A-Za-zÅÄÖåäöéÉü]+")


def vocabulary(lines: list[str]) -> set[str]:
    """Lower-case words of the document's running text (lines of eight words or more): what a word cut
    at a line end must join back into when the export left no trailing spaces to tell."""
    words: set[str] = set()
    for line in lines:
        parts = line.split()
        if len(parts) >= 8:
            words.update(w.lower() for w in _WORD_CHARS.findall(line))
    return words


def _join_cut(before: str, after: str, vocab: set[str] | None) -> tuple[bool, bool]:
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


def _tokens(value_lines: list[str], clue: bool, vocab: set[str] | None = None,
            guesses: list[str] | None = None) -> list[Token]:
    """Tokens of the value region; a word cut at a line end is glued back ('livsmed' + 'el')."""
    toks: list[Token] = []
    prev: str | None = None
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
        cut = prev is not None and prev == prev.rstrip() and (
            (clue and re.search(r"[\wåäöÅÄÖ/]$", prev)) or (not clue and prev.endswith("/")))
        if not cut and not clue and prev is not None and toks and words and re.match(r"^[a-zåäöé]", words[0]):
            cut, guess = _join_cut(toks[-1].text, words[0], vocab)
            if guess and guesses is not None:
                guesses.append(f"{toks[-1].text} / {words[0]}")
        if cut and toks and words and re.match(r"^[a-zåäöé]", words[0]):
            toks[-1] = Token(toks[-1].text + words[0], toks[-1].gap, toks[-1].spaces)
            words, gaps, spaces = words[1:], gaps[1:], spaces[1:]
        toks.extend(Token(w, g, sp) for w, g, sp in zip(words, gaps, spaces))
        prev = raw
    return toks


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
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.gap and cells:
            cells.append(RawCell("", placeholder=True))
        t = tok.text
        if _is_number(t) and not t.startswith(("+", "±")):
            parts = [t]
            i += 1
            attached_unit = bool(_NUMBER_WITH_UNIT.match(t))
            # thousands groups: '9 000 st' (a group cannot start a number with 0 / stand alone)
            while (not attached_unit and i < n and re.fullmatch(r"\d{3}", tokens[i].text) and not tokens[i].gap
                   and re.fullmatch(r"-?\d{1,3}", parts[-1] if len(parts) == 1 else parts[-1])
                   and not parts[0].startswith("0")):
                nxt = tokens[i].text
                after = tokens[i + 1].text if i + 1 < n else ""
                unit_follows = bool(after) and not _is_number(after) and not _text_start(after)
                if nxt.startswith("0") or (len(parts[0]) == 1 and len(parts) == 1 and unit_follows) or \
                        i - 1 in joins:
                    parts.append(nxt)
                    i += 1
                else:
                    break
            unit_words: list[str] = []
            if not attached_unit:
                while i < n:
                    w = tokens[i].text
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
            cells.append(RawCell(" ".join(parts + unit_words), tok.gap, spaces=tok.spaces))
            continue
        # a text cell: 'Tas fram av nämnd', 'öka', 'Fastställs 2020', 'Max 10 personer', '+/- 1 %'
        parts = [t]
        i += 1
        while i < n and not tokens[i].gap:
            w = tokens[i].text
            if _is_number(w):
                # a year never leaves a text cell that starts with a capital ('Fastställs 2020')
                if (len(parts) == 1 or _YEAR.match(w)) and (parts[0].startswith(("+/-", "±")) or
                                                           parts[0][:1].isupper()):
                    parts.append(w)  # 'Max 10', 'Fastställs 2020', '+/- 1'
                    i += 1
                    while i < n and not tokens[i].gap and not _is_number(tokens[i].text) and not _text_start(
                        tokens[i].text
                    ):
                        parts.append(tokens[i].text)
                        i += 1
                    break
                break
            if w.startswith(("+/-", "±")) or w.lower() in _TEXT_VERBS:
                break
            if _text_start(w) and not parts[-1].endswith("/") and w[:1].isupper() and parts[0][:1].islower():
                break
            if w == parts[0] and len(parts) > 1:
                break  # the same opening word again: the next text cell ('Tas fram av nämnd Tas fram av nämnd')
            parts.append(w)
            i += 1
        cells.append(RawCell(" ".join(parts), tok.gap, spaces=tok.spaces))
    return cells, period


# ---------------------------------------------------------------------------------------------------
# Placing cells into columns (the rules: placement.py; spacing: spacing.py)


@dataclass
class RowPlacement:
    cells: dict[str, Cell]
    reasons: list[tuple[str, str]]  # (code of reasons.REVIEW_REASONS, particulars)
    decision: Decision | None = None


def place(raw_cells: list[RawCell], columns: tuple[str, ...], period: str | None,
          city_section: bool, report_type: str | None = None) -> tuple[dict[str, Cell], bool, str]:
    """Choose the column of every cell. Returns (cells by column, needs_review, reason in Swedish)."""
    placed = place_row(raw_cells, columns, period, city_section, report_type)
    return placed.cells, bool(placed.reasons), reasons.text(placed.reasons)


def place_row(raw_cells: list[RawCell], columns: tuple[str, ...], period: str | None, city_section: bool,
              report_type: str | None = None, slots: tuple[int, ...] | None = None) -> RowPlacement:
    """Place the cells by the printed spacing (`slots`, when the report prints empty cells as spaces
    and they add up), else by the rules of placement.py; then the clues the rules cannot weigh."""
    empty = {c: EMPTY for c in VALUE_COLUMNS}
    if slots is not None:
        cells = parse_cells([rc for rc in raw_cells if not rc.placeholder])
        placed = dict(empty)
        for cell, ci in zip(cells, slots):
            placed[columns[ci]] = cell
        if not any(placed[c].text is not None for c in columns if c not in TARGETS):
            return RowPlacement(placed, [], Decision(placed, rule="spacing"))
    cells = parse_cells(raw_cells)
    if not cells:
        return RowPlacement(empty, [])
    if len(cells) > len(columns):
        return RowPlacement(empty, [("too_many_cells", f"{len(cells)} celler för {len(columns)} kolumner: "
                                     + " | ".join(rc.text for rc in raw_cells))])
    ctx = context(columns, period, city_section, report_type)
    decision = decide(cells, ctx)
    if decision is None:
        return RowPlacement(empty, [("no_placement", "")])
    best = decision.cells
    why: list[tuple[str, str]] = []
    if decision.tied:
        why.append(("placement_tie", f"osäkra: {reasons.columns_sv(decision.differs)}; lika enligt: "
                    + ", ".join(RULE_LABELS[t] for t in decision.tied)))
    # unit clue: in this layout the forecast is the cell printed without the row's unit
    if any(c.unit for c in cells if c.value is not None):
        unitless_pre = [c for c in ("period_outcome", "previous_year")
                        if best[c].value is not None and not best[c].unit]
        if unitless_pre and any(best[c].unit for c in TARGETS) and best["forecast"].empty:
            why.append(("unitless_value", reasons.columns_sv(unitless_pre[:1])))
    elif ctx.annual and not best["previous_year"].empty and best["forecast"].empty \
            and best["period_outcome"].empty:
        why.append(("annual_no_unit", ""))
    if ctx.annual and not best["period_outcome"].empty and best["previous_year"].empty != best["forecast"].empty:
        # the rule that an annual row has no forecast yet assumes it was not measured; this one was
        why.append(("annual_outcome", ""))
    return RowPlacement(best, why, decision)


# ---------------------------------------------------------------------------------------------------
# The parser


@dataclass
class _State:
    meta: ReportMeta
    source: str
    items: list[Item]
    clue: bool
    ex: Extraction = None  # type: ignore[assignment]
    columns: tuple[str, ...] = VALUE_COLUMNS
    goal_stack: dict[str, int] = field(default_factory=dict)
    current: int | None = None  # the goal whose section we are in
    doc_after: list[str] | None = None  # the report's text in blocks of 400 items (table-of-contents check)
    vocab: set[str] | None = None  # the document's words, when no trailing spaces tell a cut word
    spacing: bool = False  # the report prints an empty cell as one more space (spacing.py)

    @property
    def census(self):
        return self.ex.census


def _uses_trailing_spaces(lines: list[str]) -> bool:
    """Does the export end a line wrapped between words with a space (the wrap clue)? Read from the lines
    of text, not the value lines: an export that follows every cell with a space says nothing by that."""
    text_lines = [ln for ln in lines if ln.strip() and not value_line(ln)]
    return bool(text_lines) and sum(1 for ln in text_lines if ln != ln.rstrip()) >= 0.1 * len(text_lines)


def parse(lines: list[str], meta: ReportMeta, source: str) -> Extraction:
    items = build_stream(lines)
    st = _State(meta, source, items, _uses_trailing_spaces(lines), Extraction(meta))
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
            if section is None:
                st.ex.warnings.append((it.line, "text after a table that no section label opens: not read "
                                                 f"({fold(it.text)[:60]!r})"))
            mode = "text"
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


# ---------------------------------------------------------------------------------------------------
# Goals


def _goal(st: _State, i: int, head: tuple[str, str]) -> int | None:
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
    parent = None
    depth = {"inriktningsmal": 0, "verksamhetsmal": 1, "namndmal": 2}[level]
    for lvl in ("inriktningsmal", "verksamhetsmal", "namndmal")[:depth][::-1]:
        if lvl in st.goal_stack:
            parent = st.goal_stack[lvl]
            break
    # a heading printed again further on (with or without its code): the same goal
    for idx, other in enumerate(st.ex.goals):
        if (other.level, other.parent, other.title.lower()) == (level, parent, title.lower()) and \
                (other.code is None or code is None or other.code == code):
            if (other.code is None) != (code is None):
                st.ex.warnings.append((items[start].line, goal_rules.printed_again(other, code)))
            other.code = other.code or code
            other.assessment = other.assessment or assessment
            st.current = idx
            return j
    st.ex.goals.append(Goal(level, code, title, assessment, items[start].line, parent))
    idx = len(st.ex.goals) - 1
    st.current = idx
    st.goal_stack[level] = idx
    for lower in ("verksamhetsmal", "namndmal")[depth:]:
        if lower != level:
            st.goal_stack.pop(lower, None)
    return j


def _printed_again(st: _State, title: str, j: int) -> bool:
    """Is this title printed again after item j (the body heading of a table-of-contents entry)?"""
    if st.doc_after is None:
        st.doc_after = [fold(" ".join(it.text for it in st.items[k:k + 400] if it.kind == "line"))
                        for k in range(0, len(st.items), 400)]
    key = fold(title)[:40]
    rest = fold(" ".join(it.text for it in st.items[j:j + 400] if it.kind == "line"))
    block = j // 400 + 1
    return key in rest or any(key in chunk for chunk in st.doc_after[block:])


# ---------------------------------------------------------------------------------------------------
# Indicator rows


def _next_content(items: list[Item], k: int) -> int:
    """Index of the next non-blank line at or after k, skipping repeated table headers."""
    while k < len(items) and (items[k].blank or items[k].kind == "tblhdr"):
        k += 1
    return k


def _starts_with_value(text: str) -> bool:
    first = text.strip().split(" ", 1)[0] if text.strip() else ""
    return _is_number(first) or first.startswith(("+/-", "±"))


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


def _row(st: _State, i: int) -> int | None:
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
            if k > i and (_starts_with_value(t) or section_label(t) or goal_rules.heading_label(t)):
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
            if not _starts_with_value(t):
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


def _name_tail(st: _State, k: int, name_raws: list[str]) -> tuple[list[str], int]:
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


def read_cells(st: _State, tokens: list[Token]) -> tuple[RowPlacement, str | None]:
    """A row's tokens -> its placed cells and period. Where a number and a group of three digits may
    be one number or two ('1 150 1 150 st'), the reading that fits the table's columns is taken: the
    fewest extra joins that make the cells fit (and, in a report that prints empty cells as spaces,
    make the spaces add up)."""
    keep, period = period_cut(tokens, st.meta.year)
    period_spaces = tokens[keep].spaces if keep < len(tokens) else None
    city = st.current is not None and st.ex.goals[st.current].level != "namndmal"
    ncols = len(st.columns)
    fits: list[tuple[list[RawCell], tuple[int, ...] | None, frozenset[int]]] = []
    mismatch = False
    for joins in thousands_readings(tokens[:keep]):
        raw, _ = split_cells(tokens, st.meta.year, joins)
        real = [c for c in raw if not c.placeholder]
        if fits and len(joins) > len(fits[0][2]):
            break  # only readings with the fewest joins compete
        if st.spacing:
            sl = spacing_slots([c.spaces for c in real], period_spaces, ncols)
            mismatch = mismatch or sl.mismatch
            if sl.columns is not None or (not sl.mismatch and len(real) <= ncols):
                fits.append((raw, sl.columns, joins))
        elif len(raw) <= ncols:
            fits.append((raw, None, joins))
    if not fits:
        raw, _ = split_cells(tokens, st.meta.year)
        placed = place_row(raw, st.columns, period, city, st.meta.report_type)
        if st.spacing and mismatch:
            placed.reasons.append(("spacing_mismatch", " | ".join(c.text for c in raw)))
        return placed, period
    raw, sl, _ = fits[0]
    placed = place_row(raw, st.columns, period, city, st.meta.report_type, sl)
    if len({tuple(c.text for c in f[0]) for f in fits}) > 1:
        placed.reasons.append(("thousands_ambiguous", " eller ".join(" | ".join(c.text for c in f[0]) for f in fits)))
    return placed, period


def thousands_readings(tokens: list[Token]) -> list[frozenset[int]]:
    """Which tokens may join the next as a thousands group ('1' '150'), as sets to try: none first,
    then every single one, every pair... (at most 6 such places in a row)."""
    import itertools

    places = [i for i in range(len(tokens) - 1)
              if re.fullmatch(r"[1-9]\d{0,2}", tokens[i].text) and re.fullmatch(r"\d{3}", tokens[i + 1].text)
              and not tokens[i + 1].gap][:6]
    return [frozenset(c) for r in range(len(places) + 1) for c in itertools.combinations(places, r)]


def explain(placed: RowPlacement) -> list[str]:
    """One line per filled column: which rule put which cell there."""
    if placed.decision is None:
        return [f"no placement: {', '.join(code for code, _ in placed.reasons)}"]
    return explain_decision(placed.decision)


FRAGMENT_MAX_LINES = 6  # a block in a table that reads as no row: up to this many short lines is a
FRAGMENT_MAX_CHARS = 90  # piece of a row (flagged, never dropped); longer, it is text after the table


def _fragment(st: _State, i: int) -> int | None:
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


def _cut_in_unit(st: _State, before: str, after: str, above: str | None) -> bool:
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


def _analysis_text(st: _State, k: int, stop: str, skip: str, next_content, starts_next) -> tuple[list[str], int]:
    """Text under an 'Analys' label, from item k: up to a section label or goal heading, the other kind
    of table header (`stop`; repeats of its own header, `skip`, are page breaks), or a blank line followed
    by the next row or activity (`starts_next`)."""
    items = st.items
    raws: list[str] = []
    while k < len(items):
        it = items[k]
        if it.kind == stop:
            break
        if it.kind == skip:
            k += 1
            continue
        if it.blank:
            nxt = next_content(items, k)
            if nxt >= len(items) or items[nxt].kind != "line":
                k = nxt
                break
            t = items[nxt].text
            if section_label(t) or goal_rules.heading_label(t) or starts_next(nxt):
                k = nxt
                break
            raws.append("")
            k += 1
            continue
        if section_label(it.text) or goal_rules.heading_label(it.text):
            break
        raws.append(it.text)
        k += 1
    return raws, k


def _row_analysis(st: _State, k: int) -> tuple[list[str], int]:
    """Text under a row's 'Analys': up to a blank line that is followed by another row or section."""
    return _analysis_text(st, k, "acthdr", "tblhdr", _next_content, lambda j: _looks_like_row(st, j))


def _looks_like_row(st: _State, k: int) -> bool:
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


# ---------------------------------------------------------------------------------------------------
# Activities


def _activity(st: _State, i: int) -> int | None:
    items = st.items
    first = items[i]
    if first.kind != "line" or section_label(first.text) or goal_rules.heading_label(first.text):
        return None
    raws: list[str] = []
    k = i
    start = end = None
    rest = ""
    while k < len(items) and len(raws) < 25:
        it = items[k]
        if it.kind == "tblhdr":
            return None
        if it.kind == "acthdr" or it.blank:
            k += 1
            continue
        t = it.text
        if raws and (section_label(t) or goal_rules.heading_label(t)):
            return None
        m = _DATES_AT_START.match(t)
        if m and raws:
            start, end, rest = m.group("start"), m.group("end"), m.group("rest")
            k += 1
            break
        m = _DATES_AT_END.match(t)
        if m:
            raws.append(m.group("text"))
            start, end, rest = m.group("start"), m.group("end"), m.group("rest") or ""
            k += 1
            break
        raws.append(t)
        k += 1
    if start is None or not raws:
        return None
    act = Activity(st.current, glue_lines(raws, st.clue), first.line,
                   start, end, fold(rest))
    a = _next_content_any(items, k)
    if a < len(items) and items[a].kind == "line" and section_label(items[a].text) == "analys":
        raws_a, k = _activity_analysis(st, a + 1)
        act.analysis = paragraphs(raws_a, st.clue)
    st.ex.activities.append(act)
    return k


def _next_content_any(items: list[Item], k: int) -> int:
    while k < len(items) and (items[k].blank or items[k].kind in ("tblhdr", "acthdr")):
        k += 1
    return k


def _activity_analysis(st: _State, k: int) -> tuple[list[str], int]:
    """Text under an activity's 'Analys': up to a blank line that is followed by another activity."""
    return _analysis_text(st, k, "tblhdr", "acthdr", _next_content_any,
                          lambda j: _looks_like_activity(st.items, j))


def _looks_like_activity(items: list[Item], k: int) -> bool:
    """A block of text followed by the dates line (or ending with the dates)."""
    j = k
    while j < len(items) and j - k < 25:
        it = items[j]
        if it.kind != "line":
            j += 1
            continue
        if not it.blank:
            if _DATES_AT_END.match(it.text) or (j > k and _DATES_AT_START.match(it.text)):
                return True
            if section_label(it.text) or goal_rules.heading_label(it.text):
                return False
        j += 1
    return False


# ---------------------------------------------------------------------------------------------------
# Texts


def paragraphs(raws: list[str], clue: bool) -> str:
    """Wrapped lines -> paragraphs (blank line between) and bullet lists ('- item' lines)."""
    paras: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            paras.append(glue_lines(current, clue))
            current.clear()

    for raw in raws:
        if not raw.strip():
            close()
            continue
        if _BULLET.match(raw) and not raw.strip()[:1].isdigit():
            close()
            current.append("- " + _BULLET.sub("", raw, count=1))
            continue
        if current and clue and current[-1] == current[-1].rstrip() and not current[-1].startswith("- "):
            close()  # the line before ended without a wrap: a new paragraph (or a sub-heading)
        current.append(raw)
    close()
    # consecutive bullet items are one list: join them with single newlines
    out: list[str] = []
    for p in paras:
        if p.startswith("- ") and out and out[-1].split("\n")[-1].startswith("- "):
            out[-1] += "\n" + p
        else:
            out.append(p)
    return "\n\n".join(out)
