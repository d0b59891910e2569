"""Rule (tab-separated layout): activity tables - dates, repeated headers, wrapped texts, Analys lines."""

import pytest

from tabular_fixture import META, extract, line_of
from tertial.extract import extract_lines
from tertial.extract.write import tables


def acts(text):
    return [(a.text, a.start_date, a.end_date, a.source_line) for a in extract(text).activities]


def test_activities_with_and_without_deviation_column():
    text = """Nämndmål: Äldre är trygga

Aktivitet→Startdatum→Slutdatum→Avvikelse
 Stadsdelsnämnden ska utveckla arbetet mot välfärdsbrott→2023-01-01→2023-12-31→
 Stadsdelsnämnden ska förbättra metoder.→2023-01-01→2023-08-31→Avvikelse

Aktivitet→Startdatum→Slutdatum
Utbildningsinsats investeringar→2021-01-01→2022-12-31
"""
    ex = extract(text)
    assert acts(text) == [
        ("Stadsdelsnämnden ska utveckla arbetet mot välfärdsbrott", "2023-01-01", "2023-12-31", line_of(text, "välfärdsbrott")),
        ("Stadsdelsnämnden ska förbättra metoder.", "2023-01-01", "2023-08-31", line_of(text, "förbättra")),
        ("Utbildningsinsats investeringar", "2021-01-01", "2022-12-31", line_of(text, "Utbildningsinsats")),
    ]
    assert [a.deviation for a in ex.activities] == ["", "Avvikelse", ""]
    assert all(a.goal == 0 for a in ex.activities)


def test_analysis_line_under_an_activity():
    text = """Aktivitet→Startdatum→Slutdatum→Avvikelse
  Kulturnämnden ska utforma en strategi→2023-01-01→2023-06-30→
Analys Remiss om strategin har kommit.→→→
  Utbildningsnämnden ska ta fram en strategi→2023-01-01→2023-08-31→
Analys→→→
Utbildningsnämnden har påbörjat sitt arbete→→→
Analysera och utveckla rådets arbetssätt→2022-01-01→2022-12-31→
"""
    ex = extract(text)
    assert [a.analysis for a in ex.activities] == [
        "Remiss om strategin har kommit.", "Utbildningsnämnden har påbörjat sitt arbete", ""]
    assert ex.activities[2].text == "Analysera och utveckla rådets arbetssätt"


def test_text_wrapped_over_a_repeated_header():
    text = """Aktivitet→Startdatum→Slutdatum→Avvikelse
  Miljönämnden ska ta fram en strategi som ska innefatta→2023-01-01→2023-12-31→

Aktivitet→Startdatum→Slutdatum→Avvikelse
energieffektivisering och trygghetsaspekten→→→
  Miljönämnden ska skapa växtbeklädda väggar→2023-01-01→2023-12-31→
"""
    assert acts(text) == [
        ("Miljönämnden ska ta fram en strategi som ska innefatta energieffektivisering och trygghetsaspekten",
         "2023-01-01", "2023-12-31", 2),
        ("Miljönämnden ska skapa växtbeklädda väggar", "2023-01-01", "2023-12-31", 6),
    ]


def test_marker_column_before_the_text():
    text = """→Aktivitet→Startdatum→Slutdatum→Avvikelse
✓→Stadsdelsnämnden ska inventera parkmark→2023-01-01→2023-12-31→
▶→Stadsdelsnämnden ska inventera parkvägar→2023-01-01→2023-12-31→
Stadsdelsnämnden ska rensa sly→2023-02-01→2023-12-31→
"""
    assert [a[:3] for a in acts(text)] == [
        ("Stadsdelsnämnden ska inventera parkmark", "2023-01-01", "2023-12-31"),
        ("Stadsdelsnämnden ska inventera parkvägar", "2023-01-01", "2023-12-31"),
        ("Stadsdelsnämnden ska rensa sly", "2023-02-01", "2023-12-31"),
    ]


def test_misplaced_cells_still_find_the_dates():
    text = """Aktivitet→Startdatum→Slutdatum
Utreda etablering→av ytterligare aktivitetscenter→2022-01-01→2022-12-31
Se över stödet→inte ett datum→
"""
    assert [a[:3] for a in acts(text)] == [
        ("Utreda etablering av ytterligare aktivitetscenter", "2022-01-01", "2022-12-31"),
        ("Se över stödet", None, None),
    ]


def test_tables_split_by_a_repeated_header_keep_their_goal():
    text = """Nämndmål: Ett

Aktivitet→Startdatum→Slutdatum
A→2022-01-01→2022-12-31

Aktivitet→Startdatum→Slutdatum
B→2022-01-01→2022-12-31

Nämndmål: Två

Aktivitet→Startdatum→Slutdatum
C→2022-01-01→2022-12-31
"""
    ex = extract(text)
    assert [(a.text, a.goal) for a in ex.activities] == [("A", 0), ("B", 0), ("C", 1)]


def test_analysis_line_without_tabs_still_belongs_to_the_activity():
    text = """Aktivitet→Startdatum→Slutdatum
Utreda etablering→2022-01-01→2022-12-31
Analys Arbetet har initierats.
och pågår.
"""
    assert extract(text).activities[0].analysis == "Arbetet har initierats. och pågår."


@pytest.mark.parametrize("start, end, want", [
    ("2023-1-1", "2023-06-30", ("", "2023-06-30")),      # unreadable start: empty, the end stays the end
    ("2023-02-30", "2023-12-31", ("", "2023-12-31")),    # no such day
    ("2023-01-01", "1 juni", ("2023-01-01", "")),
])
def test_an_unreadable_activity_date_stays_empty_in_its_own_column(start, end, want):
    lines = ["Nämndmål: Ett mål", "", "Aktivitet\tStartdatum\tSlutdatum", f"Göra något\t{start}\t{end}", ""]
    ex = extract_lines(lines, META)
    row = tables(ex)["activities"][0]
    assert (row["start_date"], row["end_date"]) == want
    assert row["text"] == "Göra något"
    assert ex.warnings, "a dropped date is reported"
