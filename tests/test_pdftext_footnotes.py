"""Rule (footnotes, extract/notes.py): a footnote line in a table ('* Preliminärt utfall.', '1) Uppgiften
avser ...', '¹ Mätt i mars.') is no row: it is kept with the row whose name carries its mark (else the row
above), as a paragraph of that row's analysis; the mark is no part of the name; the rows after the note
(and after the 'Analys' that follows it) are all read, none lost."""

import hl_rewrite
from pdftext_fixture import HEADER, PAGE_BREAK, parse, table, values

from tertial.extract import notes

SPACED = ["Antal hembesök ", "", "   12 st  14 st 14 st 2020 ", ""]


def names(ex):
    return [r.name for r in ex.rows]


def test_a_star_note_under_a_row_then_its_analysis_then_two_more_rows():
    ex = table([
        "Andelen nöjda omsorgstagare i ", "hemtjänst*", "", "   83 %  86 % 86 % 2020 ", "",
        "* Preliminärt utfall. ", "", "Analys ", "Resultatet är bra. ", "",
        "Andelen nöjda omsorgstagare i ", "vård- och omsorgsboende ", "", "   75 %  82 % 82 % 2020 ", "",
        *SPACED,
    ])
    assert names(ex) == ["Andelen nöjda omsorgstagare i hemtjänst",
                         "Andelen nöjda omsorgstagare i vård- och omsorgsboende", "Antal hembesök"]
    assert ex.rows[0].analysis == "* Preliminärt utfall.\n\nResultatet är bra."
    assert values(ex.rows[0]) == {"previous_year": (83, "%"), "annual_target": (86, "%"), "city_target": (86, "%")}
    assert ex.census.row_blocks == 3 and ex.census.notes == 1 and ex.census.fragments_flagged == 0
    assert not any(r.needs_review for r in ex.rows) and ex.warnings == []


def test_a_numbered_note_wrapped_over_two_lines_goes_with_the_name_that_carries_its_mark():
    ex = table([
        "Andel elever med ", "godkända betyg 1)", "", "88 % 90 % 90 % 2020", "",
        "1) Uppgiften avser läsåret 2019/2020 och ", "omfattar endast de kommunala skolorna. ", "",
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert names(ex) == ["Andel elever med godkända betyg", "Antal hembesök"]
    assert ex.rows[0].analysis == ("1) Uppgiften avser läsåret 2019/2020 och omfattar endast de kommunala "
                                   "skolorna.")
    assert ex.census.notes == 1 and ex.census.row_blocks == 2


def test_notes_at_the_foot_of_the_table_go_to_the_rows_their_marks_name():
    ex = table([
        "Andel nöjda brukare¹", "", "85 % 90 % 90 % 2020", "", "Analys", "Bra.", "",
        "Antal hembesök²", "", "12 st 14 st 14 st 2020", "", "Analys", "Fler.", "",
        "Antal besök", "", "3 st 4 st 4 st 2020", "",
        "¹ Mätt i mars.", "² Exklusive privata utförare.", "",
    ])
    assert names(ex) == ["Andel nöjda brukare", "Antal hembesök", "Antal besök"]
    assert ex.rows[0].analysis == "Bra.\n\n¹ Mätt i mars."
    assert ex.rows[1].analysis == "Fler.\n\n² Exklusive privata utförare."
    assert ex.rows[2].analysis == ""
    assert ex.census.notes == 2


def test_a_note_after_a_page_break_below_the_last_row():
    ex = table([
        "Andel nöjda brukare**", "", "85 % 90 % 90 % 2020", "", *PAGE_BREAK, *HEADER,
        "** Enkäten genomfördes inte i år.", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    assert names(ex) == ["Andel nöjda brukare", "Antal hembesök"]
    assert ex.rows[0].analysis == "** Enkäten genomfördes inte i år."


def test_an_analysis_after_a_piece_of_a_row_belongs_to_the_table_and_the_rows_after_it_are_read():
    # the piece reads as no row (a flagged fragment); the 'Analys' under it is no goal text, so the row
    # printed after it is read (it was lost without a warning)
    ex = table([
        "Andel nöjda brukare", "", "85 % 90 % 90 % 2020", "",
        "CO2 CO2 ", "per kg", "", "Analys", "En text.", "",
        "Brukarens upplevelse av ", "trygghet - LSS-boende", "", "71 % 90 % 90 % 2020", "",
    ])
    assert names(ex) == ["Andel nöjda brukare", "CO2 CO2 per kg", "Brukarens upplevelse av trygghet - LSS-boende"]
    assert ex.rows[1].review_code == "fragment" and ex.rows[1].analysis == "En text."
    assert ex.census.rows_recovered == 0


def test_name_marks_at_the_boundary():
    # just inside: a mark after the name; just outside: a bracket the name opened, a unit's square
    assert notes.name_mark("Andel nöjda i hemtjänst*") == ("Andel nöjda i hemtjänst", "*")
    assert notes.name_mark("Andel nöjda i hemtjänst 1)") == ("Andel nöjda i hemtjänst", "1)")
    assert notes.name_mark("Andel nöjda i hemtjänst (2)") == ("Andel nöjda i hemtjänst", "2)")
    assert notes.name_mark("Andel nöjda i hemtjänst³") == ("Andel nöjda i hemtjänst", "³")
    assert notes.name_mark("Andel nöjda (hemtjänst)") == ("Andel nöjda (hemtjänst)", None)
    assert notes.name_mark("Antal platser (grupp 2)") == ("Antal platser (grupp 2)", None)
    assert notes.name_mark("Energianvändning kWh/m²") == ("Energianvändning kWh/m²", None)
    assert notes.name_mark("Sjukfrånvaro dag 1-14") == ("Sjukfrånvaro dag 1-14", None)


def test_note_lines_at_the_boundary():
    assert notes.note_mark("* Preliminärt utfall.") == "*"
    assert notes.note_mark("1) Uppgiften avser") == "1)"
    assert notes.note_mark("(1) Uppgiften avser") == "1)"
    assert notes.note_mark("¹Mätt i mars") == "¹"
    assert notes.note_mark("*") is None  # a mark with no words is no note
    assert notes.note_mark("10) Uppgiften") is None  # notes are numbered 1-9 under a row
    assert notes.note_mark("Andel nöjda*") is None
    assert notes.note_mark("1,5 % 2 % 2020") is None


def test_a_note_longer_than_a_note_is_not_one():
    # just inside: NOTE_MAX_LINES lines are a note; just outside: one more is no note (kept as text, warned)
    head = ["Andel nöjda brukare*", "", "85 % 90 % 90 % 2020", ""]
    inside = ["* Rad ett av noten "] + ["och den går vidare "] * (notes.NOTE_MAX_LINES - 1)
    outside = inside + ["och den går vidare "]
    ex = table(head + inside + ["", *SPACED])
    assert names(ex) == ["Andel nöjda brukare", "Antal hembesök"] and ex.census.notes == 1
    ex = table(head + outside + ["", *SPACED])
    assert ex.census.notes == 0 and "Antal hembesök" in names(ex)
    assert ex.warnings  # the long block is not a note: never dropped in silence


def _marked(names, cells, line):
    """The report's own rows, every other one with a footnote mark on its name and the note below its
    cells (the marks vary: '*', ' 1)', '²')."""
    if line % 2:
        return None
    mark, note = [("*", "* Preliminärt utfall. "), (" 1)", "1) Uppgiften avser perioden januari till april. "),
                  ("²", "² Exklusive privata utförare. ")][line % 3]
    return names[:-1] + [names[-1].rstrip() + mark, ""] + cells + ["", note]


def test_the_given_report_with_footnotes_reads_as_the_reference():
    lines, line_map, changed = hl_rewrite.rewritten(_marked)
    assert len(changed) >= 10
    ex = parse(lines)
    assert hl_rewrite.differences(ex, line_map) == []
    assert ex.census.notes == len(changed) and ex.census.rows_recovered == 0 and ex.census.fragments_flagged == 0


def test_a_note_right_below_cells_that_end_with_a_space_is_no_cell():
    # the cells' line ends with a space (the wrap clue), yet the footnote line below opens with its mark
    ex = table(["Andel nöjda i ", "hemtjänst*", "", "83 % 86 % 86 % 2020 ", "* Preliminärt utfall. ", "",
                "Antal hembesök ", "", "12 st 14 st 14 st 2020 ", ""])
    assert names(ex) == ["Andel nöjda i hemtjänst", "Antal hembesök"]
    assert values(ex.rows[0]) == {"previous_year": (83, "%"), "annual_target": (86, "%"), "city_target": (86, "%")}
    assert ex.rows[0].analysis == "* Preliminärt utfall." and not ex.rows[0].needs_review


def test_marks_on_a_name_that_shares_its_line_with_the_cells():
    for mark, note in (("*", "* Preliminärt."), (" 1)", "1) Avser mars.")):
        ex = table([f"Sjukfrånvaro{mark} 7,4 % 4,9 % 5 % 5 % 5 % Tertial 1 2020", "", note, "",
                    "Antal hembesök", "", "12 st 14 st 14 st 2020", ""])
        assert names(ex) == ["Sjukfrånvaro", "Antal hembesök"] and ex.rows[0].analysis == note
