"""Issue 6, untrusted text: the payload report (tests/fixtures/payloads/) published through the real
`tertial add-report` does not break the build, every payload reaches the packages verbatim (CSV) and the
Excel download as text, never as a formula. Where the build also makes the site (build/site/), no page
carries a payload as live markup. The real-browser test (dialogs) belongs with the site's tests.
Skips until add-report is on the branch."""

from __future__ import annotations

import csv
import re

import pytest
from cli_harness import FIXTURES, make_project, run_cli

REPORT = FIXTURES / "payloads" / "payload-report.txt"
PAYLOADS = [  # as printed in the report, one per field kind
    'Ett Stockholm <script>alert("tertial-xss-1")</script> som håller samman',  # goal title
    '<img src=x onerror=alert("tertial-xss-7")>',  # city target
    '=HYPERLINK("https://example.invalid","klicka")',  # annual target
    "Aktiviteten <svg onload=alert(\"tertial-xss-9\")> genomförs",  # activity
    "{{ config.site_name }}",  # goal title, template syntax
    '{% include "../../mkdocs.yml" %}',  # goal text
]


# A payload as live markup: a script element around it, or a tag or handler carrying it.
LIVE = re.compile(r"<script\b[^>]*>[^<]*tertial-xss|<(?:img|svg|iframe|b|a)\b[^>]*tertial-xss", re.I)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("payload-publish"))
    result = run_cli("add-report", str(REPORT), "--district", "Skärholmen", "--type", "T2", "--year", "2023",
                     cwd=project)
    if "is not built yet" in result.stderr:
        pytest.skip("'tertial add-report' is not on this branch yet")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return project


def test_payloads_reach_the_package_verbatim(published):
    data = published / "datapackages" / "skarholmen" / "data"
    text = ""
    for table in ("goals", "goal_texts", "indicator_results", "activities"):
        with open(data / f"{table}.csv", encoding="utf-8", newline="") as fh:
            text += "\n".join(v for row in csv.DictReader(fh) for v in row.values())
    for payload in PAYLOADS:
        assert payload in text, payload


def test_excel_download_holds_payloads_as_text_not_formulas(published):
    openpyxl = pytest.importorskip("openpyxl")
    books = sorted((published / "build").rglob("skarholmen.xlsx"))
    if not books:
        pytest.skip("no Excel download for the district in this build")
    wb = openpyxl.load_workbook(books[0])
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a report's text became a formula"
    values = {c.value for c in cells}
    for payload in ('=HYPERLINK("https://example.invalid","klicka")', "+SUM(1;1)", "@SUM(1+1)"):
        assert payload in values, payload


def test_site_pages_carry_no_payload_as_markup(published):
    site = published / "build" / "site"
    if not site.is_dir():
        pytest.skip("this build makes no site yet (the site stage is merged later)")
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    joined = "\n".join(pages)
    assert "tertial-xss-1" in joined, "the payload report's goal is not on any page"
    for page in pages:
        assert not LIVE.search(page), "a payload is live markup"
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", page, re.I), "a javascript: link"
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=\s*[^>]*tertial-xss", page, re.I), "a live handler"
