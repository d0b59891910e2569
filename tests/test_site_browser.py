"""The built fixture site in real headless Chromium (Debian's /usr/bin/chromium via Playwright).

Every test uses the `page` fixture (conftest.py), which fails on a script error, a request to any
host but the local server, or a dialog.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE_PAGES = {
    "start": "/",
    "district": "/stadsdelar/hagersten-alvsjo/",
    "report": "/stadsdelar/hagersten-alvsjo/2023-t2/",
    "payload report": "/stadsdelar/norrmalm/2023-t2/",
    "city goal": "/mal/2023-1-1/",
    "indicator": "/indikatorer/andel-nojda-brukare-i-hemtjansten/",
    "data": "/data/",
    "source": "/kallor/norrmalm-2023-t2/",
    "districts": "/stadsdelar/",
    "glossary": "/om/ordlista/",
}


def test_search_finds_an_indicator_by_name(page):
    page.goto(page.base + "/", wait_until="networkidle")
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("sjukfrånvaro", delay=30)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=10_000)
    assert "/indikatorer/sjukfranvaro/" in result.get_attribute("href")
    result.click()
    page.wait_for_url("**/indikatorer/sjukfranvaro/**")
    assert page.locator("h1").inner_text().strip() == "Sjukfrånvaro"


def test_search_for_payload_runs_nothing(page):
    page.goto(page.base + "/", wait_until="networkidle")
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("alert", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    # the fixture fails the test on any dialog or script error


def test_district_page_shows_its_chart(page):
    page.goto(page.base + "/stadsdelar/hagersten-alvsjo/", wait_until="networkidle")
    img = page.locator("figure.tertial-chart img").first
    assert img.is_visible()
    width = img.evaluate("i => i.complete && i.naturalWidth")
    assert width and width > 100
    assert "Stapeldiagram" in img.get_attribute("alt")
    page.click("details.tertial-data summary")
    assert page.locator("details.tertial-data table").first.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_no_accessibility_violation(page, name, width, scheme):
    """axe finds no violation of any impact, on a phone and a desktop, in light and dark mode."""
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    page.goto(page.base + AXE_PAGES[name], wait_until="networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == {"light": "default",
                                                                                   "dark": "slate"}[scheme]
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]]
    assert bad == [], bad


@pytest.mark.parametrize("path", ["/", "/stadsdelar/hagersten-alvsjo/", "/stadsdelar/hagersten-alvsjo/2023-t2/",
                                  "/stadsdelar/norrmalm/2023-t2/", "/mal/2023-1-1/",
                                  "/indikatorer/andel-nojda-brukare-i-hemtjansten/", "/data/", "/om/",
                                  "/stadsdelar/", "/indikatorer/", "/mal/", "/kallor/norrmalm-2023-t2/"])
def test_no_sideways_scrolling_on_a_phone(page, path):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base + path, wait_until="networkidle")
    sw, cw = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert sw <= cw, f"{path}: content {sw}px wide in a {cw}px window"
    # a table shown as cards (4 columns or more) fits the phone; a narrower one may scroll inside its own
    # box, but no verdict badge stands cut at that box's edge
    page.locator("details").evaluate_all("els => els.forEach(e => e.open = true)")
    clipped = page.evaluate("""[...document.querySelectorAll('.tertial-table.tertial-cards')]
        .filter(t => t.offsetParent && t.scrollWidth > t.clientWidth + 1).map(t => t.getAttribute('aria-label'))""")
    assert clipped == [], f"{path}: {clipped}"
    cut = page.evaluate("""[...document.querySelectorAll('.tertial-badge')].filter(b => b.offsetParent).filter(b => {
        const r = b.getBoundingClientRect(), box = (b.closest('.tertial-table') || document.body).getBoundingClientRect();
        return (r.left < box.left && r.right > box.left) || (r.left < box.right && r.right > box.right); }).length""")
    assert cut == 0, f"{path}: {cut} verdict badges cut"


def test_payload_page_shows_payload_as_text(page):
    page.goto(page.base + "/stadsdelar/norrmalm/2023-t2/", wait_until="networkidle")
    # goal bodies are collapsed (<details>): opened, as a reader would, so their text is rendered
    page.locator("details").evaluate_all("els => els.forEach(e => e.open = true)")
    body = page.locator("article").inner_text()
    assert "<script>alert('titel')</script>" in body
    assert "{{ 7*7 }}" in body and "<img src=x onerror=alert('bild')>" in body
    assert page.locator("article script, article img[src=x], article a[href^=javascript]").count() == 0
    page.wait_for_timeout(300)  # give any injected handler the chance to fire a dialog
