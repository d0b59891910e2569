"""Rule: cells are placed in columns by the layout's clues; where the clues leave a tie, needs_review."""

from pdftext_fixture import BOARD_GOAL, table, values

from tertial.extract.pdftext import RawCell, place, place_row
from tertial.extract.model import VALUE_COLUMNS


def cells(*texts):
    return [RawCell(t) for t in texts]


def codes(raw, period, report_type=None):
    return [code for code, _ in place_row(raw, VALUE_COLUMNS, period, True, report_type).reasons]


def filled(placed):
    return [c for c in VALUE_COLUMNS if not placed[c].empty]


def test_seven_cells_fill_every_column():
    placed, review, _ = place(cells("13 st", "8 st", "5 st", "23 st", "19 st", "19 st", "800 st"),
                              VALUE_COLUMNS, "Tertial 1 2020", True)
    assert filled(placed) == list(VALUE_COLUMNS) and not review


def test_five_cells_of_a_tertial_row_are_not_split_by_sex():
    placed, review, _ = place(cells("5,5 st", "5,5 st", "5,5 st", "4,9", "4,9"), VALUE_COLUMNS,
                              "Tertial 1 2020", True)
    assert filled(placed) == ["period_outcome", "previous_year", "forecast", "annual_target", "city_target"]
    assert not review


def test_men_and_women_must_mix_to_the_outcome():
    # 0 is not between 368 and 185: these are not outcome/men/women
    placed, _, _ = place(cells("0", "368", "185", "360 st", "Tas fram av nämnd"), VALUE_COLUMNS,
                         "Tertial 1 2020", True)
    assert placed["outcome_men"].empty and placed["previous_year"].value == 368


def test_annual_row_value_before_targets_is_last_years_outcome():
    placed, review, _ = place(cells("65 %", "77 %", "77 %"), VALUE_COLUMNS, "2020", True)
    assert filled(placed) == ["previous_year", "annual_target", "city_target"] and not review


def test_annual_row_with_an_outcome_leaves_vb_or_forecast_open():
    # measured this period, so a forecast is as likely as last year's outcome (Aktivt Medskapandeindex, T1 2020)
    placed, review, _ = place(cells("77", "77", "77", "77", "82", "82"), VALUE_COLUMNS, "2020", True, "T1")
    assert review and codes(cells("77", "77", "77", "77", "82", "82"), "2020", "T1") == ["annual_outcome"]
    assert placed["period_outcome"].value == 77 and placed["annual_target"].value == 82


def test_text_targets_only_go_into_target_columns():
    placed, _, _ = place(cells("0 %", "+/-1 %", "+/- 1 %"), VALUE_COLUMNS, "2020", True)
    assert placed["annual_target"].text == "+/-1 %" and placed["city_target"].text == "+/- 1 %"
    assert placed["previous_year"].value == 0


def test_missing_vb_or_forecast_in_a_tertial_row_is_flagged():
    row = cells("100 %", "100 %", "100 %", "90 %", "90 %", "Tas fram av nämnd")
    placed, review, reason = place(row,
                                   VALUE_COLUMNS, "Tertial 1 2020", True)
    assert review and codes(row, "Tertial 1 2020") == ["placement_tie"]
    assert "utfall föregående år" in reason and "prognos" in reason  # the columns in doubt, named in Swedish
    assert "tertialrad har en prognos" in reason  # and the rules that weighed the same
    assert placed["forecast"].value == 90  # the forecast kept by default; the reviewer settles it


def test_unitless_value_among_unit_cells_is_flagged():
    _, review, _ = place(cells("60", "60 %", "Tas fram av nämnd"), VALUE_COLUMNS, "2020", True)
    assert review and codes(cells("60", "60 %", "Tas fram av nämnd"), "2020") == ["unitless_value"]


def test_no_units_at_all_leaves_vb_or_forecast_open():
    _, review, _ = place(cells("8", "8", "Tas fram av nämnd"), VALUE_COLUMNS, "2020", True)
    assert review


def test_board_goal_tables_have_no_city_target():
    placed, review, _ = place(cells("92", "95"), VALUE_COLUMNS, "2020", False)
    assert filled(placed) == ["previous_year", "annual_target"]
    placed, _, _ = place(cells("100"), VALUE_COLUMNS, "2020", False)
    assert filled(placed) == ["annual_target"]


def test_too_many_cells_are_flagged_not_dropped():
    placed, review, reason = place(cells(*["1"] * 8), VALUE_COLUMNS, "2020", True)
    assert review and "8 celler" in reason and not filled(placed)


def test_board_goal_section_in_a_parsed_report():
    ex = table(["Andelen vårdnadshavare ", "som är nöjda", "", "92 95 2020", ""], goal=BOARD_GOAL)
    (row,) = ex.rows
    assert values(row) == {"previous_year": 92, "annual_target": 95}
    assert ex.goals[row.goal].level == "namndmal"
