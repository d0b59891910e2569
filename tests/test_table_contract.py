"""One list of each table's columns: the Table Schemas (package/schema/tables.yml, read by tertial/schema.py).

Every place that writes or reads a table agrees with it: a column written by a stage but not in the schema,
or in the schema but written by no stage, fails here; so does a column list written out again in the code."""

from __future__ import annotations

import ast
import csv
import shutil
from pathlib import Path

import pytest

from siteutil import FIXTURE_PACKAGES
from tertial import build, curate, reports, schema, sources
from tertial.extract import extract_file
from tertial.extract.write import TABLE_COLUMNS, tables
from tertial.package.tables import all_tables
from tertial.site import load

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "scripts" / "tertial"
REPORT = "hagersten-liljeholmen-2020-t1"  # one of the real reports


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project's sources and curation, built through the curate stage."""
    root = tmp_path_factory.mktemp("contract")
    for folder in ("sources", "curation"):
        shutil.copytree(REPO / folder, root / folder)
    build.build(root, build.Context(out=lambda s: None), until="curate")
    return root


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def test_each_stage_writes_exactly_the_schema_columns(project):
    for table in schema.stage_tables("extract"):
        assert _header(project / curate.EXTRACTED / REPORT / f"{table}.csv") == schema.stage_columns(table), table
    for table in schema.stage_tables("extract", "curate"):
        assert _header(project / curate.CURATED / f"{table}.csv") == schema.stage_columns(table), table


def test_the_extractor_fills_exactly_the_schema_columns():
    """The rows as extraction builds them, before the writer: a column in the schema that extraction never
    fills, or a key it fills that the schema lacks, fails."""
    for rep in sources.load_manifest(REPO):
        for table, rows in tables(extract_file(REPO / rep.file, rep.meta())).items():
            assert rows, (rep.report_id, table)
            for row in rows:
                assert set(row) == set(schema.stage_columns(table)), \
                    (rep.report_id, table, set(row) ^ set(schema.stage_columns(table)))


def test_every_extracted_row_has_the_schema_columns_and_no_other(project):
    """The rows as the stages build them (not only the header the writer puts on them): a key the code
    fills in that the schema does not list would otherwise be dropped without a word."""
    curated = curate.load_curated(project)
    reps = sources.load_manifest(project)
    published = all_tables(curated, reps)
    for table in schema.table_names():
        rows = published[table]
        assert rows or table == "corrections", f"no {table} rows to check"
        for row in rows:
            assert set(row) == set(schema.columns(table)), (table, set(row) ^ set(schema.columns(table)))


def test_package_stage_rows_are_the_schema_columns():
    assert list(reports.district_rows()[0]) == schema.columns("districts")
    for t in schema.table_names():
        assert set(schema.stage_columns(t)) <= set(schema.columns(t))
    assert schema.stage_tables("package") == ["districts", "reports"]


def test_the_extract_writer_and_the_site_loader_take_the_schema_columns():
    assert {t: list(c) for t, c in TABLE_COLUMNS.items()} == {t: schema.stage_columns(t)
                                                              for t in schema.stage_tables("extract")}
    for table, cols in load.REQUIRED.items():
        assert cols == schema.columns(table), table


def test_the_site_fixture_is_written_with_the_schema_columns():
    """tests/fixtures/make_site_fixture.py takes its columns from the schema: after a column is added,
    run it again (this fails until then)."""
    for pkg in ("stockholm", "hagersten-alvsjo"):
        for path in sorted((FIXTURE_PACKAGES / pkg / "data").glob("*.csv")):
            assert _header(path) == schema.columns(path.stem), (pkg, path.name)


def test_a_loader_given_a_package_without_a_column_refuses_it(tmp_path):
    shutil.copytree(FIXTURE_PACKAGES, tmp_path / "p")
    path = tmp_path / "p" / "stockholm" / "data" / "goals.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    drop = rows[0].index("source_line")
    path.write_text("".join(",".join(c for i, c in enumerate(r) if i != drop) + "\n" for r in rows),
                    encoding="utf-8")
    with pytest.raises(Exception, match="source_line"):
        load.load(tmp_path / "p")


def _column_lists(folder: Path):
    """(file:line, table) of each literal list/tuple/set of strings in the code that holds most of a table's
    columns (at least 4, and 80 % of them): a column list written out again."""
    fields, tables = schema.load()
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.List, ast.Tuple, ast.Set)) or len(node.elts) < 4:
                continue
            if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                continue
            values = {e.value for e in node.elts}
            if not values <= set(fields):
                continue
            for table, t in tables.items():
                if len(values & set(t["fields"])) >= 0.8 * len(t["fields"]):
                    yield f"{path.relative_to(folder)}:{node.lineno}", table
            if values == set(schema.VALUE_COLUMNS):
                yield f"{path.relative_to(folder)}:{node.lineno}", "VALUE_COLUMNS"


def test_no_column_list_is_written_out_again():
    found = list(_column_lists(PACKAGE)) + list(_column_lists(REPO / "tests"))
    assert found == []


def test_the_scan_finds_a_copied_column_list(tmp_path):
    cols = schema.columns("activities")
    (tmp_path / "m.py").write_text(f"COLS = {cols!r}\nVALUES = {tuple(schema.VALUE_COLUMNS)!r}\n")
    found = [table for _, table in _column_lists(tmp_path)]
    assert found == ["activities", "VALUE_COLUMNS"]
