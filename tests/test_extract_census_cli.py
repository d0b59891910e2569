"""Rule: `tertial extract` prints the census (stdout) and every warning (stderr) (and, with --explain, which rule put which
cell in which column); `tertial build` prints them and records them in build/extracted/<id>/census.json."""

import json
import shutil

from cli_harness import REAL, REPORTS, ROOT, run_cli

from tertial import build
from tertial.extract import stage as extract_stage

HL = "hagersten-liljeholmen-2020-t1"


def test_extract_prints_the_census_and_explains(tmp_path):
    district, rtype, year = REAL[HL]
    done = run_cli("extract", str(REPORTS / f"{HL}.txt"), "--district", district, "--type", rtype, "--year", year,
                   "--out", str(tmp_path / "out"), "--explain", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"census {HL}: 76 row blocks seen, 76 rows written (10 flagged)" in done.stdout
    assert "'13 st' -> period_outcome" in done.stdout
    assert "TIED, flagged by rules tertial_row_has_forecast" in done.stdout  # a flagged row names its rules
    assert "[review: placement_tie]" in done.stdout


def test_build_records_the_census_beside_the_extracted_tables(tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    lines = extract_stage.run(tmp_path, build.Context())
    record = json.loads((tmp_path / extract_stage.EXTRACTED / HL / "census.json").read_text(encoding="utf-8"))
    assert record["rows_written"] == 76 and record["rows_flagged"] == 10 and record["layout"] == "pdftext"
    assert f"  census {HL}: 76 row blocks seen, 76 rows written (10 flagged), 0 fragments joined, " \
           "0 kept as flagged rows" in lines
    norrmalm = json.loads((tmp_path / extract_stage.EXTRACTED / "norrmalm-2022-vp" / "census.json").read_text("utf-8"))
    assert any("printed again without its code" in w["message"] for w in norrmalm["warnings"])
    assert any(line.startswith("  warning: sources/reports/norrmalm-2022-vp.txt:") for line in lines)
