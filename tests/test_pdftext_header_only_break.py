"""Rule (a page without furniture): a table continued on the next page with only its header printed again
(no 'Tjänsteutlåtande' / 'Sid N') is a page break all the same: the rest of a row's name printed after it,
below the row's cells, ends that row's name; it is no row of its own, and the rows after it are read."""

import hl_rewrite
from pdftext_fixture import HEADER, PAGE_BREAK, parse, table, values

ROW_AFTER = ["Antal hembesök ", "", "   12 st  14 st 14 st 2020 ", ""]


def names(ex):
    return [r.name for r in ex.rows]


def test_a_lower_case_rest_of_the_name_after_the_header_only():
    ex = table([
        "Andel brukare inom omsorgen ", "för personer med ", "", "   88 %  94 % öka 2020 ", *HEADER,
        "funktionsnedsättning som inte ", "upplever diskriminering ", "", *ROW_AFTER,
    ])
    assert names(ex) == ["Andel brukare inom omsorgen för personer med funktionsnedsättning som inte "
                         "upplever diskriminering", "Antal hembesök"]
    assert values(ex.rows[0]) == {"previous_year": (88, "%"), "annual_target": (94, "%"), "city_target": "öka"}
    assert ex.census.fragments_joined == 1 and ex.census.fragments_flagged == 0 and ex.warnings == []


def test_a_bracketed_rest_then_the_row_analysis_then_the_next_row():
    ex = table([
        "Andel brukare som upplevt sig ", "delaktiga ", "", "   88 %  94 % 94 % Tertial 1 ", "2020 ", *HEADER,
        "(LSS-boende) ", "", "Analys ", "Resultatet ligger nära målet. ", "",
        "Brukarens upplevelse av ", "trygghet ", "", "   71 %  90 % 90 % 2020 ", "",
    ])
    assert names(ex) == ["Andel brukare som upplevt sig delaktiga (LSS-boende)",
                         "Brukarens upplevelse av trygghet"]
    assert ex.rows[0].analysis == "Resultatet ligger nära målet."
    assert ex.census.row_blocks == 2 and ex.census.rows_recovered == 0


def test_a_name_left_open_takes_a_capitalised_rest_after_the_header_only():
    ex = table([
        "Andel ärenden som lämnats ", "till ", "", "40 % 50 % 50 % 2020", *HEADER,
        "Kronofogdemyndigheten", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert names(ex) == ["Andel ärenden som lämnats till Kronofogdemyndigheten", "Antal hembesök"]


def test_a_capitalised_line_after_the_header_only_starts_the_next_row():
    # just outside the rule: the name before the break was closed, and 'Antal' opens a row's name
    ex = table([
        "Andel nöjda brukare", "", "85 % 90 % 90 % 2020", *HEADER,
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert names(ex) == ["Andel nöjda brukare", "Antal hembesök"]


def test_a_lower_case_name_with_cells_of_its_own_after_the_header_only_is_a_row():
    # just outside the rule: what follows the header carries cells, so it is the next row
    ex = table([
        "Andel nöjda brukare", "", "85 % 90 % 90 % 2020", *HEADER,
        "e-tjänster i bruk", "", "12 st 14 st 14 st 2020", "",
    ])
    assert names(ex) == ["Andel nöjda brukare", "e-tjänster i bruk"]


def test_a_name_split_before_its_cells_by_the_header_only():
    ex = table([
        "Andel brukare som upplever att ", *HEADER, "de får stöd i rätt tid ", "", "   85 %  90 % 90 % 2020 ", "",
        *ROW_AFTER,
    ])
    assert names(ex) == ["Andel brukare som upplever att de får stöd i rätt tid", "Antal hembesök"]


# Rule tail_fits_name_column: the rest of a name is printed in the name column, which is narrower than the
# line before the break, a space and the rest's first word (else that word would have fitted there).

def _tail(rest):
    return table([
        "Andel nöjda ", "", "   85 %  90 % 90 % 2020 ", *HEADER, rest, "", *ROW_AFTER,
    ])


def test_a_rest_as_wide_as_the_line_before_and_its_first_word_is_the_name_s_end():
    ex = _tail("omsorgstagare i hemtjänst")  # 25 = len('Andel nöjda') + 1 + len('omsorgstagare')
    assert names(ex) == ["Andel nöjda omsorgstagare i hemtjänst", "Antal hembesök"]


def test_a_rest_wider_than_that_is_no_part_of_the_name():
    ex = _tail("omsorgstagare i hemtjänsten")  # 27: wider than the name column can be
    assert names(ex)[0] == "Andel nöjda" and ex.census.fragments_joined == 0
    assert ex.census.fragments_flagged == 1 and ex.warnings  # kept as a flagged piece, not lost


def _tail_past_a_header_only_break(names, cells, line):
    """The report's own rows, with the last line of a wrapped name printed after a page that repeats only
    the table header."""
    if len(names) < 2 or not hl_rewrite.TAIL_OPENS(names[-1]):
        return None
    return names[:-1] + [""] + cells + HEADER + [names[-1]]


def test_the_given_report_with_name_ends_past_header_only_breaks_reads_as_the_reference():
    lines, line_map, changed = hl_rewrite.rewritten(_tail_past_a_header_only_break)
    assert len(changed) >= 10
    ex = parse(lines)
    assert hl_rewrite.differences(ex, line_map) == []
    assert ex.census.fragments_joined == len(changed) and ex.census.rows_recovered == 0


def test_a_long_name_after_the_break_is_the_next_row_even_when_the_name_before_was_left_open():
    # just outside: the block after the break goes on past the three lines a rest may take, so it is
    # the name of the next row (its cells follow it), not the rest of the name before
    ex = table([
        "Andel personer som behåller ", "kontraktet efter ", "", "80 % 80 % 2020", *HEADER,
        "Andel personer med funktionsnedsättning som ", "upplever att de blir väl bemötta av stadens ",
        "personal (stöd och service till personer med ", "funktionsnedsättning)", "", "90 % 90 % 2020", "",
    ])
    assert names(ex) == ["Andel personer som behåller kontraktet efter",
                         "Andel personer med funktionsnedsättning som upplever att de blir väl bemötta av "
                         "stadens personal (stöd och service till personer med funktionsnedsättning)"]


def test_a_rest_of_three_lines_then_the_next_row():
    ex = table([
        "Andel personer som behåller ", "kontraktet efter ", "", "80 % 80 % 2020", *HEADER,
        "tolv månader i ", "det egna ", "boendet", "", *ROW_AFTER,
    ])
    assert names(ex) == ["Andel personer som behåller kontraktet efter tolv månader i det egna boendet",
                         "Antal hembesök"]


def test_the_given_report_with_footnotes_and_name_ends_past_both_kinds_of_break_reads_as_the_reference():
    from test_pdftext_footnotes import _marked

    def both(names, cells, line):
        marked = _marked(names, cells, line)
        if len(names) < 2 or not hl_rewrite.TAIL_OPENS(names[-1]):
            return marked
        brk = HEADER if line % 3 else PAGE_BREAK + HEADER
        note = marked[-2:] if marked else []
        last = marked[len(names) - 1] if marked else names[-1]
        return names[:-1] + [""] + cells + brk + [last, ""] + note

    lines, line_map, changed = hl_rewrite.rewritten(both)
    assert len(changed) >= 30
    ex = parse(lines)
    assert hl_rewrite.differences(ex, line_map) == []
    assert ex.census.rows_recovered == 0 and ex.census.fragments_flagged == 0 and ex.census.notes >= 10
