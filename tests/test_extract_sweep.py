"""The sweep after the walk (extract/sweep.py): a row end (cells closed by a period cell) that the walk
took for text while a table was open is written as a flagged row, warned and counted; a sentence with
numbers in it is no row end, and text before any table is never swept."""

from pdftext_fixture import CITY_GOAL, HEADER, META, parse, table

from tertial.extract.model import Extraction
from tertial.extract.state import State
from tertial.extract.stream import build_stream
from tertial.extract.sweep import row_end

SECTION = ["Beskrivning ", "Nämnden beskriver här arbetet. ", ""]


def _row_end(text):
    st = State(META, "<t>", build_stream([text]), True, Extraction(META))
    return row_end(st, 0)


def test_row_ends_at_the_boundary():
    assert _row_end("85 % 90 % 90 % 2020")
    assert _row_end("   12 st  14 st 14 st Tertial 1 2020 ")
    assert _row_end("– – – 88 % – 94 % öka 2020")
    assert _row_end("Sjukfrånvaro 7,4 % 4,9 % 5 % 2020")
    # just outside: a sentence that opens and ends with a year, a line without a period cell
    assert not _row_end("2019 var utfallet 85 % och målet för i år gäller 2020")
    assert not _row_end("85 % 90 % 90 %")
    assert not _row_end("85 % 90 % 90 % 1998")  # a year far from the report's is no period


def test_cells_with_no_name_taken_for_text_are_a_flagged_piece():
    ex = table(["Andel nöjda brukare", "", "85 % 90 % 90 % 2020", "", "Beskrivning ", "",
                "12 st 14 st 14 st 2020", ""])
    assert [r.review_code for r in ex.rows] == ["", "recovered"]
    assert ex.census.rows_recovered == 1 and ex.census.fragments_flagged == 1
    assert ex.rows[1].name == "12 st 14 st 14 st 2020"
    assert ex.rows[1].source_line == ex.rows[1].source_line_end == 37
    assert any("recovered after it" in message for _, message in ex.warnings)


def test_a_row_after_a_text_section_inside_the_table_is_read_again_and_flagged():
    ex = table(["Andel nöjda brukare", "", "85 % 90 % 90 % 2020", ""] + SECTION +
               ["Antal hembesök ", "", "12 st 14 st 14 st 2020", ""])
    assert [(r.name, r.review_code) for r in ex.rows] == [("Andel nöjda brukare", ""),
                                                          ("Antal hembesök", "recovered")]
    assert ex.rows[1].needs_review and "lästes först som text" in ex.rows[1].review_reason


def test_text_before_the_table_is_never_swept():
    ex = parse(CITY_GOAL + ["Analys", "Nämndens resultat:", "", "85 % 90 % 90 % 2020", ""] + HEADER +
               ["Antal hembesök", "", "12 st 14 st 14 st 2020", ""])
    assert [r.name for r in ex.rows] == ["Antal hembesök"] and ex.census.rows_recovered == 0


def test_a_row_swallowed_as_another_row_s_cells_is_read_apart_flagged_and_warned():
    # a shape the walk does not know where a row ends: made here by blinding the walk's end-of-row tests
    from unittest import mock

    from tertial.extract import rows as row_rules
    lines = ["Andel nöjda brukare", "", "85 % 90 % 90 % 2020", "", "Antal hembesök", "",
             "12 st 14 st 14 st 2020", ""]
    with mock.patch.object(row_rules, "_ends_row", lambda *a, **k: False), \
            mock.patch.object(row_rules, "_next_row_after_period", lambda *a: False):
        ex = table(lines)
    assert [r.name for r in ex.rows] == ["Andel nöjda brukare", "Antal hembesök"]
    assert [r.source_line_end for r in ex.rows] == [33, 37]
    assert all("row_within_row" in r.review_code and r.needs_review for r in ex.rows)
    assert [line for line, message in ex.warnings if "read as two rows" in message] == [35]
    assert ex.census.row_blocks == 2 and ex.census.rows_recovered == 1
    # just outside: read as the walk reads it, two rows and no flag
    ex = table(lines)
    assert [r.review_code for r in ex.rows] == ["", ""] and ex.warnings == []


def test_a_period_wrapped_below_the_cells_is_one_row_end():
    ex = table(["Andel nöjda brukare", "", "1,1 % 1,1 % 2,7 % 2,7 % 2,7 % Tertial 1 ", "2020", "",
                "Antal hembesök", "", "12 st 14 st 14 st 2020", ""])
    assert all("row_within_row" not in r.review_code for r in ex.rows) and len(ex.rows) == 2
