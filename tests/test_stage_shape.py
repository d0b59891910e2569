"""Every stage has one shape: a module with `run(root, ctx) -> list[str]`, READS and WRITES; run in order on a
copy of the project, each stage opens for reading only what it declares (or its own output) and changes only
what it declares it writes."""

from __future__ import annotations

import hashlib
import inspect
import os
import shutil
import sys
from pathlib import Path

import pytest

from tertial import build

REPO = Path(__file__).resolve().parents[1]
INPUTS = ("sources", "curation", "changelog", "datapackages", "docs", "overrides", "mkdocs.yml")
_watch: dict = {"root": None, "opened": set()}  # the audit hook records files opened below "root"


def _hook(event: str, args: tuple) -> None:
    root = _watch["root"]
    if root is None or event not in ("open", "os.listdir", "os.scandir") or not args:
        return
    path = args[0]
    if isinstance(path, (str, bytes, os.PathLike)):
        path = os.fsdecode(path)
        if path.startswith(root):
            _watch["opened"].add(os.path.relpath(path, root))


sys.addaudithook(_hook)  # process-wide and permanent; inert while _watch["root"] is None


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _under(path: str, declared) -> bool:
    return any(path == str(d) or path.startswith(f"{d}/") for d in declared)


def test_every_stage_has_the_same_entry_point_and_declares_its_files():
    assert [s.name for s in build.STAGES] == ["extract", "curate", "changelog", "package", "site"]
    for stage in build.STAGES:
        module = stage.load()
        assert list(inspect.signature(module.run).parameters)[:2] == ["root", "ctx"], stage.name
        for declared in (module.READS, module.WRITES):
            assert declared and all(isinstance(p, Path) and not p.is_absolute() for p in declared), stage.name


@pytest.mark.slow
def test_each_stage_reads_what_it_declares_and_writes_only_its_own_output(tmp_path):
    root = tmp_path / "project"
    for part in INPUTS:
        (shutil.copytree if (REPO / part).is_dir() else shutil.copy)(REPO / part, root / part)
    ctx = build.Context(out=lambda line: None)
    problems = []
    for stage in build.STAGES:
        module = stage.load()
        before = _files(root)
        _watch["opened"] = set()
        _watch["root"] = str(root) + os.sep
        try:
            stage.run(root, ctx)
        finally:
            _watch["root"] = None
        after = _files(root)
        changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
        problems += [f"{stage.name} wrote {p}" for p in changed if not _under(p, module.WRITES)]
        allowed = (*module.READS, *module.WRITES)
        problems += [f"{stage.name} read {p}" for p in sorted(_watch["opened"])
                     if p != "." and not _under(p, allowed) and not any(_under(str(a), [p]) for a in allowed)]
        assert changed or stage.name == "changelog", f"{stage.name} wrote nothing"  # no change: no entry
    assert problems == []
