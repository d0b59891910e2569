"""Rule: two different indicators never share an id. Signs that tell them apart ('<', '>', '≤', '≥', '=',
'+') are spelled out in the id, from the name alone; any other pair of different names that would get one
id is refused in one line naming both (and the fix), never merged into one trend. Names that
curation/indicators.yml makes one indicator (aliases) keep sharing their id."""

from __future__ import annotations

import pytest

from tertial import ids
from tertial.curation import indicators
from tertial.errors import TertialError


def rows(*names):
    return [{"name": n, "unit": "st", "report_id": "bromma-2023-t2", "source_line": i + 10}
            for i, n in enumerate(names)]


def rules(tmp_path, yml: str = ""):
    (tmp_path / "curation").mkdir(exist_ok=True)
    (tmp_path / "curation" / "indicators.yml").write_text(yml, encoding="utf-8")
    return indicators.load(tmp_path)


@pytest.mark.parametrize("a,b", [("Antal barn < 5 år", "Antal barn > 5 år"), ("Antal ≤ 3", "Antal ≥ 3"),
                                 ("Andel 65+", "Andel 65"), ("Kvot = 1", "Kvot 1")])
def test_signs_that_tell_indicators_apart_give_two_ids(tmp_path, a, b):
    assert ids.indicator_slug(a) != ids.indicator_slug(b)
    results = rows(a, b)
    table = indicators.assign(results, rules(tmp_path))
    assert len(table) == 2 and results[0]["indicator_id"] != results[1]["indicator_id"]


def test_the_spelled_out_id_is_the_same_whatever_else_is_published():
    assert ids.indicator_slug("Antal barn < 5 år") == "antal-barn-under-5-ar"
    assert ids.indicator_slug("Antal barn > 5 år") == "antal-barn-over-5-ar"


def test_two_names_on_one_id_are_refused_naming_both(tmp_path):
    a, b = "Antal barn, 5 år", "Antal barn 5 år"  # different keys, one slug
    assert ids.indicator_key(a) != ids.indicator_key(b) and ids.indicator_slug(a) == ids.indicator_slug(b)
    with pytest.raises(TertialError) as info:
        indicators.assign(rows(a, b), rules(tmp_path))
    message = info.value.render()
    assert message.startswith("curation/indicators.yml: two different indicators would get the id 'antal-barn-5-ar'")
    assert repr(a) in message and repr(b) in message and "line 10" in message and "line 11" in message


def test_a_curated_id_taken_by_another_name_is_refused(tmp_path):
    yml = 'indicators:\n  - name: "Andel nöjda"\n    indicator_id: antal-barn\n'
    with pytest.raises(TertialError, match="would get the id 'antal-barn'"):
        indicators.assign(rows("Andel nöjda", "Antal barn"), rules(tmp_path, yml))


def test_names_curation_joins_share_their_id_and_distinct_ids_are_kept(tmp_path):
    a, b = "Antal barn, 5 år", "Antal barn 5 år"
    joined = rules(tmp_path, f'indicators:\n  - name: "{a}"\n    aliases: ["{b}"]\n')
    results = rows(a, b)
    assert len(indicators.assign(results, joined)) == 1
    apart = rules(tmp_path, f'indicators:\n  - name: "{a}"\n    indicator_id: antal-barn-komma\n')
    results = rows(a, b)
    assert len(indicators.assign(results, apart)) == 2
