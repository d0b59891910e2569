"""Rules added after a fresh-eyes review, each with the case that broke it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tertial import ids
from tertial.errors import TertialError
from tertial.curation import indicators
from tertial.extract import detect_layout, extract_lines
from tertial.extract.goals import verdict
from tertial.extract.model import ReportMeta
from tertial.extract.reader import read_lines
from tertial.extract.values import parse_cell
from tertial.extract.write import tables

ROOT = Path(__file__).resolve().parents[1]
HA = ROOT / "sources" / "reports" / "hagersten-alvsjo-2023-t2.txt"
META = ReportMeta("Hägersten-Älvsjö", "hagersten-alvsjo", "T2", 2023, "hagersten-alvsjo-2023-t2")


def test_plural_table_headers_are_still_the_tab_layout():
    lines = read_lines(HA)
    plural = [line.replace("Indikator\t", "Indikatorer\t", 1).replace("Aktivitet\t", "Aktiviteter\t", 1)
              for line in lines]
    assert detect_layout(plural) == "tabular"
    ex = extract_lines(plural, META)
    assert len(ex.rows) == 62 and len(ex.activities) == 105


def test_tables_that_cannot_be_read_are_refused_not_silence():
    # issue 13: no empty success (it was a warning); the unreadable block is a flagged fragment, no row
    lines = ["KF:s inriktningsmål: 1. Ett mål", "", "Indikator Periodens utfall", "något"]
    with pytest.raises(TertialError, match="no indicator row could be read") as err:
        extract_lines(lines, META)
    assert err.value.line == 3


def test_extract_gives_the_published_indicator_id():
    """`tertial extract` and the curate stage name an indicator alike (aliases aside)."""
    long = "Andel personer som själva upplever att de får en förbättrad situation av insatsen (vuxna missbruk)"
    assert ids.indicator_slug(long) == indicators.slug_id(long)
    ex = extract_lines(read_lines(HA), META)
    for row in tables(ex)["indicator_results"]:
        assert row["indicator_id"] == indicators.slug_id(row["name"])


@pytest.mark.parametrize("start, end, want", [
    ("2023-1-1", "2023-06-30", ("", "2023-06-30")),      # unreadable start: empty, the end stays the end
    ("2023-02-30", "2023-12-31", ("", "2023-12-31")),    # no such day
    ("2023-01-01", "1 juni", ("2023-01-01", "")),
])
def test_an_unreadable_activity_date_stays_empty_in_its_own_column(start, end, want):
    lines = ["Nämndmål: Ett mål", "", "Aktivitet\tStartdatum\tSlutdatum", f"Göra något\t{start}\t{end}", ""]
    ex = extract_lines(lines, META)
    row = tables(ex)["activities"][0]
    assert (row["start_date"], row["end_date"]) == want
    assert row["text"] == "Göra något"
    assert ex.warnings, "a dropped date is reported"


@pytest.mark.parametrize("raw", ["5-6 st", "5,2 st 6 st", "10 / 12 %"])
def test_a_cell_with_two_values_is_text(raw):
    cell = parse_cell(raw)
    assert cell.value is None and cell.text == raw


@pytest.mark.parametrize("raw, value, unit", [("12,3 per 1000 invånare", 12.3, "per 1000 invånare"),
                                              ("0,5 kg CO2 per kg livsmedel", 0.5, "kg CO2 per kg livsmedel")])
def test_a_unit_may_name_a_number(raw, value, unit):
    cell = parse_cell(raw)
    assert (cell.value, cell.unit) == (value, unit)


@pytest.mark.parametrize("line, want", [("Bedömning: Uppfylls delvis", "delvis"),
                                        ("Nämndens bedömning: Uppfylls helt", "helt"),
                                        ("Bedömning", None),
                                        ("Bedömningen är att målet uppfylls helt under året", None)])
def test_a_labelled_verdict(line, want):
    assert verdict(line) == want
