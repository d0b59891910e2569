"""The build's content-hash cache (build/cache/) saves work and never changes a byte of output.

A small synthetic project (two districts, one year; the bench's generator, the real extractors) is built,
one report is added through add-report (incremental: only the city package's new lines are validated
row by row by Frictionless), then build/ is deleted and everything is built again from nothing: the
packages, the downloads and the changelog are the same bytes.
"""

import shutil
from pathlib import Path

import pytest

from tertial import add_report, bench, build, ids
from tertial.package import proof

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
    """{(package, table): data lines validated row by row by Frictionless}, of the builds since cleared."""
    seen: dict[tuple[str, str], int] = {}
    real = proof.row_problems

    def spy(pkg, table, indexes, workdir):
        seen[(pkg, table.name)] = seen.get((pkg, table.name), 0) + len(indexes)
        return real(pkg, table, indexes, workdir)

    monkeypatch.setattr(proof, "row_problems", spy)
    return seen


def _lines(pkg: Path) -> dict[str, list[str]]:
    return {p.stem: proof.records(p.read_text(encoding="utf-8"))[1:] for p in sorted((pkg / "data").glob("*.csv"))}


def _all_city_lines(project: Path) -> dict[tuple[str, str], int]:
    return {("stockholm", t): len(rows) for t, rows in _lines(project / "datapackages" / "stockholm").items()}


def test_incremental_equals_cold_and_cache_is_safe_to_delete(tmp_path, validated):
    project = tmp_path / "project"
    project.mkdir()
    _, templates = bench.write_project(ROOT, project, districts=2, years=1)
    quiet = build.Context(out=lambda line: None)
    build.build(project, quiet)
    first, second = (ids.district_id(n) for n in bench.current_districts(2))
    # cold: every line of the city package once (the district packages by Frictionless in full)
    assert validated == _all_city_lines(project) and sum(validated.values()) > 1000

    # one more report for the first district: its package and the city's change, the other's does not
    validated.clear()
    before = {name: _files(project / "datapackages" / name / "data") for name in ("stockholm", first, second)}
    old_lines = _lines(project / "datapackages" / "stockholm")
    text, _ = bench.make_report(templates, bench.current_districts(2)[0], bench.EXTRA_TYPE,
                               bench.LAST_YEAR + 1)
    extra = tmp_path / "extra.txt"
    extra.write_text(text, encoding="utf-8")
    add_report.add_report(project, extra, build=lambda root: build.build(root, build.Context(out=lambda l: None)))
    changed = sorted(n for n, files in before.items() if _files(project / "datapackages" / n / "data") != files)
    assert changed == sorted(["stockholm", first])  # the other district's tables are the same bytes
    new_lines = _lines(project / "datapackages" / "stockholm")
    expected = {("stockholm", t): len(set(rows) - set(old_lines[t])) for t, rows in new_lines.items()}
    expected = {k: n for k, n in expected.items() if n}
    assert validated == expected  # only the lines not validated before (none of the district's: the city's)
    assert 0 < sum(expected.values()) < sum(len(r) for r in new_lines.values()) / 2
    assert (project / "build" / "cache" / "package" / "lines" / "goals.txt").is_file()
    incremental = _outputs(project)
    assert any(k.endswith(".xlsx") for k in incremental) and any(k.endswith(".zip") for k in incremental)

    # a build with nothing cached (nor extracted) gives the same bytes; the packages it makes are the
    # published ones, byte for byte (validated when published): not validated again
    validated.clear()
    shutil.rmtree(project / "build")
    build.build(project, build.Context(out=lambda line: None))
    assert validated == {}
    cold = _outputs(project)
    assert sorted(cold) == sorted(incremental)
    assert [k for k in cold if cold[k] != incremental[k]] == []

    # and a rebuild with everything cached validates nothing row by row and still gives the same bytes
    validated.clear()
    build.build(project, build.Context(out=lambda line: None))
    assert sum(validated.values()) == 0
    assert _outputs(project) == cold


def test_changed_table_is_validated_again(tmp_path, validated):
    """A cached line hash is tied to the bytes: the one changed line is validated row by row again."""
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
    # the changed indicator row and the new row of the corrections table; nothing else
    assert {k: v for k, v in validated.items() if v} == {("stockholm", "indicator_results"): 1,
                                                          ("stockholm", "corrections"): 1}
