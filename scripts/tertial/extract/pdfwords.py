"""A PDF's words with their positions, grouped into lines, page furniture removed.

Words come from PDFium (pypdfium2; Apache-2.0/BSD, pinned): per character its unicode, box, baseline
origin, font size and font name, read through PDFium's C API (about 0.01 s a page). A word is a run of
characters on one baseline with no space and no gap wider than a third of the font size between them.

Coordinates are in points from the top left of the page: `top` grows downwards (as a reader reads).
Horizontal rules and the edges of shaded boxes (PDFium's path objects) mark the line under them
(`rule_above`): in a table with no padding they are what separates two rows.

Page furniture (running headers and footers, page numbers) is found by position and repetition: a line in
the top or bottom 7% of a page whose text, with its digits masked, is printed in the margin of at
least half of the pages ('Sid 14 (80)', 'Tjänsteutlåtande', the council's name). On a report of one or two
pages, where nothing can repeat, a margin line that is only a page number ('Sid 3 (4)', '3', '3/4') is
furniture too.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TertialError

MARGIN = 0.07  # the top and bottom 7% of a page are where running headers and footers stand
_PAGE_NUMBER = re.compile(r"^(?:(?:sid|sida|page)\s*)?#(?:\s*(?:\(#\)|av\s+#|/\s*#))?$", re.IGNORECASE)


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float  # of the line box: baseline - 0.8 * size
    bottom: float  # baseline + 0.25 * size
    size: float
    font: str

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Line:
    page: int  # 1-based
    words: list[Word] = field(default_factory=list)
    rule_above: bool = False  # a horizontal rule (or a shaded box's edge) between this line and the one above

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def font(self) -> str:
        return self.words[0].font

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]


def _chars(textpage, height: float):
    """(char, x0, x1, baseline-from-top, size, font) for every printed character of a page."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    buf, flags = ctypes.create_string_buffer(96), ctypes.c_int()
    font, at_start = "", True
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)  # 2: PDFium's mark for a hyphen that ends a line
        if code in (0, 0xFFFE, 0xFFFF) or pdfium_c.FPDFText_IsGenerated(raw, i) == 1 or chr(code).isspace():
            at_start = True
            yield None
            continue
        pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top)
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy)
        size = round(pdfium_c.FPDFText_GetFontSize(raw, i), 2)
        if at_start:  # the font of a word is its first character's
            pdfium_c.FPDFText_GetFontInfo(raw, i, buf, len(buf), flags)
            font, at_start = buf.value.decode("latin-1", "replace"), False
        yield ("-" if code == 2 else chr(code)), left.value, right.value, height - oy.value, size, font


def _words(chars, height: float) -> list[Word]:
    words: list[Word] = []
    cur: list = []

    def close():
        if cur:
            base, size = cur[0][3], cur[0][4]
            words.append(Word("".join(c[0] for c in cur), cur[0][1], cur[-1][2], base - 0.8 * size,
                              base + 0.25 * size, size, cur[0][5]))
            cur.clear()

    for c in chars:
        if c is None:
            close()
            continue
        if cur:
            prev = cur[-1]
            if abs(c[3] - prev[3]) > 0.3 * c[4] or c[1] - prev[2] > c[4] / 3 or c[1] < prev[1] - 0.5:
                close()
        cur.append(c)
    close()
    return words


def _lines(words: list[Word], page: int) -> list[Line]:
    """Words on one baseline (within a fifth of the font size) form a line, read left to right."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if lines and abs(lines[-1].words[-1].bottom - w.bottom) <= 0.2 * w.size:
            lines[-1].words.append(w)
        else:
            lines.append(Line(page, [w]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def _rules(page, height: float) -> list[tuple[float, float, float]]:
    """Horizontal rules and the top and bottom edges of shaded boxes: (y from the top, x0, x1)."""
    import pypdfium2.raw as pdfium_c

    out = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if right - left < 10:
            continue  # a vertical rule, a dot
        edges = ((top + bottom) / 2,) if top - bottom <= 2.5 else (top, bottom)
        out += [(height - y, left, right) for y in edges]
    return out


def _mark_rules(lines: list[Line], rules: list[tuple[float, float, float]]) -> None:
    """Mark each line that has a rule above it, between the two baselines and clear of underlines."""
    for prev, line in zip(lines, lines[1:]):
        low = prev.bottom - 0.25 * prev.size + 0.15 * prev.size  # under the line above's baseline
        high = line.top + 0.8 * line.size - 0.6 * line.size  # above this line's letters
        x0, x1 = line.words[0].x0, line.words[-1].x1
        line.rule_above = any(low < y < high and a < x1 and b > x0 for y, a, b in rules)


def read_pages(source: str | Path | bytes, name: str = "") -> list[Page]:
    """Every page's lines of words (furniture included), from a PDF file or its bytes."""
    import pypdfium2 as pdfium

    name = name or str(source)
    try:
        doc = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except (pdfium.PdfiumError, OSError) as exc:
        raise TertialError(f"not a readable PDF ({exc})", name) from None
    try:
        pages = []
        for n in range(len(doc)):
            page = doc[n]
            width, height = page.get_size()
            textpage = page.get_textpage()
            lines = _lines(_words(_chars(textpage, height), height), n + 1)
            _mark_rules(lines, _rules(page, height))
            pages.append(Page(n + 1, width, height, lines))
            textpage.close()
            page.close()
        return pages
    finally:
        doc.close()


def _margin_lines(page: Page):
    for line in page.lines:
        if line.bottom <= page.height * MARGIN or line.top >= page.height * (1 - MARGIN):
            yield line


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def drop_furniture(pages: list[Page]) -> int:
    """Remove running headers, footers and page numbers from the pages; returns how many lines went."""
    seen: dict[str, set[int]] = {}
    for page in pages:
        for line in _margin_lines(page):
            seen.setdefault(_mask(line.text), set()).add(page.number)
    need = max(2, (len(pages) + 1) // 2)
    furniture = {key for key, on in seen.items() if len(on) >= need or _PAGE_NUMBER.match(key)}
    dropped = 0
    for page in pages:
        margin = {id(line) for line in _margin_lines(page) if _mask(line.text) in furniture}
        dropped += len(margin)
        page.lines = [line for line in page.lines if id(line) not in margin]
    return dropped
