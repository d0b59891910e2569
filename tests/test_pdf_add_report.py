"""`tertial extract REPORT.pdf` and `tertial add-report REPORT.pdf`: the PDF is read by position, kept as
received in sources/reports/ with its sha256, and every goal, row and activity records its source_page."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

import pdfgen
from cli_harness import run_cli
from goldfixture import GOLD_DIR, load_gold
from test_add_report import project_copy
from tertial import add_report as ar
from tertial import build, sources

GOLD = pdfgen.excerpt(load_gold(GOLD_DIR / "hagersten-liljeholmen-2020-t1.json"), 1200)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return pdfgen.write(GOLD, "stad", tmp_path_factory.mktemp("pdf") / "rapport.pdf")


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_extract_reads_a_pdf_with_the_page_of_every_item(pdf, tmp_path):
    res = run_cli("extract", str(pdf), "--district", "Hägersten-Liljeholmen", "--type", "T1", "--year", "2020",
                  "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[-1].startswith(f"hagersten-liljeholmen-2020-t1: {len(GOLD['goals'])} goals, "
                                 f"{len(GOLD['indicators'])} indicator rows (0 need review), "
                                 f"{len(GOLD['activities'])} activities")
    pages = len(pdfgen.page_texts(pdf.read_bytes()))
    for table in ("goals", "indicator_results", "activities"):
        rows = read_csv(tmp_path / "out" / f"{table}.csv")
        assert rows and all(1 <= int(r["source_page"]) <= pages for r in rows)
        assert [int(r["source_page"]) for r in rows] == sorted(int(r["source_page"]) for r in rows)
    goals = read_csv(tmp_path / "out" / "goals.csv")
    assert int(goals[0]["source_page"]) == 1 and int(goals[-1]["source_page"]) > 1


def test_text_reports_leave_source_page_empty(tmp_path):
    report = Path(__file__).resolve().parents[1] / "sources" / "reports" / "hagersten-alvsjo-2023-t2.txt"
    res = run_cli("extract", str(report), "--district", "Hägersten-Älvsjö", "--type", "T2", "--year", "2023",
                  "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert {r["source_page"] for r in read_csv(tmp_path / "out" / "goals.csv")} == {""}


def test_add_report_keeps_the_pdf_as_received_with_its_sha256(pdf, tmp_path):
    project = project_copy(tmp_path / "project")
    res = ar.add_report(project, pdf, district="Södermalm", build=None)
    rep = res.report
    assert (rep.report_id, rep.file) == ("sodermalm-2020-t1", "sources/reports/sodermalm-2020-t1.pdf")
    assert (project / rep.file).read_bytes() == pdf.read_bytes()
    assert rep.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert rep.title == "Tertialrapport 1 för 2020"  # inferred from the PDF's own text
    assert any(r.report_id == rep.report_id for r in sources.load_manifest(project))  # sha256 checked
    check = run_cli("check", cwd=project)
    assert check.returncode == 0, check.stderr


def test_a_text_report_replaced_by_its_pdf_leaves_no_stale_text(pdf, tmp_path):
    project = project_copy(tmp_path / "project")
    assert (project / "sources/reports/hagersten-liljeholmen-2020-t1.txt").exists()
    ar.add_report(project, pdf, replace=True, build=None)
    assert not (project / "sources/reports/hagersten-liljeholmen-2020-t1.txt").exists()
    assert (project / "sources/reports/hagersten-liljeholmen-2020-t1.pdf").read_bytes() == pdf.read_bytes()


def test_the_build_publishes_source_page_from_the_pdf(pdf, tmp_path):
    project = project_copy(tmp_path / "project")
    ar.add_report(project, pdf, district="Södermalm",
                  build=lambda root: build.build(root, build.Context(out=lambda _: None), until="package"))
    rows = read_csv(project / "datapackages" / "sodermalm" / "data" / "indicator_results.csv")
    assert len(rows) == len(GOLD["indicators"]) and all(int(r["source_page"]) >= 1 for r in rows)
    goals = read_csv(project / "datapackages" / "stockholm" / "data" / "goals.csv")
    assert {g["source_page"] for g in goals if g["report_id"] != "sodermalm-2020-t1"} == {""}
