"""Page furniture is learned from the document: any short line printed next to the page number on many
pages is a footer, whatever its words; the section labels are one list for both layouts."""

from tertial.extract import goals, pdftext, stream, tabular


def _pages(footer: str, n: int = 4) -> list[str]:
    lines: list[str] = []
    for p in range(1, n + 1):
        lines += [f"Text på sida {p} som fortsätter", "", "", footer, f"Sid {p} (9)", ""]
    return lines


def test_unfamiliar_footer_words_are_learned():
    lines = _pages("Kvartalsöversikt Norr")
    assert "Kvartalsöversikt Norr" in pdftext.learn_furniture(lines)
    drop = stream._page_blocks(lines)
    assert not any("Kvartalsöversikt" in lines[i] for i in range(len(lines)) if i not in drop)
    assert not any(lines[i].startswith("Text") for i in drop)


def test_a_line_next_to_one_page_number_only_is_no_footer():
    lines = _pages("Tertialrapport 1")
    lines[0] = "Tertialrapport 1"  # printed once more, far from any page number: stays
    lines[3] = "Sjukfrånvaro 7,4 %"  # next to one page number only: content, not furniture
    learned = pdftext.learn_furniture(lines)
    assert "Sjukfrånvaro 7,4 %" not in learned and "Tertialrapport 1" in learned
    drop = stream._page_blocks(lines)
    assert 0 not in drop and 3 not in drop


def test_district_office_line_is_furniture():
    lines = ["Text", "", "Hägersten-Liljeholmens stadsdelsförvaltning", "Sid 3 (9)", "", "Mer text"]
    assert stream._page_blocks(lines) == {1, 2, 3, 4}


def test_one_list_of_section_labels_for_both_layouts():
    for line in ("Förväntade resultat", "Förväntat resultat:", " Analys", "Kommentar", "Åtgärder"):
        assert goals.section_label(line) is not None
        assert pdftext.section_label(line) == tabular.section_label(line) == goals.section_label(line)
    assert goals.section_label("Analys av balansräkning") is None


def test_a_header_whose_last_title_is_split_is_read_to_its_last_piece():
    # the header does not end with 'Period' ('Perio' / 'd'): its pieces end where a line is no title piece
    from pdftext_fixture import CITY_GOAL, HEADER, parse, values

    header = HEADER[:-2] + ["årsmål Perio", "d", ""]
    ex = parse(CITY_GOAL + header + ["Andel nöjda brukare", "", "85 % 90 % 90 % 2020", ""])
    (row,) = ex.rows
    assert row.name == "Andel nöjda brukare" and values(row)["annual_target"] == (90, "%")
    assert not ex.census.fragments_flagged
    assert not stream._header_piece("Andel nöjda brukare") and stream._header_piece("kvinn")
