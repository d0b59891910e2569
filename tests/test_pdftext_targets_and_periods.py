"""Targets and period cells in other forms than the given reports print (cases written for this project):
a bound ('≥ 90 %', '> 85 %': words.BOUND_SIGNS) or a range ('85-90 %': words.NUMBER_RANGE) is a text
target of its own, never a unit of the number before it; a period cell 'Tertial 1, 2020' or a month or
span of months ('April 2020', 'Jan-apr 2020': words.MONTHS), a part of the year like a tertial."""

import pytest
from pdftext_fixture import table, values

from tertial.extract import words

HEAD = "85 % 84 % 86 % 80 % 90 %"
FIVE = {"period_outcome": (85, "%"), "outcome_men": (84, "%"), "outcome_women": (86, "%"),
        "previous_year": (80, "%"), "forecast": (90, "%")}


def _row(value_line):
    (row,) = table(["Andel nöjda brukare", "", value_line, ""]).rows
    return row


@pytest.mark.parametrize("sign", words.BOUND_SIGNS)
def test_a_bound_is_a_text_target_spaced_or_not(sign):
    for target in (f"{sign} 90 %", f"{sign}90 %"):
        row = _row(f"{HEAD} {target} {target} Tertial 1 2020")
        assert values(row) == {**FIVE, "annual_target": target, "city_target": target}
        assert not row.needs_review


def test_a_sign_followed_by_a_word_opens_no_target():
    # just outside: '>' before a word is no bound
    assert words.opens_with_sign("≥90") and words.opens_with_sign("≥")
    assert not words.opens_with_sign(">text") and not words.opens_with_sign("90")


@pytest.mark.parametrize("target", ["85-90 %", "2,5–3 %"])
def test_a_range_is_one_text_target_with_its_unit(target):
    row = _row(f"{HEAD} {target} {target} Tertial 1 2020")
    assert values(row) == {**FIVE, "annual_target": target, "city_target": target}
    assert not row.needs_review


@pytest.mark.parametrize("period", ["Tertial 1, 2020", "April 2020", "Jan-apr 2020", "januari–april 2020",
                                    "T1 2020", "Delår 2020"])
def test_a_period_cell_in_other_words_closes_the_row_as_a_part_of_the_year(period):
    row = _row(f"{HEAD} 90 % 90 % {period}")
    assert row.period == period and values(row) == {**FIVE, "annual_target": (90, "%"), "city_target": (90, "%")}
    assert words.tertial_period(period) and not row.needs_review


@pytest.mark.parametrize("month", words.MONTHS)
def test_each_month_closes_a_row(month):
    assert words.period_at_end(f"80 % {month} 2020", 2020).group("period") == f"{month} 2020"
    assert words.period_at_end(f"80 % {month[:3]} 2020", 2020).group("period") == f"{month[:3]} 2020"


def test_a_month_far_from_the_reports_year_is_no_period():
    # just outside: as with a bare year, a month of another year is no period cell of this report
    assert not words.period_at_end("80 % april 2015", 2020)
