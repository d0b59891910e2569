"""The build's content-hash cache (build/cache/) saves work and never changes a byte of output.

A small synthetic project (two districts, one year; the bench's generator, the real extractors) is built,
one report is added through add-report (incremental: only the packages whose tables changed are
validated row by row), then build/ is deleted and everything is built again from nothing: the packages,
the downloads and the changelog are the same bytes.
"""

import shutil
from pathlib import Path

import pytest

from tertial import add_report, bench, build, ids
from tertial.package import validate

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _outputs(project: Path) -> dict[str, bytes]:
    out = {}
    for name in ("datapackages", "changelog", "build/downloads", "build/curated"):
        out.update({f"{name}/{k}": v for k, v in _files(project / name).items()})
    return out


@pytest.fixture
def validated(monkeypatch):
    """The packages validated row by row (by folder name), in order."""
    seen: list[str] = []
    real = validate.problems

    def spy(package_json):
        seen.append(Path(package_json).parent.name)
        return real(package_json)

    monkeypatch.setattr(validate, "problems", spy)
    return seen


def test_incremental_equals_cold_and_cache_is_safe_to_delete(tmp_path, validated):
    project = tmp_path / "project"
    project.mkdir()
    _, templates = bench.write_project(ROOT, project, districts=2, years=1)
    quiet = build.Context(out=lambda line: None)
    build.build(project, quiet)
    first, second = (ids.district_id(n) for n in bench.current_districts(2))
    assert sorted(validated) == sorted(["stockholm", first, second])

    # one more report for the first district: its package and the city's change, the other's does not
    validated.clear()
    before = {name: _files(project / "datapackages" / name / "data") for name in ("stockholm", first, second)}
    text, _ = bench.make_report(templates, bench.current_districts(2)[0], bench.EXTRA_TYPE,
                               bench.LAST_YEAR + 1)
    extra = tmp_path / "extra.txt"
    extra.write_text(text, encoding="utf-8")
    add_report.add_report(project, extra, build=lambda root: build.build(root, build.Context(out=lambda l: None)))
    changed = sorted(n for n, files in before.items() if _files(project / "datapackages" / n / "data") != files)
    assert changed == sorted(["stockholm", first])  # the other district's tables are the same bytes
    assert sorted(validated) == changed
    assert (project / "build" / "cache" / "package" / "valid" / f"{second}.json").is_file()
    incremental = _outputs(project)
    assert any(k.endswith(".xlsx") for k in incremental) and any(k.endswith(".zip") for k in incremental)

    # a build with nothing cached (nor extracted) gives the same bytes
    validated.clear()
    shutil.rmtree(project / "build")
    build.build(project, build.Context(out=lambda line: None))
    assert sorted(validated) == sorted(["stockholm", first, second])
    cold = _outputs(project)
    assert sorted(cold) == sorted(incremental)
    assert [k for k in cold if cold[k] != incremental[k]] == []

    # and a rebuild with everything cached validates nothing row by row and still gives the same bytes
    validated.clear()
    build.build(project, build.Context(out=lambda line: None))
    assert validated == []
    assert _outputs(project) == cold


def test_changed_table_is_validated_again(tmp_path, validated):
    """A cached key is tied to the bytes: a package whose data changed is validated row by row."""
    project = tmp_path / "project"
    project.mkdir()
    bench.write_project(ROOT, project, districts=1, years=1)
    build.build(project, build.Context(out=lambda line: None))
    validated.clear()
    # a correction changes one cell: both packages' indicator_results change
    import csv
    with (project / "build" / "curated" / "indicator_results.csv").open(encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["period_outcome"])
    (project / "curation" / "corrections.yml").write_text(
        "corrections:\n"
        f"- report_id: {row['report_id']}\n  source_line: {row['source_line']}\n"
        "  column: period_outcome\n  value: 12345\n  reason: test\n", encoding="utf-8")
    build.build(project, build.Context(out=lambda line: None))
    assert sorted(validated) == sorted(["stockholm", row["report_id"].rsplit("-", 2)[0]])
