"""`tertial review` lists every needs_review row with its source lines and printed text, until a
correction settles it; `tertial check` validates without writing."""

import csv
import subprocess
import sys
from pathlib import Path

from goldfixture import build_project

HL = "hagersten-liljeholmen-2020-t1"


def _tertial(root: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tertial", "--root", str(root), *args],
                          capture_output=True, text=True, check=False)


def test_review_lists_flagged_rows_and_a_correction_settles_one(tmp_path):
    build_project(tmp_path, until="extract")
    with (tmp_path / "build" / "extracted" / HL / "indicator_results.csv").open(encoding="utf-8") as fh:
        flagged = [r for r in csv.DictReader(fh) if r["needs_review"] == "true"]
    assert flagged
    res = _tertial(tmp_path, "review")
    assert res.returncode == 0, res.stderr
    assert f"{len(flagged)} rows need review" in res.stdout
    first = flagged[0]
    line = int(first["source_line"])
    report_lines = (tmp_path / "sources" / "reports" / f"{HL}.txt").read_text(encoding="utf-8").split("\n")
    assert f"sources/reports/{HL}.txt:{line}-" in res.stdout
    assert f"{line:>5} | {report_lines[line - 1]}" in res.stdout  # the printed text, with its line number
    assert first["name"] in res.stdout

    (tmp_path / "curation" / "corrections.yml").write_text(
        f"corrections:\n  - {{report_id: {HL}, source_line: {line}, set: {{needs_review: false}}, "
        "reason: checked against the report}\n", encoding="utf-8")
    res = _tertial(tmp_path, "review")
    assert f"{len(flagged) - 1} rows need review" in res.stdout
    assert f"sources/reports/{HL}.txt:{line}-" not in res.stdout


def test_check_writes_nothing_and_names_a_bad_sha(tmp_path):
    build_project(tmp_path, until="extract")
    before = sorted(p for p in tmp_path.rglob("*"))
    res = _tertial(tmp_path, "check")
    assert res.returncode == 0, res.stderr
    assert "2 reports, every sha256 matches" in res.stdout
    assert sorted(p for p in tmp_path.rglob("*")) == before
    report = tmp_path / "sources" / "reports" / f"{HL}.txt"
    report.write_bytes(report.read_bytes() + b"\n")
    res = _tertial(tmp_path, "check")
    assert res.returncode == 2 and "sha256 mismatch" in res.stderr and f"{HL}.txt" in res.stderr


def test_check_refuses_bad_yaml_with_its_line(tmp_path):
    build_project(tmp_path, until="extract")
    (tmp_path / "curation" / "city_goals.yml").write_text("threshold: 0.9\ngoals:\n  - {mandate: 2020, level: "
                                                         "verksamhetsmal, title: x}\n", encoding="utf-8")
    res = _tertial(tmp_path, "check")
    assert res.returncode == 2
    assert res.stderr.startswith("tertial: error: curation/city_goals.yml:3: mandate must be the first year")
