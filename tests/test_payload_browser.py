"""Issue 6, untrusted text in a real browser: the payload report, published through `tertial add-report`
(district Skärholmen), is opened in headless Chromium. Every page of the district, its report, the city
goals and the indicators it touches must show the payloads as text, and no payload may run: every script
payload calls alert("tertial-xss-N"), so a dialog would fire."""

from __future__ import annotations

import pytest
from cli_harness import publish_payload_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    from siteutil import serve

    project = publish_payload_report(tmp_path_factory.mktemp("payload-browser"))
    site = project / "build" / "site"
    server, url = serve(site)
    yield site, url
    server.shutdown()


def _pages(site):
    """The built pages that carry text from the payload report."""
    found = []
    for html in sorted(site.rglob("index.html")):
        if "tertial-xss" in html.read_text(encoding="utf-8"):
            found.append(html.parent.relative_to(site).as_posix())
    return found


def test_payload_pages_show_text_and_run_nothing(payload_site, browser):
    site, url = payload_site
    paths = _pages(site)
    assert "stadsdelar/skarholmen/2023-t2" in paths, paths[:10]
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    dialogs, errors, outside = [], [], []

    def route(r):
        if r.request.url.startswith(url) or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    page = ctx.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        for path in paths:
            page.goto(f"{url}/{path}/")
            page.wait_for_load_state("load")
            # hovering and the details elements are where handlers would fire
            for el in page.locator("details").all()[:20]:
                el.evaluate("e => e.open = true")
        page.goto(f"{url}/stadsdelar/skarholmen/2023-t2/")
        body = page.inner_text("body")
    finally:
        ctx.close()
    assert not dialogs, f"a payload ran: {dialogs}"
    assert not errors, errors
    assert not outside, f"requests left the site: {outside}"
    for shown in ('<script>alert("tertial-xss-1")</script>', '<img src=x onerror=alert("tertial-xss-2")>',
                  "{{ config.site_name }}"):
        assert shown in body, f"not shown as text: {shown}"
