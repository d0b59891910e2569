"""Rule: a name line that ends in an open range ('Sjukfrånvaro dag 1-') is closed by the number that
starts the next line ('14'): that number belongs to the name, the cells come after it."""

import hl_rewrite
from pdftext_fixture import parse, table, values


def test_number_after_an_open_range_closes_the_name():
    ex = table(["Sjukfrånvaro dag 1-", "14", "", "2,1 % 2,4 % 2,2 % 2,0 % 2,0 % Tertial 1 ", "2020", ""])
    (row,) = ex.rows
    assert row.name == "Sjukfrånvaro dag 1-14"
    assert values(row) == {"period_outcome": (2.1, "%"), "previous_year": (2.4, "%"), "forecast": (2.2, "%"),
                           "annual_target": (2.0, "%"), "city_target": (2.0, "%")}
    assert ex.census.fragments_joined == 1


def test_cells_on_the_same_line_as_the_closing_number():
    ex = table(["Sjukfrånvaro dag 1-", "14 2,1 % 2,4 % 2,2 % 2,0 % 2,0 % Tertial 1 ", "2020", ""])
    (row,) = ex.rows
    assert row.name == "Sjukfrånvaro dag 1-14" and values(row)["period_outcome"] == (2.1, "%")


def test_a_name_without_the_open_range_keeps_the_number_as_a_cell():
    # just outside the rule: the name does not end in an open range, so "14 %" is the first cell
    ex = table(["Sjukfrånvaro totalt", "14 % 2,4 % 2,2 % 2,0 % 2,0 % Tertial 1 ", "2020", ""])
    (row,) = ex.rows
    assert row.name == "Sjukfrånvaro totalt" and values(row)["period_outcome"] == (14, "%")


def test_a_hyphen_after_a_word_is_no_open_range():
    # just outside the rule: 'vård-' wraps a word, the '14' below is a cell
    ex = table(["Andel inom vård-", "14 % 2,4 % 2,2 % 2,0 % 2,0 % Tertial 1 ", "2020", ""])
    (row,) = ex.rows
    assert values(row)["period_outcome"] == (14, "%")


def _open_range_in_the_name(names, cells, line):
    """The report's own rows, each name extended by a range cut after its hyphen: ' dag 1-' / '14'."""
    return names[:-1] + [names[-1].rstrip() + " dag 1-", "14", ""] + cells


def test_the_given_report_with_ranges_cut_in_every_name_reads_as_the_reference():
    lines, line_map, changed = hl_rewrite.rewritten(_open_range_in_the_name)
    assert len(changed) >= 40
    ex = parse(lines)
    assert hl_rewrite.differences(ex, line_map, lambda name: name + " dag 1-14", changed) == []
    assert ex.census.fragments_joined == len(changed)


def test_a_number_that_cannot_close_the_range_is_a_cell():
    # just outside: '14-' then '12,5' (not a whole number above 14) is a name cut at its hyphen, then cells
    ex = table(["Antal personal under en 14-", "12,5 10 Max 10 personer 2020", ""])
    (row,) = ex.rows
    assert row.name == "Antal personal under en 14-"
    assert values(row)["previous_year"] == 12.5
    ex = table(["Sjukfrånvaro dag 15-", "14 % 2,4 % 2,2 % 2,0 % 2,0 % Tertial 1 ", "2020", ""])
    assert ex.rows[0].cells["period_outcome"].value == 14  # 14 is below 15: no range
