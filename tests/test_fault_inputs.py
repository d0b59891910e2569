"""Rule: inputs that are not what they should be are refused in one line, exit 2, at once (no hang), and
the project is left byte for byte as it was: a FIFO, a device or a folder where a report should be; a
manifest `file:` outside sources/; a git merge conflict left in changelog/*.json; a deleted changelog
entry (a gap in the numbering would silently lower the version); a 5,000-character district name; a report
with more rows or distinct indicators than the bounds (tertial.curate.MAX_ROWS, MAX_INDICATORS)."""

from __future__ import annotations

import os

import pytest
from fault_project import CHANGE, REPORT, base_project, copy, snapshot, tertial

from tertial import build, curate
from tertial.errors import TertialError

MANIFEST = "sources/reports.yml"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return base_project(tmp_path_factory.mktemp("inputs"))


@pytest.fixture
def project(base, tmp_path):
    return copy(base, tmp_path / "p")


def refused(project, *command, named: str, words: str) -> str:
    before = snapshot(project)
    result = tertial(*command, cwd=project, timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tertial: error: ") and named in lines[0], result.stderr
    assert words in lines[0], lines[0]
    assert snapshot(project) == before
    return lines[0]


def _point_manifest_at(project, file: str) -> None:
    path = project / MANIFEST
    path.write_text(path.read_text(encoding="utf-8").replace(f"file: sources/reports/{REPORT.name}",
                                                             f"file: {file}"), encoding="utf-8")


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_fifo_as_the_report_is_refused_without_hanging(project, command):
    report = project / "sources" / "reports" / REPORT.name
    report.unlink()
    os.mkfifo(report)
    refused(project, command, named=MANIFEST, words="not a regular file")


def test_a_fifo_given_to_add_report_is_refused_without_hanging(project, tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    refused(project, "add-report", str(fifo), "--district", "Bromma", named=str(fifo), words="not a regular file")


@pytest.mark.parametrize("file", ["/etc/passwd", "sources/../curation/indicators.yml", "../outside.txt"])
def test_a_manifest_file_outside_sources_is_refused(project, file):
    _point_manifest_at(project, file)
    refused(project, "check", named=f"{MANIFEST}:", words="outside sources/")


def test_a_merge_conflict_in_a_changelog_entry_is_one_line(project):
    entry = project / "changelog" / "0001.json"
    text = entry.read_text(encoding="utf-8").splitlines(keepends=True)
    entry.write_text("".join(text[:2] + ["<<<<<<< HEAD\n"] + text[2:4] + ["=======\n", ">>>>>>> other\n"] + text[4:]),
                     encoding="utf-8")
    refused(project, "build", named="changelog/0001.json:3", words="merge conflict")


def test_a_deleted_changelog_entry_is_refused_not_a_lower_version(project):
    assert tertial("build", cwd=project, TERTIAL_LOCK_WAIT="0").returncode == 0
    (project / "curation" / "corrections.yml").write_text(CHANGE, encoding="utf-8")
    assert tertial("build", cwd=project).returncode == 0
    (project / "curation" / "corrections.yml").unlink()
    assert tertial("build", cwd=project).returncode == 0  # entries 0001-0003
    (project / "changelog" / "0002.json").unlink()
    refused(project, "build", named="changelog/0003.json", words="0002.json is missing")


def test_a_5000_character_district_name_is_refused(project):
    refused(project, "add-report", str(REPORT), "--district", "Å" * 5000, named="district name",
            words="at most 100")


def test_a_report_beyond_the_bounds_is_refused_naming_it(project, monkeypatch):
    """The bounds lowered below the real report's 62 indicators, so the real report is 'too large'."""
    monkeypatch.setattr(curate, "MAX_INDICATORS", 10)
    with pytest.raises(TertialError, match="different indicators, more than the 10") as info:
        build.build(project, build.Context(out=lambda line: None))
    assert info.value.path == f"sources/reports/{REPORT.name}"
    monkeypatch.setattr(curate, "MAX_INDICATORS", 1000)
    monkeypatch.setattr(curate, "MAX_ROWS", 50)
    with pytest.raises(TertialError, match="rows of .*, more than the 50"):
        build.build(project, build.Context(out=lambda line: None))
