"""Rules number_opens_prose and name_line_opens_with_number (extract/names.py, used by rows.py): inside a
name block, a line that opens with a number and goes on in running text ('3 timmar eller mer',
'2 eller fler besök') is the name's next line, not the row's cells; a lone year under a name line is the
name's last line when the row's own cells, with their period cell, follow it. They were read as cells
(silent wrong values). Cases written for this project, in the one-space-per-cell layout and without it."""

import pytest
from pdftext_fixture import table, values

from tertial.extract.names import name_line_in_block, number_opens_prose

SPACED = ["Andel brukare som upplever att ", "de får stöd i rätt tid", "   85 %  90 %  2020 ", "",
          "Antal hembesök per brukare", "   4  3,7  2020 ", "",
          "Andel nöjda brukare", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]
NEXT = ["Andel nöjda elever", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]


@pytest.mark.parametrize("name_lines", [
    ["Andel barn i förskolan som har ", "3 timmar eller mer ", "utomhusvistelse per dag"],
    ["Andel elever i åk 9 som är ", "behöriga till yrkesprogram ", "2020"],
    ["Andel brukare med ", "2 eller fler besök per vecka"],
    ["Andel ärenden avslutade inom ", "14 dagar efter ansökan"],
    ["Antal deltagare som gått ", "5 kurser eller fler ", "under året"],
    ["Andel anmälningar från ", "2019 som följts upp inom ", "en månad"],
])
def test_a_name_line_opening_with_a_number_stays_in_the_name(name_lines):
    ex = table(SPACED + name_lines + ["   71 %  80 %  2020 ", ""] + NEXT)
    row = ex.rows[3]
    assert row.name == " ".join(ln.strip() for ln in name_lines)
    assert values(row) == {"previous_year": (71, "%"), "annual_target": (80, "%")}
    assert not row.needs_review and [r.name for r in ex.rows[4:]] == ["Andel nöjda elever"]


def test_without_the_spacing_convention_too():
    cells = "85 % 84 % 86 % 80 % 90 % 90 % 90 % Tertial 1 2020"
    ex = table(["Andel barn som har ", "3 timmar eller mer ", "utevistelse", "", cells, ""])
    assert ex.rows[0].name == "Andel barn som har 3 timmar eller mer utevistelse"
    assert values(ex.rows[0])["period_outcome"] == (85, "%")


def test_number_opens_prose_boundary():
    assert number_opens_prose("3 timmar eller mer".split())  # a unit, then running text: inside
    assert not number_opens_prose("3 timmar 4 timmar".split())  # a unit, then a cell: outside
    assert number_opens_prose("2 eller fler".split())
    assert not number_opens_prose("1,6 kg per kg".split())  # 'per' goes on in units: outside


def test_name_line_in_block_boundary():
    assert name_line_in_block("2022", "  70 %  80 %  2022 ", 2022)  # the row's cells follow: inside
    assert not name_line_in_block("2022", "Andel nöjda", 2022)  # no cells follow: the period cell
    assert not name_line_in_block("   2022", "  70 %  80 %  2022 ", 2022)  # indented by empty cells
    assert not name_line_in_block("3 timmar eller mer 2022", None, 2022)  # a period cell at its end
    assert not name_line_in_block("3 timmar 4 eller", None, 2022)  # two numbers: cells


@pytest.mark.parametrize("name_lines", [["14 dagar efter ", "ansökan, andel"], ["3 timmar eller mer ", "ute, andel"]])
def test_a_name_opening_with_a_number_and_running_text_starts_a_row(name_lines):
    ex = table(SPACED + name_lines + ["   71 %  80 %  2020 ", ""] + NEXT)
    assert [r.name for r in ex.rows[2:]] == ["Andel nöjda brukare", " ".join(ln.strip() for ln in name_lines),
                                             "Andel nöjda elever"]
    assert values(ex.rows[3]) == {"previous_year": (71, "%"), "annual_target": (80, "%")}
    assert not any(r.needs_review for r in ex.rows)


@pytest.mark.parametrize("name_lines", [
    ["Andel 65 år och äldre som ", "upplever att de får hjälp inom ", "14 dagar"],
    ["Antal barn som fått plats inom", "4 månader"],
    ["Andel ansökningar beslutade efter ", "30 dagar"],
    ["Andel elever med behörighet till ", "3 program"],
])
def test_a_number_line_below_a_name_left_open_by_its_last_word_stays_in_the_name(name_lines):
    """The name line above ends in a word no name ends with ('inom', 'efter', 'till': names.NAME_GLUE), so
    the line below it goes on with the name even when it is only a number and a noun ('14 dagar'), which
    alone reads as a cell with its unit: the row's cells, with their period cell, follow. Read as cells
    before (silent wrong values: 14 in the period's outcome)."""
    ex = table(SPACED + name_lines + ["", "   91 %  97 %  2020 ", ""] + NEXT)
    row = ex.rows[3]
    assert row.name == " ".join(ln.strip() for ln in name_lines)
    assert values(row) == {"previous_year": (91, "%"), "annual_target": (97, "%")}


def test_boundary_a_number_line_below_a_closed_name_line_is_cells():
    """Just outside: the line above ends in a word a name may end with ('hemtjänst'): '14 dagar' is a cell
    with its unit (the name is not left open), and the line after it opens the next row's cells."""
    assert name_line_in_block("14 dagar", "   91 %  97 %  2020 ", 2020, above="upplever hjälp inom")
    assert not name_line_in_block("14 dagar", "   91 %  97 %  2020 ", 2020, above="upplever hjälp i hemtjänst")
    assert not name_line_in_block("14 dagar 2020", "   91 %  97 %  2020 ", 2020, above="hjälp inom")


def test_a_lone_year_before_cells_indented_by_empty_ones_stays_in_the_name():
    """A lone year under a name line, followed by the row's cells indented by empty cells (one space per
    empty cell) whose period cell comes on a later line, after a wrapped text cell: the year closes the
    name (a row's period cell never comes before its cells). Read before as the period, the real period
    glued to the text target (silent wrong values)."""
    name_lines = ["Andel elever i åk 9 som är ", "behöriga till yrkesprogram ", "2019"]
    ex = table(SPACED + name_lines + ["", "     100 % Tas ", "fram av ", "nämnd ", "", "2020", ""] + NEXT)
    row = ex.rows[3]
    assert row.name == "Andel elever i åk 9 som är behöriga till yrkesprogram 2019"
    assert row.period == "2020" and values(row)["annual_target"] == (100, "%")


def test_a_lone_year_before_cells_that_open_with_a_dash_stays_in_the_name():
    """A dash printed for an empty cell opens the row's cells as a number does ('– – – 93 % ...'): the lone
    year above it closes the name. Before, the year was read as the period and the row lost its values."""
    name_lines = ["Antal barn 1-5 år inskrivna i ", "förskolan per den 15 oktober ", "2019"]
    ex = table(SPACED + name_lines + ["", "– – – 93 % – 92 % 90 % 2020 ", ""] + NEXT)
    row = ex.rows[3]
    assert row.name == "Antal barn 1-5 år inskrivna i förskolan per den 15 oktober 2019"
    assert values(row) == {"previous_year": (93, "%"), "annual_target": (92, "%"), "city_target": (90, "%")}


def test_boundary_a_lone_year_before_unindented_cells_without_their_period_is_not_settled_as_name():
    """Just outside: the cells below neither carry the period nor are indented, so nothing says the year
    is no period cell; the rule does not apply."""
    assert name_line_in_block("2019", "     100 % Tas ", 2020)
    assert not name_line_in_block("2019", "100 % Tas ", 2020)
