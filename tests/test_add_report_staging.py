"""Rule: add-report's staging copy shares the build caches by hard link and leaves out the folders the site
stage rebuilds whole; a real build that fails at its very end still leaves every file of the project,
build/ included, byte for byte as it was, and a successful one moves the rebuilt site in whole."""

from __future__ import annotations

import shutil

import pytest

from test_add_report import HA_T2, project_copy, snapshot
from tertial import add_report as ar
from tertial import build
from tertial.errors import TertialError


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("staging") / "project")
    build.build(root, build.Context(out=lambda line: None))
    return root


@pytest.fixture
def project(built, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


def test_the_staging_copy_shares_caches_and_leaves_out_the_rebuilt_site(project):
    staging, files = ar.stage_copy(project)
    try:
        shared = [rel for rel in files if ar._inside(rel, ar.SHARED)]
        assert shared, "a built project has build caches"
        assert all((staging / rel).samefile(project / rel) for rel in shared)
        assert not (staging / "build" / "site").exists() and not (staging / "build" / "docs").exists()
        assert (staging / "datapackages").is_dir()
        copied = staging / "sources" / "reports.yml"
        assert not copied.samefile(project / "sources" / "reports.yml")
    finally:
        shutil.rmtree(staging)


def test_a_real_build_failing_at_its_end_changes_no_file(project):
    def build_then_fail(root):
        build.build(root, build.Context(out=lambda line: None))  # every stage writes, caches included
        raise TertialError("injected failure after the build", root / "datapackages")

    before = snapshot(project)
    with pytest.raises(TertialError, match="injected failure"):
        ar.add_report(project, HA_T2, district="Södermalm", build=build_then_fail)
    assert snapshot(project) == before


def test_a_successful_build_moves_the_rebuilt_site_in_whole(project):
    old_page = project / "build" / "site" / "stadsdelar" / "sodermalm" / "2023-t2" / "index.html"
    assert not old_page.exists()
    ar.add_report(project, HA_T2, district="Södermalm")
    assert old_page.is_file()
    assert not list(project.glob(f"{ar.STAGING_PREFIX}*"))
    assert not (project / "build" / ".site.old").exists() and not (project / "build" / ".docs.old").exists()
    assert (project / "build" / "docs" / "stadsdelar" / "sodermalm" / "2023-t2" / "index.md").is_file()
