"""Running the real `tertial` command in a subprocess, and checking that a project did not change."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "sources" / "reports"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The real reports and the options to extract them with.
REAL = {
    "hagersten-alvsjo-2023-t2": ("Hägersten-Älvsjö", "T2", "2023"),
    "norrmalm-2022-vp": ("Norrmalm", "VP", "2022"),
    "hagersten-liljeholmen-2020-t1": ("Hägersten-Liljeholmen", "T1", "2020"),
}
# What a project holds that a command could touch (build/ and datapackages/ appear after later merges).
PROJECT_PARTS = ("sources", "curation", "changelog", "datapackages", "build", "mkdocs.yml", "docs", "overrides")


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "TERTIAL_DEBUG"}
    env["PYTHONPATH"] = str(ROOT / "scripts")
    return subprocess.run([sys.executable, "-m", "tertial", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def extract(report: Path, out: Path, cwd: Path, district="Hägersten-Älvsjö", rtype="T2", year="2023"):
    return run_cli("extract", str(report), "--district", district, "--type", rtype, "--year", str(year),
                   "--out", str(out), cwd=cwd)


def make_project(tmp: Path) -> Path:
    """A copy of this project's inputs (and outputs, where present) in a temporary folder."""
    project = tmp / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, project / part)
        elif src.is_file():
            shutil.copy2(src, project / part)
    return project


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder (and every empty folder) with the sha256 of its bytes."""
    state = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file():
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir() and not any(path.iterdir()):
            state[rel + "/"] = "dir"
    return state


def assert_clean_refusal(result: subprocess.CompletedProcess, named: str, line: int | str | None = None) -> str:
    """Exit status not 0, exactly one line on stderr naming the file (and line), no traceback.

    line: the expected line number, None for a message without one, "any" for some line number."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    message = lines[0]
    assert message.startswith("tertial: error: "), message
    if line == "any":
        assert re.search(re.escape(named) + r":\d+: ", message), message
    else:
        where = f"{named}:{line}: " if line is not None else f"{named}: "
        assert where in message, (where, message)
    assert result.stdout == "", result.stdout
    return message


PAYLOAD_REPORT = FIXTURES / "payloads" / "payload-report.txt"


def publish_payload_report(tmp: Path) -> Path:
    """A project (make_project) with the payload report published through `tertial add-report`."""
    project = make_project(tmp)
    result = run_cli("add-report", str(PAYLOAD_REPORT), "--district", "Skärholmen", "--type", "T2",
                     "--year", "2023", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return project
