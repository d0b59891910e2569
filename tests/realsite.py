"""The real project (committed sources, curation, packages) built by `tertial build` into a temporary
folder and served on 127.0.0.1, for browser tests that need the real pages (largest pages, real texts).
Importing `site_url` into a test module makes conftest's `page` fixture open the real site."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_harness import make_project, run_cli
from siteutil import serve


@pytest.fixture(scope="module")
def real_site_dir(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("real-site"))
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "build" / "site"


@pytest.fixture(scope="module")
def site_url(real_site_dir):
    server, url = serve(real_site_dir)
    yield url
    server.shutdown()


def largest_page(site: Path, pattern: str) -> str:
    """The address ("/stadsdelar/x/") of the largest index.html matching pattern (a glob under site)."""
    path = max(site.glob(pattern), key=lambda p: (p.stat().st_size, str(p)))
    rel = path.parent.relative_to(site).as_posix()
    return "/" if rel == "." else f"/{rel}/"
