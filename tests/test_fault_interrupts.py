"""Rule: Ctrl-C (once or twice, to the whole process group as a terminal sends it) or SIGTERM during a
build or add-report is handled once: the run rolls back, says in one line that nothing was published, exits
130, leaves no worker traceback and no leftover, and the project is byte for byte as before; the next run
succeeds. A full disk (ENOSPC injected at a named point) is one line, exit 2, the project as before."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import time

import pytest
from fault_project import (REPORT, base_project, copy, interrupt, leftovers, snapshot, start, tertial,
                           wait_reached)

from tertial import ids, sources

ADD = ("add-report", str(REPORT), "--district", "Södermalm")
CASES = [("build", "build-stage-package"), ("build", "build-before-commit"), ("add-report", "add-moving"),
         ("add-report", "add-report-before-commit")]
COMMANDS = {"build": ("build",), "add-report": ADD}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return base_project(tmp_path_factory.mktemp("interrupts"))


@pytest.mark.parametrize("signum,times", [(signal.SIGINT, 1), (signal.SIGINT, 2), (signal.SIGTERM, 1)],
                         ids=["ctrl-c", "ctrl-c-twice", "sigterm"])
@pytest.mark.parametrize("name,point", CASES, ids=[p for _, p in CASES])
def test_an_interrupt_rolls_back_once_and_says_so(base, tmp_path, name, point, signum, times):
    project = copy(base, tmp_path / "p", change=True)
    before = snapshot(project)
    flag = tmp_path / "go"
    proc = start(*COMMANDS[name], cwd=project, fault=f"{point}:pause", flag=flag)
    wait_reached(flag, proc)
    interrupt(proc, signum, times)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.splitlines() == ["tertial: interrupted; nothing was published (the project is as it was before)"]
    assert snapshot(project) == before and not leftovers(project)
    assert tertial(*COMMANDS[name], cwd=project).returncode == 0


@pytest.mark.parametrize("name,point", [("build", "build-stage-changelog"), ("build", "build-kept-aside"),
                                        ("add-report", "add-moving")])
def test_a_full_disk_is_one_line_and_changes_nothing(base, tmp_path, name, point):
    project = copy(base, tmp_path / "p", change=True)
    before = snapshot(project)
    result = tertial(*COMMANDS[name], cwd=project, fault=f"{point}:enospc")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0] and "nothing was published" in lines[0]
    assert snapshot(project) == before and not leftovers(project)


def _children(pid: int) -> list[str]:
    path = f"/proc/{pid}/task/{pid}/children"
    return open(path).read().split() if os.path.exists(path) else []


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc to see the workers")
def test_ctrl_c_twice_while_workers_extract_is_one_line_and_no_worker_traceback(base, tmp_path):
    """Four reports to extract: two worker processes (tertial.extract.stage.PARALLEL_FROM), which ignore Ctrl-C."""
    project = copy(base, tmp_path / "p")
    reports = sources.load_manifest(project)
    for district in ("Bromma", "Farsta", "Skarpnäck"):
        did = ids.district_id(district)
        rep = dataclasses.replace(reports[0], district=district, district_id=did,
                                  report_id=ids.report_id(did, 2023, "T2"), file=f"sources/reports/{did}-2023-t2.txt")
        shutil.copy2(REPORT, project / rep.file)
        reports.append(rep)
    (project / sources.MANIFEST).write_text(sources.dump_manifest(reports), encoding="utf-8")
    assert tertial("build", cwd=project).returncode == 0
    shutil.rmtree(project / "build" / "extracted")
    before = snapshot(project)
    proc = start("build", cwd=project)
    while len(_children(proc.pid)) < 2 and proc.poll() is None:  # the workers have started
        time.sleep(0.02)
    interrupt(proc, signal.SIGINT, times=2)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.splitlines() == ["tertial: interrupted; nothing was published (the project is as it was before)"]
    assert snapshot(project) == before and not leftovers(project)
