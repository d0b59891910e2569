"""Rule analysis_quotes_value: a row flagged only because its one value before the targets may be last
year's outcome or the forecast is settled by its own analysis quoting that value with last year (or with
'prognos'); anything less clear leaves the row flagged."""

from pdftext_fixture import table, values

from tertial.extract.analysis_clue import settle
from tertial.extract.values import EMPTY, Cell

ROW = ["Antal personal en hemtjänsttagare möter", "", "12,5 10 Max 10 personer 2020", "", "Analys"]


def _row(analysis):
    (row,) = table(ROW + [analysis, ""]).rows
    return row


def test_the_value_quoted_with_last_year_is_last_years_outcome_unflagged():
    row = _row("Brukaren möter flera personal. 2019 var det 12,5 personal.")
    assert values(row)["previous_year"] == 12.5 and "forecast" not in values(row)
    assert not row.needs_review
    assert any("analysis_quotes_value" in ln for ln in row.explain)


def test_the_value_quoted_with_last_year_in_words():
    row = _row("Förra året var det 12,5 personal i snitt.")
    assert values(row)["previous_year"] == 12.5 and not row.needs_review


def test_the_value_quoted_with_prognos_is_the_forecast():
    row = _row("Prognosen för helåret är 12,5 personal.")
    assert values(row)["forecast"] == 12.5 and "previous_year" not in values(row) and not row.needs_review


def test_a_sentence_with_both_last_year_and_prognos_settles_nothing():
    # just outside: the sentence points both ways
    row = _row("Prognosen är 12,5 personal, samma som 2019.")
    assert row.needs_review and "annual_no_unit" in row.review_code


def test_the_value_not_quoted_settles_nothing():
    # just outside: the year is there, the value is not ('12,5' is not '12' nor '2,5')
    row = _row("2019 var det 12 personal och 2,5 besök per dag.")
    assert row.needs_review


def test_two_sentences_pointing_two_ways_settle_nothing():
    row = _row("2019 var det 12,5 personal. Prognosen är också 12,5.")
    assert row.needs_review


def test_only_the_previous_year_forecast_question_is_settled():
    cells = {c: EMPTY for c in ("previous_year", "forecast")}
    assert settle(cells, "2019 var det 12,5.", 2020) is None  # nothing printed there
    cells["previous_year"] = Cell("12,5", 12.5)
    assert settle(cells, "2019 var det 12,5.", 2020) == ("previous_year", "2019 var det 12,5.")
    assert settle(cells, "2018 var det 12,5.", 2020) is None  # not last year
