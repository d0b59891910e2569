"""Issue 6, bad input: a report whose bytes no longer match the sha256 the manifest records stops everything.

The check is `sources.load_manifest` (tested directly); through the CLI it is tested on every command that
reads the manifest (`tertial check`, `tertial build`) once those commands exist on the branch.
"""

from __future__ import annotations

import pytest
from cli_harness import make_project, run_cli, snapshot

from tertial import sources
from tertial.errors import TertialError

REPORT = "sources/reports/hagersten-alvsjo-2023-t2.txt"


def tamper(project):
    path = project / REPORT
    data = path.read_bytes()
    path.write_bytes(data.replace("37,4 %".encode(), "47,4 %".encode(), 1))  # one changed figure
    assert path.read_bytes() != data


def test_load_manifest_refuses_a_changed_report(tmp_path):
    project = make_project(tmp_path)
    assert len(sources.load_manifest(project)) == 3
    tamper(project)
    with pytest.raises(TertialError) as info:
        sources.load_manifest(project)
    assert info.value.path == str(project / REPORT)
    assert "sha256 mismatch" in info.value.message


@pytest.mark.parametrize("command", ["check", "build"])
def test_cli_refuses_a_changed_report_and_changes_nothing(tmp_path, command):
    project = make_project(tmp_path)
    tamper(project)
    before = snapshot(project)
    result = run_cli(command, cwd=project)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tertial: error: "), result.stderr
    assert REPORT in lines[0] and "sha256 mismatch" in lines[0]
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before
