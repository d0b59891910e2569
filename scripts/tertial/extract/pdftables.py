"""Tables of a PDF read by position: the header row's words give the column bands, each row's cells are the
words inside each band.

- A table starts at a line whose first word is 'Indikator' or 'Aktivitet'; its header is that line and the
  lines right under it in the same font (a header cell wrapped over lines, a word split over lines). The
  header's words fall into column clusters (words that overlap horizontally, or stand a space apart); the
  header text is recognised by the shared tab-separated reader's vocabulary (`tabular.parse_header`), so
  a line that only starts with the word is not a table.
- The table's body: the lines under the header in the table's font size, until a line in another size (a
  heading, body text), a gap taller than `END_GAP` font sizes followed by a line that does not read as a
  row (`looks_like_row`), or the end of the page.
- Rows ('strips'): lines closer than `ROW_GAP` font sizes belong to one row (a wrapped cell); a taller gap
  (the cells' padding) or a rule between them (a table with no padding) starts the next row. A row whose first word is 'Analys' (or 'Kommentar') is the
  analysis printed under the row above: a text across the table, not cells.
- Column bands: between two header clusters the column edge is the middle of the rightmost strip of the
  page at least `RIVER` font sizes wide that no row word covers (the white 'river' before the next
  column's words; a narrower one only when it reaches the next column's header), so a left-aligned header over right-aligned numbers ('81' under 'Årsmål') still splits
  them right; a word is in the band that holds its centre.
- A word that crosses a column edge is text, not a cell: it continues an analysis, else the table ended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdfwords import Line, Word

ROW_GAP = 0.45  # font sizes: a gap up to this between two lines is a line break inside a cell
END_GAP = 2.5  # font sizes: a taller gap may end the table (a header row can be a line taller)
RIVER = 0.5  # font sizes: the narrowest white gap between two columns (a space between words is narrower)
PHRASE_GAP = 0.6  # font sizes: header words closer than this on a line are one header cell
_START = re.compile(r"^\W*(?:Indikator|Aktivitet)")  # as the header prints it: 'aktivitetscenter' is no header
_LABEL = re.compile(r"^(?:Analys|Kommentar)\b:?", re.IGNORECASE)


@dataclass
class Strip:
    """One table row (or analysis text) as printed: its lines, and its cells once read."""
    lines: list[Line]
    analysis: bool = False
    cells: list[str] = field(default_factory=list)
    text: str = ""  # an analysis strip's text, label included
    crossing: bool = False  # read as a row although a word crosses a column edge
    continues: bool = False  # the rest of an analysis broken by a page: text, not cells

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def top(self) -> float:
        return self.lines[0].top

    def words(self):
        for line in self.lines:
            yield from line.words


@dataclass
class Header:
    text: str  # the tab-separated header line, for the shared reader
    edges: list[float]  # x of each edge between two columns
    font: str
    size: float
    lines: list[Line]
    text_columns: set[int]  # the columns whose cells are text (indicator name, activity text)
    gaps: list[tuple[float, float]]  # where each edge may stand: between its two header columns


def _clusters(lines: list[Line], size: float) -> list[list[Word]]:
    """Header words grouped into columns: overlapping horizontally, or a space apart on one line."""
    spans: list[list] = []  # [x0, x1, words]
    for line in lines:
        for w in line.words:
            spans.append([w.x0, w.x1, [w]])
    spans.sort(key=lambda s: s[0])
    merged: list[list] = []
    for s in spans:
        if merged and s[0] <= merged[-1][1] + PHRASE_GAP * size:
            merged[-1][1] = max(merged[-1][1], s[1])
            merged[-1][2] += s[2]
        else:
            merged.append(s)
    return [m[2] for m in merged]


def read_header(lines: list[Line], i: int, year: int | None, most: int = 0) -> Header | None:
    """The table header starting at lines[i] (at most `most` lines: a header printed again after a page
    break has as many lines as the first), or None when lines[i] does not start a table."""
    from .tabular import parse_header

    first = lines[i]
    if not _START.match(first.words[0].text):
        return None
    font, size = first.words[0].font, first.size
    head = [first]
    for line in lines[i + 1:i + most] if most else lines[i + 1:]:
        if (line.top - head[-1].bottom > ROW_GAP * size or line.rule_above or abs(line.size - size) > 0.1
                or any(w.font != font for w in line.words)):
            break
        head.append(line)
    columns = _clusters(head, size)
    order = {id(line): k for k, line in enumerate(head)}
    texts = []
    for words in columns:
        line_of = {id(w): order[id(line)] for line in head for w in line.words}
        texts.append(" ".join(w.text for w in sorted(words, key=lambda w: (line_of[id(w)], w.x0))))
    text = "\t".join(texts)
    parsed = parse_header(text, 1, year)
    if parsed is None or parsed.width != len(columns):
        return None
    edges = [max(w.x1 for w in a) for a in columns[:-1]], [min(w.x0 for w in b) for b in columns[1:]]
    rough = [(right + left) / 2 for right, left in zip(*edges)]
    return Header(text, rough, font, size, head, {k for k, f in enumerate(parsed.fields) if f in ("name", "text")},
                  list(zip(*edges)))


def body(lines: list[Line], start: int, header: Header) -> int:
    """The index after the last line of the table body that starts at lines[start]: the table goes on in its
    font size, past a gap taller than `END_GAP` only when the line after the gap reads as a row."""
    j, prev = start, header.lines[-1]
    while j < len(lines):
        line = lines[j]
        if abs(line.size - header.size) > 0.5 or read_header(lines, j, None) is not None:
            break  # a heading, body text, or the next table's header
        if line.top - prev.bottom > END_GAP * header.size:
            probe = Strip([line])
            read_cells(probe, header)
            if not looks_like_row(probe, header):
                break
        prev = line
        j += 1
    return j


def strips(lines: list[Line], size: float) -> list[Strip]:
    out: list[Strip] = []
    for line in lines:
        if out and line.top - out[-1].lines[-1].bottom <= ROW_GAP * size and not line.rule_above:
            out[-1].lines.append(line)
        else:
            out.append(Strip([line], analysis=bool(_LABEL.match(line.words[0].text))))
    return out


def _rivers(words, header: Header, narrow: bool = True) -> list[tuple[float, float] | None]:
    """Per column edge, the white river the words leave for it between its two header columns (the rightmost
    at least `RIVER` font sizes wide, or with `narrow` a narrower one right before the next column's header),
    or None."""
    covered = sorted((w.x0, w.x1) for w in words)
    out: list[tuple[float, float] | None] = []
    for lo, hi in header.gaps:
        free, x = [], lo
        for a, b in covered:
            if b <= x or a >= hi:
                continue
            if a > x:
                free.append((x, min(a, hi)))
            x = max(x, b)
        if x < hi:
            free.append((x, hi))
        wide = [f for f in free if f[1] - f[0] >= RIVER * header.size]
        if narrow and not wide and free and free[-1][1] >= hi:  # narrow, but right before the next column
            wide = free[-1:]
        out.append(wide[-1] if wide else None)
    return out


def place_edges(header: Header, rows: list[Strip]) -> None:
    """Each column edge moved into the white river before the next column (see the module's docstring);
    with no river (a text across the columns) the edge stays between the header's columns."""
    words = [w for s in rows if not (s.analysis or s.continues) for w in s.words()]
    for k, river in enumerate(_rivers(words, header)):
        if river:
            header.edges[k] = (river[0] + river[1]) / 2


def crosses(strip: Strip, header: Header) -> bool:
    return any(w.x0 < e - 1 and w.x1 > e + 1 for w in strip.words() for e in header.edges)


def read_cells(strip: Strip, header: Header) -> None:
    """The strip's cells by the centre of each word; an analysis (or text across the columns) as text."""
    cells: list[list[str]] = [[] for _ in range(len(header.edges) + 1)]
    for w in strip.words():
        k = sum(1 for e in header.edges if w.center >= e)
        cells[k].append(w.text)
    strip.cells = [" ".join(c) for c in cells]
    crossing = strip.analysis or crosses(strip, header)
    strip.text = " ".join(line.text for line in strip.lines) if crossing else ""


def looks_like_row(strip: Strip, header: Header) -> bool:
    """Cells, not a text: the strip's own words leave a river (a wide one: one line of text can leave a
    narrow gap anywhere) at every column edge, and split there, a column beside the text columns holds a word."""
    rivers = _rivers(list(strip.words()), header, narrow=False)
    if not all(rivers):
        return False
    edges = [(a + b) / 2 for a, b in rivers]  # type: ignore[misc]
    columns = {sum(1 for e in edges if w.center >= e) for w in strip.words()}
    return bool(columns - header.text_columns)


def join_across_pages(prev: Strip, cont: Strip, header: Header) -> bool:
    """Join the first row under a repeated header to the last row before the page break, when it is that
    row's rest: no column but the text columns holds words in both parts (an analysis goes on when the part
    does not read as a row). Returns whether joined."""
    if cont.analysis:
        return False
    if prev.analysis:
        if looks_like_row(cont, header):
            return False
        prev.text = " ".join([prev.text] + [line.text for line in cont.lines])
        prev.lines += cont.lines
        return True
    if cont.text:
        return False
    if any(a and b for k, (a, b) in enumerate(zip(prev.cells, cont.cells)) if k not in header.text_columns):
        return False
    prev.cells = [f"{a} {b}".strip() for a, b in zip(prev.cells, cont.cells)]
    prev.lines += cont.lines
    return True
