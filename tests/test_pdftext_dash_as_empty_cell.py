"""A dash printed in place of a value ('–', '-', '—', values.EMPTY_MARKS) is an empty cell of its own, in
both layouts: it takes its column's place (so the cells add up to the columns) and is never read as a
unit of the number before it ('85 % – –' is 85 % and two empty cells, not 85 with the unit '% – –')."""

import pytest
from pdftext_fixture import table, values
from tabular_fixture import extract

from tertial.extract.values import EMPTY_MARKS, parse_cell

ALL = {"period_outcome": (85, "%"), "outcome_men": (84, "%"), "outcome_women": (86, "%"),
       "previous_year": (80, "%"), "forecast": (90, "%"), "annual_target": (90, "%"), "city_target": (90, "%")}


def _row(value_line, name=("Andel nöjda brukare",)):
    (row,) = table(list(name) + ["", value_line, ""]).rows
    return row


@pytest.mark.parametrize("dash", EMPTY_MARKS)
def test_a_dash_is_a_printed_empty_cell(dash):
    cell = parse_cell(dash)
    assert cell.empty and cell.raw == dash


@pytest.mark.parametrize("dash", EMPTY_MARKS)
def test_dashes_for_men_and_women_leave_every_column_in_its_place(dash):
    row = _row(f"85 % {dash} {dash} 80 % 90 % 90 % 90 % Tertial 1 2020")
    want = {c: v for c, v in ALL.items() if c not in ("outcome_men", "outcome_women")}
    assert values(row) == want and not row.needs_review


def test_a_value_line_may_open_with_dashes():
    row = _row("– – – 80 % 90 % 90 % 90 % Tertial 1 2020")
    assert values(row) == {"previous_year": (80, "%"), "forecast": (90, "%"), "annual_target": (90, "%"),
                           "city_target": (90, "%")}
    assert not row.needs_review and row.name == "Andel nöjda brukare"


def test_a_name_line_opening_with_a_dash_and_a_word_stays_in_the_name():
    # just outside: '- LSS-boende' opens with a dash, but a word follows it, not a cell
    row = _row("80 % 90 % 90 % 90 % 90 % 90 % 90 % Tertial 1 2020",
               name=("Brukarens upplevelse av trygghet", "- LSS-boende"))
    assert row.name == "Brukarens upplevelse av trygghet - LSS-boende"


def test_a_dash_ends_a_text_cell_before_it():
    row = _row("85 % 84 % 86 % 80 % 90 % Tas fram av nämnd – Tertial 1 2020")
    assert values(row)["annual_target"] == "Tas fram av nämnd" and "city_target" not in values(row)


def test_the_tab_separated_layout_reads_a_dash_cell_as_empty():
    ex = extract("KF:s mål för verksamhetsområdet: 1.1 Ett mål\n\n"
                 "Indikator→Periodens utfall→Utfall VB 2022→Prognos helår→Årsmål→Period\n"
                 "Andel nöjda→85 %→–→90 %→90 %→Tertial 2 2023")
    (row,) = ex.rows
    assert row.cells["previous_year"].empty and row.cells["forecast"].value == 90 and not row.needs_review
