"""A report PDF read by position, re-rendered as text in the tab-separated layout, then read by the shared
tab-separated reader (`extract_lines`): cells -> values, units, `_text` twins, review rules, the goal tree
and activities are one code path for text and PDF.

PDF -> positioned words (`pdfwords`) -> page furniture removed -> tables read by position (`pdftables`)
-> text: one line per paragraph (a blank line between paragraphs), one tab-separated line per table row
(cells in the header's column order, the header line first, a row continued over a page break joined),
an 'Analys ...' line under its row. Each rendered line keeps the page and height it was read from, so
every goal, row and activity gets its `source_page`; `source_line` is the line of the rendered text, the
report's text as published on its source page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TertialError
from .model import Extraction, ReportMeta
from .pdftables import (ROW_GAP, Header, Strip, body, join_across_pages, looks_like_row, place_edges, read_cells,
                        read_header, strips)
from .pdfwords import Line, Page, drop_furniture, read_pages
from .values import fold


@dataclass
class Rendering:
    lines: list[str] = field(default_factory=list)
    where: list[tuple[int, float]] = field(default_factory=list)  # per line: (page, top in points)
    pages: int = 0
    furniture: int = 0  # lines of page furniture dropped
    tables: int = 0
    rows: int = 0  # table rows (analysis texts not counted)
    joined: int = 0  # rows continued over a page break, joined
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (rendered line, message)

    def add(self, text: str, page: int, top: float) -> None:
        self.lines.append(text)
        self.where.append((page, round(top, 1)))

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.add("", *self.where[-1])

    def page_of(self, line: int) -> int:
        """The PDF page (1-based) that line `line` (1-based, as `source_line` counts) was read from: an
        item's `source_page`, and where the source page's `#p<n>` anchors stand."""
        return self.where[line - 1][0]


@dataclass
class _OpenTable:
    header: Header  # the latest printing of the header (it is printed again after a page break)
    strips: list[Strip] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.first = self.header.lines[0]  # where the table starts: its header line's page and height


class _Renderer:
    def __init__(self, year: int | None):
        self.year = year
        self.out = Rendering()
        self.table: _OpenTable | None = None
        self.para: list[Line] = []

    def run(self, pages: list[Page]) -> Rendering:
        for page in pages:
            self._page(page.lines)
            self._flush_para()
        self._close_table()
        self.out.pages = len(pages)
        return self.out

    def _page(self, lines: list[Line]) -> None:
        i = 0
        if self.table is not None:
            header = read_header(lines, 0, self.year, len(self.table.header.lines)) if lines else None
            if header is not None and fold(header.text) == fold(self.table.header.text):
                i = self._table_part(lines, 0, header, continued=True)
            else:
                self._close_table()
        while i < len(lines):
            header = read_header(lines, i, self.year)
            if header is None:
                self._text_line(lines[i])
                i += 1
                continue
            self._flush_para()
            self._close_table()
            self.table = _OpenTable(header)
            i = self._table_part(lines, i, header, continued=False)

    def _table_part(self, lines: list[Line], i: int, header: Header, continued: bool) -> int:
        """Read the table's rows on this page from its header at lines[i]; returns the next line's index."""
        t = self.table
        assert t is not None
        start = i + len(header.lines)
        end = body(lines, start, header)
        rows = strips(lines[start:end], header.size)
        if continued and rows and t.strips and t.strips[-1].analysis:
            read_cells(rows[0], header)  # by the header's rough edges: is it a row, or the analysis going on?
            rows[0].continues = not looks_like_row(rows[0], header)
        same_columns = continued and all(abs(a[0] - b[0]) < 1 and abs(a[1] - b[1]) < 1
                                         for a, b in zip(header.gaps, t.header.gaps))
        place_edges(header, (t.strips if same_columns else []) + rows)  # a page's few rows: the rivers above too
        t.header = header
        for k, s in enumerate(rows):
            read_cells(s, header)
            if k == 0 and continued and t.strips and join_across_pages(t.strips[-1], s, header):
                self.out.joined += 1
                continue
            if s.text and not s.analysis:
                if looks_like_row(s, header):  # read as a row, and said: a word crosses a column edge
                    s.text = ""
                    s.crossing = True
                elif t.strips and t.strips[-1].analysis:
                    t.strips[-1].text += " " + s.text
                    continue
                else:
                    end = next(n for n in range(start, end) if lines[n] is s.lines[0])
                    break  # text across the columns: the table has ended
            t.strips.append(s)
        if end < len(lines):
            self._close_table()
        return end

    def _close_table(self) -> None:
        t, self.table = self.table, None
        if t is None or not t.strips:
            return
        out = self.out
        out.blank()
        out.add(t.header.text, t.first.page, t.first.top)
        for s in t.strips:
            out.add(s.text if s.analysis else "\t".join(s.cells), s.page, s.top)
            out.rows += not s.analysis
            if s.crossing:
                out.warnings.append((len(out.lines), "a word of this row crosses a column edge in the PDF: "
                                                     "check its cells against the page"))
        out.tables += 1
        out.blank()

    def _text_line(self, line: Line) -> None:
        self._close_table()
        last = self.para[-1] if self.para else None
        if last is not None and not (last.font == line.font and abs(last.size - line.size) < 0.1
                                     and 0 <= line.top - last.bottom <= ROW_GAP * line.size):
            self._flush_para()
        self.para.append(line)

    def _flush_para(self) -> None:
        if self.para:
            self.out.blank()
            self.out.add(" ".join(line.text for line in self.para), self.para[0].page, self.para[0].top)
            self.out.blank()
            self.para = []


def render(pages: list[Page], year: int | None = None) -> Rendering:
    """Process: pages of positioned lines (furniture already dropped) -> the report's text."""
    return _Renderer(year).run(pages)


def is_pdf(path: str | Path, data: bytes | None = None) -> bool:
    """A PDF by its signature: the first bytes given, else the file's first bytes."""
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(5)
        except OSError:
            return False  # the text reader names what is wrong with the file
    return data[:5] == b"%PDF-"


def read_pdf(source: str | Path | bytes, year: int | None = None, name: str = "") -> Rendering:
    """Load and render one report PDF (a file, or its bytes)."""
    pages = read_pages(source, name)
    if not any(page.lines for page in pages):
        raise TertialError("the PDF holds no text (a scanned image?): there is nothing to read",
                           name or str(source))
    dropped = drop_furniture(pages)
    rendering = render(pages, year)
    rendering.furniture = dropped
    return rendering


def report_lines(path: str | Path, data: bytes | None = None) -> list[str]:
    """A report's lines of text, as `source_line` counts them: the file's text, or a PDF's rendered text."""
    from .reader import decode, read_bytes, split_lines

    data = read_bytes(path) if data is None else data
    if is_pdf(path, data):
        return read_pdf(data, name=str(path)).lines
    return split_lines(decode(data, path))


def extract_pdf(path: str | Path, meta: ReportMeta) -> Extraction:
    """Read a report PDF: its rendered text through the shared reader, each item with its `source_page`."""
    from . import extract_lines

    rendering = read_pdf(path, meta.year)
    ex = extract_lines(rendering.lines, meta, str(path))
    ex.warnings += rendering.warnings
    for item in (*ex.goals, *ex.rows, *ex.activities):
        item.source_page = rendering.page_of(item.source_line)
    ex.layout = "pdf"
    return ex
