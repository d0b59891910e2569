"""Rule: the end of a row's name printed after a page break, below the row's cells ('(hemtjänst)' right
after the repeated table header), belongs to that row; it is no row of its own and no row is lost."""

import hl_rewrite
from pdftext_fixture import HEADER, PAGE_BREAK, parse, table, values


def test_tail_after_the_repeated_header_ends_the_name_of_the_row_before():
    ex = table([
        "Andel brukare som upplever att ", "de får stöd i rätt tid", "", "85 % 90 % 90 % 2020", "",
        *PAGE_BREAK, *HEADER,
        "(hemtjänst)", "",
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    first, second = ex.rows
    assert first.name == "Andel brukare som upplever att de får stöd i rätt tid (hemtjänst)"
    assert values(first) == {"previous_year": (85, "%"), "annual_target": (90, "%"), "city_target": (90, "%")}
    assert second.name == "Antal hembesök" and values(second)["previous_year"] == (12, "st")
    assert ex.census.fragments_joined == 1


def test_lower_case_tail_over_two_lines_then_the_next_row_without_a_blank():
    ex = table([
        "Andel brukare som upplever att ", "de får stöd ", "", "85 % 90 % 90 % 2020", "",
        *PAGE_BREAK, *HEADER,
        "i rätt tid ", "(hemtjänst)", "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    first, second = ex.rows
    assert first.name == "Andel brukare som upplever att de får stöd i rätt tid (hemtjänst)"
    assert second.name == "Antal hembesök"


def test_a_capitalised_line_after_the_break_starts_the_next_row():
    # just outside the rule: 'Antal' opens a row's name, it is no tail
    ex = table([
        "Andel nöjda brukare", "", "85 % 90 % 90 % 2020", "", *PAGE_BREAK, *HEADER,
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert [r.name for r in ex.rows] == ["Andel nöjda brukare", "Antal hembesök"]


def test_a_lower_case_name_followed_by_its_cells_is_a_row_not_a_tail():
    # just outside the rule: what follows the break carries cells of its own, so it is a row
    ex = table([
        "Andel nöjda brukare", "", "85 % 90 % 90 % 2020", "", *PAGE_BREAK, *HEADER,
        "e-tjänster i bruk", "", "12 st 14 st 14 st 2020", "",
    ])
    assert [r.name for r in ex.rows] == ["Andel nöjda brukare", "e-tjänster i bruk"]


def test_no_page_break_no_tail():
    ex = table([
        "Andel nöjda brukare", "", "85 % 90 % 90 % 2020", "",
        "(hemtjänst)", "", "12 st 14 st 14 st 2020", "",
    ])
    assert [r.name for r in ex.rows] == ["Andel nöjda brukare", "(hemtjänst)"]


def _move_last_name_line_past_the_break(names, cells, line):
    """The report's own rows, with the last line of a wrapped name printed after a page break."""
    if len(names) < 2 or not hl_rewrite.TAIL_OPENS(names[-1]):
        return None
    return names[:-1] + [""] + cells + [""] + PAGE_BREAK + HEADER + [names[-1]]


def test_the_given_report_with_name_ends_moved_past_page_breaks_reads_as_the_reference():
    lines, line_map, changed = hl_rewrite.rewritten(_move_last_name_line_past_the_break)
    assert len(changed) >= 10
    ex = parse(lines)
    assert hl_rewrite.differences(ex, line_map) == []
    assert ex.census.fragments_joined == len(changed)
