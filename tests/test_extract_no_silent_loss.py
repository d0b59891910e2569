"""Rule (no silent loss): every block between a table header and the end of its table ends as a row;
a piece that reads as no row is written as a row flagged 'fragment', never dropped, and the table goes
on; the census counts what was seen and written; running text after a table that no section opens is
warned about."""

from pdftext_fixture import META, parse, table

from tertial.extract import fragments
from tertial.extract.write import census_lines, census_record


def test_a_piece_that_reads_as_no_row_is_a_flagged_row_and_the_table_goes_on():
    ex = table([
        "Andel nöjda brukare", "", "85 % 90 % 90 % 2020", "",
        "CO2 CO2 ", "per kg", "",
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    names = [r.name for r in ex.rows]
    assert names == ["Andel nöjda brukare", "CO2 CO2 per kg", "Antal hembesök"]
    fragment = ex.rows[1]
    assert fragment.needs_review and fragment.review_code == "fragment" and fragment.source_line == 35
    assert ex.census.row_blocks == 2 and ex.census.fragments_flagged == 1
    assert any("kept as a flagged row" in message for _, message in ex.warnings)


def test_a_name_without_cells_is_kept_as_a_flagged_row():
    ex = table(["Andel nöjda brukare", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", ""])
    assert [(r.name, r.review_code) for r in ex.rows] == [("Andel nöjda brukare", "fragment"),
                                                          ("Antal hembesök", "")]


def test_a_block_just_over_the_fragment_size_is_text_after_the_table():
    # just inside: FRAGMENT_MAX_LINES short lines are a fragment; just outside: one more is running text
    inside = ["kort rad"] * fragments.FRAGMENT_MAX_LINES
    outside = ["kort rad"] * (fragments.FRAGMENT_MAX_LINES + 1)
    head = ["Andel nöjda brukare", "", "85 % 90 % 90 % 2020", ""]
    assert table(head + inside + [""]).census.fragments_flagged == 1
    ex = table(head + outside + [""])
    assert ex.census.fragments_flagged == 0 and len(ex.rows) == 1
    assert any("text after a table" in message for _, message in ex.warnings)
    long_line = "x" * (fragments.FRAGMENT_MAX_CHARS + 1)
    assert table(head + [long_line, ""]).census.fragments_flagged == 0


def test_census_lines_name_every_count_and_warning():
    ex = table(["Andel nöjda brukare", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", ""])
    record = census_record(ex)
    assert record["rows_written"] == record["row_blocks"] + record["fragments_flagged"] == 2
    head, *warnings = census_lines(record, "r.txt")
    assert head == ("census hagersten-liljeholmen-2020-t1: 1 row blocks seen, 2 rows written (1 flagged), "
                    "0 fragments joined, 1 kept as flagged rows")
    assert warnings and warnings[0].startswith("warning: r.txt:")


def test_a_goal_printed_again_without_its_code_is_one_goal_and_a_warning():
    goal = ["KF:s mål för verksamhetsområdet:", "1.1 I Stockholm är människor självförsörjande", "",
            " Uppfylls helt", ""]
    again = ["KF:s mål för verksamhetsområdet:", "I Stockholm är människor självförsörjande", ""]
    ex = parse(goal + ["Analys", "En text om målet.", ""] + again + ["Analys", "Mer text.", ""], META)
    assert len(ex.goals) == 1 and ex.goals[0].code == "1.1"
    assert any("printed again without its code 1.1" in message for _, message in ex.warnings)


def test_rows_after_running_text_inside_a_table_are_read_and_the_text_warned_about():
    prose = ["Förvaltningen har under perioden arbetat vidare med uppdraget och kommer att redovisa mer senare "
             "i år när underlaget finns tillgängligt för nämnden."]
    ex = table(["Andel nöjda brukare", "", "85 % 90 % 90 % 2020", ""] + prose + ["",
               "Antal hembesök", "", "12 st 14 st 14 st 2020", "", "Ett stycke text till som inte hör till en rad "
               "i tabellen och som är längre än nittio tecken så att det inte blir en rad."])
    assert [r.name for r in ex.rows] == ["Andel nöjda brukare", "Antal hembesök"]
    warned = [line for line, message in ex.warnings if "text after a table" in message]
    assert len(warned) == 2
