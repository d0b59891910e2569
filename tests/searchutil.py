"""Helpers for the search tests: type a query into the site's search (Pagefind in Material's dialog)
on a 375 px phone, and read the results."""

from __future__ import annotations

import gzip


def search(page, query: str, responses: list | None = None) -> list[dict]:
    """The results shown for `query` on the start page: [{href, title, section}], best first. With a
    list `responses`, every response from the moment the page has loaded is appended to it."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base + "/", wait_until="networkidle")
    if responses is not None:
        page.on("response", lambda r: responses.append(r))
    page.click('label.md-header__button[for="__search"]')
    page.locator(".md-search__input").fill(query)
    status = page.locator(".md-search-result__meta")
    status.filter(has_text="sökresultat").wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    out = []
    for a in page.locator(".md-search-result__link").all():
        section = a.locator("h2")
        out.append({"href": a.get_attribute("href"), "title": a.locator("h1").inner_text(),
                    "section": section.inner_text() if section.count() else ""})
    return out


def served_bytes(responses) -> int:
    """What these responses weigh as a static host serves them: text gzip-compressed (GitHub Pages
    does), Pagefind's own files as they are (already compressed)."""
    total = 0
    for r in responses:
        body = r.body()
        total += min(len(body), len(gzip.compress(body, 9)))
    return total
