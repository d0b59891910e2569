"""The built packages: valid by Frictionless (API and the `frictionless validate` command), foreign keys
resolve, the city-wide package holds every goal, row and activity of every report, district packages
hold their own."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from goldfixture import built_project, extraction_from_gold, gold_files, load_gold

from tertial import schema
from tertial.package import validate


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return built_project(tmp_path_factory)


def _packages(root: Path) -> list[Path]:
    return sorted(p for p in (root / "datapackages").iterdir() if (p / "datapackage.json").exists())


def _read(pkg: Path, table: str) -> list[dict]:
    with (pkg / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_packages_for_the_city_and_each_district(root):
    assert [p.name for p in _packages(root)] == ["hagersten-alvsjo", "hagersten-liljeholmen", "stockholm"]


def test_every_package_valid_by_the_api(root):
    for pkg in _packages(root):
        assert validate.problems(pkg / "datapackage.json") == []


def test_every_package_valid_by_the_frictionless_command(root):
    exe = Path(sys.executable).with_name("frictionless")
    for pkg in _packages(root):
        res = subprocess.run([str(exe), "validate", "--json", str(pkg / "datapackage.json")],
                             capture_output=True, text=True, check=False)
        assert res.returncode == 0, res.stdout[-2000:]
        assert json.loads(res.stdout)["valid"] is True


def test_foreign_keys_resolve(root):
    for pkg in _packages(root):
        for table in schema.table_names():
            for fk in schema.table_schema(table).get("foreignKeys", []):
                target = fk["reference"]["resource"] or table
                keys = {r[fk["reference"]["fields"][0]] for r in _read(pkg, target)}
                for row in _read(pkg, table):
                    value = row[fk["fields"][0]]
                    assert value == "" or value in keys, (pkg.name, table, fk, value)


def test_city_package_holds_every_goal_row_and_activity(root):
    city = root / "datapackages" / "stockholm"
    goals = {(r["report_id"], int(r["source_line"])) for r in _read(city, "goals")}
    rows = {(r["report_id"], int(r["source_line"])) for r in _read(city, "indicator_results")}
    acts = {(r["report_id"], int(r["source_line"])) for r in _read(city, "activities")}
    n_goals = n_rows = n_acts = 0
    for path in gold_files():
        ex = extraction_from_gold(load_gold(path))
        rid = ex.meta.report_id
        assert {(rid, g.source_line) for g in ex.goals} <= goals
        assert {(rid, r.source_line) for r in ex.rows} <= rows
        assert {(rid, a.source_line) for a in ex.activities} <= acts
        n_goals, n_rows, n_acts = n_goals + len(ex.goals), n_rows + len(ex.rows), n_acts + len(ex.activities)
    assert (len(goals), len(rows), len(acts)) == (n_goals, n_rows, n_acts)


def test_district_package_holds_its_reports_only(root):
    pkg = root / "datapackages" / "hagersten-alvsjo"
    assert {r["report_id"] for r in _read(pkg, "reports")} == {"hagersten-alvsjo-2023-t2"}
    assert {r["report_id"] for r in _read(pkg, "indicator_results")} == {"hagersten-alvsjo-2023-t2"}
    districts = {r["district_id"]: r for r in _read(pkg, "districts")}
    assert districts["hagersten-liljeholmen"]["merged_into_district_id"] == "hagersten-alvsjo"
    used = {r["indicator_id"] for r in _read(pkg, "indicator_results")}
    assert {r["indicator_id"] for r in _read(pkg, "indicators")} == used


def test_all_fifteen_districts_with_the_merger(root):
    rows = {r["district_id"]: r for r in _read(root / "datapackages" / "stockholm", "districts")}
    assert len(rows) == 15
    for old in ("hagersten-liljeholmen", "alvsjo"):
        assert rows[old]["valid_to"] == "2020-06-30" and rows[old]["merged_into_district_id"] == "hagersten-alvsjo"
    assert rows["hagersten-alvsjo"]["valid_from"] == "2020-07-01"


def test_package_metadata(root):
    desc = json.loads((root / "datapackages" / "stockholm" / "datapackage.json").read_text(encoding="utf-8"))
    # the data version follows the changelog: the first build of a project writes entry 1, version 1.0.0
    entries = sorted((root / "changelog").glob("*.json"))
    assert [p.name for p in entries] == ["0001.json"]
    assert desc["version"] == json.loads(entries[0].read_text(encoding="utf-8"))["version"] == "1.0.0"
    assert desc["publication"] == "2023-T2"  # the newest report
    assert desc["created"] == "2023-09-28T00:00:00Z"  # printed in that report's heading
    assert desc["licenses"][0]["name"] == "CC0-1.0"
    assert {s["sha256"] for s in desc["sources"]} == {r["source_sha256"] for r in
                                                      _read(root / "datapackages" / "stockholm", "reports")}
    assert desc["title"] and desc["description"] and desc["keywords"] and desc["contributors"]
    hl = json.loads((root / "datapackages" / "hagersten-liljeholmen" / "datapackage.json").read_text("utf-8"))
    assert hl["version"] == "1.0.0" and hl["publication"] == "2020-T1" and len(hl["sources"]) == 1


def test_csv_format(root):
    for pkg in _packages(root):
        for f in (pkg / "data").glob("*.csv"):
            data = f.read_bytes()
            assert b"\r" not in data and data.endswith(b"\n")
            data.decode("utf-8")
