"""Issue 6, bad input through `tertial add-report`, the command that publishes: every broken fixture is
refused in one line naming the file, exit status 2, no traceback, and the whole project (sources, manifest,
curation, packages, site) byte-identical. Skips until add-report is on the branch."""

from __future__ import annotations

import pytest
from cli_harness import FIXTURES, REPORTS, assert_clean_refusal, make_project, run_cli, snapshot

BROKEN = FIXTURES / "broken"
REFUSED = ["empty.txt", "blank.txt", "binary.bin", "fake.pdf", "nul-bytes.txt", "control-chars.txt",
           "mixed-encoding.txt", "not-a-report.txt"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("add-report"))


def add_report(project, report, *options):
    return run_cli("add-report", str(report), *options, cwd=project)


@pytest.mark.parametrize("name", REFUSED)
def test_broken_fixture_is_refused_and_nothing_published(project, name):
    report = BROKEN / name
    before = snapshot(project)
    result = add_report(project, report, "--district", "Farsta", "--type", "T2", "--year", "2023")
    assert_clean_refusal(result, str(report), "any" if name in ("binary.bin", "nul-bytes.txt",
                                                                  "control-chars.txt", "mixed-encoding.txt")
                         else None)
    assert snapshot(project) == before


def test_truncated_report_is_refused_and_nothing_published(project, tmp_path):
    """Cut mid-table: the file passes the first look (it has goal headings), so this reaches extraction
    inside add-report's staging copy; the refusal there must leave the project untouched."""
    text = (REPORTS / "norrmalm-2022-vp.txt").read_text(encoding="utf-8")
    cut = text.index("\nIndikator\t", text.rindex("\nKF:s inriktningsmål: 2."))  # the heading in the body
    report = tmp_path / "farsta-vp-cut.txt"
    report.write_text(text[:cut + 40].replace("Norrmalm", "Farsta"), encoding="utf-8")
    before = snapshot(project)
    result = add_report(project, report, "--district", "Farsta", "--type", "VP", "--year", "2022")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tertial: error: ") and "Traceback" not in result.stderr
    assert "ends early" in lines[0], lines[0]
    assert snapshot(project) == before


def test_file_of_50_mb_is_refused_and_nothing_published(project, tmp_path):
    report = tmp_path / "huge.txt"
    chunk = (REPORTS / "hagersten-alvsjo-2023-t2.txt").read_bytes()
    with open(report, "wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    before = snapshot(project)
    result = add_report(project, report, "--district", "Farsta", "--type", "T2", "--year", "2023")
    message = assert_clean_refusal(result, str(report))
    assert "20 MB limit" in message
    assert snapshot(project) == before
