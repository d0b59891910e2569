"""The reports' sources on the site (`/kallor/<report_id>/`): the text as published, one anchor per line.

A report's source is found in the project (`sources/reports/<file>`, as the reports table names it) and
published only when its bytes match the sha256 the package records for it. Its page shows the text line
by line, each line a list item with the id `L<n>`, escaped: a text file's lines, or a PDF's text as
the PDF reader renders it (`extract.pdf.read_pdf`, the lines `source_line` counts). `p<n>` marks where
page n starts: for a PDF at the first line read from that page (`Rendering.page_of`, the map that gives
every item its `source_page`), in a text file at a form feed. The original file lies beside the page,
where each package's `sources` path points (package.metadata.source_path; one copy on the site).
A site built from packages alone has no sources: its "rad N" stay plain text.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from ..errors import TertialError
from ..extract import reader
from ..extract.pdf import is_pdf, read_pdf
from .load import Package
from .markup import Page, report_label, safe_title, url_district, url_report, url_source
from .templating import render
from .text import esc
from .view import View


@dataclass(frozen=True)
class Source:
    report_id: str
    path: Path           # the file in the project
    name: str            # its file name, e.g. 'hagersten-alvsjo-2023-t2.txt'
    sha256: str
    lines: tuple[str, ...]   # the text, one entry per line (empty when the text cannot be shown)
    pages: tuple[int, ...] = ()  # a PDF: the page each line was read from (a text file: none)


def _candidates(root: Path, source_file: str) -> list[Path]:
    rel = posixpath.normpath(str(source_file or ""))
    if not rel or rel.startswith(("..", "/")):
        return []
    return [root / rel, root / "sources" / "reports" / posixpath.basename(rel)]


def _text_lines(path: Path, data: bytes) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The lines `source_line` counts, and for a PDF the page each was read from."""
    if is_pdf(path, data):
        try:
            rendering = read_pdf(data, name=str(path))
        except TertialError:
            return (), ()  # the PDF's text cannot be read (e.g. a scan): the file alone is published
        return tuple(rendering.lines), tuple(rendering.page_of(n) for n in range(1, len(rendering.lines) + 1))
    lines = reader.split_lines(reader.decode(data, path))
    return tuple(lines[:-1] if lines and lines[-1] == "" else lines), ()  # a final line end ends the last line


def find_sources(root: Path | None, reports: pd.DataFrame) -> dict[str, Source]:
    """Each report's source file found in the project, by report_id. A file whose sha256 differs from
    the one published for its report stops the build (the page would not show what was read)."""
    out: dict[str, Source] = {}
    if root is None:
        return out
    for r in reports.itertuples():
        path = next((p for p in _candidates(Path(root), getattr(r, "source_file", "")) if p.is_file()), None)
        if path is None:
            continue
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        want = str(getattr(r, "source_sha256", "") or "")
        if want and sha != want:
            raise TertialError(f"the file's sha256 is not the one published for report {r.report_id}", path)
        out[r.report_id] = Source(r.report_id, path, path.name, sha, *_text_lines(path, data))
    return out


CHUNK = 100  # lines per block that the browser lays out only when it is near the screen (CSS content-visibility)


def _form_feed_pages(lines: tuple[str, ...]) -> list[int]:
    """Each line's page in a text file: a form feed starts the next page (as PDF text tools mark it)."""
    out, page = [], 1
    for line in lines:
        page += line.count("\f")
        out.append(page)
    return out


def source_lines_html(lines: tuple[str, ...], pages: tuple[int, ...] = ()) -> str:
    """The text as a numbered list, tersely (a source page is mostly its lines: every byte a line costs
    counts at city scale): an <li id=L<n>> per line in an <ol start=...> of CHUNK lines, which the browser
    numbers itself (CSS shows the list's own number, `list-item`), inside a block laid out only near the
    screen (content-visibility on the wrapping div, not on the list: Chromium's style containment on the
    list itself drops its `start`, and every block would count from 1); an
    empty anchor `p<n>` at the first line of page n (`pages`: each line's page, as a PDF was read; without
    them, pages by form feed). A page without text has no anchor. A line's end tag is left out (HTML closes
    an <li> at the next one), its line end kept inside it: copied text keeps its lines."""
    out, seen = [], 0
    for n, (line, page) in enumerate(zip(lines, pages or _form_feed_pages(lines)), 1):
        if n % CHUNK == 1:
            out.append(("</ol></div>" if n > 1 else "") + f'<div class="tertial-block"><ol class="tertial-chunk" start="{n}">')
        mark = f"<a id=p{page}></a>" if page > seen else ""
        seen = max(seen, page)
        out.append(f"<li id=L{n}>{mark}{esc(line.replace(chr(12), ''))}\n")
    return '<div class="tertial-source">' + "".join(out) + ("</ol></div>" if lines else "") + "</div>"


def package_copies(packages: list[Package], sources: dict[str, Source]) -> dict[str, Path]:
    """Where each package's `sources` entries (paths relative to its datapackage.json) lie on the site,
    relative to /data/: {'stockholm/sources/reports/x.txt': file}. An entry is matched to a source by
    its sha256; an unsafe path is left out, and so is an address elsewhere (the packages this project
    builds point at the file beside the source page: nothing to copy)."""
    by_sha = {s.sha256: s.path for s in sources.values()}
    out: dict[str, Path] = {}
    for pkg in packages:
        for entry in pkg.descriptor.get("sources") or []:
            raw = str(entry.get("path") or "")
            rel = posixpath.normpath(raw)  # (which makes 'https://' 'https:/')
            file = by_sha.get(str(entry.get("sha256") or ""))
            if file is None or rel.startswith(("..", "/")) or "://" in raw or rel == ".":
                continue
            out[f"{pkg.name}/{rel}"] = file
    return out


def source_page(v: View, r, src: Source) -> Page:
    """/kallor/<report_id>/: the report's text line by line, the original file beside it."""
    path = url_source(r.report_id)
    title = f"Källa: {v.report_title(r)}"
    p = Page(path, safe_title(title), wide=True, searchable=False)
    p.add(render("source.md.j2", path=path, title=title, district=v.district_name(r.district_id),
                 district_url=url_district(r.district_id), report_url=url_report(r.district_id, r.year, r.report_type),
                 short=report_label(r), file=src.name, sha256=src.sha256,
                 size=f"{max(1, round(src.path.stat().st_size / 1024))} kB",
                 pdf=bool(src.pages), lines=Markup(source_lines_html(src.lines, src.pages)) if src.lines else None))
    p.files[src.name] = src.path.read_bytes()
    return p
