"""Rule name_opens_with_number (extract/names.py, used by rows.py): a line that opens with its only number
and goes on in words that are no cells ('10 mest förskrivna läkemedel', '65 år och äldre som är nöjda')
reads as a name where a row may start, after the row before it printed its period cell: it was swallowed
as cells of the row before (a row lost behind a flag). Cases written for this project."""

import pytest
from pdftext_fixture import block, table, values

from tertial.extract.names import name_opens_with_number

CELLS = "85 % 84 % 86 % 80 % 90 % 90 % 90 % Tertial 1 2020"


@pytest.mark.parametrize("name", ["10 mest förskrivna läkemedel", "65 år och äldre som är nöjda med hemtjänsten"])
def test_a_name_opening_with_a_number_is_a_row_of_its_own(name):
    ex = table(block("Andel nöjda brukare", CELLS) + block(name, CELLS) + block("Andel nöjda elever", CELLS))
    assert [r.name for r in ex.rows] == ["Andel nöjda brukare", name, "Andel nöjda elever"]
    assert all(values(r)["period_outcome"] == (85, "%") and not r.needs_review for r in ex.rows)


def test_boundary_of_the_share_of_cell_like_words():
    assert name_opens_with_number("65 år och äldre som", 2020)  # 2 of 5 cell-like ('65', 'år'): inside
    assert not name_opens_with_number("65 år äldre", 2020)  # 2 of 3, no running text: just outside
    assert name_opens_with_number("65 år och äldre", 2020)  # half, but running text after the unit


def test_just_outside_lines_of_cells():
    assert not name_opens_with_number("85 % Tas fram av nämnd", 2020)  # every word cell-like
    assert not name_opens_with_number("12,5 10 Max 10 personer", 2020)  # more than one number
    assert not name_opens_with_number("85 % mest", 2020)  # too short
    assert not name_opens_with_number("10 mest förskrivna 2020", 2020)  # a period cell at its end
