"""Rule: goal headings, codes, verdict lines and table-of-contents lines."""

import pytest

from tertial.extract.goals import heading_label, is_toc_line, split_code, verdict


@pytest.mark.parametrize(
    "line, level, rest",
    [
        ("KF:s inriktningsmål: 1. Ett Stockholm som håller samman", "inriktningsmal", "1. Ett Stockholm som håller samman"),
        ("KF:s mål för verksamhetsområdet: 1.2. Stockholm är en trygg stad", "verksamhetsmal", "1.2. Stockholm är en trygg stad"),
        ("KF:s mål för verksamhetsområdet:", "verksamhetsmal", ""),
        ("Nämndmål: Barn och ungdomar erbjuds en trygg fritid", "namndmal", "Barn och ungdomar erbjuds en trygg fritid"),
        ("Nämndmål:", "namndmal", ""),
    ],
)
def test_heading_labels(line, level, rest):
    assert heading_label(line) == (level, rest)


@pytest.mark.parametrize("line", ["Nämndmålen nås genom", "Analys", "Kommunfullmäktiges inriktningsmål"])
def test_not_headings(line):
    assert heading_label(line) is None


@pytest.mark.parametrize(
    "text, code, title",
    [("1. Ett Stockholm", "1", "Ett Stockholm"), ("1.2. Stockholm", "1.2", "Stockholm"),
     ("1.1 I Stockholm", "1.1", "I Stockholm"), ("1.1.1. Invånare", "1.1.1", "Invånare"),
     ("Invånare klarar sig", None, "Invånare klarar sig")],
)
def test_codes(text, code, title):
    assert split_code(text) == (code, title)


@pytest.mark.parametrize(
    "line, expected",
    [("● Uppfylls helt", "helt"), (" Uppfylls helt", "helt"), ("Uppfylles helt", "helt"),
     ("Uppfylls delvis", "delvis"), ("Uppfylls ej", "ej"), ("Uppfylls inte", "ej"),
     ("Analys", None), ("Uppfylls helt.", "helt"), ("\uf0b7 Uppfylls delvis", "delvis"),
     ("• Uppfylls\u00a0inte", "ej"), ("Uppfyllt", "helt"), ("Helt uppfyllt", "helt"), ("Delvis uppfyllt", "delvis"),
     ("Ej uppfyllt", "ej"), ("Inte uppfyllt", "ej"), ("Målet uppfylls delvis", "delvis"),
     ("Målet är uppfyllt", "helt"), ("Målet bedöms uppfyllas helt", "helt"),
     # more than a verdict on the line: analysis, not a verdict
     ("Uppfylls helt under året tack vare", None), ("Målet uppfylls delvis eftersom indikatorerna", None),
     ("Uppfylls", None), ("Uppföljning", None),
     ("Nämnden bedömer att målet uppfylls helt under året då alla indikatorer nås", None)],
)
def test_verdicts(line, expected):
    assert verdict(line) == expected


def test_toc_lines():
    assert is_toc_line("KF:s inriktningsmål: 1. Ett Stockholm som håller samman\t8")
    assert is_toc_line("KF:s mål för verksamhetsområdet: 1.1 Alla barn ska ges en rik fritid.....\t8")
    assert not is_toc_line("KF:s inriktningsmål: 1. Ett Stockholm som håller samman")
