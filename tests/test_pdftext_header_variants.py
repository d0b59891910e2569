"""A follow-up table header in other words than the given reports print, as a new district's report may
(cases written for this project): a bare 'Utfall' for the period's outcome, 'Utfall föregående år' or
'Utfall fjolåret' for last year's, 'Målvärde' / 'KF:s målvärde' for the targets, 'Män' / 'Kvinnor' alone.
Each names its columns in the PDF-text layout (pieces split over lines as the export prints them), and a
row under it reads into those columns; a bare 'Utfall' that other words make another column does not."""

import pytest
from pdftext_fixture import CITY_GOAL, parse, values

from tertial.extract.headers import header_columns
from tertial.schema import VALUE_COLUMNS

ALL7 = tuple(VALUE_COLUMNS)
VARIANTS = {
    "bare-utfall": (" Indikator Utfall ", "", "Utfall ", "män ", "", "Utfall ", "kvinnor ", "", "Utfall ",
                    "föregående ", "år ", "", "Prognos ", "helår Årsmål KF:s ", "årsmål Period"),
    "fjolaret-malvarde": (" Indikator Årets ", "utfall ", "", "Utfall ", "män/ ", "pojkar", "", "Utfall ",
                          "kvinnor/ ", "flickor", "", "Utfall ", "fjolåret ", "", "Prognos ", "helår ",
                          "Målvärde ", "KF:s ", "målvärde ", "Period"),
    "utfall-t1-malvarde": (" Indikator Utfall ", "T1 2020", "", "Utfall ", "män/ ", "pojkar", "", "Utfall ",
                           "kvinn", "or/ ", "flicko", "r", "", "Perio", "dens ", "utfall ", "VB ", "2019", "",
                           "Progno", "s helår Målvärde KF:s ", "", "årsmål Period"),
    "man-kvinnor-alone": (" Indikator Utfall ", "period ", "Män ", "Kvinnor ", "Utfall ", "VB 2019 ",
                          "Prognos ", "helår Årsmål KF:s ", "årsmål Period"),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_header_variant_names_all_seven_columns(name):
    assert header_columns(" ".join(VARIANTS[name])) == ALL7


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_row_under_each_variant_reads_into_its_columns(name):
    lines = CITY_GOAL + list(VARIANTS[name]) + ["", "Andel nöjda brukare", "",
                                                 "85 % 84 % 86 % 80 % 90 % 91 % 92 % Tertial 1 2020", ""]
    (row,) = parse(lines).rows
    assert values(row) == dict(zip(ALL7, [(v, "%") for v in (85, 84, 86, 80, 90, 91, 92)]))
    assert not row.needs_review


@pytest.mark.parametrize("header,columns", [
    # just outside: 'Utfall' right after the name is another column's when its words follow
    ("Indikator Utfall män/ pojkar Utfall kvinnor/ flickor Årsmål Period",
     ("outcome_men", "outcome_women", "annual_target")),
    ("Indikator Utfall VB 2019 Prognos helår Årsmål Period", ("previous_year", "forecast", "annual_target")),
    ("Indikator Utfall föregående år Årsmål Period", ("previous_year", "annual_target")),
    # 'KF:s målvärde' is the city's target, never the annual one too
    ("Indikator Periodens utfall Målvärde KF:s målvärde Period",
     ("period_outcome", "annual_target", "city_target")),
])
def test_a_bare_utfall_followed_by_another_columns_words_is_that_column(header, columns):
    assert header_columns(header) == columns


def test_a_header_word_naming_no_known_column_flags_every_row_under_it():
    # 'Målnivå' names no column the rules know: the cells may sit in other columns than printed
    header = (" Indikator Periodens ", "utfall ", "Målnivå ", "Årsmål Period", "")
    ex = parse(CITY_GOAL + list(header) + ["Andel nöjda brukare", "", "85 % 70 % 90 % Tertial 1 2020", ""])
    (row,) = ex.rows
    assert row.needs_review and "unknown_column" in row.review_code and "Målnivå" in row.review_reason


def test_just_outside_every_word_of_a_known_header_names_its_column():
    row_lines = ["", "Andel nöjda brukare", "", "85 % 84 % 86 % 80 % 90 % 91 % 92 % Tertial 1 2020", ""]
    ex = parse(CITY_GOAL + list(VARIANTS["utfall-t1-malvarde"]) + row_lines)
    assert not ex.rows[0].needs_review
