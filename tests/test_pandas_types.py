"""pandas reads every table with the types the schema declares."""

import pandas as pd
import pytest
from goldfixture import built_project

from tertial import schema

DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return built_project(tmp_path_factory)


def test_every_table_reads_with_declared_types(root):
    for pkg in ("stockholm", "hagersten-alvsjo", "hagersten-liljeholmen"):
        for table in schema.table_names():
            fields = schema.table_schema(table)["fields"]
            dtypes = {f["name"]: DTYPES[f["type"]] for f in fields if f["type"] in DTYPES}
            dates = [f["name"] for f in fields if f["type"] == "date"]
            path = root / "datapackages" / pkg / "data" / f"{table}.csv"
            df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""],
                             true_values=["true"], false_values=["false"])
            for col in dates:
                df[col] = pd.to_datetime(df[col], format="%Y-%m-%d", errors="raise")
            assert list(df.columns) == [f["name"] for f in fields]


def test_numbers_are_numbers(root):
    df = pd.read_csv(root / "datapackages" / "stockholm" / "data" / "indicator_results.csv",
                     keep_default_na=False, na_values=[""])
    assert df["period_outcome"].dtype.kind == "f"
    assert df["source_line"].dtype.kind == "i"
    row = df[(df.report_id == "hagersten-alvsjo-2023-t2") & (df.source_line == 302)].iloc[0]
    assert row.period_outcome == 37.4 and row.unit == "%"
