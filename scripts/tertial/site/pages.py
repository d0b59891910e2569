"""Process: every generated page; district, report, city goal and indicator pages through the page cache
(site/pagecache.py), which records what each builder reads (site/reads.py).

The pages themselves: site/overview.py (start and section pages), report.py (district and report),
goal.py (city goal), indicator.py, sources.py (a report's source), datapage.py (/data/); their HTML is
in site/templates/ (Jinja2, autoescaped), their shared look-ups in view.py, small pieces in markup.py.
"""

from __future__ import annotations

from .goal import goal_page
from .indicator import indicator_page
from .markup import Page
from .reads import Recording
from .overview import districts_index, goals_index, indicators_index, start_page
from .report import district_page, report_page
from .view import View


def all_pages(v: View, cache=None, emit=None) -> list[Page]:
    """Every generated page. With a cache (pagecache.PageCache), district, report, goal and indicator
    pages whose inputs are unchanged are taken from it. `emit(page)` is called as each page is ready
    (so its charts can render while the next pages are made)."""
    def make(kind, ident, build):
        return cache.page(kind, ident, v, lambda seen: build(seen, ident)) if cache is not None else build(Recording(v), ident)

    pages: list[Page] = []

    def add(page: Page) -> None:
        pages.append(page)
        if emit is not None:
            emit(page)

    for page in (start_page(v), districts_index(v), goals_index(v), indicators_index(v)):
        add(page)
    for iid in sorted(set(v.results["indicator_id"])):  # first: they carry the most charts
        add(make("indicator", iid, indicator_page))
    for did in sorted(set(v.d.reports["district_id"])):
        add(make("district", did, district_page))
    for rid in v.d.reports["report_id"]:
        add(make("report", rid, report_page))
    for cg in v.city_goals["city_goal_id"]:
        add(make("goal", cg, goal_page))
    return pages
