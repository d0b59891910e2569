"""Small projects for the fault tests (tests/test_fault_*.py): the three real reports, built once without a
site (no mkdocs.yml: the site stage skips itself), copied per test; the real `tertial` command run in a
subprocess with a fault injected at a named point (tertial.faults); snapshots of what a run may change."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from cli_harness import ROOT, make_project

from tertial import sources

# A correction that changes the published data (so a build has something to publish).
CHANGE = """corrections:
  - report_id: hagersten-alvsjo-2023-t2
    source_line: 158
    table: goals
    column: assessment
    value: delvis
    reason: a change that must reach the packages
"""
REPORT = ROOT / "sources" / "reports" / "hagersten-alvsjo-2023-t2.txt"
# caches a build may refresh whatever happens; never published
CACHES = ("build/extracted/", "build/cache/", "build/chart-cache/", "build/curated/", "build/docs/")


def base_project(tmp: Path) -> Path:
    project = make_project(tmp)
    (project / "mkdocs.yml").unlink(missing_ok=True)
    for part in ("datapackages", "changelog", "build"):
        shutil.rmtree(project / part, ignore_errors=True)
    manifest = [r for r in sources.load_manifest(project) if r.report_id == REPORT.stem]  # one report: quick
    (project / sources.MANIFEST).write_text(sources.dump_manifest(manifest), encoding="utf-8")
    for other in (project / sources.REPORTS_DIR).iterdir():
        if other.name != REPORT.name:
            other.unlink()
    result = tertial("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def copy(base: Path, dest: Path, change: bool = False) -> Path:
    shutil.copytree(base, dest, symlinks=True)
    if change:
        (dest / "curation" / "corrections.yml").write_text(CHANGE, encoding="utf-8")
    return dest


def env(fault: str | None = None, flag: Path | None = None, **extra: str) -> dict:
    out = {k: v for k, v in os.environ.items() if k not in ("TERTIAL_DEBUG", "TERTIAL_FAULT")}
    out["PYTHONPATH"] = str(ROOT / "scripts")
    if fault:
        out["TERTIAL_FAULT"] = fault
    if flag:
        out["TERTIAL_FAULT_FILE"] = str(flag)
    out.update(extra)
    return out


def tertial(*args: str, cwd: Path, fault: str | None = None, timeout: float = 300,
            **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tertial", *args], cwd=cwd, env=env(fault, **extra),
                          capture_output=True, text=True, timeout=timeout)


def start(*args: str, cwd: Path, fault: str | None = None, flag: Path | None = None, **extra: str):
    """The command in the background (its own process group, as a terminal's job is)."""
    return subprocess.Popen([sys.executable, "-m", "tertial", *args], cwd=cwd, env=env(fault, flag, **extra),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_reached(flag: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until the process stands at its pause point (it wrote flag.reached)."""
    reached = Path(f"{flag}.reached")
    deadline = time.monotonic() + timeout
    while not reached.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the pause point was never reached"
        time.sleep(0.02)


def release(flag: Path) -> None:
    flag.write_text("go")


def interrupt(proc: subprocess.Popen, signum=signal.SIGINT, times: int = 1) -> None:
    """Ctrl-C as a terminal sends it (to the whole process group); SIGTERM to the process alone."""
    for _ in range(times):
        if signum == signal.SIGTERM:
            proc.send_signal(signum)
        else:
            os.killpg(proc.pid, signum)


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the project but the caches, with the sha256 of its bytes (and every empty folder)."""
    state = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if (rel + "/").startswith(CACHES):
            continue
        if path.is_file():
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir() and not any(path.iterdir()):
            state[rel + "/"] = "dir"
    return state


def leftovers(root: Path) -> list[str]:
    """What an interrupted run may leave that the next command must clear away."""
    found = list(root.glob(".tertial-add-*")) + [root / "build" / p for p in (".tertial-journal", ".rollback")]
    return [str(p.relative_to(root)) for p in found if p.exists()]
