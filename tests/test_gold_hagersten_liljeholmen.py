"""End to end: the T1 2020 report in the text-from-PDF layout against its hand-verified reference."""

from pathlib import Path

from goldcheck import score_report

ROOT = Path(__file__).resolve().parents[1]


def test_text_from_pdf_report_matches_the_reference():
    s = score_report(ROOT / "sources/reports/hagersten-liljeholmen-2020-t1.txt",
                     ROOT / "tests/gold/hagersten-liljeholmen-2020-t1.json")
    detail = s.summary() + "\n" + "\n".join(s.problems[:40])
    assert s.goals_right == s.goals_total, detail
    assert s.rows_found == s.rows_total and s.rows_extra == 0, detail
    assert s.rows_goal_right == s.rows_total, detail
    assert s.cell_rate >= 0.995, detail
    assert s.activity_rate >= 0.99 and s.activities_extra == 0, detail
