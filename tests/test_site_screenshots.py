"""Screenshots of a district page and a report page at desktop and phone width (build/screenshots/)."""

import pytest

from siteutil import ROOT

PAGES = {"distrikt": "/stadsdelar/hagersten-alvsjo/", "rapport": "/stadsdelar/hagersten-alvsjo/2023-t2/"}


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots(page, width):
    out = ROOT / "build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in PAGES.items():
        page.goto(page.base + path, wait_until="networkidle")
        shot = out / f"{name}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
