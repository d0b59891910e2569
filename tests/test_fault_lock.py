"""Rule: one writer at a time. A second `tertial build` or `add-report` while another holds the project's
lock waits briefly, then refuses in one line naming the holder (pid, command, since when), exit 2, the
project unchanged; one that waits long enough runs after the first; a killed holder's lock is free at once.
The first writer is held at a named pause point (tertial.faults), never by timing."""

from __future__ import annotations

import re
import signal

import pytest
from fault_project import (REPORT, base_project, copy, release, snapshot, start, tertial, wait_reached)

from tertial import changelog, sources


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return base_project(tmp_path_factory.mktemp("lock"))


@pytest.fixture
def project(base, tmp_path):
    return copy(base, tmp_path / "p", change=True)


ADD = ("add-report", str(REPORT), "--district", "Södermalm")
ADD_OTHER = ("add-report", str(REPORT), "--district", "Bromma")
ORDERS = [(("build",), ADD), (ADD, ("build",)), (("build",), ("build",)), (ADD, ADD_OTHER)]


@pytest.mark.parametrize("first,second", ORDERS, ids=["build-then-add", "add-then-build", "build-build", "add-add"])
def test_a_second_writer_is_refused_naming_the_holder(project, tmp_path, first, second):
    flag = tmp_path / "go"
    holder = start(*first, cwd=project, fault=f"{first[0]}-kept-aside:pause", flag=flag)
    try:
        wait_reached(flag, holder)
        during = snapshot(project)
        refused = tertial(*second, cwd=project, TERTIAL_LOCK_WAIT="0.3")
        assert refused.returncode == 2, refused.stderr
        lines = refused.stderr.splitlines()
        assert len(lines) == 1 and "Traceback" not in refused.stderr, refused.stderr
        assert re.search(rf"being written by tertial {first[0]} \(pid {holder.pid}\) since \d{{4}}-\d\d-\d\d ",
                         lines[0]), lines[0]
        assert snapshot(project) == during  # the refused command touched nothing
    finally:
        release(flag)
        out, err = holder.communicate(timeout=300)
    assert holder.returncode == 0, err
    again = tertial(*second, cwd=project)
    assert again.returncode == 0, again.stderr


def test_overlapping_add_reports_both_publish_one_after_the_other(project, tmp_path):
    """The second waits for the lock (long enough), then runs on what the first published."""
    flag = tmp_path / "go"
    first = start(*ADD, cwd=project, fault="add-report-kept-aside:pause", flag=flag)
    wait_reached(flag, first)
    second = start(*ADD_OTHER, cwd=project, TERTIAL_LOCK_WAIT="120")
    release(flag)
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    listed = {r.report_id for r in sources.load_manifest(project)}
    assert {"sodermalm-2023-t2", "bromma-2023-t2"} <= listed
    entries = changelog.load_entries(project)
    assert [e["number"] for e in entries] == list(range(1, len(entries) + 1))
    named = [r["report_id"] for e in entries[-2:] for r in e["reports_added"]]
    assert sorted(named) == ["bromma-2023-t2", "sodermalm-2023-t2"]
    assert tertial("check", cwd=project).returncode == 0


def test_a_killed_holders_lock_is_free_at_once(project, tmp_path):
    flag = tmp_path / "go"
    holder = start("build", cwd=project, fault="lock-held:pause", flag=flag)
    wait_reached(flag, holder)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=60)
    result = tertial("build", cwd=project, TERTIAL_LOCK_WAIT="0")
    assert result.returncode == 0, result.stderr


def test_a_folder_that_is_not_a_project_is_refused_and_left_as_it_was(tmp_path):
    for command in (("build",), ADD, ("check",)):
        result = tertial("--root", str(tmp_path), *command, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "not a tertial project" in result.stderr and len(result.stderr.splitlines()) == 1
        assert list(tmp_path.iterdir()) == []
