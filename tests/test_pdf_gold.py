"""The generated PDFs of both referenced reports, in both templates, read through `tertial extract`'s path:
every goal, row, cell and activity as in the reference, no row flagged that the reference does not mark
ambiguous, no warning, and rows broken by a page break joined."""

from __future__ import annotations

import pytest

import pdfgen
from goldfixture import gold_files, load_gold
from pdfgold import score_pdf
from tertial.extract.pdf import read_pdf

CASES = [(p.stem, t) for p in gold_files() for t in sorted(pdfgen.TEMPLATES)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    return {(stem, t): (load_gold(p), pdfgen.write(load_gold(p), t, out / f"{stem}-{t}.pdf"))
            for p in gold_files() for stem in [p.stem] for t in pdfgen.TEMPLATES}


@pytest.mark.parametrize("stem, template", CASES)
def test_every_goal_row_cell_and_activity_as_in_the_reference(printed, stem, template):
    gold, pdf = printed[(stem, template)]
    score, tables = score_pdf(gold, pdf)
    assert score.problems == []
    assert (score.goals_right, score.rows_found, score.rows_extra) == (len(gold["goals"]), len(gold["indicators"]), 0)
    assert score.cells_right == score.cells_total and score.activities_right == len(gold["activities"])
    ambiguous = {" ".join(i["name"].split()) for i in gold["indicators"] if i["ambiguous"]}
    flagged = [r["name"] for r in tables["indicator_results"] if r["needs_review"] == "true"]
    assert [n for n in flagged if n not in ambiguous] == []


@pytest.mark.parametrize("stem, template", CASES)
def test_no_warning_and_the_census_adds_up(printed, stem, template):
    gold, pdf = printed[(stem, template)]
    r = read_pdf(pdf, gold["year"])
    assert r.warnings == []
    assert r.rows == sum(1 for line in r.lines if "\t" in line) - r.tables  # a header line and its rows
    assert r.rows == len(gold["indicators"]) + len(gold["activities"])
    assert sum(1 for line in r.lines if line.startswith("Analys ")) == sum(  # under every other row
        (len(rows) + 1) // 2 for rows in pdfgen.indicator_tables(gold))
    assert r.furniture == 2 * r.pages  # the running header and the page number, on every page


def test_rows_broken_by_a_page_break_are_joined_in_every_case(printed):
    joined = [read_pdf(pdf, gold["year"]).joined for gold, pdf in printed.values()]
    assert all(joined) and sum(joined) >= 4
