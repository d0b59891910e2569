"""The page cache's keys come from what a page builder read (site/reads.py), never from a list kept by hand:

- a builder cannot read anything but recorded reads (a whole table raises);
- every read of a page, perturbed alone, makes the page again;
- a cached page is never stale: after a change to any column of any table the site shows, each page taken
  from the cache is the page a build without the cache makes;
- rows sorted in before a report's own rows leave its page in the cache; a change to its own text or to
  the previous report's verdict makes it again, and only it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from siteutil import FIXTURE_PACKAGES
from tertial.site import load, pagecache, pages, reads, view
from tertial.site.goal import goal_page
from tertial.site.indicator import indicator_page
from tertial.site.report import district_page, report_page

BUILDERS = {"indicator": indicator_page, "district": district_page, "report": report_page, "goal": goal_page}


@pytest.fixture(scope="module")
def data() -> load.SiteData:
    return load.load(FIXTURE_PACKAGES)


def _with(data: load.SiteData, **tables) -> load.SiteData:
    return load.SiteData({**data.tables, **tables}, data.package, data.packages, data.raw)


def _view(data, sources=None) -> view.View:
    if sources is None:
        sources = frozenset(data.reports["report_id"][::2])  # some reports with a published source
    return view.View(data, sources)


def _remade(folder: Path, v: view.View) -> list[tuple[str, str]]:
    cache = pagecache.PageCache(folder)
    pages.all_pages(v, cache)
    return sorted(cache.remade)


def _dump(page) -> str:
    return json.dumps([page.path, page.markdown(), sorted((k, v.hex()) for k, v in page.files.items()),
                       [(c.name, c.spec, c.alt, c.columns, c.rows) for c in page.charts]], default=str, sort_keys=True)


def test_a_builder_cannot_read_past_the_recording(data):
    seen = reads.Recording(_view(data))
    for name in ("goals", "results", "d", "sources", "texts_by_goal", "latest", "latest_under"):
        with pytest.raises(AttributeError, match="not a recorded read"):
            getattr(seen, name)
    assert seen.district_label("hagersten-alvsjo")  # a derived helper, made of reads
    assert ("district_info", ("hagersten-alvsjo",)) in seen.reads


def _perturbed(x):
    """Another value of the same kind: what a changed input looks like to the page."""
    if isinstance(x, pd.DataFrame):
        return x.iloc[:-1] if len(x) else x.assign(extra="x")
    if isinstance(x, pd.Series):
        return x.iloc[:-1]
    if isinstance(x, dict):
        return {**x, "extra": "x"}
    if isinstance(x, tuple) and hasattr(x, "_fields"):
        return x._replace(**{x._fields[-1]: f"{getattr(x, x._fields[-1])}x"})
    if isinstance(x, (list, tuple)):
        return type(x)(list(x)[:-1]) if x else type(x)(["x"])
    if isinstance(x, bool):
        return not x
    return "x" if x is None else f"{x}x"


@pytest.mark.parametrize("kind,ident", [("indicator", "sjukfranvaro"), ("district", "hagersten-alvsjo"),
                                        ("report", "hagersten-alvsjo-2023-t2"), ("goal", None)])
def test_every_read_of_a_page_perturbed_alone_makes_it_again(tmp_path, data, kind, ident):
    v = _view(data)
    ident = ident or v.city_goals["city_goal_id"].iloc[0]
    cache = pagecache.PageCache(tmp_path)
    build = lambda seen: BUILDERS[kind](seen, ident)  # noqa: E731
    cache.page(kind, ident, v, build)
    recorded = pickle_reads(tmp_path)
    assert len(recorded) >= 3
    for name, args in recorded:
        class Changed(view.View):
            pass

        real = getattr(view.View, name)

        def changed(self, *a, _real=real, _args=args):
            value = _real(self, *a)
            return _perturbed(value) if a == _args else value

        setattr(Changed, name, reads.read(changed))
        other = Changed(data, v.sources)
        made = []

        def build_again(seen):
            made.append(1)
            return build(seen)

        try:
            pagecache.PageCache(tmp_path).page(kind, ident, other, build_again)
        except Exception:  # noqa: BLE001 -- the builder may fail on a perturbed value: it was called
            pass
        assert made, f"{kind} {ident}: changing {name}{args} alone left the page in the cache"
        cache.page(kind, ident, v, build)  # back to the original reads


def pickle_reads(folder: Path) -> list[tuple[str, tuple]]:
    import pickle

    (path,) = folder.glob("*.reads")
    return pickle.loads(path.read_bytes())


def _changes(data: load.SiteData) -> dict[str, load.SiteData]:
    """One change to each column of the tables the pages show (the first row of each whose value it
    changes), and the published sources."""
    out = {}
    for table, columns in {
        "goals": ["assessment", "title", "code", "level", "parent_goal_id", "city_goal_id", "source_line"],
        "indicator_results": ["period_outcome", "annual_target", "annual_target_text", "forecast", "previous_year",
                              "outcome_women", "unit", "name", "analysis", "needs_review", "source_line", "period"],
        "activities": ["text", "deviation", "end_date", "source_line"],
        "goal_texts": ["text", "section"],
        "districts": ["name", "valid_to"],
        "reports": ["title"],
        "indicators": ["name", "unit", "direction"],
    }.items():
        for col in columns:
            df = data.tables[table].copy()
            row = len(df) // 2
            old = df[col].iloc[row]
            if pd.api.types.is_numeric_dtype(df[col]):
                df.loc[df.index[row], col] = (0 if pd.isna(old) else old) + 7
            elif col == "assessment":
                df.loc[df.index[row], col] = "ej" if old != "ej" else "helt"
            elif col == "direction":
                df.loc[df.index[row], col] = "lower" if old != "lower" else "higher"
            elif col == "needs_review":
                df.loc[df.index[row], col] = "false" if str(old) == "true" else "true"
            else:
                df.loc[df.index[row], col] = f"{old}Ö" if old else "Ändrad"
            out[f"{table}.{col}"] = _with(data, **{table: df})
    return out


@pytest.mark.slow
def test_a_page_from_the_cache_is_the_page_made_without_it(tmp_path, data):
    import shutil

    warm = tmp_path / "warm"
    _remade(warm, _view(data))  # the cache holds every page of the unchanged data
    cases = {**_changes(data), "sources": data}
    for name, changed in cases.items():
        v = _view(changed, frozenset(data.reports["report_id"]) if name == "sources" else None)
        shutil.copytree(warm, tmp_path / name)
        cache = pagecache.PageCache(tmp_path / name)
        cached = {p.path: _dump(p) for p in pages.all_pages(v, cache)}
        fresh = {p.path: _dump(p) for p in pages.all_pages(v, None)}
        stale = [path for path in fresh if cached[path] != fresh[path]]
        assert stale == [], f"{name}: stale pages from the cache"
        assert cache.remade, f"{name}: the change was shown on no page (not a test of the cache)"


def test_rows_sorted_in_before_a_report_leave_its_page_in_the_cache(tmp_path, data):
    _remade(tmp_path, _view(data))
    other = pd.DataFrame([{"goal_id": "aaa-other-district-2030-vp-g001", "section": "analys", "text": "Ny text."}] * 3)
    texts = pd.concat([other, data.goal_texts]).reset_index(drop=True)
    assert _remade(tmp_path, _view(_with(data, goal_texts=texts))) == []


def test_a_change_to_a_reports_own_text_makes_only_its_page_again(tmp_path, data):
    _remade(tmp_path, _view(data))
    texts = data.goal_texts.copy()
    first = texts["goal_id"].iloc[0]
    texts.loc[0, "text"] = texts.loc[0, "text"] + " Ändrad."
    owner = next(r for r in data.reports["report_id"] if first.startswith(r + "-"))
    assert _remade(tmp_path, _view(_with(data, goal_texts=texts))) == [("report", owner)]


def test_a_corrected_verdict_makes_the_next_reports_page_again(tmp_path, data):
    """The next report's page shows the previous verdict: correcting a verdict in 2023 T1 makes 2023 T1's
    and 2023 T2's pages again, not 2023 VB's (whose previous report is T2)."""
    _remade(tmp_path, _view(data))
    goals = data.goals.copy()
    row = goals.index[(goals["report_id"] == "hagersten-alvsjo-2023-t1") & (goals["assessment"] == "delvis")][0]
    goals.loc[row, "assessment"] = "ej"
    remade = _remade(tmp_path, _view(_with(data, goals=goals)))
    assert [i for k, i in remade if k == "report"] == ["hagersten-alvsjo-2023-t1", "hagersten-alvsjo-2023-t2"]
