"""Issue 6, paths: identifiers are [a-z0-9-] only, and no district name or report field can make
`tertial extract` write anywhere but the four CSV files in --out."""

from __future__ import annotations

import csv
import re

import pytest
from cli_harness import snapshot
from hypothesis import given
from hypothesis import strategies as st

from tertial import cli, ids
from tertial.errors import TertialError

SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_COLUMNS = {"goal_id", "report_id", "parent_goal_id", "city_goal_id", "indicator_id", "activity_id"}
OPTIONAL_IDS = {"parent_goal_id", "city_goal_id", "goal_id"}  # empty where there is none
T = "\t"
NASTY = ["../../etc/passwd", "/etc/passwd", "..", "a/../../b", "Norrmalm/../../../tmp/x", "C:\\Windows\\x",
         "~root", "%2e%2e%2f", ".hidden", "-", " ", "", "\x00", "<script>", "Bromma\n../x", "Ö/Ä/Å", "....",
         "ＮＯＲＲＭＡＬＭ", "norrmalm\u202e", "con", "a" * 300]

REPORT = "\n".join([
    "KF:s inriktningsmål: 1. ../../../../tmp/evil",
    "",
    "KF:s mål för verksamhetsområdet: 1.1 /etc/passwd",
    "",
    T.join(["Indikator", "Periodens utfall", "Årsmål", "Period"]),
    T.join(["../../../outside", "12 %", "10 %", "2023"]),
    T.join(["..\\..\\windows", "1 st", "2 st", "2023"]),
    T.join(["%2e%2e%2f", "1 st", "2 st", "2023"]),
    "",
    "Nämndmål: ~/.ssh/authorized_keys",
    "",
    "Aktivitet\tStartdatum\tSlutdatum",
    "../../activity\t2023-01-01\t2023-12-31",
    "",
])


@pytest.mark.parametrize("district", NASTY, ids=[repr(d)[:30] for d in NASTY])
def test_no_district_name_writes_outside_out(tmp_path, monkeypatch, capsys, district):
    project = tmp_path / "project"
    (project / "sources").mkdir(parents=True)
    report = project / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(project)
    before = snapshot(tmp_path)
    status = cli.main(["extract", "r.txt", "--district", district, "--type", "T2", "--year", "2023",
                       "--out", "out"])
    after = snapshot(tmp_path)
    err = capsys.readouterr().err
    if status != 0:
        assert status == 2 and len(err.splitlines()) == 1 and err.startswith("tertial: error: "), err
        assert after == before
        return
    new = {k: v for k, v in after.items() if k not in before}
    assert sorted(new) == ["project/out/activities.csv", "project/out/goal_texts.csv",
                           "project/out/goals.csv", "project/out/indicator_results.csv"]
    assert {k: v for k, v in after.items() if k in before} == before
    check_ids(project / "out")


def check_ids(out):
    seen = 0
    for path in out.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for col in ID_COLUMNS & row.keys():
                    value = row[col]
                    if value == "" and col in OPTIONAL_IDS:
                        continue
                    assert SAFE.match(value), f"{path.name}: {col}={value!r}"
                    assert ".." not in value and "/" not in value and "\\" not in value
                    seen += 1
    assert seen > 10


@given(st.text(max_size=80))
def test_district_id_is_safe_or_refused(name):
    try:
        did = ids.district_id(name)
    except TertialError:
        return
    assert SAFE.match(did)


@given(st.text(max_size=80), st.one_of(st.none(), st.from_regex(r"\A[0-9]{1,2}(\.[0-9]{1,2}){0,3}\Z")),
       st.integers(1900, 2100))
def test_slugs_and_city_goal_ids_are_safe_or_refused(title, code, year):
    slug = ids.slugify(title, 80)
    assert slug == "" or SAFE.match(slug)
    try:
        assert SAFE.match(ids.city_goal_id(year, code, title))
    except TertialError:
        assert not code and not ids.slugify(title, 60)  # only a title with no letter or digit is refused
