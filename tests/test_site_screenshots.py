"""Screenshots of a district page and a report page at desktop and phone width (build/screenshots/), checked
against the page itself: the picture is the whole page the DOM lays out, the heading is drawn inside the
screen's width, and the heading's pixels show its text (far from the background), not an empty box."""

import io

import pytest
from PIL import Image

from siteutil import ROOT

PAGES = {"distrikt": "/stadsdelar/hagersten-alvsjo/", "rapport": "/stadsdelar/hagersten-alvsjo/2023-t2/"}


def ink(png: bytes) -> tuple[float, float]:
    """(share of the background's pixels, share of pixels far from it) of a picture, by luminance: the
    background is its most common grey."""
    counts = Image.open(io.BytesIO(png)).convert("L").histogram()
    total, background = sum(counts), max(range(256), key=counts.__getitem__)
    far = sum(n for grey, n in enumerate(counts) if abs(grey - background) > 60)
    return counts[background] / total, far / total


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
        laid_out = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        assert Image.open(shot).size == tuple(laid_out), f"{name}: the picture is not the page"
        assert laid_out[0] <= width, f"{name} at {width}px: the page is wider than the screen"

        heading = page.locator("article h1").first
        box = heading.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, f"{name}: heading outside the screen"
        background, text = ink(heading.screenshot())
        assert background > 0.3 and text > 0.02, f"{name} at {width}px: the heading's text is not drawn"
