"""Issue 15: every chart of the largest page of each kind, in Chromium on a 375 px phone, draws its
smallest text at 11 px or more (an SVG in an <img>: the text's font size times the rendered width over
the SVG's own width); each chart keeps its alt text, its data table and its spec as a download."""

import pytest
from realsite import largest_page, real_site_dir, site_url  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KINDS = {"start": "index.html", "district": "stadsdelar/*/index.html", "report": "stadsdelar/*/*/index.html",
         "city goal": "mal/*/index.html", "indicator": "indikatorer/*/index.html"}
WITH_CHARTS = {"start", "district", "city goal", "indicator"}

# For each chart: its file, the smallest font size in the SVG, the SVG's width and the width drawn.
MEASURE = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('figure.tertial-chart img')) {
    img.loading = 'eager';
    if (!img.complete || !img.naturalWidth) await img.decode();
    const svg = new DOMParser().parseFromString(await (await fetch(img.src)).text(), 'image/svg+xml');
    const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')));
    out.push({src: img.getAttribute('src'), font: Math.min(...sizes), texts: sizes.length,
              intrinsic: parseFloat(svg.documentElement.getAttribute('width')),
              rendered: img.getBoundingClientRect().width});
  }
  return out;
}"""


@pytest.mark.parametrize("kind", list(KINDS))
def test_smallest_chart_text_on_a_phone(page, real_site_dir, kind):  # noqa: F811
    address = largest_page(real_site_dir, KINDS[kind])
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base + address, wait_until="networkidle")
    charts = page.evaluate(MEASURE)
    assert bool(charts) == (kind in WITH_CHARTS), (address, charts)
    for c in charts:
        assert c["texts"] > 0 and c["rendered"] > 100, c
        smallest = c["font"] * min(1.0, c["rendered"] / c["intrinsic"])
        print(f"{kind} {address}{c['src']}: {c['intrinsic']:.0f} px drawn at {c['rendered']:.0f} px, "
              f"smallest text {smallest:.1f} px")
        assert smallest >= 11, (address, c)


@pytest.mark.parametrize("kind", sorted(WITH_CHARTS))
def test_each_chart_keeps_alt_text_table_and_download(page, real_site_dir, kind):  # noqa: F811
    page.goto(page.base + largest_page(real_site_dir, KINDS[kind]), wait_until="networkidle")
    for fig in page.locator("figure.tertial-chart").all():
        alt = fig.locator("img").get_attribute("alt")
        assert any(ch.isdigit() for ch in alt), alt  # the alt text carries the values
        download = fig.locator("a.tertial-download")
        assert download.inner_text() == "Ladda ned diagramdata (Vega-Lite JSON)"
        assert download.get_attribute("href").endswith(".vl.json")
        assert fig.locator("figcaption a").count() == 0  # the caption is the chart's, not a link
        table = fig.locator("xpath=following-sibling::details[1]//table")
        assert table.locator("tbody tr").count() > 0
