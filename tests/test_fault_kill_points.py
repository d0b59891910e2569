"""Rule: a run killed (SIGKILL: no clean-up of its own) at any named point of publishing leaves a project
that the next command settles, without hand repair, to byte for byte the state before the run (killed
before the commit point) or after it (killed after), saying which; and the command after that succeeds.
The same for a rollback killed half way. Points: tertial.faults.POINTS (named where they are called)."""

from __future__ import annotations

import subprocess

import pytest
from cli_harness import ROOT
from fault_project import REPORT, base_project, copy, leftovers, snapshot, tertial

from tertial import faults

ADD = ("add-report", str(REPORT), "--district", "Södermalm")
BUILD_POINTS = ["lock-held", "build-journal-written", "build-kept-aside", "build-stage-extract",
                "build-stage-curate", "build-stage-changelog", "build-stage-package", "build-before-commit",
                "build-after-commit"]
# add-report: the build in its staging copy (build-*), then the moves into the project (add-*)
ADD_POINTS = ["lock-held", "build-stage-changelog", "build-after-commit", "add-report-journal-written",
              "add-report-kept-aside", "add-moving", "add-report-before-commit", "add-report-after-commit"]
AFTER = {"build-after-commit", "add-report-after-commit"}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return base_project(tmp_path_factory.mktemp("kill"))


@pytest.fixture(scope="module")
def expected(base, tmp_path_factory):
    """The project before and after an undisturbed build (with a correction) and add-report."""
    out = {}
    for name, command in (("build", ("build",)), ("add-report", ADD)):
        project = copy(base, tmp_path_factory.mktemp(name) / "p", change=True)
        before = snapshot(project)
        result = tertial(*command, cwd=project)
        assert result.returncode == 0, result.stderr
        assert snapshot(project) != before  # the run publishes something, so the tests can fail
        out[name] = (before, snapshot(project))
    return out


def test_git_ignores_what_a_killed_run_may_leave():
    for path in (".tertial-add-x1y2/sources/reports.yml", ".tertial-lock", "build/.tertial-journal/journal.json"):
        result = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert result.returncode == 0, f"git does not ignore {path}"


def test_a_killed_add_reports_staging_copy_is_removed_by_the_next_command(base, tmp_path):
    project = copy(base, tmp_path / "p")
    assert tertial(*ADD, cwd=project, fault="build-stage-package").returncode == -9
    assert list(project.glob(".tertial-add-*"))  # the kill left it
    assert tertial("check", cwd=project).returncode == 0
    assert not leftovers(project)


def test_every_point_is_named_in_the_list():
    assert set(BUILD_POINTS + ADD_POINTS + ["rollback-midway"]) <= set(faults.POINTS)


def _killed_then_settled(base, expected, tmp_path, name, command, point):
    project = copy(base, tmp_path / "p", change=True)
    before, after = expected[name]
    killed = tertial(*command, cwd=project, fault=point)
    assert killed.returncode == -9, (killed.returncode, killed.stderr)
    journal_left = (project / "build" / ".tertial-journal" / "journal.json").exists()
    settle = tertial("check", cwd=project)
    assert settle.returncode == 0, settle.stderr
    assert not leftovers(project)
    state = snapshot(project)
    expected_state = after if point in AFTER and (name == "build" or point.startswith("add-")) else before
    assert state == expected_state
    assert ("was rolled back" in settle.stderr) == journal_left, settle.stderr
    if name == "build" and point.startswith("build-") and point not in AFTER:
        assert journal_left  # the kill fell inside the transaction
    again = tertial(*command, cwd=project) if state == before else tertial("build", cwd=project)
    assert again.returncode == 0, again.stderr
    assert snapshot(project) == after
    return settle


@pytest.mark.parametrize("point", BUILD_POINTS)
def test_a_killed_build_is_settled_to_before_or_after(base, expected, tmp_path, point):
    _killed_then_settled(base, expected, tmp_path, "build", ("build",), point)


@pytest.mark.parametrize("point", ADD_POINTS)
def test_a_killed_add_report_is_settled_to_before_or_after(base, expected, tmp_path, point):
    _killed_then_settled(base, expected, tmp_path, "add-report", ADD, point)


def test_a_rollback_killed_half_way_is_finished_by_the_next_command(base, expected, tmp_path):
    project = copy(base, tmp_path / "p", change=True)
    before, after = expected["build"]
    assert tertial("build", cwd=project, fault="build-before-commit").returncode == -9
    assert tertial("check", cwd=project, fault="rollback-midway").returncode == -9
    settle = tertial("check", cwd=project)
    assert settle.returncode == 0 and "was rolled back" in settle.stderr, settle.stderr
    assert snapshot(project) == before and not leftovers(project)
    assert tertial("build", cwd=project).returncode == 0
    assert snapshot(project) == after
