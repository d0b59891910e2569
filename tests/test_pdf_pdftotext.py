"""The text poppler's `pdftotext` (no options) makes of a report PDF loses the tables' layout: every goal
reads, but no indicator row and no activity. That must be refused in one line (exit 2), never published as
a district with nothing to report. The refusal itself is the extraction's generic rule
('no empty success', `extract/__init__.py`); this checks the behaviour on the text a maintainer would get."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import pdfgen
from cli_harness import run_cli
from goldfixture import GOLD_DIR, load_gold
from test_add_report import project_copy, snapshot

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed"),
]

GOLD = pdfgen.excerpt(load_gold(GOLD_DIR / "hagersten-liljeholmen-2020-t1.json"), 1200)


@pytest.fixture(scope="module")
def pdftotext_text(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdftotext")
    pdf = pdfgen.write(GOLD, "stad", out / "rapport.pdf")
    subprocess.run(["pdftotext", str(pdf)], check=True)  # no options, as a maintainer would run it
    text = out / "rapport.txt"
    assert "Indikator" in text.read_text(encoding="utf-8")  # the tables are there, in pieces
    return text


def test_extract_refuses_in_one_line(pdftotext_text, tmp_path):
    res = run_cli("extract", str(pdftotext_text), "--district", "Hägersten-Liljeholmen", "--type", "T1",
                  "--year", "2020", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and str(pdftotext_text) in res.stderr


def test_add_report_refuses_and_publishes_nothing(pdftotext_text, tmp_path):
    project = project_copy(tmp_path / "project")
    before = snapshot(project)
    res = run_cli("add-report", str(pdftotext_text), "--district", "Södermalm", cwd=project)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and str(pdftotext_text) in res.stderr
    assert snapshot(project) == before
