"""The GitHub Actions workflows: valid by GitHub's workflow schema, clean by zizmor, least privilege, pinned."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?P<comment>\s+#\s*v\d+(?:\.\d+)*)?")


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed in the virtual environment (it is pinned in requirements.lock)")
    return str(path)


def _load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); map it back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def test_the_three_workflows_exist():
    assert {p.name for p in FILES} >= {"test.yml", "publish.yml", "fuzz.yml"}


def test_workflows_validate_against_githubs_schema():
    proc = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           *map(str, FILES)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("name: bad\non: push\njobs:\n  a:\n    steps: []\n", encoding="utf-8")  # no runs-on
    proc = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode != 0


def _zizmor(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([_tool("zizmor"), "--offline", "--format=json", *map(str, paths)],
                          capture_output=True, text=True)


def test_zizmor_finds_nothing():
    proc = _zizmor(*FILES)
    findings = json.loads(proc.stdout or "[]")
    assert proc.returncode == 0 and findings == [], [(f["ident"], f.get("desc")) for f in findings]


def test_zizmor_does_flag_a_careless_workflow(tmp_path):
    """The audit is live: an unpinned action with a template injection is reported."""
    bad = tmp_path / "careless.yml"
    bad.write_text(
        "name: careless\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo \"${{ github.event.head_commit.message }}\"\n", encoding="utf-8")
    proc = _zizmor(bad)
    idents = {f["ident"] for f in json.loads(proc.stdout or "[]")}
    assert proc.returncode != 0
    assert {"unpinned-uses", "template-injection"} <= idents


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    uses = [m for line in path.read_text(encoding="utf-8").splitlines() if (m := PINNED.match(line))]
    assert uses, f"{path.name} uses no action"
    for m in uses:
        assert re.fullmatch(r"[0-9a-f]{40}", m["ref"]), f"{m['action']} is not pinned to a full commit SHA"
        assert m["comment"], f"{m['action']}@{m['ref']} lacks a '# vX.Y.Z' comment"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_least_privilege_and_no_persisted_credentials(path):
    wf = _load(path)
    assert wf.get("permissions") == {}, "top-level permissions must be empty; each job asks for what it needs"
    assert "concurrency" in wf
    for name, job in wf["jobs"].items():
        assert "permissions" in job, f"job {name} must state its permissions"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False


def test_publish_triggers_and_deploys():
    wf = _load(WORKFLOWS / "publish.yml")
    on = wf["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    months = sorted(int(s["cron"].split()[3]) for s in on["schedule"])
    assert months == [3, 6, 10]  # after VB (March), T1 (June) and T2 (October) are due
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    runs = "\n".join(s.get("run", "") for s in build["steps"])
    assert "make test" in runs and "tertial build" in runs and "frictionless validate" in runs
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    assert build["permissions"] == {"contents": "read"}
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert wf["concurrency"]["cancel-in-progress"] is False


def test_tests_run_on_pull_requests_and_pushes_with_a_cache():
    wf = _load(WORKFLOWS / "test.yml")
    assert "pull_request" in wf["on"] and "push" in wf["on"]
    steps = wf["jobs"]["test"]["steps"]
    assert any(s.get("with", {}).get("cache") == "pip" for s in steps)
    assert any("make test" in s.get("run", "") for s in steps)


def test_makefile_has_a_fuzz_target_run_by_the_fuzz_workflow():
    assert re.search(r"^fuzz:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    wf = _load(WORKFLOWS / "fuzz.yml")
    assert "schedule" in wf["on"]
    assert any("make fuzz" in s.get("run", "") for s in wf["jobs"]["fuzz"]["steps"])
