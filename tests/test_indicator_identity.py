"""One indicator_id per indicator in every report and district: normalized names, aliases from
curation/indicators.yml, unit normalization, direction."""

from pathlib import Path

import pytest

from tabular_fixture import META
from tertial import ids
from tertial.curation import indicators
from tertial.errors import TertialError
from tertial.extract import extract_lines
from tertial.extract.reader import read_lines
from tertial.extract.write import tables

HA = Path(__file__).resolve().parents[1] / "sources" / "reports" / "hagersten-alvsjo-2023-t2.txt"


def _rules(tmp_path: Path, text: str) -> dict:
    (tmp_path / "curation").mkdir(exist_ok=True)
    (tmp_path / "curation" / "indicators.yml").write_text(text, encoding="utf-8")
    return indicators.load(tmp_path)


def _row(name, unit="", **kw):
    return {"name": name, "unit": unit, "annual_target_text": "", "city_target_text": ""} | kw


def test_same_name_printed_differently_gets_one_id():
    rows = [_row("Andel  nöjda omsorgstagare i hemtjänst"), _row("andel nöjda omsorgstagare i hemtjänst."),
            _row("Andel nöjda omsorgstagare\u00a0i hemtjänst")]
    table = indicators.assign(rows, {"units": {}, "by_name": {}, "entries": []})
    assert {r["indicator_id"] for r in rows} == {"andel-nojda-omsorgstagare-i-hemtjanst"}
    assert len(table) == 1


def test_aliases_merge_and_canonical_name_direction_unit(tmp_path):
    rules = _rules(tmp_path, """
units:
  "barn/av d.": "barn/avd."
indicators:
  - name: Köpt energi i stadens verksamheter
    indicator_id: kopt-energi
    aliases: ["Totalt köpt energi i stadens verksamheter"]
    direction: lower
    direction_reason: KF:s mål är ett tak.
    description: Energi som staden köper.
""")
    rows = [_row("Köpt energi i stadens verksamheter", "GWh"), _row("Totalt köpt energi i stadens verksamheter", "GWh"),
            _row("Antal barn per grupp", "barn/av d."), _row("Antal barn per grupp", "barn/avd.")]
    table = {t["indicator_id"]: t for t in indicators.assign(rows, rules)}
    assert rows[0]["indicator_id"] == rows[1]["indicator_id"] == "kopt-energi"
    assert table["kopt-energi"] == {"indicator_id": "kopt-energi", "name": "Köpt energi i stadens verksamheter",
                                    "unit": "GWh", "direction": "lower", "direction_reason": "KF:s mål är ett tak.",
                                    "description": "Energi som staden köper."}
    assert rows[2]["unit"] == rows[3]["unit"] == "barn/avd."
    assert rows[2]["indicator_id"] == rows[3]["indicator_id"] == "antal-barn-per-grupp"


def test_direction_read_from_word_targets_only_when_consistent():
    rows = [_row("A", city_target_text="öka"), _row("A", city_target_text="Tas fram av nämnd"),
            _row("B", annual_target_text="minska"), _row("C", annual_target_text="öka"),
            _row("C", city_target_text="minska"), _row("D")]
    table = {t["indicator_id"]: t["direction"] for t in
             indicators.assign(rows, {"units": {}, "by_name": {}, "entries": []})}
    assert table == {"a": "higher", "b": "lower", "c": "", "d": ""}


def test_long_names_get_distinct_stable_ids():
    base = "Andel brukare inom omsorgen för personer med funktionsnedsättning som upplever att de får "
    a, b = indicators.slug_id(base + "ett gott bemötande (män)"), indicators.slug_id(base + "ett gott bemötande (kvinnor)")
    assert a != b and len(a) <= 80 and len(b) <= 80
    assert a == indicators.slug_id(base + "ett  gott bemötande (män)")


def test_a_name_given_to_two_indicators_is_refused(tmp_path):
    with pytest.raises(TertialError) as err:
        _rules(tmp_path, "indicators:\n  - {name: A}\n  - {name: B, aliases: [a]}\n")
    assert err.value.render().startswith("curation/indicators.yml:3: ")


def test_gold_units_normalized_in_build(tmp_path):
    from goldfixture import build_project
    import csv
    build_project(tmp_path)
    with (tmp_path / "datapackages" / "stockholm" / "data" / "indicator_results.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    units = {r["unit"] for r in rows}
    assert "barn/avd." in units and "barn/av d." not in units
    ids = {}
    for r in rows:
        ids.setdefault(r["indicator_id"], set()).add(r["report_id"])
    # indicators both reports print share one id
    assert ids["andel-barn-som-lever-i-familjer-som-har-ekonomiskt-bistand"] == {
        "hagersten-alvsjo-2023-t2", "hagersten-liljeholmen-2020-t1"}


@pytest.mark.parametrize("a, b", [
    ("Antal förskolebarn per anställd (årsarbetare)", "Antal förskolebarn per anställd(årsarbetare)"),
    ("Antal förskolebarn per anställd (årsarbetare)", "Antal förskolebarn per anställd ( årsarbetare )."),
    ("Sjukfrånvaro dag 1-14", "Sjukfrånvaro dag 1 – 14"),
    ("Sjukfrånvaro dag 1-14", "SJUKFRÅNVARO  dag 1\u221214:"),
    ("Andel legitimerade förskollärare", "Andel legitimerade förskol- lärare"),  # broken over two lines
    ("Andel legitimerade förskollärare", "Andel legitimerade förskol\u00adlärare"),  # soft hyphen
    ("Andel brukare som är nöjd med sin insats - Funktionsnedsättning",
     "Andel brukare som är nöjd med sin insats – Funktionsnedsättning"),
    ("Andel brukare som är nöjd med sin insats - Funktionsnedsättning",
     "Andel brukare som är nöjd med sin insats -Funktionsnedsättning"),
    ("av insatsen/insatserna de fått", "av insatsen / insatserna de fått"),
    ("kön, etnisk tillhörighet", "kön ,etnisk tillhörighet"),
    ("Andel ”nöjda” brukare", 'Andel "nöjda" brukare'),
    ("Andel nöjda brukare", "• Andel nöjda brukare."),
])
def test_printings_of_one_name_share_a_key(a, b):
    assert indicators.normalize_name(a) == indicators.normalize_name(b)
    assert indicators.slug_id(a) == indicators.slug_id(b)


@pytest.mark.parametrize("a, b", [
    ("Andel brukare som är nöjd med sin insats", "Andel brukare som trivs"),
    ("Andel placerade barn i skolåldern", "Andel familjehemsplacerade barn i skolåldern"),
    ("Sjukfrånvaro", "Sjukfrånvaro dag 1-14"),
    # a hyphen before a conjunction is part of the name, not a word broken over two lines
    ("Andel bygg- och anläggningsentreprenader", "Andel bygg och anläggningsentreprenader"),
    ("Andel bygg- och anläggningsentreprenader", "Andel byggoch anläggningsentreprenader"),
])
def test_different_names_keep_different_keys(a, b):
    assert indicators.normalize_name(a) != indicators.normalize_name(b)


def test_conjunction_hyphen_is_kept_in_the_key():
    assert indicators.normalize_name("Andel vård- och omsorgsboenden") == "andel vård- och omsorgsboenden"


def test_units_equal_but_for_white_space_take_the_published_spelling():
    units = {"barn/av d.": "barn/avd.", "kg CO2 per kg livsmed el": "kg CO2 per kg livsmedel"}
    assert indicators.normalize_unit("barn/av d.", units) == "barn/avd."
    assert indicators.normalize_unit("barn/a vd.", units) == "barn/avd."  # no rule of its own
    assert indicators.normalize_unit("kg CO2 per kg livs medel", units) == "kg CO2 per kg livsmedel"
    assert indicators.normalize_unit(" %\u00a0", units) == "%"
    assert indicators.normalize_unit("kg CO2", units) == "kg CO2"  # another unit: left as printed
    assert indicators.normalize_unit("barn", units) == "barn"


def test_extract_gives_the_published_indicator_id():
    """`tertial extract` and the curate stage name an indicator alike (aliases aside)."""
    long = "Andel personer som själva upplever att de får en förbättrad situation av insatsen (vuxna missbruk)"
    assert ids.indicator_slug(long) == indicators.slug_id(long)
    ex = extract_lines(read_lines(HA), META)
    for row in tables(ex)["indicator_results"]:
        assert row["indicator_id"] == indicators.slug_id(row["name"])
