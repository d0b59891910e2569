"""Shapes a new district's report may print that the given reports do not (cases written for this project):
a unit of several words with a hyphen ('%-enheter'), negative numbers with a unicode minus (U+2212) or an
en dash, a row's value line wrapped in the middle of its cells, a dash and a text in place of values in
the report that prints empty cells as spaces."""

import pytest
from pdftext_fixture import table, values
from test_pdftext_spacing import SPACED_ROWS


def _row(*value_lines, name="Skillnad i andel nöjda mellan könen"):
    (row,) = table([name, "", *value_lines, ""]).rows
    return row


def test_a_unit_with_a_hyphen_is_one_unit():
    row = _row("2,5 %-enheter 1 %-enheter 3 %-enheter 2020")
    assert values(row) == {"previous_year": (2.5, "%-enheter"), "annual_target": (1, "%-enheter"),
                           "city_target": (3, "%-enheter")}


@pytest.mark.parametrize("minus", ["\u2212", "\u2013", "-"])
def test_negative_numbers_with_any_minus(minus):
    row = _row(f"{minus}0,5 % {minus}1,2 % 0 % 0 % 2020", name="Nämndens prognosavvikelse")
    assert values(row) == {"previous_year": (-0.5, "%"), "forecast": (-1.2, "%"), "annual_target": (0, "%"),
                           "city_target": (0, "%")}


def test_a_value_line_wrapped_between_cells_is_one_row():
    row = _row("85 % 84 % 86 % 80 %", "90 % 90 % 90 % Tertial 1 2020", name="Andel nöjda brukare")
    assert values(row) == {"period_outcome": (85, "%"), "outcome_men": (84, "%"), "outcome_women": (86, "%"),
                           "previous_year": (80, "%"), "forecast": (90, "%"), "annual_target": (90, "%"),
                           "city_target": (90, "%")}
    assert not row.needs_review


def test_dashes_in_a_report_that_prints_empty_cells_as_spaces():
    # the dash is a printed cell: one space after it like any other; the forecast left empty by a space
    ex = table(SPACED_ROWS + ["Andel besök", "85 % – – 80 %  90 % 90 % Tertial 1 2020 ", ""])
    row = ex.rows[-1]
    assert values(row) == {"period_outcome": (85, "%"), "previous_year": (80, "%"), "annual_target": (90, "%"),
                           "city_target": (90, "%")}
    assert not row.needs_review


@pytest.mark.parametrize("pieces,want", [
    (["   71 % 90 % 90 % Tas ", "fram av ", "nämnd/s ", "tyrelse ", ""], "Tas fram av nämnd/styrelse"),
    (["   71 % 90 % 90 % Tas ", "fram av ", "nämnd/ ", "styrelse ", ""], "Tas fram av nämnd/styrelse"),
    (["   71 % 90 % 90 % Max 10 ", "persone", "r ", ""], "Max 10 personer"),
])
def test_a_text_cell_cut_mid_word_in_its_column_is_joined_when_the_word_is_known(pieces, want):
    # a report that follows every cell with a space: a trailing space there is no wrap clue; the known
    # word decides ('styrelse', 'personer' are words of the reports' cells), a line without it is a cut
    (row,) = table(SPACED_ROWS + ["Brukarens upplevelse av ", "trygghet", ""] + pieces + ["2020", ""]).rows[3:]
    assert values(row)["city_target"] == want and not row.needs_review


def test_just_outside_two_known_words_on_two_lines_stay_two_words():
    (row,) = table(SPACED_ROWS + ["Brukarens upplevelse av ", "trygghet", "", "   71 % 90 % 90 % Tas ", "fram av ",
                                  "nämnd ", "", "2020", ""]).rows[3:]
    assert values(row)["city_target"] == "Tas fram av nämnd"
