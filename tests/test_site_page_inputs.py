"""A cached page's inputs are its own rows, not their place in the city-wide tables: a report added in
another district (its rows sorted in before this report's) leaves this report's page key unchanged, while
a change to one of its own texts changes it."""

from pathlib import Path

import pandas as pd

from tertial.site import load, pages, pagecache, view

ROOT = Path(__file__).resolve().parents[1]


def _report_keys(data: load.SiteData) -> dict[str, str]:
    v = view.View(data)
    cache = pagecache.PageCache(Path("/nonexistent"))  # only its key(); nothing is read or written
    names = sorted(p.name for p in data.packages)
    return {r.report_id: cache.key("report", pages.report_inputs(v, r, names)) for r in v.d.reports.itertuples()}


def _with_texts(data: load.SiteData, texts: pd.DataFrame) -> load.SiteData:
    return load.SiteData({**data.tables, "goal_texts": texts.reset_index(drop=True)}, data.package,
                         data.packages, data.raw)


def test_rows_sorted_in_before_a_report_do_not_change_its_page_key():
    data = load.load(ROOT / "datapackages")
    before = _report_keys(data)
    other = pd.DataFrame([{"goal_id": "aaa-other-district-2030-vp-g001", "section": "analys", "text": "Ny text."}] * 3)
    after = _report_keys(_with_texts(data, pd.concat([other, data.goal_texts])))
    assert len(before) >= 3
    assert after == before


def test_a_change_to_a_reports_own_text_changes_only_its_key():
    data = load.load(ROOT / "datapackages")
    before = _report_keys(data)
    texts = data.goal_texts.copy()
    first = texts["goal_id"].iloc[0]
    texts.loc[0, "text"] = texts.loc[0, "text"] + " Ändrad."
    after = _report_keys(_with_texts(data, texts))
    changed = sorted(k for k in before if before[k] != after[k])
    assert changed == [r for r in before if first.startswith(r + "-")]


def test_a_corrected_verdict_changes_the_next_reports_page_key():
    """The next report's page shows the previous verdict: correcting a verdict in 2023 T1 changes the key
    of 2023 T1's and 2023 T2's pages, not of 2023 VB's (whose previous report is T2)."""
    from siteutil import FIXTURE_PACKAGES

    data = load.load(FIXTURE_PACKAGES)
    before = _report_keys(data)
    goals = data.goals.copy()
    row = goals.index[(goals["report_id"] == "hagersten-alvsjo-2023-t1") & (goals["assessment"] == "delvis")][0]
    goals.loc[row, "assessment"] = "ej"
    after = _report_keys(load.SiteData({**data.tables, "goals": goals}, data.package, data.packages, data.raw))
    assert sorted(k for k in before if before[k] != after[k]) == ["hagersten-alvsjo-2023-t1",
                                                                   "hagersten-alvsjo-2023-t2"]
