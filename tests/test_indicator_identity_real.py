"""One indicator_id per indicator on the real reports: the committed city-wide package.

The same KF indicator printed in Hägersten-Liljeholmen T1 2020, Norrmalm VP 2022 (same 2019-2022 mandate)
and Hägersten-Älvsjö T2 2023 has one id; the aliases of curation/indicators.yml each join printings that
the reports really use; different indicators stay apart; direction never contradicts a printed target."""

from __future__ import annotations

from collections import defaultdict

import pytest
from published import HA, HL, NM, ROOT, read_table

from tertial.curation import indicators

_read = read_table


@pytest.fixture(scope="module")
def results():
    return _read("indicator_results")


@pytest.fixture(scope="module")
def reports_of(results):
    out = defaultdict(set)
    for r in results:
        out[r["indicator_id"]].add(r["report_id"])
    return out


@pytest.fixture(scope="module")
def names_of(results):
    out = defaultdict(set)
    for r in results:
        out[r["indicator_id"]].add(r["name"])
    return out


def _id_of(results, printed: str) -> str:
    ids = {r["indicator_id"] for r in results if r["name"] == printed}
    assert len(ids) == 1, f"{printed!r} is printed in no report, or has more than one id: {ids}"
    return ids.pop()


# (printing, other printing, the reports that print them): checked by reading both names
MERGES = [
    ("Andel brukare inom socialpsykiatrin som inte upplever diskriminering",
     "Andel brukare inom socialpsykiatri som inte upplever diskriminering", {HL, NM, HA}),
    ("Andel familjehemsplacerade barn i skolåldern som klarar målen i kärnämnen i grundskolan",
     "Andel familjehemsplacerade barn i skolåldern som klarar målen i kärnämnena i grundskolan", {HL, NM}),
    ("Andel upphandlingar där marknadsdialog har genomförts",
     "Andel upphandlingar där marknaddialog har genomförts", {HL, NM}),
    ("Andel avhysningar som kunnat avvärjas efter inkommet meddelande till förvaltningen från kronofogdemyndigheten",
     "Andel meddelanden om avhysning som inkommit till förvaltningen från Kronofogdemyndigheten som kunnat avvärjas",
     {HL, NM}),
    ("Andel barn och ungdomar som är nöjda med tillgången till kulturaktiviteter på fritiden",
     "Andel barn och ungdomar som är nöjda med tillgången till kulturaktiviteter", {HL, NM, HA}),
    ("Köpt energi i stadens verksamheter", "Totalt köpt energi i stadens verksamheter", {HL, NM, HA}),
    ("Andel personer som själva upplever att de får en förbättrad situation av insatserna de fått från "
     "socialtjänsten (vuxna missbruk)",
     "Andel personer som själv upplever att de får en förbättrad situation av insatsen/insatserna de fått från "
     "socialtjänsten (vuxna missbruk)", {NM, HA}),
]


@pytest.mark.parametrize("a, b, reports", MERGES, ids=[m[0][:40] for m in MERGES])
def test_printings_of_one_indicator_share_one_id(results, reports_of, a, b, reports):
    assert _id_of(results, a) == _id_of(results, b)
    assert reports_of[_id_of(results, a)] == reports


def test_indicators_followed_through_the_mandates_share_one_id(reports_of):
    # printed in all three reports (2020, 2022, 2023): one id each
    for iid in ("sjukfranvaro", "andel-barn-som-lever-i-familjer-som-har-ekonomiskt-bistand",
                "antal-forskolebarn-per-anstalld-arsarbetare", "andelen-nojda-omsorgstagare-i-hemtjanst",
                "kopt-energi-i-stadens-verksamheter", "klimatpaverkan-fran-upphandlade-livsmedel-och-maltider"):
        assert reports_of[iid] == {HL, NM, HA}, iid


@pytest.mark.parametrize("a, b", [
    ("Andel brukare som är nöjd med sin insats - Funktionsnedsättning (stöd och service till personer med "
     "funktionsnedsättning)",
     "Andel brukare som trivs - Funktionsnedsättning (stöd och service till personer med funktionsnedsättning)"),
    ("Andel placerade barn i skolåldern som klarar målen i kärnämnen i grundskolan",
     "Andel familjehemsplacerade barn i skolåldern som klarar målen i kärnämnen i grundskolan"),
    ("Stockholmarnas nöjdhet med skötsel av park och grönområden",
     "Stockholmarnas nöjdhet med skötsel och städning av park och grönområden"),
    ("Andel avhysningar som kunnat avväjas efter inkommet meddelande till förvaltningen från hyresvärden",
     "Andel avhysningar som kunnat avvärjas efter inkommet meddelande till förvaltningen från kronofogdemyndigheten"),
    ("Andel upphandlade avtal där en plan för systematisk uppföljning har tagits fram",
     "Andel upphandlade avtal där kontinuerlig uppföljning genomförts"),
    ("Sjukfrånvaro", "Sjukfrånvaro dag 1-14"),
])
def test_different_indicators_stay_apart(results, a, b):
    assert _id_of(results, a) != _id_of(results, b)


def test_every_curated_entry_and_alias_is_printed_in_a_report(results):
    """No dead entries: each name and alias in curation/indicators.yml matches a printed name."""
    printed = {indicators.normalize_name(r["name"]) for r in results}
    rules = indicators.load(ROOT)
    assert sorted(set(rules["by_name"]) - printed) == []


def test_each_alias_has_a_reason_written_next_to_it():
    lines = (ROOT / indicators.FILE).read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "aliases:":
            assert lines[i + 1].strip().startswith("#"), f"curation/indicators.yml:{i + 2}: an alias without a reason"


def test_direction_never_contradicts_a_printed_target(results):
    table = {r["indicator_id"]: r for r in _read("indicators")}
    words = {"öka": "higher", "minska": "lower"}
    for r in results:
        for col in ("annual_target_text", "city_target_text"):
            said = words.get(r[col].strip().lower())
            if said:
                assert table[r["indicator_id"]]["direction"] == said, (r["indicator_id"], r[col])


def test_directions_where_the_name_says(results):
    table = {r["indicator_id"]: r["direction"] for r in _read("indicators")}
    assert table["sjukfranvaro"] == "lower"
    assert table["andel-barn-som-lever-i-familjer-som-har-ekonomiskt-bistand"] == "lower"
    assert table["andelen-nojda-omsorgstagare-i-hemtjanst"] == "higher"
    assert table["namndens-prognossakerhet-t2"] == "none"
    assert table["antal-forskolebarn-per-anstalld-arsarbetare"] == "lower"  # the council: '4,9 ... nås ej' at 5,5
    assert set(table.values()) <= {"higher", "lower", "none", ""}


def test_units_in_the_package_are_normalized(results):
    units = {r["unit"] for r in results}
    assert not any(u in units for u in ("barn/av d.", "barn/a vd.", "kg CO2 per kg livsmed el"))
    table = {r["indicator_id"]: r for r in _read("indicators")}
    assert table["antal-barn-per-grupp"]["unit"] == "barn/avd."
    assert table["klimatpaverkan-fran-upphandlade-livsmedel-och-maltider"]["unit"] == "kg CO2 per kg livsmedel"
