"""Corrections from curation/corrections.yml: applied, listed in the build output and the packages;
a correction that points at no row, or is malformed, is refused with the file and the entry's line."""

import csv
import subprocess
import sys

import pytest
from goldfixture import build_project, gold_extractor

from tertial import build
from tertial.errors import TertialError

HL = "hagersten-liljeholmen-2020-t1"


def _rebuild(root, corrections_yml: str) -> list[str]:
    (root / "curation" / "corrections.yml").write_text(corrections_yml, encoding="utf-8")
    lines: list[str] = []
    build.build(root, build.Context(extractor=gold_extractor, out=lines.append), until="package")
    return lines


def _rows(root, table, pkg="stockholm"):
    with (root / "datapackages" / pkg / "data" / f"{table}.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture()
def root(tmp_path):
    build_project(tmp_path, until="extract")
    return tmp_path


def _flagged_line(root) -> int:
    with (root / "build" / "extracted" / HL / "indicator_results.csv").open(encoding="utf-8") as fh:
        return next(int(r["source_line"]) for r in csv.DictReader(fh) if r["needs_review"] == "true")


def test_cell_and_row_corrections_applied_and_listed(root):
    line = _flagged_line(root)
    out = _rebuild(root, f"""corrections:
  - report_id: hagersten-alvsjo-2023-t2
    source_line: 302
    column: outcome_men
    value: 1.9
    reason: printed 1,9 %; kept, but checked by hand
  - report_id: hagersten-alvsjo-2023-t2
    source_line: 303
    set: {{forecast_text: "öka", annual_target: 14}}
    reason: test of several cells
  - report_id: {HL}
    source_line: {line}
    row: {{period: "Tertial 1 2020", period_outcome: 12.5, city_target_text: "Tas fram av nämnd"}}
    reason: settled against the report
  - report_id: hagersten-alvsjo-2023-t2
    source_line: 158
    table: goals
    column: assessment
    value: delvis
    reason: test of a goal correction
""")
    listed = [s for s in out if s.startswith("correction:")]
    assert any("line 303" in s and "forecast_text" in s and "'öka'" in s for s in listed)
    assert any("line 158 (goals) assessment: 'helt' -> 'delvis'" in s for s in listed)
    assert not any("line 302" in s for s in listed)  # 1.9 was already read: nothing changed
    results = {(r["report_id"], int(r["source_line"])): r for r in _rows(root, "indicator_results")}
    r303 = results[("hagersten-alvsjo-2023-t2", 303)]
    assert (r303["forecast"], r303["forecast_text"], r303["annual_target"]) == ("", "öka", "14")
    settled = results[(HL, line)]
    assert settled["needs_review"] == "false" and settled["period_outcome"] == "12.5"
    assert settled["outcome_men"] == "" and settled["forecast"] == ""  # the whole row replaced
    goals = {(g["report_id"], int(g["source_line"])): g for g in _rows(root, "goals")}
    assert goals[("hagersten-alvsjo-2023-t2", 158)]["assessment"] == "delvis"
    published = _rows(root, "corrections")
    assert {(c["source_line"], c["column"]) for c in published} >= {("303", "forecast_text"), ("158", "assessment"),
                                                                    (str(line), "needs_review")}
    assert all(c["reason"] for c in published)
    assert _rows(root, "corrections", "hagersten-alvsjo")  # and in the district's package


def test_delete_a_row(root):
    _rebuild(root, "corrections:\n  - {report_id: hagersten-alvsjo-2023-t2, source_line: 303, delete: true, "
                   "reason: not an indicator}\n")
    lines = {int(r["source_line"]) for r in _rows(root, "indicator_results") if r["report_id"].startswith("hagersten-a")}
    assert 303 not in lines and 302 in lines


def test_correction_pointing_at_no_row_is_refused(root):
    (root / "datapackages").mkdir(exist_ok=True)
    yml = ("corrections:\n"
           "  - report_id: hagersten-alvsjo-2023-t2\n    source_line: 302\n    column: forecast\n    value: 33\n"
           "    reason: fine\n"
           "  - report_id: hagersten-alvsjo-2023-t2\n    source_line: 9999\n    column: forecast\n    value: 3\n"
           "    reason: no such row\n")
    with pytest.raises(TertialError) as err:
        _rebuild(root, yml)
    assert err.value.render().startswith("curation/corrections.yml:7: ")
    assert "line 9999" in err.value.render() and "\n" not in err.value.render()
    assert not any((root / "datapackages").iterdir())  # nothing published


@pytest.mark.parametrize("entry, message", [
    ("{report_id: hagersten-alvsjo-2023-t2, source_line: 302, column: forecast, value: 3}", "lacks 'reason'"),
    ("{report_id: hagersten-alvsjo-2023-t2, source_line: 302, column: forecast, value: 'öka', reason: r}",
     "forecast takes a number"),
    ("{report_id: hagersten-alvsjo-2023-t2, source_line: 302, column: colour, value: 3, reason: r}",
     "column 'colour' cannot be corrected"),
    ("{report_id: nowhere-2023-t2, source_line: 302, column: forecast, value: 3, reason: r}",
     "not in sources/reports.yml"),
    ("{report_id: hagersten-alvsjo-2023-t2, source_line: 158, table: goals, column: assessment, value: bra, reason: r}",
     "assessment must be one of"),
])
def test_malformed_correction_is_refused(root, entry, message):
    with pytest.raises(TertialError) as err:
        _rebuild(root, f"corrections:\n  - {entry}\n")
    assert err.value.render().startswith("curation/corrections.yml:2: ")
    assert message in err.value.render()


def test_cli_bad_correction_one_line_exit_2(root):
    (root / "curation" / "corrections.yml").write_text(
        "corrections:\n  - {report_id: hagersten-alvsjo-2023-t2, source_line: 5, column: forecast, value: 3, "
        "reason: r}\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "tertial", "--root", str(root), "check"],
                         capture_output=True, text=True, check=False)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert "curation/corrections.yml:2:" in res.stderr and "Traceback" not in res.stderr
