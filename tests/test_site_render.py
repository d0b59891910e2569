"""Charts render to static SVG (tooltips left out, the published spec keeps them); a rendered SVG is
reused from the chart cache only for the very same spec and renderer variant."""

import pandas as pd

from tertial.site import charts, render


def _chart():
    df = pd.DataFrame({"label": ["Bromma", "Farsta"], "value": [1.5, 2.0], "target": [2.0, None]})
    return charts.bars_with_target("jamforelse", df, "%", "alt", ["Stadsdel", "Utfall", "Årsmål"], [])


def test_static_drops_tooltips_at_any_depth_only():
    spec = _chart().spec
    assert "tooltip" in str(spec)
    out = render.static(spec)
    assert "tooltip" not in str(out)
    assert out["layer"][0]["encoding"]["x"] == spec["layer"][0]["encoding"]["x"]
    assert out["data"] == spec["data"]


def test_cache_reuse_only_for_same_spec_and_variant(tmp_path, monkeypatch):
    cache, out = tmp_path / "cache", tmp_path / "page"
    c = _chart()
    charts.save(c, out, cache=cache)
    svg = (out / "jamforelse.svg").read_text()
    assert svg.startswith("<svg") and "tooltip" in (out / "jamforelse.vl.json").read_text()
    assert len(list(cache.glob("*.svg"))) == 1
    (out / "jamforelse.svg").write_text("fel")
    charts.save(c, out, cache=cache)  # the same spec: from the cache, and the page's copy repaired
    assert (out / "jamforelse.svg").read_text() == svg
    monkeypatch.setattr(render, "VARIANT", "other")
    charts.save(c, out, cache=cache)  # another renderer variant: rendered again
    assert len(list(cache.glob("*.svg"))) == 2
    c.spec["data"]["values"][0]["value"] = 9.0
    charts.save(c, out, cache=cache)  # other data: rendered again
    assert len(list(cache.glob("*.svg"))) == 3


def test_chart_cache_keeps_only_the_charts_of_the_last_build(tmp_path):
    """The chart cache holds the SVGs the last build used: an entry no chart needs any more (an older
    version of a chart) is removed, so the cache does not grow with every republish."""
    from tertial.site.build import DocsWriter, PageWriter
    from tertial.site.markup import Page

    cache, docs = tmp_path / "cache", tmp_path / "docs"
    old, new = _chart(), _chart()
    new.spec["data"]["values"][0]["value"] = 9.0
    first = PageWriter(docs, DocsWriter(docs), cache)
    first(Page("indikatorer/a/", "A", charts=[old]))
    first.finish()
    assert first.prune_cache() == 0 and len(list(cache.glob("*.svg"))) == 1
    second = PageWriter(docs, DocsWriter(docs), cache)
    second(Page("indikatorer/a/", "A", charts=[new]))
    second.finish()
    assert len(list(cache.glob("*.svg"))) == 2
    assert second.prune_cache() == 1
    kept = list(cache.glob("*.svg"))
    assert [p.read_bytes() for p in kept] == [(docs / "indikatorer/a/jamforelse.svg").read_bytes()]


def test_a_compact_svg_draws_the_same_pixels_at_half_the_bytes():
    """What compact() leaves out (ARIA roles and labels, class names, default opacity, zero-width
    background paths) changes no pixel: both SVGs drawn by resvg (vl-convert's svg_to_png) are equal."""
    import json

    import vl_convert as vlc

    from tertial.site import indicator  # noqa: F401 -- the site's chart kinds
    from siteutil import FIXTURE_PACKAGES
    from tertial.site import load, reads, view

    v = view.View(load.load(FIXTURE_PACKAGES))
    page = indicator.indicator_page(reads.Recording(v), "sjukfranvaro")
    grid = charts.verdict_grid("g", pd.DataFrame({"period": ["2023 T1", "2023 T2"], "x_order": [1, 2],
                                                  "district": ["Bromma"] * 2, "verdict": ["helt", ""]}),
                               "period", "district", "Rapport", "Stadsdel", "alt", [], [])
    for chart in [*page.charts, grid, _chart()]:
        full = vlc.vegalite_to_svg(render.static(json.loads(charts.spec_text(chart))), format_locale=charts.SV_NUMBER)
        small = render.compact(full)
        assert "aria-" in full and "aria-" not in small and 'class="' not in small
        assert len(small) < 0.75 * len(full)
        assert vlc.svg_to_png(small) == vlc.svg_to_png(full), chart.name
        assert small.count("<text") == full.count("<text")
