"""Each named rule of extract/placement.py at its decision boundary: the case just inside and just
outside, one test per rule, named after it (a test checks that every rule has one)."""

import sys

from tertial.extract import placement
from tertial.schema import VALUE_COLUMNS
from tertial.extract.values import EMPTY, parse_cell

RULES = {r.name: r for r in placement.RULES}


def cost(rule, period="Tertial 1 2020", city=True, report_type="T1", columns=VALUE_COLUMNS, **printed):
    placed = {c: EMPTY for c in VALUE_COLUMNS} | {c: parse_cell(v) for c, v in printed.items()}
    filled = {c: not placed[c].empty for c in VALUE_COLUMNS}
    ctx = placement.context(columns, period, city, report_type)
    return RULES[rule].cost(filled, placed, ctx)


def test_tertial_row_has_outcome():
    assert cost("tertial_row_has_outcome") == 2.0
    assert cost("tertial_row_has_outcome", period_outcome="5") == 0
    assert cost("tertial_row_has_outcome", report_type="VB") == 1.0  # a VB: a close call
    assert cost("tertial_row_has_outcome", period="2020") == 0  # an annual row is not held to it


def test_tertial_row_has_forecast():
    assert cost("tertial_row_has_forecast") == 0.5 and cost("tertial_row_has_forecast", forecast="5") == 0
    assert cost("tertial_row_has_forecast", columns=("period_outcome", "annual_target")) == 0


def test_tertial_row_has_previous_year():
    assert cost("tertial_row_has_previous_year") == 0.5
    assert cost("tertial_row_has_previous_year", previous_year="5") == 0


def test_annual_row_has_no_outcome_yet():
    assert cost("annual_row_has_no_outcome_yet", period="2020", period_outcome="5") == 2.0
    assert cost("annual_row_has_no_outcome_yet", period="2020", period_outcome="5", report_type="T2") == 1.0
    assert cost("annual_row_has_no_outcome_yet", period="2020") == 0
    assert cost("annual_row_has_no_outcome_yet", period="2020", period_outcome="5", report_type="VB") == 0


def test_annual_row_has_no_forecast():
    assert cost("annual_row_has_no_forecast", period="2020", forecast="5") == 1.0
    assert cost("annual_row_has_no_forecast", period="2020", previous_year="5") == 0


def test_annual_row_no_sex_split():
    assert cost("annual_row_no_sex_split", period="2020", outcome_men="4") == 2.0
    assert cost("annual_row_no_sex_split", period="2020", period_outcome="5", outcome_men="4",
                outcome_women="6") == 0  # the outcome mixes them: a real split


def test_outcome_mixes_men_and_women():
    assert cost("outcome_mixes_men_and_women", period_outcome="5", outcome_men="4", outcome_women="6") == -0.5
    # just outside: an outcome equal to one of them proves nothing
    assert cost("outcome_mixes_men_and_women", period_outcome="6", outcome_men="4", outcome_women="6") == 0


def test_sex_split_has_outcome():
    # the outcome may lie 2 % outside the men/women range (rounding): 20,4 is inside, 20,5 outside
    assert cost("sex_split_has_outcome", period_outcome="20,4", outcome_men="10", outcome_women="20") == 0
    assert cost("sex_split_has_outcome", period_outcome="20,5", outcome_men="10", outcome_women="20") == 3.0
    assert cost("sex_split_has_outcome", outcome_men="10", outcome_women="20") == 3.0  # no outcome at all


def test_annual_target_printed():
    assert cost("annual_target_printed") == 1.0 and cost("annual_target_printed", annual_target="5") == 0


def test_city_goal_has_city_target():
    assert cost("city_goal_has_city_target") == 1.5
    assert cost("city_goal_has_city_target", city_target="5") == 0
    assert cost("city_goal_has_city_target", city=False) == 0


def test_board_goal_has_no_city_target():
    assert cost("board_goal_has_no_city_target", city=False, city_target="5") == 2.0
    assert cost("board_goal_has_no_city_target", city=True, city_target="5") == 0


def test_men_and_women_together():
    assert cost("men_and_women_together", outcome_men="4") == 3.0
    assert cost("men_and_women_together", outcome_men="4", outcome_women="6") == 0


def test_text_only_in_targets():
    assert cost("text_only_in_targets", forecast="öka") == 10.0
    assert cost("text_only_in_targets", annual_target="öka") == 0


def test_tertial_row_keeps_forecast():
    assert cost("tertial_row_keeps_forecast") == 0.01
    assert cost("tertial_row_keeps_forecast", forecast="5") == 0
    assert cost("tertial_row_keeps_forecast", period="2020") == 0


def test_tie_margin():
    # an annual T1 row '65 %  77 %  77 %': last year's outcome beats the forecast by exactly one rule
    # (annual_row_has_no_forecast, 1.0) -- just outside the tie margin, so decided, not flagged
    cells = [parse_cell(t) for t in ("65 %", "77 %", "77 %")]
    decision = placement.decide(cells, placement.context(VALUE_COLUMNS, "2020", True, "T1"))
    assert not decision.tied and decision.decided_by == ["annual_row_has_no_forecast"]
    assert placement.TIE_MARGIN == 1.0
    # just inside: a tertial row '100 %  99,8 %  100 %  100 %': VB or forecast differ by 0.01 only
    cells = [parse_cell(t) for t in ("100 %", "99,8 %", "100 %", "100 %")]
    decision = placement.decide(cells, placement.context(VALUE_COLUMNS, "Tertial 1 2020", True, "T1"))
    assert decision.tied and decision.differs == ["previous_year", "forecast"]


def test_every_rule_has_a_test_named_after_it():
    here = sys.modules[__name__]
    assert [r for r in RULES if not hasattr(here, f"test_{r}")] == []
