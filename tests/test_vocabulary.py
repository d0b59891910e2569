"""The reports' vocabulary as data, each entry tested: periodicity words, units, text verbs, known text
cells, the column header words of both layouts, section labels shared by both layouts."""

import pytest

from tertial.extract import goals, headers, stream, tabular, words
from tertial.extract.values import parse_cell


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
