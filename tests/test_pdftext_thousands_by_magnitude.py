"""Rule thousands_by_magnitude (extract/rowcells.py): where digit groups may be one number or two, the
reading whose numbers lie closest together in magnitude is taken when it is at least MAGNITUDE_GAP orders
of magnitude tighter than every other; otherwise the older rules decide (fewest joins, group_before_unit,
a flag when readings compete). Cases written for this project."""

from pdftext_fixture import table, values

from tertial.extract.cells import RawCell
from tertial.extract.rowcells import MAGNITUDE_GAP, by_magnitude


def _row(value_line):
    (row,) = table(["Antal besök i träffpunkterna", "", value_line, ""]).rows
    return row


def _reading(*texts):
    return [RawCell(t) for t in texts]


def test_gap_is_two_orders_of_magnitude():
    assert MAGNITUDE_GAP == 2


def test_just_inside_groups_read_as_one_number_when_that_is_two_orders_tighter():
    # '1 | 200 | 1 000 | 900' spans 3 orders, '1 200 | 1 000 | 900' 0.12: 2.9 apart
    row = _row("1 200 1 000 900 2020")
    assert values(row) == {"previous_year": 1200, "annual_target": 1000, "city_target": 900}
    assert "thousands_ambiguous" not in row.review_code
    assert any("thousands_by_magnitude" in ln for ln in row.explain)


def test_the_plain_reading_wins_when_it_is_the_tight_one():
    # '0 | 368 | 185 | 360 st' against '0 | 368 185 | 360 st': the join would make a number 1 000 times its
    # neighbours'
    row = _row("0 368 185 360 st Tas fram av nämnd Tertial 1 2020")
    assert values(row)["previous_year"] == 368 and values(row)["forecast"] == 185


def test_boundary_on_the_spread():
    # exactly MAGNITUDE_GAP orders tighter: decided (spreads 2 and 0)
    assert by_magnitude([_reading("1", "100"), _reading("100", "100")]) == 1
    # just outside: 1.996 orders
    assert by_magnitude([_reading("1", "99"), _reading("99", "99")]) is None
    # the plain reading may be the tight one: index 0
    assert by_magnitude([_reading("5", "100"), _reading("5 100", "1")]) == 0
    # one reading only (the same texts twice): nothing to decide
    assert by_magnitude([_reading("1 000", "10"), _reading("1 000", "10")]) is None


def test_just_outside_readings_close_in_magnitude_are_left_to_the_other_rules():
    # '3 | 250 st | 300 st' (2 orders) against '3 250 st | 300 st' (1 order): less than 2 apart
    row = _row("3 250 st 300 st 2020")
    assert not any("thousands_by_magnitude" in ln for ln in row.explain)


def test_a_negative_number_with_a_unicode_minus_keeps_its_thousands_group():
    row = _row("−1 200 tkr −1 000 tkr −900 tkr 2020")
    assert values(row) == {"previous_year": (-1200, "tkr"), "annual_target": (-1000, "tkr"),
                           "city_target": (-900, "tkr")}
    assert not row.needs_review
