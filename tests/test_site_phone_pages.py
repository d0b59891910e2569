"""Issue 15: report and district pages a phone can use: the verdict in words and numbers first, goals
with an id, a jump list and a visible permalink each, their bodies collapsed; indicator cards (grouped by
goal area on the district page) with last year → this period → forecast → target and a word for the change."""

import re

import pytest

from siteutil import FIXTURE_PACKAGES
from tertial.site.build import generate
from tertial.site.cards import change_word, verdict_sentence
from tertial.site.load import load


@pytest.fixture(scope="module")
def pages():
    return {p.path: p.markdown() for p in generate(load(FIXTURE_PACKAGES))}


def test_verdict_in_words_and_numbers_comes_first(pages):
    md = pages["stadsdelar/hagersten-alvsjo/2023-t2/"]
    first = md.index('<p class="tertial-verdict"><strong>3 av 5 mål uppfylls helt, 2 delvis och 0 ej.</strong>')
    assert first < md.index("Rubrik i rapporten") < md.index('class="tertial-goal"')
    district = pages["stadsdelar/hagersten-alvsjo/"]
    assert "<strong>3 av 5 mål uppfylls helt, 0 delvis och 2 ej.</strong>" in district  # the VB
    assert "inga bedömningar" in pages["stadsdelar/norrmalm/2024-vp/"]
    assert verdict_sentence({"helt": 43, "delvis": 0, "ej": 0}) == "43 av 43 mål uppfylls helt, 0 delvis och 0 ej."


def test_goals_have_ids_a_jump_list_permalinks_and_collapsed_bodies(pages):
    md = pages["stadsdelar/hagersten-alvsjo/2023-t2/"]
    anchors = re.findall(r'<h(\d) id="([^"]+)" class="tertial-goal">', md)
    assert [a for _, a in anchors] == ["mal-1", "mal-1-1", "mal-aldre-har-ett-tryggt-och-sjalvstandigt", "mal-1-2",
                                       "mal-fler-invanare-blir-sjalvforsorjande"]
    assert [d for d, _ in anchors] == ["2", "3", "4", "3", "4"]
    jump = md[md.index('<nav class="tertial-jump"'):md.index("</nav>", md.index('<nav class="tertial-jump"'))]
    for _, a in anchors:
        assert f'href="#{a}"' in jump
        assert f'<a class="tertial-permalink" href="#{a}"' in md
    assert md.count('<details class="tertial-goalbody"><summary>') == 4  # the top goal has no text here
    assert "<summary>Analys, 1 indikator och 1 aktivitet</summary>" in md


def test_indicator_cards_show_the_course_and_a_word_for_the_change(pages):
    md = pages["stadsdelar/hagersten-alvsjo/2023-vb/"]
    card = md[md.index('<div class="tertial-ind">'):]
    card = card[:card.index("</div>")]
    steps = re.findall(r'<li><span class="tertial-step-label">([^<]+)</span> ([^<]+)</li>', card)
    assert steps == [("Förra året", "86\xa0%"), ("2023", "89,4\xa0%"), ("Årsmål", "88\xa0%")]
    assert '<span class="tertial-change tertial-change-battre">bättre än förra året</span>' in card
    # fewer households on benefit is better: more is worse
    assert '<span class="tertial-change tertial-change-samre">sämre än förra året</span>' in md
    # a target printed as words stays words
    assert '<span class="tertial-step-label">Årsmål</span> Tas fram av nämnd' in pages["stadsdelar/hagersten-alvsjo/2023-t2/"]


def test_change_words_follow_the_direction():
    assert change_word(5, 4, "higher") == ("battre", "bättre än förra året")
    assert change_word(5, 4, "lower") == ("samre", "sämre än förra året")
    assert change_word(3, 4, "lower") == ("battre", "bättre än förra året")
    assert change_word(4, 4.0, "lower") == ("samma", "oförändrat mot förra året")
    assert change_word(5, 4, "none") == ("okand", "högre än förra året")  # no judgement without a direction
    assert change_word(None, 4, "higher") is None and change_word(5, float("nan"), "higher") is None


def test_district_cards_are_grouped_by_goal_area(pages):
    md = pages["stadsdelar/hagersten-alvsjo/"]
    part = md[md.index("## Indikatorer mot målvärde"):md.index("## Alla rapporter")]
    areas = re.findall(r'<h3 id="([^"]+)">([^<]+)</h3>', part)
    assert areas == [("mal-1-1", "1.1 Stockholm ska vara en bra stad att åldras i"),
                     ("mal-1-2", "1.2 I Stockholm ska alla ges möjlighet till ett eget jobb")]
    first = part[part.index(areas[0][1]):part.index(areas[1][1])]
    assert "Andel nöjda brukare i hemtjänsten" in first and "ekonomiskt bistånd" not in first


def test_city_goal_page_shows_each_districts_indicator_as_a_card_naming_its_report(pages):
    md = pages["mal/2023-1-1/"]
    part = md[md.index("## Indikatorer"):]
    assert part.count('<div class="tertial-ind">') == 2 and "<table" not in part
    for report in ('hagersten-alvsjo/2023-vb/">Hägersten-Älvsjö 2023 VB', 'norrmalm/2024-vp/">Norrmalm 2024 VP'):
        assert f'<span class="tertial-ind-report"><a href="../../stadsdelar/{report}</a></span>' in part
