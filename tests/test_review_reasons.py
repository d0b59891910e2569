"""Rule: a review reason says something. A stable code in the data (review_code) and a Swedish text from
one table (extract/reasons.py); a tie names the columns in doubt and the rules that weighed the same;
placements that differ only in where an empty cell sits are no tie (the old '( uncertain)')."""

from pdftext_fixture import table

from tertial.extract import reasons
from tertial.extract.model import VALUE_COLUMNS
from tertial.extract.pdftext import RawCell, place_row
from tertial.extract.write import tables


def test_placements_that_differ_only_in_an_empty_cell_are_no_tie():
    # an empty cell shown by an extra space can sit in either of two columns: the values do not move
    raw = [RawCell("5 %"), RawCell("", placeholder=True), RawCell("Tas fram av nämnd"), RawCell("Tas fram av nämnd")]
    placed = place_row(raw, VALUE_COLUMNS, "Tertial 1 2020", True, "T1")
    assert placed.reasons == []  # it was flagged: '4 cells fit more than one set of columns ( uncertain)'
    assert placed.cells["period_outcome"].value == 5 and placed.cells["annual_target"].text == "Tas fram av nämnd"


def test_a_tie_names_the_columns_and_the_rules_in_swedish():
    raw = [RawCell(t) for t in ("100 %", "99,8 %", "100 %", "100 %")]
    placed = place_row(raw, VALUE_COLUMNS, "Tertial 1 2020", True, "T1")
    (code, detail), = placed.reasons
    assert code == "placement_tie"
    assert detail.startswith("osäkra: utfall föregående år, prognos helår; lika enligt: en tertialrad har en prognos")


def test_every_code_has_a_swedish_text_and_no_reason_is_empty():
    assert all(text and text[0].islower() for text in reasons.REVIEW_REASONS.values())
    assert reasons.text([("no_period", "")]) == "ingen periodcell hittades"
    assert "()" not in reasons.text([("fragment", "")])


def test_the_data_carries_the_code_and_the_swedish_text():
    ex = table(["Andel nöjda brukare", "", "Antal hembesök", "", "12 st 14 st 14 st 2020", ""])
    rows = tables(ex)["indicator_results"]
    assert [(r["needs_review"], r["review_code"]) for r in rows] == [("true", "fragment"), ("false", "")]
    assert rows[0]["review_reason"].startswith(reasons.REVIEW_REASONS["fragment"])
