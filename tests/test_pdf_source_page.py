"""Issue 14, point 3: a PDF report added with `add-report` is published at /kallor/<report_id>/ as its text
(one anchor `#L<n>` per line `source_line` counts, one `#p<n>` where each page starts) with the PDF itself
beside it, and every "rad N" / "s. N" on the report page lands on the line and page of that row."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

import pdfgen
from goldfixture import GOLD_DIR, load_gold
from siteutil import source_lines
from test_add_report import project_copy
from tertial import add_report as ar
from tertial import build, sources
from tertial.extract.pdf import read_pdf, report_lines
from tertial.site.sources import source_lines_html

GOLD = pdfgen.excerpt(load_gold(GOLD_DIR / "hagersten-liljeholmen-2020-t1.json"), 1200)
RID = "sodermalm-2020-t1"
LINK = re.compile(r'<a class="tertial-line" href="([^"#]*)#L(\d+)">rad (\d+)(?:–\d+)?</a>'
                  r' <a class="tertial-line" href="([^"#]*)#p(\d+)">s\. (\d+)</a>')


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return pdfgen.write(GOLD, "stad", tmp_path_factory.mktemp("pdf") / "rapport.pdf")


@pytest.fixture(scope="module")
def site(pdf, tmp_path_factory) -> Path:
    """A copy of the project with the PDF added as Södermalm's report, built with its site."""
    project = project_copy(tmp_path_factory.mktemp("project") / "project")
    ar.add_report(project, pdf, district="Södermalm",
                  build=lambda root: build.build(root, build.Context(out=lambda _: None)))
    return project


def fold_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _lines(html: str) -> dict[str, str]:
    """The source page's lines by anchor id (L<n>), as text."""
    return {x["id"]: x["text"].rstrip("\n") for x in source_lines(html)}


def _page_anchors(html: str) -> dict[int, int]:
    """{page: the line its anchor p<page> stands on}."""
    return {x["page"]: x["n"] for x in source_lines(html) if x["page"] is not None}


@pytest.mark.slow
def test_the_source_page_shows_the_pdfs_text_with_line_and_page_anchors(site, pdf):
    html = (site / "build/site/kallor" / RID / "index.html").read_text(encoding="utf-8")
    rendering = read_pdf(pdf)
    lines = _lines(html)
    assert list(lines.values()) == report_lines(pdf)  # every line source_line counts, in order, nothing else
    assert list(lines) == [f"L{n}" for n in range(1, len(lines) + 1)]
    read_from = [rendering.page_of(n) for n in range(1, len(lines) + 1)]
    assert read_from == sorted(read_from)  # a table's header line stands on the page the table starts on
    anchors = _page_anchors(html)
    pages = len(pdfgen.page_texts(pdf.read_bytes()))
    assert pages > 1 and sorted(anchors) == list(range(1, pages + 1))  # the generator prints text on every page
    for page, line in anchors.items():  # each at the first line read from its page
        assert rendering.page_of(line) == page and (line == 1 or rendering.page_of(line - 1) < page)


@pytest.mark.slow
def test_the_pdf_is_downloadable_beside_it_as_in_the_manifest(site, pdf):
    folder = site / "build/site/kallor" / RID
    assert f'href="{RID}.pdf" download' in (folder / "index.html").read_text(encoding="utf-8")
    want = next(r.sha256 for r in sources.load_manifest(site) if r.report_id == RID)
    assert hashlib.sha256((folder / f"{RID}.pdf").read_bytes()).hexdigest() == want
    assert (folder / f"{RID}.pdf").read_bytes() == pdf.read_bytes()


def _in_page(line: int, page: int, anchors: dict[int, int]) -> bool:
    """Line `line` lies on page `page`: at or after its anchor, before the next page's."""
    return page in anchors and anchors[page] <= line and (page == max(anchors) or line < anchors[page + 1])


@pytest.mark.slow
def test_rad_and_page_links_on_the_report_page_land_on_the_rows_name(site):
    html = (site / "build/site/stadsdelar/sodermalm/2020-t1/index.html").read_text(encoding="utf-8")
    with open(site / "datapackages/sodermalm/data/indicator_results.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["report_id"] == RID]
    source = (site / "build/site/kallor" / RID / "index.html").read_text(encoding="utf-8")
    lines, anchors = _lines(source), _page_anchors(source)
    links = {(int(m[1]), int(m[4])) for m in LINK.findall(html) if m[0] == m[3] == f"../../../kallor/{RID}/"}
    shown = [r for r in rows if (int(r["source_line"]), int(r["source_page"])) in links]
    assert len(shown) == len(rows) == len(GOLD["indicators"])  # every row: 'rad N' and 's. N'
    for row in shown:
        line, page = int(row["source_line"]), int(row["source_page"])
        assert fold_space(lines[f"L{line}"]).startswith(fold_space(row["name"])), line  # the row's own line
        assert _in_page(line, page, anchors), (line, page)


@pytest.mark.slow
def test_every_page_link_on_the_site_lands_on_an_anchor_of_its_page(site):
    out = site / "build/site"
    source = (out / "kallor" / RID / "index.html").read_text(encoding="utf-8")
    lines, anchors = _lines(source), _page_anchors(source)
    seen = 0
    kinds = ("stadsdelar/*/index.html", "stadsdelar/*/*/index.html", "mal/*/index.html", "indikatorer/*/index.html")
    for kind in kinds:
        for page_file in out.glob(kind):
            for url, line, _, url2, page, _ in LINK.findall(page_file.read_text(encoding="utf-8")):
                if (page_file.parent / url).resolve() != (out / "kallor" / RID).resolve():
                    continue
                assert url == url2 and f"L{line}" in lines and _in_page(int(line), int(page), anchors), page_file
                seen += 1
    assert seen > len(GOLD["indicators"])  # the district's, goals' and indicators' pages link too


def test_text_lines_keep_their_form_feed_pages_and_pdf_lines_their_read_pages():
    by_pdf = source_lines_html(("a", "", "b", "c"), (1, 1, 3, 3))
    assert [(x["n"], x["page"]) for x in source_lines(by_pdf) if x["page"]] == [(1, 1), (3, 3)]
    by_form_feed = source_lines_html(("a", "\fb", "c"))
    assert [(x["n"], x["page"]) for x in source_lines(by_form_feed) if x["page"]] == [(1, 1), (2, 2)]
