"""Two shapes a new district's report may print in its cells (cases written for this project):

- a text in place of a value ('Ej mätbart', 'Uppgift saknas': words.NO_VALUE_TEXTS) may stand in any
  column, where other text stands only in the target columns (rule text_only_in_targets); it may open a
  row's value line, also wrapped in its column ('Ej ' / 'mätbart '); it is kept as printed, in the
  column's `_text` twin;
- a footnote mark after a value ('85 %*', '12¹': values.FOOTNOTE_MARKS) is not part of its unit."""

import pytest
from pdftext_fixture import table, values
from test_pdftext_spacing import SPACED_ROWS

from tertial.extract import words
from tertial.extract.values import parse_cell


def _row(value_line):
    (row,) = table(["Andel nöjda brukare", "", value_line, ""]).rows
    return row


@pytest.mark.parametrize("text", words.NO_VALUE_TEXTS)
def test_each_no_value_text_opens_a_row_as_the_periods_outcome(text):
    row = _row(f"{text} 80 % 90 % 90 % 90 % Tertial 1 2020")
    assert values(row) == {"period_outcome": text, "previous_year": (80, "%"), "forecast": (90, "%"),
                           "annual_target": (90, "%"), "city_target": (90, "%")}
    assert row.name == "Andel nöjda brukare" and not row.needs_review
    assert words.no_value_text(text) and words.no_value_text(text.upper() + "*")


def test_a_no_value_text_between_numbers_keeps_its_column():
    row = _row("85 % 84 % 86 % Uppgift saknas 90 % 90 % 90 % Tertial 1 2020")
    assert values(row)["previous_year"] == "Uppgift saknas"
    assert values(row)["forecast"] == (90, "%")
    assert not row.needs_review


def test_a_no_value_text_is_one_cell_even_before_a_number():
    # 'Saknas 80 %' is the text and a number, not the text 'Saknas 80' with a unit (as 'Max 10 personer')
    row = _row("Saknas 80 % 90 % 90 % 90 % Tertial 1 2020")
    assert values(row)["period_outcome"] == "Saknas" and values(row)["previous_year"] == (80, "%")


def test_in_a_target_column_too():
    row = _row("80 % 75 Mäts ej Tas fram av nämnd 2020")
    assert values(row) == {"previous_year": (80, "%"), "forecast": 75, "annual_target": "Mäts ej",
                           "city_target": "Tas fram av nämnd"}


def test_a_no_value_text_wrapped_in_its_column_opens_the_cells():
    # spacing convention: two more spaces before '5,5 st' for the empty men and women cells
    (row,) = table(SPACED_ROWS + ["Antal förskolebarn per ", "anställd (årsarbetare)", "", "Ej ", "mätbart ", "",
                                  "  5,5 st 4,9 st 4,9 4,9 Tertial 1 ", "2020", ""]).rows[3:]
    assert row.name == "Antal förskolebarn per anställd (årsarbetare)"
    assert values(row) == {"period_outcome": "Ej mätbart", "previous_year": (5.5, "st"), "forecast": (4.9, "st"),
                           "annual_target": 4.9, "city_target": 4.9}
    assert not row.needs_review


def test_a_name_opening_with_ej_and_other_words_stays_a_name():
    # just outside: 'Ej verkställda' opens no known text cell
    (row,) = table(["Ej verkställda ", "beslut", "", "3 st 4 st 0 st 0 st Tas fram av nämnd 2020", ""]).rows
    assert row.name == "Ej verkställda beslut"


def test_other_text_still_stands_only_in_the_target_columns():
    # just outside: 'Ej klart' is no text in place of a value: before three targets it fits no column
    assert not words.no_value_text("Ej klart")
    row = _row("85 % Ej klart 90 % 90 % 90 % Tertial 1 2020")
    assert row.needs_review and row.review_code == "no_placement"


@pytest.mark.parametrize("printed,value,unit", [("85 %*", 85, "%"), ("85*", 85, None), ("12¹", 12, None),
                                                ("9 000 st*", 9000, "st")])
def test_a_footnote_mark_is_not_part_of_the_unit(printed, value, unit):
    cell = parse_cell(printed)
    assert (cell.value, cell.unit, cell.raw) == (value, unit, printed)


def test_a_row_with_a_footnote_mark_reads_as_without_it():
    row = _row("85 %* 84 % 86 % 80 % 90 % 90 % 90 % Tertial 1 2020")
    assert values(row)["period_outcome"] == (85, "%") and not row.needs_review
