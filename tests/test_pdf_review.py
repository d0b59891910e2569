"""`tertial review` on a report kept as PDF shows the lines of its text as read (what `source_line` counts)
and the page, instead of refusing the PDF as a text file."""

from __future__ import annotations

import pdfgen
from goldfixture import GOLD_DIR, load_gold
from test_add_report import project_copy
from tertial import add_report as ar
from tertial import review
from tertial.extract.model import VALUE_COLUMNS
from tertial.extract.pdf import read_pdf, report_lines

GOLD = pdfgen.excerpt(load_gold(GOLD_DIR / "hagersten-liljeholmen-2020-t1.json"), 700)


def test_review_shows_the_pdf_text_lines_and_the_page(tmp_path):
    pdf = pdfgen.write(GOLD, "brev", tmp_path / "rapport.pdf")
    lines = read_pdf(pdf).lines
    assert report_lines(pdf) == lines
    project = project_copy(tmp_path / "project")
    rep = ar.add_report(project, pdf, district="Södermalm", build=None).report
    n = next(i for i, line in enumerate(lines, start=1) if line.startswith("Andel barn som lever"))
    row = {"report_id": rep.report_id, "source_line": str(n), "source_line_end": str(n), "source_page": "2",
           "name": "Andel barn som lever i familjer som har ekonomiskt bistånd", "review_reason": "test",
           "period": "Tertial 1 2020", "unit": "%", "analysis": "",
           **{c: "" for c in VALUE_COLUMNS}, **{f"{c}_text": "" for c in VALUE_COLUMNS}}
    out = review.render(project, [row])
    assert out[0].startswith(f"{rep.file}:{n}-{n} (page 2)  {rep.report_id}")
    assert out[3] == f"    {n:>5} | {lines[n - 1]}" and "\t1,1 %\t" in lines[n - 1]
