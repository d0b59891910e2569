"""The data page's reading examples run on an unpacked zip and read every column as its declared type
(e.g. city_goals.code stays the text 1.1); the Excel workbook keeps the same types."""

import json
import shutil
import subprocess
import zipfile

import pandas as pd
import pytest
from goldfixture import built_project
from openpyxl import load_workbook

from tertial.package import downloads, schema
from tertial.site import datapage


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    """The built city package's zip, written and unpacked as a user would (into its own folder)."""
    root = built_project(tmp_path_factory)
    out = tmp_path_factory.mktemp("unpacked")
    downloads.write_zip(root / "datapackages" / "stockholm", out / "stockholm.zip")
    with zipfile.ZipFile(out / "stockholm.zip") as zf:
        zf.extractall(out)
    return out


def _is_declared(series: pd.Series, ftype: str) -> bool:
    if ftype == "string":
        return isinstance(series.dtype, pd.StringDtype) or series.dropna().map(type).eq(str).all()
    if ftype == "integer":
        return pd.api.types.is_integer_dtype(series.dtype)
    if ftype == "number":
        return pd.api.types.is_float_dtype(series.dtype)
    if ftype == "boolean":
        return pd.api.types.is_bool_dtype(series.dtype)
    if ftype == "date":
        return pd.api.types.is_datetime64_any_dtype(series.dtype)
    raise AssertionError(f"a type the examples do not know: {ftype}")


def test_pandas_example_reads_every_column_as_declared(unpacked, monkeypatch):
    monkeypatch.chdir(unpacked)
    ns: dict = {}
    exec(datapage.PANDAS_EXAMPLE, ns)
    assert "1.1" in set(ns["city_goals"]["code"])
    for table in schema.table_names():
        df = ns["read_table"]("stockholm", table)
        fields = schema.table_schema(table)["fields"]
        assert list(df.columns) == [f["name"] for f in fields]
        wrong = [f["name"] for f in fields if not _is_declared(df[f["name"]], f["type"])]
        assert wrong == [], table


def test_frictionless_example_reads_every_column_as_declared(unpacked, monkeypatch):
    monkeypatch.chdir(unpacked)
    ns: dict = {}
    exec(datapage.FRICTIONLESS_EXAMPLE, ns)
    goals = ns["city_goals"]
    assert "1.1" in set(goals["code"])
    fields = schema.table_schema("city_goals")["fields"]
    wrong = [f["name"] for f in fields if f["name"] in goals and not _is_declared(goals[f["name"]], f["type"])]
    assert wrong == [] and goals.index.name == "city_goal_id"


# The class R gives a column that readr read as the schema's type.
R_CLASS = {"string": "character", "integer": "integer", "number": "numeric", "boolean": "logical", "date": "Date",
           "year": "integer"}
# Run after the R example: every table read by its read_table(), as JSON (columns, classes, rows, parse problems).
R_REPORT = '''
tables <- vapply(fromJSON("stockholm/datapackage.json", simplifyVector = FALSE)$resources, function(r) r$name, "")
report <- lapply(setNames(tables, tables), function(t) {
  df <- read_table("stockholm", t)
  list(columns = names(df), classes = unname(vapply(df, function(c) class(c)[1], "")), rows = nrow(df),
       problems = nrow(problems(df)))
})
report$city_goals_code <- city_goals$code
cat(toJSON(report))
'''


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed (make test installs it)")
def test_r_example_reads_every_column_as_declared(unpacked, tmp_path):
    script = tmp_path / "example.R"
    script.write_text(datapage.R_EXAMPLE + R_REPORT, encoding="utf-8")
    run = subprocess.run(["Rscript", str(script)], cwd=unpacked, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout[run.stdout.index("{"):])
    assert "1.1" in report["city_goals_code"]
    assert set(report) - {"city_goals_code"} == set(schema.table_names())
    for table in schema.table_names():
        fields = schema.table_schema(table)["fields"]
        got = report[table]
        assert got["columns"] == [f["name"] for f in fields], table
        assert dict(zip(got["columns"], got["classes"])) == {f["name"]: R_CLASS[f["type"]] for f in fields}, table
        csv = pd.read_csv(unpacked / "stockholm" / "data" / f"{table}.csv", dtype=str, keep_default_na=False)
        assert got["rows"] == [len(csv)] and got["problems"] == [0], table


def test_excel_keeps_codes_as_text_and_numbers_as_numbers(unpacked, tmp_path):
    folder = unpacked / "stockholm"
    path = tmp_path / "stockholm.xlsx"
    downloads.write_xlsx(folder, {t: pd.read_csv(folder / "data" / f"{t}.csv", dtype=str, keep_default_na=False)
                                  .to_dict("records") for t in schema.table_names()}, path)
    ws = load_workbook(path, read_only=True)["city_goals"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    codes = [r[header.index("code")] for r in rows[1:]]
    assert "1.1" in codes and all(isinstance(c, str) for c in codes if c is not None)
    assert all(isinstance(r[header.index("mandate_start")], int) for r in rows[1:])


def test_the_examples_shown_are_the_examples_run():
    page = "\n".join(datapage.reading())
    assert datapage.PANDAS_EXAMPLE in page and datapage.FRICTIONLESS_EXAMPLE in page and datapage.R_EXAMPLE in page
