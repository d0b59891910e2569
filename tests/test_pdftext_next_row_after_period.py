"""Rule next_row_after_period: once a row's period cell is printed, a stray line of cells after it (here
after a page break) may be read into the row, flagged, but the next row (a capitalised name followed by
its cells) is never swallowed with it."""

from pdftext_fixture import HEADER, PAGE_BREAK, table, values


def test_a_stray_cell_line_does_not_swallow_the_next_row():
    ex = table([
        "Andel nöjda brukare", "", "60 % 60 % 60 % 2020", "", *PAGE_BREAK, *HEADER,
        "12 månader", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    first, second = ex.rows
    assert first.needs_review
    assert second.name == "Antal hembesök" and values(second)["previous_year"] == (12, "st")
    assert ex.census.row_blocks == 2


def test_before_the_period_a_line_after_a_blank_is_still_the_rows_cells():
    # just outside: no period cell yet, so the wrapped cells after the blank belong to the row
    ex = table([
        "Andel nöjda brukare", "", "37,5 % 51,85 ", "%", "", "50 % 50 % Tertial 1 ", "2020", "",
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    first, second = ex.rows
    assert values(first)["period_outcome"] == (37.5, "%") and first.period == "Tertial 1 2020"
    assert second.name == "Antal hembesök"
