"""Rule: goal texts (Analys, Beskrivning, Förväntat resultat) are re-joined paragraphs and bullet lists."""

from pdftext_fixture import BOARD_GOAL, PAGE_BREAK, parse

from tertial.extract.pdftext import paragraphs


def test_wrapped_lines_become_paragraphs_and_bullets_stay_a_list():
    text = paragraphs(["Den enskilde får stöd i att ", "finna egen försörjning.", "Ny stycke här.", "",
                       "• första punkten ", "går vidare", "• andra punkten"], True)
    assert text == ("Den enskilde får stöd i att finna egen försörjning.\n\nNy stycke här.\n\n"
                    "- första punkten går vidare\n- andra punkten")


def test_sections_under_a_goal_across_a_page_break():
    ex = parse(BOARD_GOAL + [
        "Beskrivning", "", "Den enskilde som är i behov av stöd får hjälp att ", *PAGE_BREAK,
        "finna egen försörjning.", " Förväntat resultat", "", "Alla ges förutsättningar.", "",
        "Analys", "", "Nämnden bedömer att målet uppnås.",
    ])
    (goal,) = ex.goals
    assert goal.texts == [
        ("beskrivning", "Den enskilde som är i behov av stöd får hjälp att finna egen försörjning."),
        ("forvantat_resultat", "Alla ges förutsättningar."),
        ("analys", "Nämnden bedömer att målet uppnås."),
    ]
