"""The examiner's hold-out variants of Hägersten-Liljeholmen 2020 T1, as a regression test.

These are an independent examiner's cases for issue 13 (tests/holdout/make_holdout.py: spacing convention,
page breaks inside names and between a name and its values, thousands groups next to unitless numbers,
units wrapped over lines, names ending in a number after a hyphen, and all at once as another district and
year). The extractor's developer did not see them while building the rules; they are no longer hold-out.
The variants are generated at test time from the project's own copy of the report and its reference.

Per variant: every goal, row and activity present, no extra row, no wrong value (or name) in a row left
unflagged, at least 99.5 % of the value cells right (a cell of a row the reference marks ambiguous counts
when the row is flagged, as tests/goldcheck.py scores), and no more rows flagged than measured when this
test was written (lower the figure when a rule settles more rows).
"""

import json

import pytest

from goldcheck import cell_matches, extracted_tables, fold, score
from holdout import make_holdout

# rows flagged needs_review, as measured (the reference marks 12 rows ambiguous in the variants that keep
# the report's own spacing, none in those that print empty cells as spaces)
MAX_FLAGGED = {"original": 10, "spacing": 0, "pagebreaks": 10, "thousands": 11, "units": 10, "hyphen": 10,
               "all": 0}


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    out = tmp_path_factory.mktemp("holdout")
    names = make_holdout.main(out, quiet=True)
    assert set(names) == set(MAX_FLAGGED)
    return out


def wrong_unflagged(gold: dict, tables: dict) -> list[str]:
    """Rows not flagged for review whose name or a value cell differs from the reference."""
    rows = {int(r["source_line"]): r for r in tables["indicator_results"]}
    out = []
    for g in gold["indicators"]:
        r = rows.get(g["line"])
        if r is None or r["needs_review"] == "true":
            continue
        bad = [c for c in make_holdout.COLS if not cell_matches(g[c], r, c)]
        bad += ["period"] * (fold(r["period"]) != fold(g["period"] or ""))
        bad += ["name"] * (fold(r["name"]) != fold(g["name"]))
        if bad:
            out.append(f"line {g['line']}: {', '.join(bad)}")
    return out


@pytest.mark.parametrize("name", list(MAX_FLAGGED))
def test_variant_reads_as_its_reference(variants, name):
    gold = json.loads((variants / f"{name}.json").read_text(encoding="utf-8"))
    tables = extracted_tables(variants / f"{name}.txt", gold)
    s = score(gold, tables)
    assert s.goals_right == s.goals_total, s.problems
    assert s.rows_found == s.rows_total and s.rows_extra == 0, s.problems
    assert s.activities_right == s.activities_total and s.activities_extra == 0, s.problems
    assert wrong_unflagged(gold, tables) == []
    assert s.cell_rate >= 0.995, s.summary()
    flagged = sum(r["needs_review"] == "true" for r in tables["indicator_results"])
    assert flagged <= MAX_FLAGGED[name]
