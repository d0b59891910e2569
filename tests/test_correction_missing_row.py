"""Issue 6, bad input: a correction in curation/corrections.yml that points at a row that does not exist
stops `tertial build` with one line naming the file and the entry's line, and the published packages and
site stay byte-identical. (The build's cache of extracted reports, build/extracted/, may be refreshed: it is
neither input nor published.) (The corrections themselves are the curation stage's; tests/test_corrections.py
tests them. This test holds them to the bad-input bar of issue 6 through the real CLI.)"""

from __future__ import annotations

from cli_harness import make_project, run_cli, snapshot


CORRECTIONS = """# a correction of a row that is not in the report
corrections:
  - report_id: hagersten-alvsjo-2023-t2
    source_line: 5
    column: forecast
    value: 3
    reason: there is no indicator row on line 5
"""


def test_build_refuses_a_correction_of_a_missing_row_and_publishes_nothing(tmp_path):
    project = make_project(tmp_path)
    (project / "curation").mkdir(exist_ok=True)
    (project / "curation" / "corrections.yml").write_text(CORRECTIONS, encoding="utf-8")
    before = published(project)
    assert any(k.startswith("datapackages/") for k in before)
    result = run_cli("build", cwd=project)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tertial: error: "), result.stderr
    assert "curation/corrections.yml:3: " in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert published(project) == before


def published(project):
    """Inputs and published outputs: everything but the build's cache of extracted reports."""
    return {k: v for k, v in snapshot(project).items() if not k.startswith("build/extracted/")}


def test_add_report_names_the_projects_file_not_its_staging_copy(tmp_path):
    """add-report builds in a hidden staging copy; an error from that build names the project's own file."""
    project = make_project(tmp_path)
    (project / "curation").mkdir(exist_ok=True)
    (project / "curation" / "corrections.yml").write_text(CORRECTIONS, encoding="utf-8")
    before = snapshot(project)
    report = project / "sources" / "reports" / "hagersten-alvsjo-2023-t2.txt"
    result = run_cli("add-report", str(report), "--district", "Södermalm", cwd=project)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "curation/corrections.yml:3: " in lines[0], lines[0]
    assert ".tertial-add-" not in lines[0], lines[0]
    assert snapshot(project) == before
