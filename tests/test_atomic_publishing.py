"""Issue 6, atomic publishing: a failure injected into each stage of `tertial build` leaves the previously
published packages (datapackages/) and site (build/site/) byte-identical.

For every stage registered in tertial.build.STAGES (extract, curate, package, and the site once it plugs
in), a build that would change the published data (a new correction) is made to fail:
- "start": when the stage begins, after every stage before it has done its work;
- "end": after the stage has done all its work, as if its last step failed (for every stage but the last,
  where that would be a finished build).
The published files are compared by sha256 before and after. Skips until the build stage is on the branch.
"""

from __future__ import annotations

import importlib
import shutil

import pytest
from cli_harness import make_project, snapshot
from fault_project import CHANGE

from tertial.errors import TertialError

from tertial import build

importlib.import_module("tertial.site")  # the site stage may register itself on import

PUBLISHED = ("datapackages", "build/site", "build/downloads")
STAGE_NAMES = [s.name for s in build.STAGES]
CASES = [(name, "start") for name in STAGE_NAMES] + [(name, "end") for name in STAGE_NAMES[:-1]]


def published(root):
    state = snapshot(root)
    return {k: v for k, v in state.items() if k.startswith(tuple(p + "/" for p in PUBLISHED))}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("atomic"))
    build.build(project, build.Context(out=lambda line: None))
    return project


def changed_copy(baseline, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(baseline, project)
    (project / "curation").mkdir(exist_ok=True)
    (project / "curation" / "corrections.yml").write_text(CHANGE, encoding="utf-8")
    return project


def test_the_change_reaches_the_published_files_when_nothing_fails(baseline, tmp_path):
    """Guard: without a failure the same build does change the packages, so the tests below can fail."""
    project = changed_copy(baseline, tmp_path)
    before = published(project)
    assert any(k.startswith("datapackages/") for k in before)
    build.build(project, build.Context(out=lambda line: None))
    assert published(project) != before


@pytest.mark.parametrize("stage_name,when", CASES, ids=[f"{s}-{w}" for s, w in CASES])
def test_injected_failure_leaves_packages_and_site_byte_identical(baseline, tmp_path, monkeypatch,
                                                                  stage_name, when):
    project = changed_copy(baseline, tmp_path)
    before = published(project)
    stage = next(s for s in build.STAGES if s.name == stage_name)
    real = stage.run

    def failing(root, ctx):
        if when == "end":
            list(real(root, ctx))
        raise TertialError(f"injected failure in the {stage_name} stage ({when})")

    monkeypatch.setattr(stage, "run", failing)
    with pytest.raises(TertialError, match="injected failure"):
        build.build(project, build.Context(out=lambda line: None))
    assert published(project) == before
    assert not (project / "build" / "downloads.staging").exists()


def test_the_site_stage_is_among_the_stages_failures_are_injected_into():
    """The site must be a stage of `tertial build` (build.STAGES), or the site's publishing is
    not covered by the injected failures above."""
    assert any("site" in name for name in STAGE_NAMES), STAGE_NAMES
