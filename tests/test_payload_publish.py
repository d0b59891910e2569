"""Issue 6, untrusted text: the payload report (tests/fixtures/payloads/) published through the real
`tertial add-report` does not break the build, every payload reaches the packages verbatim (CSV) and the
Excel download as text, never as a formula, and no page of the site (build/site/) carries a payload as live
markup. The real-browser test (dialogs) is tests/test_payload_browser.py."""

from __future__ import annotations

import csv
from html.parser import HTMLParser

import pytest
from cli_harness import publish_payload_report

PAYLOADS = [  # as printed in the report, one per field kind
    'Ett Stockholm <script>alert("tertial-xss-1")</script> som håller samman',  # goal title
    '<img src=x onerror=alert("tertial-xss-7")>',  # city target
    '=HYPERLINK("https://example.invalid","klicka")',  # annual target
    "Aktiviteten <svg onload=alert(\"tertial-xss-9\")> genomförs",  # activity
    "{{ config.site_name }}",  # goal title, template syntax
    '{% include "../../mkdocs.yml" %}',  # goal text
]




@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return publish_payload_report(tmp_path_factory.mktemp("payload-publish"))


def test_payloads_reach_the_package_verbatim(published):
    data = published / "datapackages" / "skarholmen" / "data"
    text = ""
    for table in ("goals", "goal_texts", "indicator_results", "activities"):
        with open(data / f"{table}.csv", encoding="utf-8", newline="") as fh:
            text += "\n".join(v for row in csv.DictReader(fh) for v in row.values())
    for payload in PAYLOADS:
        assert payload in text, payload


def test_excel_download_holds_payloads_as_text_not_formulas(published):
    import openpyxl

    books = sorted((published / "build").rglob("skarholmen.xlsx"))
    assert books, "no Excel download for the district"
    wb = openpyxl.load_workbook(books[0])
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a report's text became a formula"
    values = {c.value for c in cells}
    for payload in ('=HYPERLINK("https://example.invalid","klicka")', "+SUM(1;1)", "@SUM(1+1)"):
        assert payload in values, payload


def test_site_pages_carry_no_payload_as_markup(published):
    site = published / "build" / "site"
    assert site.is_dir()
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    joined = "\n".join(pages)
    assert "tertial-xss-1" in joined, "the payload report's goal is not on any page"
    for page in pages:
        live = LiveMarkup()
        live.feed(page)
        assert not live.found, f"a payload is live markup: {live.found[:3]}"


class LiveMarkup(HTMLParser):
    """What a browser would run of a payload: a script element carrying it, an event-handler attribute
    carrying it, or a javascript: address (an escaped payload inside text or an alt text is inert)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "tertial-xss" in value:
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:...>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "tertial-xss" in data:
            self.found.append("<script>...tertial-xss...</script>")


@pytest.mark.parametrize("html, live", [
    ('<script>alert("tertial-xss-1")</script>', True),
    ("<img src=x onerror=\"alert('tertial-xss-2')\">", True),
    ('<a href="javascript:alert(1)">x</a>', True),
    ('<p>&lt;script&gt;alert("tertial-xss-3")&lt;/script&gt;</p>', False),
    ('<img src="a.svg" alt="&lt;img onerror=alert(&quot;tertial-xss-4&quot;)&gt;">', False),
])
def test_the_live_markup_check_tells_live_from_escaped(html, live):
    checker = LiveMarkup()
    checker.feed(html)
    assert bool(checker.found) is live
