"""Rule name_ends_in_number (extract/names.py): a lone bare number closing a name line, with a blank line
after it, ends the name ('Antal utbildade inom Agenda 2030', then the cells below); a number with a unit, a
line of cells, or a year near the report's (a row printing only its period) stay cells. Cases written for
this project."""

from pdftext_fixture import table, values

from tertial.extract.names import name_ends_in_number

CELLS = "85 st 84 st 86 st 80 st 90 st 90 st 90 st Tertial 1 2020"


def _rows(*lines):
    return table(list(lines)).rows


def test_just_inside_a_lone_number_before_a_blank_line_ends_the_name():
    (row,) = _rows("Antal utbildade inom Agenda 2030", "", CELLS, "")
    assert row.name == "Antal utbildade inom Agenda 2030"
    assert values(row)["period_outcome"] == (85, "st") and not row.needs_review


def test_just_outside_a_number_with_its_unit_is_a_cell():
    assert not name_ends_in_number(["2030", "st"], None, 2020)
    assert not name_ends_in_number(["12,5"], None, 2020)  # not a bare whole number


def test_just_outside_a_line_going_on_below_holds_cells():
    assert not name_ends_in_number(["81"], "84 84 2020", 2020)


def test_just_outside_the_reports_year_is_the_period_cell():
    assert not name_ends_in_number(["2020"], None, 2020) and not name_ends_in_number(["2021"], None, 2020)
    assert name_ends_in_number(["2030"], None, 2020) and name_ends_in_number(["14001"], None, 2020)


def test_a_name_with_its_cells_on_its_line_still_hands_over():
    (row,) = _rows("Index Bra arbetsgivare 81 84 84 2020", "")
    assert row.name == "Index Bra arbetsgivare" and values(row)["annual_target"] == 84
