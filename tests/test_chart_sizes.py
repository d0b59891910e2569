"""Every chart image carries its drawn size (overrides/hooks/tertial_chart_sizes.py), so a browser keeps its
room before the SVG arrives and the page does not shift (Lighthouse's cumulative layout shift)."""

from __future__ import annotations

import importlib.util
import re

from siteutil import ROOT

spec = importlib.util.spec_from_file_location("tertial_chart_sizes", ROOT / "overrides/hooks/tertial_chart_sizes.py")
sizes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sizes)


def test_every_chart_image_has_the_size_of_its_svg(fixture_site):
    site, _ = fixture_site
    seen = 0
    for html in site.rglob("*.html"):
        for src, rest in re.findall(r'<figure class="tertial-chart"><img src="([^"]+\.svg)"([^>]*)>',
                                    html.read_text(encoding="utf-8")):
            w, h = sizes.svg_size(html.parent / src)
            assert f'width="{w}" height="{h}"' in rest, (html, src)
            seen += 1
    assert seen >= 10


def test_a_missing_or_sizeless_svg_leaves_the_image_as_it_was(tmp_path):
    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>')
    assert sizes.svg_size(tmp_path / "a.svg") is None and sizes.svg_size(tmp_path / "missing.svg") is None
    (tmp_path / "b.svg").write_text('<svg class="marks" width="231.5" height="368" viewBox="0 0 231 368">')
    assert sizes.svg_size(tmp_path / "b.svg") == (232, 368)
    page = type("P", (), {"file": type("F", (), {"src_uri": "x/index.md"})()})()
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "c.svg").write_text('<svg width="10" height="20">')
    out = sizes.on_post_page('<img src="c.svg" alt=""><img src="d.svg" alt="">', page, {"docs_dir": str(tmp_path)})
    assert out == '<img src="c.svg" width="10" height="20" alt=""><img src="d.svg" alt="">'
