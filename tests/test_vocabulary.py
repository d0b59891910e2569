"""The reports' vocabulary as data, each entry tested: periodicity words, units, text verbs, known text
cells, the column header words of both layouts, section labels shared by both layouts."""

import pytest

from tertial.extract import goals, headers, stream, tabular, words
from tertial.extract.model import ReportMeta
from tertial.extract.values import parse_cell

_META = ReportMeta("Hägersten-Älvsjö", "hagersten-alvsjo", "T1", 2023, "hagersten-alvsjo-2023-t1")


@pytest.mark.parametrize("word", words.PERIODICITY)
def test_each_periodicity_word_closes_a_row(word):
    assert words.period_at_end(f"80 % 90 % {word}").group("period") == word
    assert not words.period_at_end(f"{word} 80 %")


@pytest.mark.parametrize("unit", sorted(words.UNITS))
def test_each_unit_is_read_after_a_number(unit):
    cell = parse_cell(f"12 {unit}")
    assert cell.value == 12 and cell.unit == unit


@pytest.mark.parametrize("verb", sorted(words.TEXT_VERBS))
def test_each_text_verb_opens_a_text_cell(verb):
    assert words.text_start(verb) and parse_cell(verb).text == verb


@pytest.mark.parametrize("cell", words.TEXT_CELLS)
def test_each_known_text_cell_is_text_and_opened_by_its_first_words(cell):
    assert parse_cell(cell).text == cell
    assert words.opens_text_cell(cell.split()[:2]) and not words.opens_text_cell(["Tas", "bort"])


@pytest.mark.parametrize("field,names", sorted(headers._CANONICAL.items()))
def test_each_canonical_header_word_names_its_column(field, names):
    for name in names:
        assert headers.column_field(name) == field


PDF_TITLES = {  # the follow-up header's titles as the PDF-text export splits them
    "period_outcome": "Indikator Periodens utfall", "outcome_men": "Utfall män/ pojkar",
    "outcome_women": "Utfall kvinn or/ flicko r", "previous_year": "Perio dens utfall VB 2019",
    "forecast": "Progno s helår", "annual_target": "Årsmål", "city_target": "KF:s årsmål",
}


def test_each_pdf_header_title_is_recognised_in_its_pieces():
    assert headers.header_columns(" ".join(PDF_TITLES.values()) + " Period") == tuple(PDF_TITLES)
    for column, title in PDF_TITLES.items():  # each title alone (after the name column) names its column
        alone = title if column == "period_outcome" else "Indikator " + title
        assert headers.header_columns(alone + " Period") == (column,)


@pytest.mark.parametrize("label", ["Analys", "Beskrivning", "Förväntat resultat"])
def test_section_labels_are_one_list_for_both_layouts(label):
    assert goals.section_label(label) == stream.section_label(label) == tabular.section_label(label) is not None


@pytest.mark.parametrize("word", words.PERIOD_WORDS)
def test_each_period_word_opens_a_period_cell_in_both_layouts(word):
    # the tab-separated layout refuses it in a value column; the PDF-text layout reads it as a period
    assert words.starts_with_period_word(f"{word} 1")
    assert not words.starts_with_period_word(f"80 % {word}")
    row = tabular.parse(["KF:s mål för verksamhetsområdet: 1.1 Ett mål", "",
                         "Indikator\tPeriodens utfall\tÅrsmål\tPeriod",
                         f"Andel nöjda\t80 %\t{word} 1\t2023"], _META, "<test>").rows[0]
    assert row.needs_review and "period_in_value" in row.review_code


def test_period_words_are_whole_words_where_a_stem_would_catch_other_words():
    assert words.starts_with_period_word("T2") and not words.starts_with_period_word("Tas fram av nämnd")
    assert words.starts_with_period_word("År") and not words.starts_with_period_word("Årsmål")
    assert words.starts_with_period_word("Månadsvis")


@pytest.mark.parametrize("word", words.TERTIAL_WORDS)
def test_each_tertial_word_marks_a_row_of_the_tertial(word):
    assert words.tertial_period(f"{word} 2023") and words.tertial_period("T1 2023")
    assert not words.tertial_period("2023") and not words.tertial_period("År")


@pytest.mark.parametrize("word", words.PERIOD_WITH_YEAR)
def test_each_period_word_with_a_year_closes_a_pdftext_row(word):
    assert words.period_at_end(f"80 % 90 % {word} 2023", 2023).group("period") == f"{word} 2023"
