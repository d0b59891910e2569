"""Rule (tab-separated layout): the goal tree - levels, codes, parents, verdicts, contents skipped, no doubles."""

import pytest

from tabular_fixture import extract, line_of
from tertial.extract.goals import verdict

REPORT = """Innehållsförteckning

KF:s inriktningsmål: 1. Ett Stockholm som håller samman→8
KF:s mål för verksamhetsområdet: 1.1 Alla barn ska ges en rik fritid.....→8
Uppföljning av ekonomi→85

KF:s inriktningsmål: 1. Ett Stockholm som håller samman

● Uppfylls helt

Analys

Text om inriktningsmålet.

KF:s mål för verksamhetsområdet: 1.1 Alla barn ska ges en rik fritid

 Uppfylls delvis

Nämndmål: Barn erbjuds en trygg fritid

 
 
Uppfylles helt

Beskrivning

Målet nås genom att göra saker.

Nämndmål: 1.1.2. Unga har jobb

Uppfylls inte

Uppföljning av ekonomi

Budgeten är i balans.
"""


def test_levels_codes_titles_and_lines():
    ex = extract(REPORT)
    got = [(g.level, g.code, g.title, g.source_line) for g in ex.goals]
    assert got == [
        ("inriktningsmal", "1", "Ett Stockholm som håller samman", line_of(REPORT, "samman", after=5)),
        ("verksamhetsmal", "1.1", "Alla barn ska ges en rik fritid", line_of(REPORT, "fritid", after=5)),
        ("namndmal", None, "Barn erbjuds en trygg fritid", line_of(REPORT, "Barn erbjuds")),
        ("namndmal", "1.1.2", "Unga har jobb", line_of(REPORT, "Unga har jobb")),
    ]


def test_table_of_contents_is_skipped():
    ex = extract(REPORT)
    assert all(g.source_line > 5 for g in ex.goals)
    assert len(ex.goals) == 4


def test_parents_follow_level_order_and_codes():
    ex = extract(REPORT)
    assert [g.parent for g in ex.goals] == [None, 0, 1, 1]


def test_verdicts_with_bullets_misspellings_and_below_blank_lines():
    ex = extract(REPORT)
    assert [g.assessment for g in ex.goals] == ["helt", "delvis", "helt", "ej"]


def test_business_plan_has_no_verdict():
    text = """KF:s inriktningsmål: 1. En modern storstad

Nämnden bidrar till målet. Målet uppfylls helt om allt går väl.

KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande

Nämndmål: 1.1.1. Invånare klarar sin egen försörjning

Beskrivning

Uppfylls helt genom att invånare får stöd, samverkan och individuellt utformade insatser av nämnden.
"""
    ex = extract(text)
    assert [g.assessment for g in ex.goals] == [None, None, None]


def test_a_heading_printed_twice_gives_one_goal():
    text = """KF:s mål för verksamhetsområdet: 2.1. Stockholm har ett gott företagsklimat

Nämndmål: 2.1.1. Stadsdelsområdet är levande och trivsamt

Beskrivning

Målgrupp: invånare.

Nämndmål: Stadsdelsområdet är levande och trivsamt

Beskrivning

Målgrupp: invånare.

Nämndmål: 2.1.2. Något annat
"""
    ex = extract(text)
    assert [(g.code, g.title) for g in ex.goals] == [
        ("2.1", "Stockholm har ett gott företagsklimat"),
        ("2.1.1", "Stadsdelsområdet är levande och trivsamt"),
        ("2.1.2", "Något annat"),
    ]
    assert ex.goals[1].texts == [("beskrivning", "Målgrupp: invånare.")]


def test_same_title_under_different_parents_is_two_goals():
    text = """KF:s mål för verksamhetsområdet: 1.1 Ett

Nämndmål: Parker är välskötta

KF:s mål för verksamhetsområdet: 1.2 Två

Nämndmål: Parker är välskötta
"""
    ex = extract(text)
    assert [g.level for g in ex.goals].count("namndmal") == 2


def test_label_alone_on_its_line():
    text = "Nämndmål:\n\n1.2.3. Äldre är trygga\n\nUppfylls helt\n"
    ex = extract(text)
    assert [(g.code, g.title, g.assessment, g.source_line) for g in ex.goals] == [("1.2.3", "Äldre är trygga", "helt", 1)]


def test_verdict_is_not_read_from_analysis_text():
    text = "Nämndmål: Äldre är trygga\n\nAnalys\n\nUppfylls delvis\n"
    ex = extract(text)
    assert ex.goals[0].assessment is None


def test_verdict_with_its_bullet_in_a_cell_and_heading_with_trailing_tab():
    text = "Nämndmål: Äldre är trygga→\n\n●→Uppfylls delvis\n"
    ex = extract(text)
    assert [(g.title, g.assessment) for g in ex.goals] == [("Äldre är trygga", "delvis")]


@pytest.mark.parametrize("line, want", [("Bedömning: Uppfylls delvis", "delvis"),
                                        ("Nämndens bedömning: Uppfylls helt", "helt"),
                                        ("Bedömning", None),
                                        ("Bedömningen är att målet uppfylls helt under året", None)])
def test_a_labelled_verdict(line, want):
    assert verdict(line) == want
