"""Rule: a PDF-text row is a wrapped name, then cells in chunks up to the period cell, then its Analys."""

from pdftext_fixture import HEADER, PAGE_BREAK, table, values


def test_wrapped_name_cells_and_period_over_two_lines():
    ex = table([
        "Andel barn som lever i ", "familjer som har ", "ekonomiskt bistånd", "",
        "1,1 % 1,1 % 2,7 % 2,7 % 2,7 % Tertial 1 ", "2020", "",
        "Analys", "Nämndens resultat ligger på 1,1 % vilket är samma nivå som i VB 2019.", "",
    ])
    (row,) = ex.rows
    assert row.name == "Andel barn som lever i familjer som har ekonomiskt bistånd"
    assert row.source_line == 31  # 6 goal lines + 24 header lines + 1
    assert row.period == "Tertial 1 2020"
    assert values(row) == {"period_outcome": (1.1, "%"), "previous_year": (1.1, "%"), "forecast": (2.7, "%"),
                           "annual_target": (2.7, "%"), "city_target": (2.7, "%")}
    assert row.analysis.startswith("Nämndens resultat ligger på 1,1 %")
    assert not row.needs_review


def test_units_wrapped_onto_the_next_line():
    ex = table([
        "Andel personer som har ", "ekonomiskt bistånd", "",
        "0,85 % 1,07 % 0,78 ", "%", "", "0,91 ", "%", "", "1,5 % 1,5 % 1,5 % Tertial 1 ", "2020", "",
        "Antal barn per grupp 17,3 ", "barn/avd.", "", "16,5 ", "barn/a", "vd.", "", "16 st 16 16 Tertial 1 ", "2020", "",
        "Klimatpåverkan från ", "livsmedel", "", "1,9 1,9 kg ", "CO2 ", "per kg ", "livsmed", "el", "", "2020", "",
    ])
    first, second, third = ex.rows
    assert values(first)["outcome_women"] == (0.78, "%") and values(first)["previous_year"] == (0.91, "%")
    assert second.name == "Antal barn per grupp"
    assert values(second)["period_outcome"] == (17.3, "barn/avd.")
    assert values(second)["previous_year"] == (16.5, "barn/avd.")
    assert values(third) == {"annual_target": 1.9, "city_target": (1.9, "kg CO2 per kg livsmedel")}


def test_header_repeated_in_the_middle_of_a_row():
    ex = table([
        "Antal barn per grupp 17,3 ", "barn/avd.", "", "16,5 ", "barn/a", "vd.", "",
        *PAGE_BREAK, *HEADER,
        "16 st 16 16 Tertial 1 ", "2020", "", *PAGE_BREAK, *HEADER,
        "Analys", "Stadens mål om i genomsnitt 16 barn i grupperna nås inte.", "",
    ])
    (row,) = ex.rows
    assert row.period == "Tertial 1 2020"
    assert values(row)["annual_target"] == 16 and values(row)["forecast"] == (16, "st")
    assert row.analysis == "Stadens mål om i genomsnitt 16 barn i grupperna nås inte."


def test_footer_in_the_middle_of_a_cell():
    ex = table([
        "Antal tillhandahållna ", "platser för feriejobb", "",
        "0 368 185 360 st Tas ", *PAGE_BREAK, "fram av ", "nämnd", "", "Tertial 1 ", "2020", "",
    ])
    (row,) = ex.rows
    assert values(row) == {"period_outcome": 0, "previous_year": 368, "forecast": 185,
                           "annual_target": (360, "st"), "city_target": "Tas fram av nämnd"}


def test_name_and_cells_on_one_line_and_text_wrapped_after_a_blank():
    ex = table([
        "Sjukfrånvaro 7,4 % 4,9 % 7,9 % 7,5 % 8,5 % 7,5 % Tas ", "", "fram av ", "nämnd/", "styrelse", "",
        "Tertial 1 ", "2020", "",
        " ", "Index Bra arbetsgivare 81 84 84 2020", "",
    ])
    first, second = ex.rows
    assert first.name == "Sjukfrånvaro"
    assert values(first)["outcome_men"] == (4.9, "%") and values(first)["city_target"] == "Tas fram av nämnd/styrelse"
    assert second.name == "Index Bra arbetsgivare" and second.period == "2020"
    assert values(second) == {"previous_year": 81, "annual_target": 84, "city_target": 84}


def test_words_cut_inside_a_cell_and_hyphenated_names():
    ex = table([
        "Antal personal som en ", "brukare möter under en 14-", "dagarsperiod", "",
        "12,5 10 Max 10 ", "person", "er", "", "2020", "",
        "Andel boende på vård- ", "och omsorgsboende", "", "80 % Faststäl", "ls 2020", "", "2020", "",
        "Relativ ", "energieffektivisering", "", "2 % ", "energie", "ffektivis", "ering ", "relativt ", "2018", "",
        "2020", "",
    ])
    first, second, third = ex.rows
    assert first.name == "Antal personal som en brukare möter under en 14-dagarsperiod"
    assert values(first)["city_target"] == "Max 10 personer"
    assert second.name == "Andel boende på vård- och omsorgsboende"
    assert values(second) == {"annual_target": (80, "%"), "city_target": "Fastställs 2020"}
    assert third.period == "2020"
    cell = [c for c in third.cells.values() if not c.empty]
    assert len(cell) == 1 and cell[0].value == 2 and cell[0].unit == "% energieffektivisering relativt 2018"
    assert third.needs_review  # one target cell: Årsmål or KF:s årsmål cannot be told apart


def test_thousands_and_unitless_values():
    ex = table([
        "Antal ungdomar som fått ", "feriejobb i stadens regi", "",
        "0 st 0 st 0 st 320 st 185 320 st 9 000 st Tertial 1 ", "2020", "",
        "Återbruk inom stadens ", "egen verksamhet", "", "40 st 4 500 st 2020", "",
        "Totalt köpt energi", "", "3,13 ", "GWh", "", "3,3 ", "GWh", "", "1945 ", "GWh", "", "2020", "",
    ])
    first, second, third = ex.rows
    assert values(first)["forecast"] == 185 and values(first)["city_target"] == (9000, "st")
    assert values(second) == {"annual_target": (40, "st"), "city_target": (4500, "st")}
    assert third.period == "2020" and values(third)["city_target"] == (1945, "GWh")


def test_an_empty_cell_shown_as_an_extra_space():
    ex = table([
        "Andel nöjda brukare", "", "80 %  90 % 90 % 90 % Tertial 1 ", "2020", "",
    ])
    (row,) = ex.rows
    # the double space leaves one column out between the outcome and the next three cells
    assert values(row) == {"period_outcome": (80, "%"), "forecast": (90, "%"), "annual_target": (90, "%"),
                           "city_target": (90, "%")}


def test_analysis_going_on_after_a_page_break_is_no_row():
    ex = table([
        "Andel barn och ungdomar ", "kallade till samtal", "", "100 % 100 % 100 % 90 % 90 % Tas ", "fram av ",
        "nämnd", "", "Tertial 1 ", "2020", "", "Analys",
        "I 19 fall har förvaltningen kallat ungdomen och dennes ", *PAGE_BREAK, *HEADER,
        "föräldrar till allvarsamtal inom 48h. 14 av dessa allvarsamtal rör pojkar och 5 rör flickor. Av dessa har 12 ",
        "allvarsamtal genomförts.", "", " ",
        "Andel barn och ungdomar ", "som varit aktuella", "", "89,5 % 85,1 % 94 % 84,7 ", "%", "",
        "84 % 84 % 84 % Tertial 1 ", "2020", "",
    ])
    assert [r.name for r in ex.rows] == ["Andel barn och ungdomar kallade till samtal",
                                         "Andel barn och ungdomar som varit aktuella"]
    assert "14 av dessa allvarsamtal" in ex.rows[0].analysis
