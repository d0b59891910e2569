"""Incremental site: after one more report, pages whose inputs did not change come from the page cache,
and the generated pages (Markdown, charts, files in build/docs/) are the same bytes as a build with
nothing cached."""

import shutil
from pathlib import Path

import pytest

from tertial import add_report, bench, build

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_site_incremental_equals_clean(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    _, templates = bench.write_project(ROOT, project, districts=1, years=1)
    lines: list[str] = []
    build.build(project, build.Context(out=lines.append))
    assert any(line.startswith("site: ") and "pages" in line for line in lines), lines

    text, _ = bench.make_report(templates, bench.current_districts(1)[0], bench.EXTRA_TYPE, bench.LAST_YEAR + 1)
    extra = tmp_path / "extra.txt"
    extra.write_text(text, encoding="utf-8")
    from tertial.site import build as site_build
    figures = {}
    real = site_build.build_site

    def spy(*args, **kwargs):
        figures.update(real(*args, **kwargs))
        return figures

    site_build.build_site = spy
    try:
        import tertial.site as site_pkg
        site_pkg.build_site = spy
        add_report.add_report(project, extra, build=lambda root: build.build(root, build.Context(out=lambda l: None)))
    finally:
        site_build.build_site = real
        site_pkg.build_site = real
    assert figures["pages_cached"] > 0  # the four earlier reports' pages at least
    assert figures["pages_made"] > 0    # the new report's page at least
    incremental = _files(project / "build" / "docs")

    shutil.rmtree(project / "build")
    build.build(project, build.Context(out=lambda l: None))
    clean = _files(project / "build" / "docs")
    assert sorted(clean) == sorted(incremental)
    assert [k for k in clean if clean[k] != incremental[k]] == []
    assert any(k.startswith("stadsdelar/") and k.endswith("-vp/index.md") for k in clean)
