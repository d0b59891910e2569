"""Rule: the YAML a maintainer edits (sources/reports.yml, curation/*.yml) cannot exhaust the machine or
publish a wrong value silently: aliases (a "billion laughs" bomb) are refused with the line, at once; a key
given twice is refused with the file and line (never "the last one wins"); a value of the wrong type is
refused naming the file, line and key, exit 2 (never 3, "internal error"); the project is unchanged."""

from __future__ import annotations

import resource
import time

import pytest
import subprocess
import sys

from cli_harness import ROOT
from fault_project import CHANGE, base_project, copy, snapshot, tertial


def bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


MANIFEST_BOMB = bomb() + "reports: *a9\n"
CORRECTIONS_BOMB = bomb() + "corrections:\n  - report_id: x\n    source_line: 1\n    column: name\n    value: *a9\n    reason: r\n"
GOOD = CHANGE
CASES = [  # (file, text, line named, words in the message)
    ("sources/reports.yml", MANIFEST_BOMB, 2, "aliases"),
    ("curation/corrections.yml", CORRECTIONS_BOMB, 2, "aliases"),
    ("curation/indicators.yml", bomb(2) + "units: {}\n", 2, "aliases"),
    ("curation/city_goals.yml", "x: &x 1\nthreshold: *x\n", 2, "aliases"),
    ("curation/corrections.yml", GOOD.replace("    value: delvis\n", "    value: delvis\n    value: helt\n"), 7,
     "given twice (first at line 6)"),
    ("curation/indicators.yml", "units:\n  a: b\n  a: c\n", 3, "given twice"),
    ("sources/reports.yml", "reports: []\nreports: []\n", 2, "given twice"),
    ("curation/corrections.yml", GOOD.replace("report_id: hagersten-alvsjo-2023-t2", "report_id: [1]"), 2,
     "'report_id' must be a text"),
    ("curation/corrections.yml", GOOD.replace("column: assessment", "column: {a: 1}"), 2, "'column' must be"),
    ("curation/indicators.yml", "units: [1, 2]\n", 1, "'units' must be a mapping"),
    ("curation/indicators.yml", "indicators:\n  - name: x\n    description: {a: 1}\n", 2, "'description'"),
    ("curation/city_goals.yml", "goals:\n  - mandate: 2019\n    level: verksamhetsmal\n    title: [t]\n", 2,
     "'title' must be a text"),
    ("curation/city_goals.yml", "goals:\n  - mandate: 2019\n    level: verksamhetsmal\n    title: t\n"
     "    aliases: 5\n", 2, "'aliases' must be a list of texts"),
    ("sources/reports.yml", "reports: 5\n", 1, "must be a list"),
    ("sources/reports.yml", "reports:\n  - report_id: x\n", 2, "lacks"),
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return base_project(tmp_path_factory.mktemp("yaml"))


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("name,text,line,words", CASES, ids=[f"{c[0].split('/')[1]}-{c[3][:18]}" for c in CASES])
def test_bad_yaml_is_one_line_naming_file_and_line(base, tmp_path, command, name, text, line, words):
    project = copy(base, tmp_path / "p")
    (project / name).write_text(text, encoding="utf-8")
    before = snapshot(project)
    start = time.monotonic()
    result = tertial(command, cwd=project)
    assert time.monotonic() - start < 60
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"tertial: error: {name}:{line}: "), result.stderr
    assert words in lines[0], lines[0]
    assert snapshot(project) == before


def test_a_bomb_is_refused_in_little_memory(base, tmp_path):
    """`tertial check` with its address space bounded to 1.5 GB (the bomb would take 24 GB): refused."""
    project = copy(base, tmp_path / "p")
    (project / "sources" / "reports.yml").write_text(MANIFEST_BOMB, encoding="utf-8")

    def bounded():
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, resource.RLIM_INFINITY))

    result = subprocess.run([sys.executable, "-m", "tertial", "check"], cwd=project, preexec_fn=bounded,
                            env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "aliases" in result.stderr, result.stderr
