"""Rule (tab-separated layout): indicator tables - columns by header name, Analys/Kommentar lines, review flags."""

import pytest

from tabular_fixture import extract, line_of
from tertial.extract.tabular import column_field

FOLLOW_UP = "Indikator→Periodens utfall→Utfall män/ pojkar→Utfall kvinnor/ flickor→Utfall VB 2022→Prognos helår→Årsmål→KF:s årsmål→Period"


def values(row):
    return {c: (cell.value if cell.value is not None else cell.text) for c, cell in row.cells.items() if not cell.empty}


@pytest.mark.parametrize(
    "header, field",
    [("Indikator", "name"), ("Periodens utfall", "period_outcome"), ("Utfall män/ pojkar", "outcome_men"),
     ("Utfall män/pojkar", "outcome_men"), ("Utfall kvinnor/ flickor", "outcome_women"),
     ("Utfall VB 2022", "previous_year"), ("Periodens utfall VB 2019", "previous_year"),
     ("Prognos helår", "forecast"), ("Prognos  hel år", "forecast"), ("Årsmål", "annual_target"),
     ("Arsmål", "annual_target"), ("Årsmal", "annual_target"), ("KF:s årsmål", "city_target"),
     ("KF:s  arsmål", "city_target"), ("KFs årsmål", "city_target"), ("Period", "period"),
     ("Periodicitet", "period"), ("Aktivitet", "text"), ("Startdatum", "start_date"), ("Slutdatum", "end_date"),
     ("Avvikelse", "deviation"), ("Kommentar från revisorn", None), ("Årsmål 2023", "annual_target"),
     ("Helårsprognos", "forecast"), ("Mätperiod", "period"), ("Start", "start_date"), ("KF:s mål", "city_target")],
)
def test_column_names(header, field):
    assert column_field(header) == field


def test_outcome_of_a_year_depends_on_the_report_year():
    assert column_field("Utfall 2022", 2023) == "previous_year"
    assert column_field("Utfall 2023", 2023) == "period_outcome"


def test_page_header_inside_a_table_is_no_row():
    text = f"""{FOLLOW_UP}
  Andel A→1 %→→→→→2 %→3 %→2023
Hägersten-Älvsjö stadsdelsnämnd→→→→→→→→
  Andel B→4 %→→→→→5 %→6 %→2023
"""
    assert [r.name for r in extract(text).rows] == ["Andel A", "Andel B"]


def test_a_row_with_nothing_beside_its_name_needs_review():
    text = f"""{FOLLOW_UP}
  Andel A→1 %→→→→→2 %→3 %→2023
Text som kanske hör till raden ovan→→→→→→→→
"""
    rows = extract(text).rows
    assert rows[1].needs_review and rows[1].review_code == "nothing_beside_name"


def test_follow_up_row():
    text = f"""Nämndmål: Barn har en trygg fritid

{FOLLOW_UP}
  Antal barn per grupp→16,5 barn/avd.→→→17,2 barn/av d.→16 st→15→15→Tertial 2 2023
●  Andel brukare som inte upplever diskriminering→→→→88 %→→94 %→öka→2023
"""
    ex = extract(text)
    first, second = ex.rows
    assert first.name == "Antal barn per grupp" and first.source_line == line_of(text, "Antal barn")
    assert values(first) == {"period_outcome": 16.5, "previous_year": 17.2, "forecast": 16, "annual_target": 15,
                             "city_target": 15}
    assert first.cells["period_outcome"].unit == "barn/avd." and first.period == "Tertial 2 2023"
    assert second.name == "Andel brukare som inte upplever diskriminering"  # marker stripped
    assert values(second) == {"previous_year": 88, "annual_target": 94, "city_target": "öka"}
    assert second.period == "2023" and not first.needs_review and not second.needs_review
    assert first.goal == second.goal == 0


def test_columns_in_another_order_are_read_by_name():
    text = """Indikator→KF:s årsmål→Årsmål→Period→Periodens utfall
Sjukfrånvaro→Tas fram av nämnd/styrelse→9 %→Tertial 2 2023→8,5 %
"""
    row = extract(text).rows[0]
    assert values(row) == {"city_target": "Tas fram av nämnd/styrelse", "annual_target": 9, "period_outcome": 8.5}
    assert row.period == "Tertial 2 2023"


def test_header_with_typo_and_vb_column():
    text = """Indikator→Periodens utfall→Periodens utfall VB 2019→Prognos helår→Arsmål→KF:s årsmål→Period
Antal vräkningar→11→2→8→0→Tas fram av nämnd→2020
"""
    row = extract(text).rows[0]
    assert values(row) == {"period_outcome": 11, "previous_year": 2, "forecast": 8, "annual_target": 0,
                           "city_target": "Tas fram av nämnd"}


def test_business_plan_table_periodicity_goes_to_period():
    text = """Indikator→Årsmål→KF:s årsmål→Periodicitet
 Antal ungdomar som fått feriejobb i stadens regi→200 st→9 000 st→Tertial
♀ Andel invånare som känner sig trygga→75 %→→År
"""
    a, b = extract(text).rows
    assert (a.name, values(a), a.period) == ("Antal ungdomar som fått feriejobb i stadens regi",
                                             {"annual_target": 200, "city_target": 9000}, "Tertial")
    assert a.cells["city_target"].unit == "st"
    assert (b.name, values(b), b.period) == ("Andel invånare som känner sig trygga", {"annual_target": 75}, "År")


def test_analysis_lines_belong_to_the_row_above():
    text = f"""{FOLLOW_UP}
  Antal barn per grupp→16,5→→→17,2→16→15→15→Tertial 2 2023
Analys→→→→→→→→
Hägersten-Älvsjö stadsdelsnämnd→→→→→→→→
Årsmålet nås inte.→→→→→→→→
Rektorer vidtar åtgärder.→→→→→→→→
  Förskollärartäthet→15,8 st→→→→15,5 st→15,5 st→15,5→Tertial 2 2023
Analys→Resultat från brukarundersökningen har inte kommit.→→→→→→→
  Aktivt Medskapandeindex→77→80→77→79→→81→83→2023
Analys Hägersten-Älvsjö stadsdelsnämnd Förvaltningen har ett AMI-index.→→→→→→→→
"""
    rows = extract(text).rows
    assert [r.name for r in rows] == ["Antal barn per grupp", "Förskollärartäthet", "Aktivt Medskapandeindex"]
    assert rows[0].analysis == "Årsmålet nås inte. Rektorer vidtar åtgärder."
    assert rows[1].analysis == "Resultat från brukarundersökningen har inte kommit."
    assert rows[2].analysis == "Förvaltningen har ett AMI-index."


def test_kommentar_lines_and_a_name_starting_with_analys():
    text = """Indikator→Årsmål→KF:s årsmål→Periodicitet
 Andel smarta lås i hemtjänsten→0 %→Tas fram av nämnd→År
Kommentar→→→
Hägersten-Älvsjö stadsdelsförvaltning utgör inte en pilotstadsdel.→→→
Analysförmåga hos personalen→80 %→→År
"""
    a, b = extract(text).rows
    assert a.analysis == "Hägersten-Älvsjö stadsdelsförvaltning utgör inte en pilotstadsdel."
    assert b.name == "Analysförmåga hos personalen" and values(b) == {"annual_target": 80}


def test_repeated_header_continues_the_table_under_the_same_goal():
    text = f"""KF:s mål för verksamhetsområdet: 1.3 Stöd där behoven är störst

{FOLLOW_UP}
  Andel A→1 %→→→→→2 %→3 %→2023


{FOLLOW_UP}
  Andel B→4 %→→→→→5 %→6 %→2023
"""
    rows = extract(text).rows
    assert [(r.name, r.goal, r.source_line) for r in rows] == [
        ("Andel A", 0, line_of(text, "Andel A")), ("Andel B", 0, line_of(text, "Andel B"))]


def test_name_wrapped_over_a_page_break():
    text = """Indikator→Årsmål→KF:s årsmål→Periodicitet
 Andel personer som upplever att de får en förbättrad→→→

Indikator→Årsmål→KF:s årsmål→Periodicitet
situation av insatserna→→→
 Andel C→30 %→Tas fram av nämnd→År
"""
    rows = extract(text).rows
    assert [r.name for r in rows] == ["Andel personer som upplever att de får en förbättrad situation av insatserna",
                                      "Andel C"]


def test_a_blank_line_ends_the_table():
    text = """Indikator→Årsmål→KF:s årsmål→Periodicitet
 Andel A→30 %→→År

Mnkr→Budget→Prognos→Avvikelse
Kostnader→3 381,7→3 515,0→-105,5
"""
    assert [r.name for r in extract(text).rows] == ["Andel A"]


def test_row_with_too_many_cells_needs_review():
    text = f"""{FOLLOW_UP}
  Andel A→1 %→→→2 %→→3 %→4 %→2023→5 %
"""
    row = extract(text).rows[0]
    assert row.needs_review and row.review_code == "cells_extra" and "10 celler, rubriken 9" in row.review_reason
    assert row.raw_text.startswith("  Andel A\t")


def test_row_with_too_few_cells_needs_review():
    text = f"""{FOLLOW_UP}
  Andel A→1 %→2 %→3 %
"""
    row = extract(text).rows[0]
    assert row.needs_review and row.review_code == "cells_missing" and "4 celler" in row.review_reason


def test_trailing_empty_cells_are_no_reason_for_review():
    text = f"""{FOLLOW_UP}
  Andel A→1 %→→→2 %→→3 %→4 %→2023→→
"""
    row = extract(text).rows[0]
    assert not row.needs_review and row.period == "2023"


def test_shifted_cells_need_review():
    text = f"""{FOLLOW_UP}
  Andel A→→1 %→→→2 %→3 %→2023→4 %
"""
    row = extract(text).rows[0]
    assert row.needs_review and row.review_code == "period_in_value"


def test_rows_outside_any_goal_have_no_goal():
    text = """Indikator→Årsmål→KF:s årsmål→Periodicitet
 Andel A→30 %→→År
"""
    assert extract(text).rows[0].goal is None


def test_name_on_one_line_cells_on_the_next():
    text = f"""{FOLLOW_UP}
  Andel personer med en mycket lång indikatorbenämning→→→→→→→→
→1 %→→→→→2 %→3 %→2023
"""
    rows = extract(text).rows
    assert len(rows) == 1 and rows[0].name == "Andel personer med en mycket lång indikatorbenämning"
    assert values(rows[0]) == {"period_outcome": 1, "annual_target": 2, "city_target": 3}
    assert not rows[0].needs_review and rows[0].source_line_end == 3


def test_a_text_line_right_under_a_table_ends_it():
    text = f"""Nämndmål: Ett

{FOLLOW_UP}
  Andel A→1 %→→→→→2 %→3 %→2023
Nämnden bedömer att målet nås.
"""
    ex = extract(text)
    assert [r.name for r in ex.rows] == ["Andel A"]
    assert ex.goals[0].texts == [("text", "Nämnden bedömer att målet nås.")]


def test_header_named_indikatorer():
    text = """Indikatorer→Årsmål 2024→KF:s årsmål→Periodicitet
 Andel A→30 %→31 %→År
"""
    assert values(extract(text).rows[0]) == {"annual_target": 30, "city_target": 31}
