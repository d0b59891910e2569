"""Rule (thousands_fit): a number and a group of three digits ('1 150') may be one number or two cells.
When the plain reading gives more cells than the table has columns, the reading with the fewest extra
thousands joins that fits is taken; when two such readings fit, the row is flagged."""

import hl_rewrite
from pdftext_fixture import parse, table, values
from test_pdftext_spacing import SPACED_ROWS

from tertial.schema import VALUE_COLUMNS
from tertial.extract.pdftext import Token, thousands_readings


def test_thousands_next_to_unitless_numbers_make_seven_cells():
    ex = table(["Antal ungdomar i feriejobb", "", "0 st 0 st 0 st 849 st 1 150 1 150 st 11 000 Tertial 1 2020", ""])
    (row,) = ex.rows
    assert values(row) == {"period_outcome": (0, "st"), "outcome_men": (0, "st"), "outcome_women": (0, "st"),
                           "previous_year": (849, "st"), "forecast": 1150, "annual_target": (1150, "st"),
                           "city_target": 11000}
    assert not row.needs_review


def test_groups_that_fit_as_printed_are_not_joined():
    # just outside: the plain reading fits the columns, so '150' stays a cell of its own
    ex = table(["Antal besök", "", "12 150 st 150 st 2020", ""])
    (row,) = ex.rows
    assert sorted(c.raw for c in row.cells.values() if not c.empty) == ["12", "150 st", "150 st"]


def test_two_readings_that_fit_are_flagged():
    ex = table(["Antal besök", "", "5 100 100 st 0 st 0 st 849 st 1 st 2 st Tertial 1 2020", ""])
    (row,) = ex.rows
    assert row.needs_review and "thousands_ambiguous" in row.review_code


def test_readings_try_fewest_joins_first():
    toks = [Token(t) for t in ["1", "150", "1", "150", "st"]]
    assert thousands_readings(toks)[:3] == [frozenset(), frozenset({0}), frozenset({2})]
    assert thousands_readings([Token("0"), Token("150")]) == [frozenset()]  # no number opens with 0


def test_thousands_in_a_report_that_prints_empty_cells_as_spaces():
    ex = table(SPACED_ROWS + ["Antal ungdomar i feriejobb", "   849 st 1 150 1 150 st 11 000 Tertial 1 2020 ", ""])
    assert values(ex.rows[-1]) == {"previous_year": (849, "st"), "forecast": 1150, "annual_target": (1150, "st"),
                                   "city_target": 11000}
    assert not ex.rows[-1].needs_review


def _print_by_the_convention_with_thousands(names, cells, line):
    gold = hl_rewrite.gold_rows().get(line)
    if gold is None:
        return None
    printed = "".join(hl_rewrite.printed(gold[c], thousands=True) + " " for c in VALUE_COLUMNS)
    return names + [printed + gold["period"] + " ", ""]


def test_the_given_report_with_thousands_grouped_reads_as_the_reference():
    lines, line_map, changed = hl_rewrite.rewritten(_print_by_the_convention_with_thousands)
    assert any(" 000 " in line for line in lines)
    ex = parse(lines)
    assert hl_rewrite.differences(ex, line_map) == []


# Rule group_before_unit: '14 500 st' may be one cell or a bare '14' and '500 st'. Even when the plain
# reading fits, the joined one competes; the plain reading stands only when the bare number was placed as
# the forecast (the cell this layout prints without the row's unit), else the row is flagged.

def test_bare_number_before_a_group_with_a_unit_not_read_as_the_forecast_is_flagged():
    ex = table(["Återbruk inom stadens verksamhet", "", "1 040 st 14 500 st 2020", ""])
    (row,) = ex.rows
    assert row.needs_review and "thousands_ambiguous" in row.review_code
    assert "1 040 st | 14 500 st" in row.review_reason


def test_bare_number_before_a_group_with_a_unit_read_as_the_forecast_stands():
    # just outside: '185' bare between '368' and '360 st' is the forecast; '185 360 st' is not one cell
    ex = table(["Antal platser för feriejobb", "", "0 368 185 360 st Tas fram av nämnd Tertial 1 2020", ""])
    (row,) = ex.rows
    assert values(row)["forecast"] == 185 and values(row)["annual_target"] == (360, "st")
    assert not row.needs_review


def test_a_group_followed_by_a_number_does_not_compete():
    # just outside: '105' is followed by a number, not a unit: '100 105' stays two cells, unflagged
    ex = table(["Antal praktikplatser", "", "100 105 100 100 Tas fram av nämnd Tertial 1 2020", ""])
    (row,) = ex.rows
    assert values(row)["previous_year"] == 105 and not row.needs_review


def test_a_group_starting_with_zero_is_always_joined_and_does_not_compete():
    ex = table(["Antal ungdomar i feriejobb", "", "0 st 0 st 0 st 320 st 185 320 st 9 000 st Tertial 1 2020", ""])
    (row,) = ex.rows
    assert values(row)["city_target"] == (9000, "st") and values(row)["forecast"] == 185
    assert not row.needs_review
