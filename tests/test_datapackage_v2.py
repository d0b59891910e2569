"""Every published package is a Data Package v2: it declares the v2 profile (at the root: frictionless 5.x
makes resources and schemas inherit it), `frictionless validate` passes, frictionless reads it as v2 (a v2-only
construct is accepted, and refused once the declaration is removed), and every published field is kept."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import Package
from frictionless.exception import FrictionlessException
from goldfixture import built_project
from published import ROOT

from tertial.package import metadata

FRICTIONLESS = str(Path(sys.executable).with_name("frictionless"))


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return built_project(tmp_path_factory)


def descriptors(root: Path) -> dict[str, dict]:
    paths = sorted((root / "datapackages").glob("*/datapackage.json"))
    assert len(paths) >= 3
    return {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in paths}


def test_every_package_declares_v2_at_the_root_only(root):
    for name, desc in descriptors(root).items():
        assert list(desc)[0] == "$schema" and desc["$schema"] == metadata.PROFILE, name
        assert all("$schema" not in r and "$schema" not in r["schema"] for r in desc["resources"]), name
        assert Package.effective_datapackage_version(desc, None) == "v2", name


def test_frictionless_validate_passes(root):
    for path in sorted((root / "datapackages").glob("*/datapackage.json")):
        out = subprocess.run([FRICTIONLESS, "validate", "--json", str(path)], capture_output=True, text=True)
        report = json.loads(out.stdout)
        assert out.returncode == 0 and report["valid"], (path, report["errors"])


def test_read_as_v2_not_v1(root, tmp_path):
    """Missing values in object form are a v2 construct: accepted under the declared profile, refused when
    the descriptor declares none (read as v1)."""
    folder = root / "datapackages" / "stockholm"
    desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"][0]["schema"]["missingValues"] = [{"value": "", "label": "inte redovisat"}]

    def valid(d) -> bool:
        try:
            return Package(d, basepath=str(folder)).validate().valid
        except FrictionlessException:  # refused when the descriptor is read
            return False

    assert valid(desc)
    assert not valid({k: v for k, v in desc.items() if k != "$schema"})


def _fields(value, where="") -> set[str]:
    """The field paths of a descriptor (a list's items under `[]`)."""
    if isinstance(value, dict):
        return {where} | {p for k, v in value.items() for p in _fields(v, f"{where}.{k}")}
    if isinstance(value, list):
        return {where} | {p for v in value for p in _fields(v, f"{where}[]")}
    return {where}


def test_published_fields_are_kept(root):
    """Every field of the committed descriptors is still written (fields are added, never renamed), the
    contributors' `role` beside v2's `roles`, and each table keeps its address."""
    built = descriptors(root)
    for name in built:
        committed = json.loads((ROOT / "datapackages" / name / "datapackage.json").read_text(encoding="utf-8"))
        assert _fields(committed) - _fields(built[name]) == set(), name
        assert {r["name"]: r["path"] for r in committed["resources"]} == {r["name"]: r["path"]
                                                                         for r in built[name]["resources"]}
        assert [c["roles"] == [c["role"]] for c in built[name]["contributors"]] == [True, True]
