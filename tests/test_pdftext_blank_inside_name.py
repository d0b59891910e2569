"""Rule blank_inside_name (extract/rows.py): one blank line inside a row's name ('Brukarens upplevelse
av ' / '' / 'trygghet - LSS-boende') does not split it: the line after goes on with the name when it
opens in lower case or the name was left open by its last word. Before, the head was kept as a flagged
fragment (or swallowed by the analysis above) and the values went to a row named after the tail.
Cases written for this project."""

import pytest
from pdftext_fixture import table, values

SPACED = ["Andel brukare som upplever att ", "de får stöd i rätt tid", "   85 %  90 %  2020 ", "",
          "Antal hembesök per brukare", "   4  3,7  2020 ", "",
          "Andel nöjda brukare", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]
ANALYSIS = ["Analys", "Resultatet är bättre än väntat. ", "Arbetet fortsätter.", ""]
NEXT = ["Andel nöjda elever", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]


@pytest.mark.parametrize("before", [[], ANALYSIS])
@pytest.mark.parametrize("head, tail", [
    (["Brukarens upplevelse av "], ["trygghet - LSS-boende, andel"]),
    (["Andel elever som känner sig ", "trygga i skolan och "], ["Fritidsgården, andel"]),
    (["Antal ärenden "], ["inom ekonomiskt bistånd"]),
])
def test_one_blank_line_inside_a_name(before, head, tail):
    ex = table(SPACED + before + head + [""] + tail + ["   70 %  80 %  2020 ", ""] + NEXT)
    assert [r.name for r in ex.rows[3:]] == [" ".join(ln.strip() for ln in head + tail), "Andel nöjda elever"]
    assert values(ex.rows[3]) == {"previous_year": (70, "%"), "annual_target": (80, "%")}
    assert not ex.rows[3].needs_review and not ex.warnings
    assert ex.rows[2].analysis == ("Resultatet är bättre än väntat. Arbetet fortsätter." if before else "")


def test_boundary_a_capital_after_a_closed_name_is_a_row_of_its_own():
    # just outside: the name before the blank is closed and the next line opens with a capital
    ex = table(SPACED + ["Antal hembesök", "", "Andel nöjda deltagare", "   70 %  80 %  2020 ", ""] + NEXT)
    assert "Andel nöjda deltagare" in [r.name for r in ex.rows]
    assert all(r.needs_review for r in ex.rows if r.name == "Antal hembesök")  # a fragment is flagged


def test_a_blank_line_before_a_name_line_that_opens_with_a_number():
    ex = table(SPACED + ["Andel brukare med ", "", "2 eller fler besök per vecka", "   70 %  80 %  2020 ", ""] + NEXT)
    assert ex.rows[3].name == "Andel brukare med 2 eller fler besök per vecka"
    assert values(ex.rows[3]) == {"previous_year": (70, "%"), "annual_target": (80, "%")}
