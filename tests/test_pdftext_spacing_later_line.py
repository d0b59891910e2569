"""Rule spacing_later_line (extract/spacing.py, rowcells.py): in a report that follows every cell with one
space, the cells of a later value line ('12 500 2023' below '0 st   2  1 000 ' / 'st ') are placed by the
period cell printed on that line; a thousands group there is one number or two as the column count
decides, and where both readings add up the row is flagged (thousands_ambiguous). Before, the fewest-joins
reading was taken silently ('12' and '500' in two columns). Cases written for this project."""

import pytest
from pdftext_fixture import table, values

SPACED = ["Andel brukare som upplever att ", "de får stöd i rätt tid", "   85 %  90 %  2020 ", "",
          "Antal hembesök per brukare", "   4  3,7  2020 ", "",
          "Andel nöjda brukare", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]
NEXT = ["Andel nöjda elever", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]


def _row(lines):
    ex = table(SPACED + ["Antal nya bostäder"] + lines + [""] + NEXT)
    assert [r.name for r in ex.rows[3:]] == ["Antal nya bostäder", "Andel nöjda elever"]
    return ex.rows[3]


@pytest.mark.parametrize("lines, expected", [
    (["0 st   2  1 000 ", "st ", "", "12 500 2020 "],
     {"period_outcome": (0, "st"), "previous_year": 2, "annual_target": (1000, "st"), "city_target": 12500}),
    (["5 st   3  2 500 ", "st ", "", "40 000 Tertial 1 2020 "],
     {"period_outcome": (5, "st"), "previous_year": 3, "annual_target": (2500, "st"), "city_target": 40000}),
    (["0 st   2  1 000 ", "st ", "", "12 500 ", "2020 "],  # the period on a line of its own: one column left
     {"period_outcome": (0, "st"), "previous_year": 2, "annual_target": (1000, "st"), "city_target": 12500}),
    (["12 st   4 st ", "", "1 200 2 900  2020 "],  # two groups, the city target left empty
     {"period_outcome": (12, "st"), "previous_year": (4, "st"), "forecast": 1200, "annual_target": 2900}),
])
def test_the_period_on_the_later_line_places_its_cells(lines, expected):
    row = _row(lines)
    assert values(row) == expected and not row.needs_review
    assert any("rule spacing_later_line" in line for line in row.explain)  # --explain names the rule


@pytest.mark.parametrize("lines", [
    ["12 st   4 st ", "", "1 200 900 2020 "],  # '1 200 | 900' at columns 5-6, or '1 | 200 | 900' at 4-6
    ["12 st   4 st ", "", "1 200 2 900 2020 "],
    ["0 st   2 ", "", "12 500 ", "2020 "],  # the period on a line of its own, three columns left
])
def test_where_both_readings_add_up_the_row_is_flagged(lines):
    row = _row(lines)
    assert row.needs_review and "thousands_ambiguous" in row.review_code
