"""End to end: Norrmalm VP 2022 (business plan, tab-separated layout), no reference extraction.

Counts are sanity bounds; the exact rows below were read by eye in sources/reports/norrmalm-2022-vp.txt.
"""

from pathlib import Path

import pytest

from tertial.extract import extract_file
from tertial.extract.model import ReportMeta

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ex():
    meta = ReportMeta("Norrmalm", "norrmalm", "VP", 2022, "norrmalm-2022-vp")
    return extract_file(ROOT / "sources/reports/norrmalm-2022-vp.txt", meta)


def row(ex, name):
    found = [r for r in ex.rows if r.name == name]
    assert len(found) == 1, name
    return found[0]


def vals(r):
    return {c: (cell.value if cell.value is not None else cell.text) for c, cell in r.cells.items() if not cell.empty}


def test_layout_and_goal_tree(ex):
    assert ex.layout == "tabular"
    levels = [g.level for g in ex.goals]
    assert levels.count("inriktningsmal") == 3
    assert levels.count("verksamhetsmal") == 12
    assert levels.count("namndmal") == 20  # 'Stadsdelsområdet är levande och trivsamt' is printed twice
    assert all(g.assessment is None for g in ex.goals)  # a business plan prints no verdict
    assert all(g.parent is not None for g in ex.goals if g.level != "inriktningsmal")
    assert [g.code for g in ex.goals if g.level == "inriktningsmal"] == ["1", "2", "3"]


def test_rows(ex):
    # 93 lines of the report end in a Periodicitet cell (grep -cP '\t(År|Tertial)$').
    assert len(ex.rows) == 93
    assert all(r.period in ("År", "Tertial") for r in ex.rows)
    assert not any(r.needs_review for r in ex.rows)
    # A business plan has targets only.
    assert all(r.cells[c].empty for r in ex.rows for c in ("period_outcome", "outcome_men", "outcome_women",
                                                            "previous_year", "forecast"))
    assert all(not r.cells["annual_target"].empty for r in ex.rows)


def test_exact_rows_read_by_eye(ex):
    r = row(ex, "Antal ungdomar som fått feriejobb i stadens regi")  # line 419
    assert (r.source_line, vals(r), r.period) == (419, {"annual_target": 200, "city_target": 9000}, "Tertial")
    r = row(ex, "Andel invånare i stadsdelen som känner sig trygga i parker och grönområden")  # line 630, '♀'
    assert (r.source_line, vals(r), r.period) == (630, {"annual_target": 75}, "År")
    assert ex.goals[r.goal].title == "Tryggt stadsdelsområde"
    r = row(ex, "Nämndens prognossäkerhet T2")  # line 1613
    assert vals(r) == {"annual_target": "+/-1 %", "city_target": "+/- 1 %"}
    r = row(ex, "Klimatpåverkan från upphandlade livsmedel och måltider")  # line 1524
    assert vals(r) == {"annual_target": 1.7, "city_target": 1.7}
    assert r.cells["city_target"].unit == "kg CO2 per kg livsmedel"
    r = row(ex, "Andel digital natttillsyn i hemtjänsten")  # lines 1148-1150, 'Kommentar' below
    assert vals(r) == {"annual_target": 0, "city_target": "Tas fram av nämnd"}
    assert r.analysis.startswith("Norrmalms stadsdelsförvaltning utgör inte en av pilotstadsdelarna")
    r = row(ex, "Andel personer med funktionsnedsättning som upplever att de blir väl bemötta av stadens personal "
                "(stöd och service till personer med funktionsnedsättning)")  # line 926, after a repeated header
    assert (r.source_line, vals(r)) == (926, {"annual_target": 90, "city_target": 90})
    assert ex.goals[r.goal].code == "1.4"


def test_activities(ex):
    # 139 lines of the report carry a start and an end date (grep -cP '\t\d{4}-\d\d-\d\d\t\d{4}-\d\d-\d\d').
    assert len(ex.activities) == 139
    assert all(a.start_date and a.end_date for a in ex.activities)
    assert all(a.goal is not None for a in ex.activities)
    wrapped = [a for a in ex.activities if a.source_line == 1733][0]  # continued on line 1736, after a header
    assert wrapped.text.endswith("pilotprojekt för effektiva arbets sätt vid webbpublicering på hemsidor i syfte att "
                                 "säkerställa kvalitet och efterlevnad av lagkrav gällande tillgänglighet och "
                                 "personuppgifter samt effektivisera stadens kommunikationsarbete")
    assert not [a for a in ex.activities if a.source_line == 1736]
    first = [a for a in ex.activities if a.source_line == 1754][0]  # 'Analysera ...' is an activity
    assert (first.start_date, first.end_date) == ("2022-01-01", "2022-12-31")


def test_duplicate_heading_gives_one_goal(ex):
    same = [g for g in ex.goals if g.title == "Stadsdelsområdet är levande och trivsamt"]
    assert len(same) == 1 and same[0].code == "2.1.1" and same[0].source_line == 1252
