"""End to end: Hägersten-Älvsjö T2 2023 (tab-separated layout) against its hand-verified reference extraction."""

from pathlib import Path

import pytest

from goldcheck import score_report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def score():
    return score_report(ROOT / "sources/reports/hagersten-alvsjo-2023-t2.txt",
                        ROOT / "tests/gold/hagersten-alvsjo-2023-t2.json")


def test_every_goal_right(score):
    assert score.goals_total == 43
    assert score.goals_right == score.goals_total, score.problems[:20]


def test_every_row_found_and_none_extra(score):
    assert score.rows_total == 62
    assert score.rows_found == score.rows_total and score.rows_extra == 0, score.problems[:20]
    assert score.rows_goal_right == score.rows_total, score.problems[:20]


def test_value_cells(score):
    assert score.cell_rate >= 0.995, score.problems[:20]


def test_activities(score):
    assert score.activities_total == 105
    assert score.activity_rate >= 0.99 and score.activities_extra == 0, score.problems[:20]
