"""Rule: a read-only datapackages/ and a full disk stop a run in one line (exit 2) with the project byte for
byte as before and nothing left behind; the next run on a writable, roomy disk succeeds. The read-only
folder is a read-only bind mount (root) or chmod (anyone else); the full disk a tiny tmpfs (root only:
skipped elsewhere; the injected ENOSPC of tests/test_fault_interrupts.py runs everywhere)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from fault_project import REPORT, base_project, copy, leftovers, snapshot, tertial

ADD = ("add-report", str(REPORT), "--district", "Södermalm")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return base_project(tmp_path_factory.mktemp("disk"))


def mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def read_only(folder) -> callable:
    """Make `folder` read-only; return the undo (or skip when this machine cannot)."""
    if os.geteuid() != 0:
        for dirpath, _, _ in os.walk(folder):
            os.chmod(dirpath, 0o555)
        return lambda: [os.chmod(d, 0o755) for d, _, _ in os.walk(folder)]
    if shutil.which("mount") and mount("--bind", str(folder), str(folder)):
        if mount("-o", "remount,ro,bind", str(folder)):
            return lambda: subprocess.run(["umount", str(folder)], check=True)
        subprocess.run(["umount", str(folder)], check=True)
    pytest.skip("cannot make a folder read-only here (root without mount)")


@pytest.mark.parametrize("command", [("build",), ADD], ids=["build", "add-report"])
def test_a_read_only_datapackages_is_refused_and_nothing_changes(base, tmp_path, command):
    project = copy(base, tmp_path / "p", change=True)
    undo = read_only(project / "datapackages")
    try:
        before = snapshot(project)
        result = tertial(*command, cwd=project)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and "datapackages" in lines[0] and "not writable" in lines[0], result.stderr
        assert snapshot(project) == before and not leftovers(project)
    finally:
        undo()
    assert tertial(*command, cwd=project).returncode == 0


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="a tmpfs needs root")
@pytest.mark.parametrize("command", [("build",), ADD], ids=["build", "add-report"])
@pytest.mark.parametrize("room_kb", [64, 1024])
def test_a_full_disk_stops_the_run_and_changes_nothing(base, tmp_path, command, room_kb):
    disk = tmp_path / "disk"
    disk.mkdir()
    used = sum(p.stat().st_size + 4096 for p in base.rglob("*") if p.is_file()) // 1024
    if not mount("-t", "tmpfs", "-o", f"size={used + 512 + room_kb}k", "tmpfs", str(disk)):
        pytest.skip("cannot mount a tmpfs here")
    try:
        project = copy(base, disk / "p", change=True)
        before = snapshot(project)
        result = tertial(*command, cwd=project)
        assert result.returncode == 2, (result.returncode, result.stderr)
        # the last line is tertial's (the package stage's worker processes may print Python's "Exception
        # ignored in ZipFile.__del__" first: their finalizers, not this process's)
        last = result.stderr.splitlines()[-1]
        assert last.startswith("tertial: error: ") and "No space left on device" in last, result.stderr
        assert "nothing was published" in last and "internal error" not in result.stderr
        assert snapshot(project) == before and not leftovers(project)
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)
