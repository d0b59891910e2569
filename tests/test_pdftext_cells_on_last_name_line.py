"""Rule cells_on_last_name_line (extract/rows.py): in a report that follows every cell with one space, a
name wrapped over lines may share its last line with the row's cells ('Andel brukare som ' / 'upplever
stöd    70 %  80 %  2023'); the cells are cut off where they start and placed by their spaces. Before,
the whole block was kept as a flagged fragment without values. Cases written for this project."""

import pytest
from pdftext_fixture import table, values

SPACED = ["Andel brukare som upplever att ", "de får stöd i rätt tid", "   85 %  90 %  2020 ", "",
          "Antal hembesök per brukare", "   4  3,7  2020 ", "",
          "Andel nöjda brukare", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]
NEXT = ["Andel nöjda elever", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]


@pytest.mark.parametrize("lines, name, expected", [
    (["Andel brukare som ", "upplever stöd    70 %  80 %  2020 "], "Andel brukare som upplever stöd",
     {"previous_year": (70, "%"), "annual_target": (80, "%")}),
    (["Andel barn som har ", "3 timmar eller mer ", "utevistelse    70 %  80 %  2020 "],
     "Andel barn som har 3 timmar eller mer utevistelse", {"previous_year": (70, "%"), "annual_target": (80, "%")}),
    (["Antal hushåll med ", "ekonomiskt bistånd 120 st 60 st 58 st  130 st 110 st 100 st Tertial 1 2020 "],
     "Antal hushåll med ekonomiskt bistånd",
     {"period_outcome": (120, "st"), "outcome_men": (60, "st"), "outcome_women": (58, "st"),
      "forecast": (130, "st"), "annual_target": (110, "st"), "city_target": (100, "st")}),
])
def test_cells_on_the_last_name_line(lines, name, expected):
    ex = table(SPACED + lines + [""] + NEXT)
    assert [r.name for r in ex.rows[3:]] == [name, "Andel nöjda elever"]
    assert values(ex.rows[3]) == expected and not ex.rows[3].needs_review and not ex.warnings
    assert ex.rows[3].source_line_end == ex.rows[3].source_line + len(lines) - 1


def test_boundary_a_name_line_without_a_period_cell_stays_a_name_line():
    # just outside: numbers on a later name line but no period cell at its end
    ex = table(SPACED + ["Andel elever i ", "årskurs 9 med godkända betyg", "   70 %  80 %  2020 ", ""] + NEXT)
    assert ex.rows[3].name == "Andel elever i årskurs 9 med godkända betyg"
    assert values(ex.rows[3]) == {"previous_year": (70, "%"), "annual_target": (80, "%")}
