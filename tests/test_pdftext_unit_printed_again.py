"""Rule unit_printed_again: a one-line name that shares its line with a first cell whose unit wraps below
it ('Antal barn per grupp 17,3 barn' / 'per' / 'avdelnin' / 'g') hands over to the cells at that number
when the next block opens with a number followed by the same words ('16,5 barn')."""

from pdftext_fixture import table, values

from tertial.extract.names import split_before_unit_printed_again

UNIT = ["per ", "avdelnin", "g", ""]


def test_the_first_cell_with_a_wrapped_unit_leaves_the_name():
    ex = table(["Antal barn per grupp 17,3 barn ", *UNIT, "16,5 barn ", *UNIT, "16 st 16 16 Tertial 1 ", "2020", ""])
    (row,) = ex.rows
    assert row.name == "Antal barn per grupp"
    assert values(row)["period_outcome"] == (17.3, "barn per avdelning")
    assert values(row)["previous_year"] == (16.5, "barn per avdelning")


def test_the_boundary_of_the_rule():
    assert split_before_unit_printed_again("Antal barn per grupp 17,3 barn", "16,5 barn") == 4
    # just outside: the next block opens with another word after its number
    assert split_before_unit_printed_again("Antal barn per grupp 17,3 barn", "16,5 st") is None
    # just outside: a number after a glue word belongs to the name ('i årskurs 9 som' / '9 som ...')
    assert split_before_unit_printed_again("Andel elever i 9 som", "9 som") is None
    assert split_before_unit_printed_again("Antal barn per grupp 17,3 barn", None) is None
