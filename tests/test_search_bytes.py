"""Issue 15: one search on a phone downloads little: the real site's search loads nothing until the
reader searches, then only Pagefind's script, its Swedish index chunks for the words (and synonyms)
searched and a few excerpts, well under 300 KB as a static host serves them, from the site itself."""

import pytest
from realsite import real_site_dir, site_url  # noqa: F401 (fixtures)
from searchutil import search, served_bytes

pytestmark = [pytest.mark.browser, pytest.mark.slow]
BUDGET = 300_000


def test_a_page_loads_no_search_index(page):
    page.goto(page.base + "/stadsdelar/", wait_until="networkidle")
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in loaded if "pagefind" in u or "search_index" in u], loaded


@pytest.mark.parametrize("query", ["äldreomsorg", "förskola", "sjukfrånvaro", "trygghet", "ekonomiskt bistånd",
                                   "Trekantsparken", "Älvsjö"])
def test_one_search_downloads_under_300_kb(page, query):
    responses = []
    results = search(page, query, responses)
    assert results
    weight = served_bytes(responses)
    print(f"{query}: {len(results)} results shown, {weight} bytes ({len(responses)} responses)")
    assert weight <= BUDGET
