"""Rule (no empty success): a report whose sections print indicator or activity table headers but from
which no indicator row (no activity) could be read is refused in one line, whatever the layout."""

from pathlib import Path

import pytest
from cli_harness import run_cli
from pdftext_fixture import BOARD_GOAL, HEADER, META, parse

from tertial.errors import TertialError
from tertial.extract import extract_lines
from tertial.extract.model import ReportMeta

SOUP = ["Indikator", "Periodens", "utfall", "Årsmål", "85", "%", "90", "%", "2020", "Andel", "nöjda", ""]


def test_indicator_headers_without_a_row_are_refused():
    with pytest.raises(TertialError, match="no indicator row could be read") as err:
        parse(BOARD_GOAL + SOUP)
    assert err.value.line == len(BOARD_GOAL) + 1


def test_activity_headers_without_an_activity_are_refused():
    lines = BOARD_GOAL + HEADER + ["Andel nöjda", "", "85 % 90 % 2020", "", "Aktivitet", "Startdatum", "x", ""]
    with pytest.raises(TertialError, match="no activity could be read"):
        parse(lines)


def test_a_report_with_rows_is_not_refused():
    # just outside: one row read is enough (the others, if any, are flagged or warned about)
    ex = parse(BOARD_GOAL + HEADER + ["Andel nöjda", "", "85 % 90 % 2020", ""], META)
    assert len(ex.rows) == 1


def test_the_cli_refuses_in_one_line_with_exit_2(tmp_path):
    report = tmp_path / "soup.txt"
    report.write_text("\n".join(BOARD_GOAL + SOUP) + "\n", encoding="utf-8")
    done = run_cli("extract", str(report), "--district", "Farsta", "--type", "T1", "--year", "2020",
                   "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert f"{report}:{len(BOARD_GOAL) + 1}:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_rows_that_are_all_flagged_are_word_soup_and_refused():
    # just inside: MIN_ROWS_ALL_FLAGGED rows, every one flagged (too many cells for the columns)
    from tertial.extract.checks import MIN_ROWS_ALL_FLAGGED

    soup = ["Andel a Andel b Andel c", "", "1 % 2 % 3 % 4 % 5 % 6 % 7 % 8 % 2020", ""]
    with pytest.raises(TertialError, match="no indicator row could be read"):
        parse(BOARD_GOAL + HEADER + soup * MIN_ROWS_ALL_FLAGGED)
    # just outside: one row fewer, or one row read cleanly among them, is not refused
    assert len(parse(BOARD_GOAL + HEADER + soup * (MIN_ROWS_ALL_FLAGGED - 1)).rows) == MIN_ROWS_ALL_FLAGGED - 1
    clean = ["Andel nöjda", "", "85 % 90 % 2020", ""]
    assert len(parse(BOARD_GOAL + HEADER + soup * MIN_ROWS_ALL_FLAGGED + clean).rows) == MIN_ROWS_ALL_FLAGGED + 1


POPPLER = Path(__file__).parent / "fixtures" / "poppler"


@pytest.mark.parametrize("name", ["word-soup-raw.txt", "word-soup-layout.txt"])
def test_what_poppler_makes_of_a_pdf_table_is_refused(tmp_path, name):
    # word-soup.html printed to PDF by Chromium, then `pdftotext` (and `pdftotext -layout`): the table's
    # cells come out column by column or spread over lines, no row this extractor can read
    done = run_cli("extract", str(POPPLER / name), "--district", "Farsta", "--type", "T1", "--year", "2023",
                   "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "no indicator row could be read" in done.stderr


def test_tables_that_cannot_be_read_are_refused_not_silence():
    # issue 13: no empty success (it was a warning); the unreadable block is a flagged fragment, no row
    lines = ["KF:s inriktningsmål: 1. Ett mål", "", "Indikator Periodens utfall", "något"]
    meta = ReportMeta("Hägersten-Älvsjö", "hagersten-alvsjo", "T2", 2023, "hagersten-alvsjo-2023-t2")
    with pytest.raises(TertialError, match="no indicator row could be read") as err:
        extract_lines(lines, meta)
    assert err.value.line == 3
