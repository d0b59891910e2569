import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the work tree's code wins over any installed copy
sys.path.insert(0, str(Path(__file__).parent))

# Hypothesis profiles: the default keeps `make test` light; `make fuzz` runs many more examples
# (`pytest -m fuzz --hypothesis-profile=fuzz`).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("fuzz", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The fixture packages built into a real site (mkdocs build --strict): (site_dir, figures)."""
    from siteutil import build_fixture_site

    return build_fixture_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(fixture_site):
    from siteutil import serve

    server, url = serve(fixture_site[0])
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    import os

    from siteutil import CHROMIUM, CHROMIUM_ARGS
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, site_url):
    """A fresh page that fails the test on a script error or a request to any host but the site."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    pg = ctx.new_page()
    pg.errors, pg.outside, pg.dialogs = [], [], []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("response", lambda r: pg.errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)

    def route(r):
        if r.request.url.startswith(site_url + "/") or r.request.url == site_url:
            r.continue_()
        elif r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            pg.outside.append(r.request.url)
            r.abort()
    ctx.route("**/*", route)
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.base = site_url
    yield pg
    ctx.close()
    assert not pg.errors, f"script errors: {pg.errors}"
    assert not pg.outside, f"requests that left the site: {pg.outside}"
    assert not pg.dialogs, f"dialogs fired: {pg.dialogs}"
