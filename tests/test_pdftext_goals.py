"""Rule: goal headings in PDF text: the label alone on its line, code and title wrapped below, the verdict
a few lines further down; the table of contents and a heading printed twice are skipped."""

from pdftext_fixture import parse


def test_label_alone_then_code_and_wrapped_title_then_verdict():
    ex = parse([
        "KF:s inriktningsmål:", "1. En modern storstad med möjligheter och valfrihet för alla",
        "Kommunfullmäktige har tagit fram fem mål. Nämnden bedömer att alla mål kommer att ",
        "uppfyllas helt.", "",
        "KF:s mål för verksamhetsområdet:", "1.1 I Stockholm är människor självförsörjande och ",
        "svenskkunskaper är kort", "", "", " Uppfylles helt", "", "Analys", "", "Texten.",
        "Nämndmål:", "Invånarna i stadsdelsområdet är ", "självförsörjande", "", "● Uppfylls delvis",
    ])
    top, city, board = ex.goals
    assert (top.level, top.code, top.title, top.assessment, top.source_line) == (
        "inriktningsmal", "1", "En modern storstad med möjligheter och valfrihet för alla", None, 2)
    assert (city.code, city.title, city.assessment, city.source_line) == (
        "1.1", "I Stockholm är människor självförsörjande och svenskkunskaper är kort", "helt", 7)
    assert city.parent == 0 and board.parent == 1
    assert (board.level, board.code, board.title, board.assessment) == (
        "namndmal", None, "Invånarna i stadsdelsområdet är självförsörjande", "delvis")


def test_code_and_title_on_the_label_line_and_verdict_inte():
    ex = parse(["Nämndmål: 1.1.1. Invånare klarar sig själva", "", "Uppfylls inte", ""])
    (goal,) = ex.goals
    assert (goal.code, goal.title, goal.assessment, goal.source_line) == ("1.1.1", "Invånare klarar sig själva", "ej", 1)


def test_table_of_contents_and_a_heading_printed_twice_are_skipped():
    ex = parse([
        "Innehåll", "KF:s inriktningsmål: 1. En modern storstad\t4", "Nämndmål: Barn växer upp tryggt ........ 7", "",
        "KF:s inriktningsmål:", "1. En modern storstad", "KF:s inriktningsmål:", "1. En modern storstad", "",
    ])
    assert [(g.code, g.title, g.source_line) for g in ex.goals] == [("1", "En modern storstad", 6)]
