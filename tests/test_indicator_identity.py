"""One indicator_id per indicator in every report and district: normalized names, aliases from
curation/indicators.yml, unit normalization, direction."""

from pathlib import Path

import pytest

from tertial.curation import indicators
from tertial.errors import TertialError


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
    description: Energi som staden köper.
""")
    rows = [_row("Köpt energi i stadens verksamheter", "GWh"), _row("Totalt köpt energi i stadens verksamheter", "GWh"),
            _row("Antal barn per grupp", "barn/av d."), _row("Antal barn per grupp", "barn/avd.")]
    table = {t["indicator_id"]: t for t in indicators.assign(rows, rules)}
    assert rows[0]["indicator_id"] == rows[1]["indicator_id"] == "kopt-energi"
    assert table["kopt-energi"] == {"indicator_id": "kopt-energi", "name": "Köpt energi i stadens verksamheter",
                                    "unit": "GWh", "direction": "lower", "description": "Energi som staden köper."}
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
