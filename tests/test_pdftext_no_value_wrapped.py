"""Rule no_value_wrapped (extract/cells.py, rows.py): a text in place of a value (words.NO_VALUE_TEXTS)
that wraps inside its column ('Ej ' / 'mätbart', 'Uppgift ' / 'saknas') is one cell, joined where its
first word stands; a line that opens with such a first word and goes on with values opens the row's cells.
Before, the first word became the row's name and the real name was dropped (kept only as a fragment).
Cases written for this project, in the one-space-per-cell layout."""

import pytest
from pdftext_fixture import table, values

from tertial.extract.cells import value_tokens

SPACED = ["Andel brukare som upplever att ", "de får stöd i rätt tid", "   85 %  90 %  2020 ", "",
          "Antal hembesök per brukare", "   4  3,7  2020 ", "",
          "Andel nöjda brukare", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]
NEXT = ["Andel nöjda elever", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", ""]


@pytest.mark.parametrize("lines, name, expected", [
    (["Andel nöjda deltagare", "", "Ej    80 %   2020 ", "mätbart ", ""], "Andel nöjda deltagare",
     {"period_outcome": "Ej mätbart", "forecast": (80, "%")}),
    (["Andel nöjda deltagare", "", "   Ej  80 %  2020 ", "   mätbart", ""], "Andel nöjda deltagare",
     {"previous_year": "Ej mätbart", "annual_target": (80, "%")}),
    (["Antal besökare på ", "fritidsgården", "   Ej  80 %  2020 ", "mätbart ", ""],
     "Antal besökare på fritidsgården", {"previous_year": "Ej mätbart", "annual_target": (80, "%")}),
    (["Andel nöjda ", "deltagare", "Uppgift    70 % 80 %  2020 ", "saknas ", ""], "Andel nöjda deltagare",
     {"period_outcome": "Uppgift saknas", "forecast": (70, "%"), "annual_target": (80, "%")}),
    (["Andel elever med ", "godkända betyg", "", "70 % Uppgift   80 %   2020 ", "saknas ", ""],
     "Andel elever med godkända betyg",
     {"period_outcome": (70, "%"), "outcome_men": "Uppgift saknas", "forecast": (80, "%")}),
    (["Andel nöjda deltagare", "", "Data    12 st   2020 ", "saknas ", ""], "Andel nöjda deltagare",
     {"period_outcome": "Data saknas", "forecast": (12, "st")}),
    (["Andel nöjda deltagare", "Ej ", "mätbart    80 %   2020 ", ""], "Andel nöjda deltagare",
     {"period_outcome": "Ej mätbart", "forecast": (80, "%")}),
    (["Andel nöjda deltagare", "70 %   Ej  80 %  2020 ", "mätbart ", ""], "Andel nöjda deltagare",
     {"period_outcome": (70, "%"), "previous_year": "Ej mätbart", "annual_target": (80, "%")}),
    (["Andel nöjda deltagare", "", "Ej mätbart   Ej ", "mätbart  80 %  2020 ", ""], "Andel nöjda deltagare",
     {"period_outcome": "Ej mätbart", "previous_year": "Ej mätbart", "annual_target": (80, "%")}),
])
def test_a_wrapped_no_value_text_is_one_cell_and_the_name_is_kept(lines, name, expected):
    ex = table(SPACED + lines + NEXT)
    assert [r.name for r in ex.rows[3:]] == [name, "Andel nöjda elever"]
    assert values(ex.rows[3]) == expected and not ex.rows[3].needs_review
    assert not ex.warnings


def test_boundary_only_the_rest_of_a_known_text_is_joined():
    joined = [t.text for t in value_tokens(["Ej  80 %  2020 ", "mätbart "], False, spacing=True)]
    assert joined[:2] == ["Ej", "mätbart"]  # the rest of 'Ej mätbart': inside
    kept = [t.text for t in value_tokens(["Ej  80 %  2020 ", "kg "], False, spacing=True)]
    assert kept[:2] == ["Ej", "80"]  # no known text: outside, left where it was printed
    whole = [t.text for t in value_tokens(["Saknas  80 %  2020 ", "uppgift "], False, spacing=True)]
    assert whole[:2] == ["Saknas", "80"]  # a whole text above already: not joined


ANALYSED = ["Antal barn per grupp 16,5 ", "barn/avd. ", "", "16 st 15 15 Tertial 1 ", "2020", "", "Analys",
            "Årsmålet om 15 barn per grupp nås inte i tertialet. Dock noteras en minskning",
            "från 17,1 till 16,5 barn per grupp.", ""]


@pytest.mark.parametrize("cells", [
    ["Ej ", "mätbart ", ""], ["Ej mätbart ", ""], ["Uppgift ", "saknas ", ""], ["Mäts ", "ej ", ""],
])
def test_after_an_analysis_a_name_followed_by_a_wrapped_no_value_text_is_a_row(cells):
    """The row after another row's analysis is told by its name block followed by cells: a text in place
    of a value alone on its lines ('Ej ' / 'mätbart ') opens the cells as a number would. Before, the name
    went into the analysis above and 'Ej mätbart' became the row's name (flagged)."""
    name = ["Antal förskolebarn per ", "anställd (årsarbetare)", ""]
    ex = table(SPACED + ANALYSED + name + cells + ["  5,5 st 4,9 st 4,9 4,9 Tertial 1 ", "2020", ""] + NEXT)
    assert [r.name for r in ex.rows[3:]] == ["Antal barn per grupp", "Antal förskolebarn per anställd (årsarbetare)",
                                             "Andel nöjda elever"]
    row = ex.rows[4]
    assert not row.needs_review and values(row)["previous_year"] == (5.5, "st")
    assert "Årsmålet om 15 barn" in ex.rows[3].analysis and "förskolebarn" not in ex.rows[3].analysis


def test_boundary_a_line_of_words_after_an_analysis_is_not_cells():
    """Just outside: a block of running words that merely begins like a no-value text ('Ej heller ...')
    does not open cells, so the lines stay the analysis's text and make no row."""
    from tertial.extract.words import no_value_opens
    assert no_value_opens(["Ej ", "mätbart "]) and no_value_opens(["Uppgift saknas  80 %"])
    assert not no_value_opens(["Ej heller i år ", "mätbart"]) and not no_value_opens(["Saknas det plats"])
