"""Issue 15: every report's source published at /kallor/<report_id>/ (one anchor per line), every "rad N"
a link to that line, the original file beside it, where each package's `sources` path points; report text escaped."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from urllib.parse import urljoin, urlparse

import pytest

from siteutil import FIXTURE_PACKAGES, FIXTURE_SOURCES, ROOT, source_lines
from tertial.errors import TertialError
from tertial.site.load import load
from tertial.site.sources import find_sources, source_lines_html

RAD = re.compile(r'<(a|span) class="tertial-line"(?: href="([^"]*)")?>rad (\d+)')


def _line(site, href_page, href) -> str:
    url, frag = href.split("#")
    page = (href_page.parent / url / "index.html").resolve()
    html = page.read_text(encoding="utf-8")
    line = next((x for x in source_lines(html) if x["id"] == frag), None)
    assert line, f"{href} has no line {frag}"
    return line["text"].strip()


def test_every_rad_n_links_to_its_line(fixture_site):
    site, _ = fixture_site
    seen = 0
    kinds = ("stadsdelar/*/index.html", "stadsdelar/*/*/index.html", "mal/*/index.html", "indikatorer/*/index.html")
    for html_path in sorted(p for k in kinds for p in site.glob(k)):
        for tag, href, n in RAD.findall(html_path.read_text(encoding="utf-8")):
            assert tag == "a", f"{html_path}: rad {n} is not a link"
            assert href.endswith(f"#L{n}")
            assert _line(site, html_path, href) != f"Rad {n} i rapporten.", f"{href} lands on filler"
            seen += 1
    assert seen > 40
    # the row lands on its own text: an indicator row on its name, a goal on its title
    report = site / "stadsdelar/norrmalm/2023-t2/index.html"
    assert _line(site, report, "../../../kallor/norrmalm-2023-t2/#L302").startswith("Andel nöjda brukare")
    assert _line(site, report, "../../../kallor/norrmalm-2023-t2/#L300").startswith("1.2 I Stockholm")


def test_source_page_is_the_text_escaped_and_out_of_search(fixture_site):
    site, _ = fixture_site
    page = site / "kallor/norrmalm-2023-t2/index.html"
    html = page.read_text(encoding="utf-8")
    text = (FIXTURE_SOURCES / "reports/norrmalm-2023-t2.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert [(x["id"], x["text"]) for x in source_lines(html)] == [(f"L{n}", t.replace("\f", "") + "\n")
                                                                  for n, t in enumerate(text, 1)]
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;titel&#x27;)" in html
    assert "{{ config" not in html and "&#123;&#123; config.site_name &#125;&#125;" in html
    # Pagefind indexes only pages marked data-pagefind-body (overrides/hooks/tertial_search.py)
    assert "data-pagefind-body" not in html
    indexed = json.loads((site / "pagefind/tertial-pages.json").read_text(encoding="utf-8")).values()
    assert indexed and not [address for address, *_ in indexed if address.startswith("/kallor/")]


def test_original_file_beside_the_page_is_the_packages_source(fixture_site):
    site, _ = fixture_site
    for rep in ("hagersten-alvsjo-2023-t2", "norrmalm-2023-t2"):
        original = (FIXTURE_SOURCES / f"reports/{rep}.txt").read_bytes()
        assert (site / f"kallor/{rep}/{rep}.txt").read_bytes() == original
        assert f'href="{rep}.txt" download' in (site / f"kallor/{rep}/index.html").read_text(encoding="utf-8")
    for pkg in ("stockholm", "hagersten-alvsjo"):
        desc = json.loads((site / f"data/{pkg}/datapackage.json").read_text(encoding="utf-8"))
        assert desc["sources"]
        for s in desc["sources"]:  # the one copy beside the source page, wherever the site is served
            url = urljoin(f"https://example.invalid/data/{pkg}/datapackage.json", s["path"])
            published = site / urlparse(url).path.lstrip("/")
            assert published.parent.name == published.stem and published.parent.parent.name == "kallor"
            assert hashlib.sha256(published.read_bytes()).hexdigest() == s["sha256"], s["path"]
    assert not list(site.glob("data/*/sources"))  # no second copy per package


def test_a_source_that_does_not_match_its_sha256_stops_the_build(tmp_path):
    shutil.copytree(FIXTURE_SOURCES, tmp_path / "sources")
    path = tmp_path / "sources/reports/norrmalm-2023-t2.txt"
    path.write_bytes(path.read_bytes() + b"en rad till\n")
    with pytest.raises(TertialError, match=r"norrmalm-2023-t2\.txt: the file's sha256 is not the one published"):
        find_sources(tmp_path, load(FIXTURE_PACKAGES).reports)


def test_without_sources_rad_n_stays_plain_text():
    from tertial.site.build import generate

    pages = {p.path: p for p in generate(load(FIXTURE_PACKAGES))}
    md = pages["stadsdelar/norrmalm/2023-t2/"].markdown()
    assert '<span class="tertial-line">rad 302</span>' in md and "kallor/" not in md
    assert not [p for p in pages if p.startswith("kallor/")]


def test_pdf_text_pages_get_page_anchors():
    html = source_lines_html(("Sida ett", "mer", "\fSida två", "\f\fSida fyra"))
    lines = source_lines(html)
    assert [(x["id"], x["page"], x["text"]) for x in lines] == [
        ("L1", 1, "Sida ett\n"), ("L2", None, "mer\n"), ("L3", 2, "Sida två\n"), ("L4", 4, "Sida fyra\n")]
    assert "<li id=L1><a id=p1></a>Sida ett\n<li id=L2>" in html  # terse: no end tags, no quotes


def test_lines_come_in_blocks_each_line_numbered():
    html = source_lines_html(tuple(f"rad {n}" for n in range(1, 251)))
    starts = re.findall(r'<div class="tertial-block"><ol class="tertial-chunk" start="(\d+)"><li id=L(\d+)>', html)
    assert starts == [("1", "1"), ("101", "101"), ("201", "201")]
    assert html.count("<ol") == html.count("</ol>") == 3 and html.count("<div") == html.count("</div>") == 1 + 3
    lines = source_lines(html)
    assert [x["id"] for x in lines] == [f"L{n}" for n in range(1, 251)]  # each line numbered by its list
    assert all(x["id"] == f"L{x['n']}" and x["text"] == f"rad {x['n']}\n" for x in lines)


def test_the_real_reports_are_published(tmp_path):
    data = load(ROOT / "datapackages")
    found = find_sources(ROOT, data.reports)
    assert set(found) == set(data.reports["report_id"])
    assert all(len(s.lines) > 2000 for s in found.values())


@pytest.mark.browser
def test_opened_line_is_highlighted_and_in_view(page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{page.base}/stadsdelar/norrmalm/2023-t2/")
    link = page.locator('a.tertial-line[href$="#L302"]').first
    # the indicator sits in its goal's collapsed part: a tap on the summary opens it
    page.locator("details.tertial-goalbody", has=link).locator("summary").first.click()
    link.click()
    page.wait_for_url("**/kallor/norrmalm-2023-t2/#L302")
    line = page.locator("#L302")
    assert line.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 243, 176)"
    assert page.locator("#L301").evaluate("e => getComputedStyle(e).backgroundColor") != "rgb(255, 243, 176)"
    # the number shown beside the line: the list's own (its start and the line's place in it)
    assert line.evaluate("e => getComputedStyle(e, '::before').content") == "counter(list-item)"
    assert line.evaluate("e => e.parentElement.start + [...e.parentElement.children].indexOf(e)") == 302
    # ... and the browser honours that start: the list is no containment root (content-visibility on the
    # list itself made Chromium drop `start`, so line 358 showed '58'); its wrapping block is
    assert line.evaluate("e => getComputedStyle(e.parentElement).contentVisibility") == "visible"
    assert line.evaluate("e => getComputedStyle(e.parentElement.parentElement).contentVisibility") == "auto"
    assert line.evaluate("e => e.innerText").startswith("Andel")
    box = line.bounding_box()
    assert 48 <= box["y"] < 740  # in view, below the page header
    # a short line is one line high: no empty line between lines
    assert page.locator("#L303").bounding_box()["height"] == float(
        page.locator("#L303").evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_pagefind_reads_only_sections_with_an_indexed_page(fixture_site, tmp_path):
    """The reports' sources are not indexed, so Pagefind is not given their section (/kallor/) to read
    (overrides/hooks/tertial_search.py, --glob): the index is the one Pagefind makes reading every page."""
    import subprocess
    import sys

    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    import tertial_search

    assert tertial_search.section("kallor/norrmalm-2023-t2/") == "kallor" and tertial_search.section("") == ""
    glob = tertial_search.site_glob({"", "stadsdelar", "om", "404.html"})
    assert glob == "{404.html,index.html,om/**/*.html,stadsdelar/**/*.html}"
    site, _ = fixture_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    excluded = [a for s in tertial_search.NOT_INDEXED for a in ("--exclude-selectors", s)]
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy), "--output-subdir", "pagefind",
                    "--force-language", "sv", "--silent", *excluded], check=True)
    every = {p.relative_to(copy / "pagefind"): p.read_bytes() for p in (copy / "pagefind").rglob("*") if p.is_file()}
    built = {p.relative_to(site / "pagefind"): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()
             if not p.name.startswith("tertial-")}
    assert every and every == built
