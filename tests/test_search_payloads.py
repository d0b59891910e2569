"""Issue 15 and SECURITY.md §3: the search shows report text (titles, excerpts) as text. Searching the
fixture site's payload report (script, image and template payloads) in Chromium fires no dialog (the
`page` fixture fails on one), and the results hold no element but Pagefind's <mark>."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query", ["alert", "onerror", "titel"])
def test_payloads_in_search_results_stay_text(page, query):
    page.goto(page.base + "/", wait_until="networkidle")
    page.click(".md-search__input")
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # give any injected handler the chance to fire
    articles = page.locator(".md-search-result__article")
    assert articles.count() > 0
    tags = articles.evaluate_all("as => as.flatMap(a => [...a.querySelectorAll('*')].map(e => e.tagName))")
    assert set(tags) <= {"H1", "H2", "P", "MARK"}, set(tags)
    assert "alert" in " ".join(articles.all_inner_texts()).lower() or query != "alert"
