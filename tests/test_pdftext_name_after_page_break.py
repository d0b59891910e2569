"""Rule: the end of a row's name printed after a page break, below the row's cells ('(hemtjänst)' right
after the repeated table header), belongs to that row; it is no row of its own and no row is lost."""

import hl_rewrite
import pytest
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


# Rule name_left_open: a name whose last line before the break shows it goes on takes the rest after the
# break whatever letter opens it (a capital, a quote), unless that rest carries cells or is wider than the
# name column.

def test_open_name_takes_a_capitalised_rest_after_the_break():
    ex = table([
        "Andel meddelanden om ", "avhysning från ", "", "37,5 % 50 % 50 % Tertial 1 ", "2020", "",
        *PAGE_BREAK, *HEADER,
        "Kronofogdemyndigheten ", "som kunnat avvärjas", "", "Analys", "Av de åtta meddelandena avvärjdes 3.", "",
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    first, second = ex.rows
    assert first.name == "Andel meddelanden om avhysning från Kronofogdemyndigheten som kunnat avvärjas"
    assert first.analysis.startswith("Av de åtta")
    assert second.name == "Antal hembesök" and not second.needs_review


def test_open_name_takes_a_rest_that_opens_with_a_quote():
    ex = table([
        "Andel personer i ", "", "60 % 60 % 60 % 2020", "", *PAGE_BREAK, *HEADER,
        "\"Bostad först\"", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert [r.name for r in ex.rows] == ["Andel personer i \"Bostad först\"", "Antal hembesök"]


def test_closed_name_leaves_a_capitalised_line_to_start_a_row():
    # just outside: the name's last line has no trailing space (it ended there); the capital opens a row
    ex = table([
        "Andel meddelanden om ", "avhysning", "", "37,5 % 50 % 50 % 2020", "", *PAGE_BREAK, *HEADER,
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert [r.name for r in ex.rows] == ["Andel meddelanden om avhysning", "Antal hembesök"]


def test_open_name_but_the_rest_carries_cells_is_the_next_row():
    ex = table([
        "Andel meddelanden om ", "avhysning från ", "", "37,5 % 50 % 50 % 2020", "", *PAGE_BREAK, *HEADER,
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert [r.name for r in ex.rows] == ["Andel meddelanden om avhysning från", "Antal hembesök"]


def test_open_name_but_a_line_wider_than_the_name_column_is_no_rest():
    wide = "Kronofogdemyndigheten har under perioden fått in åtta meddelanden"
    ex = table([
        "Andel meddelanden ", "från ", "", "37,5 % 50 % 50 % 2020", "", *PAGE_BREAK, *HEADER, wide, "",
    ])
    assert ex.rows[0].name == "Andel meddelanden från"
    assert all(wide not in r.name for r in ex.rows[:1])


def test_without_the_wrap_clue_a_bracket_or_a_glue_word_left_open_keeps_the_name_open():
    from tertial.extract.names import name_left_open
    assert name_left_open(["Andel personer som upplever", "bemötande (stöd och service"], clue=False)
    assert name_left_open(["Andel meddelanden från"], clue=False)
    assert not name_left_open(["Andel meddelanden från Kronofogden"], clue=False)
    assert not name_left_open(["Andel nöjda (hemtjänst)"], clue=False)
    assert name_left_open(["Andel nöjda "], clue=True) and not name_left_open(["Andel nöjda"], clue=True)


def test_open_name_takes_a_rest_that_opens_with_a_number():
    # the row's period was printed before the break; '12 månader' ends no row and no cells follow it
    ex = table([
        "Andel personer som behåller ", "kontraktet efter ", "", "60 % 60 % 60 % 2020", "", *PAGE_BREAK, *HEADER,
        "12 månader", "", "Analys", "Fem personer har kontrakt.", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    first, second = ex.rows
    assert first.name == "Andel personer som behåller kontraktet efter 12 månader"
    assert values(first) == {"previous_year": (60, "%"), "annual_target": (60, "%"), "city_target": (60, "%")}
    assert first.analysis == "Fem personer har kontrakt." and second.name == "Antal hembesök"


def test_open_name_but_a_number_line_ending_with_a_period_is_cells():
    # just outside: after the break the row's cells go on up to their own period cell; never a name
    ex = table([
        "Andel personer som behåller ", "kontraktet efter ", "", "60 % 60 % 60 % Tertial 1 ", "2020", "",
        *PAGE_BREAK, *HEADER, "12 st Tertial 1 2020", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert ex.rows[0].name == "Andel personer som behåller kontraktet efter" and ex.rows[0].needs_review
    assert ex.rows[1].name == "Antal hembesök"


def test_a_lone_year_after_a_break_is_no_second_period_of_the_row():
    """Rule second_period_after_break (extract/tails.py): the row printed its period cell before the page
    broke; a line after the break that is only a year ('2019') is no second period cell of the row (a row
    has one) but the rest of its name: the row ends at the break and its values stay. Before, the year
    became the row's period and its real period was glued to the text target (silent wrong values).
    Where the rest cannot be joined to the name it is kept as a flagged piece, never dropped. Just outside:
    a line of cells with its period after the break (test_open_name_but_a_number_line_ending_with_a_period_is_cells)."""
    ex = table([
        "Andel elever i åk 9 som är ", "behöriga till yrkesprogram ", "", "     100 % Tas ", "fram av ", "nämnd ", "",
        "2020", "", *PAGE_BREAK, *HEADER, "2019", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    row = ex.rows[0]
    assert row.period == "2020" and row.cells["city_target"].text == "Tas fram av nämnd"
    assert [r.name for r in ex.rows if not r.needs_review][-1] == "Antal hembesök"
    assert all(r.needs_review for r in ex.rows if r.name.strip() == "2019")



LONG_REST = ["upplever att de får en ", "förbättrad situation av ", "insatserna de fått från ", "socialtjänsten ",
             "under året "]


@pytest.mark.parametrize("lines", [3, 4, 5])
def test_a_long_rest_that_opens_in_lower_case_is_stitched_to_the_name(lines):
    """Rule long_tail_opens_lower_case (extract/tails.py): the name broke after its first line, the cells
    followed, and the rest of the name runs 3 to TAIL_LINES_LOWER lines after the page break. It opens in
    lower case, which no name does, so it is the rest however many lines it runs (in the name column).
    Before, a rest of 3 lines or more became a flagged piece and the name stayed cut."""
    rest = LONG_REST[:lines]
    ex = table(["Andel personer som själva ", "", "   71 %  80 %  2020 ", "", *PAGE_BREAK, *HEADER, *rest, "",
                "Antal hembesök", "", "12 st 14 st 14 st 2020", ""])
    assert [r.name for r in ex.rows] == [
        " ".join(["Andel personer som själva", *(r.strip() for r in rest)]), "Antal hembesök"]
    assert values(ex.rows[0])["previous_year"] == (71, "%") and not ex.warnings  # no piece left over


def test_boundary_a_long_rest_stops_at_the_most_lines_a_rest_runs():
    """Just outside: past TAIL_LINES_LOWER lines the block is no rest of a name (a name is not that long
    in its column); it is kept, flagged, never joined silently. And a rest that opens with a capital stays
    bounded by TAIL_LINES."""
    from tertial.extract.tails import TAIL_LINES, TAIL_LINES_LOWER
    assert TAIL_LINES < TAIL_LINES_LOWER
    rest = [f"och rad {n} av namnet " for n in range(TAIL_LINES_LOWER + 1)]
    ex = table(["Andel personer som själva ", "", "   71 %  80 %  2020 ", "", *PAGE_BREAK, *HEADER, *rest, "",
                "Antal hembesök", "", "12 st 14 st 14 st 2020", ""])
    assert ex.rows[0].name == "Andel personer som själva"
    assert ex.rows[-1].name == "Antal hembesök"
    assert any(r.needs_review for r in ex.rows[1:-1]) or ex.warnings
