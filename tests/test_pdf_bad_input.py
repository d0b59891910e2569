"""A PDF that cannot be read is refused in one line naming the file, exit 2, the project unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from cli_harness import run_cli
from test_add_report import project_copy, snapshot


def blank_pdf(path: Path, text: str | None) -> Path:
    c = canvas.Canvas(str(path), invariant=1)
    if text:
        c.drawString(100, 700, text)
    c.showPage()
    c.save()
    return path


@pytest.fixture(params=["damaged", "no text", "no goals"])
def bad_pdf(request, tmp_path):
    path = tmp_path / "rapport.pdf"
    if request.param == "damaged":
        path.write_bytes(b"%PDF-1.4\nnot a PDF after all\n")
        return path, "not a readable PDF"
    if request.param == "no text":
        return blank_pdf(path, None), "the PDF holds no text"
    return blank_pdf(path, "Tertialrapport 1 för 2020"), "no goal headings"


def test_extract_refuses_in_one_line(bad_pdf, tmp_path):
    path, message = bad_pdf
    res = run_cli("extract", str(path), "--district", "Norrmalm", "--type", "T1", "--year", "2020",
                  "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and str(path) in res.stderr and message in res.stderr


def test_add_report_refuses_and_changes_nothing(bad_pdf, tmp_path):
    path, message = bad_pdf
    project = project_copy(tmp_path / "project")
    before = snapshot(project)
    res = run_cli("add-report", str(path), "--district", "Norrmalm", cwd=project)
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and str(path) in res.stderr
    assert snapshot(project) == before
