"""The fixture packages built into a real site with `mkdocs build --strict` (via build_site)."""

import json
import re
import zipfile

import yaml
from openpyxl import load_workbook

from siteutil import ROOT


def test_every_page_is_built(fixture_site):
    site, figures = fixture_site
    for path in ["", "stadsdelar/", "stadsdelar/hagersten-alvsjo/", "stadsdelar/norrmalm/2023-t2/",
                 "stadsdelar/hagersten-alvsjo/2023-t1/", "stadsdelar/hagersten-alvsjo/2023-vb/",
                 "mal/", "mal/2023-1-1/", "indikatorer/", "indikatorer/sjukfranvaro/", "data/", "om/"]:
        assert (site / path / "index.html").is_file(), path
    assert figures["charts"] >= 8 and figures["mkdocs_s"] > 0
    assert (site / "stadsdelar/hagersten-alvsjo/bedomningar.svg").is_file()
    assert (site / "stadsdelar/hagersten-alvsjo/bedomningar.vl.json").is_file()


def test_downloads_at_contract_addresses(fixture_site):
    site, _ = fixture_site
    desc = json.loads((site / "data/stockholm/datapackage.json").read_text())
    assert {r["name"] for r in desc["resources"]} >= {"goals", "indicator_results", "activities"}
    with zipfile.ZipFile(site / "data/stockholm.zip") as zf:
        assert "stockholm/data/indicator_results.csv" in zf.namelist()
    wb = load_workbook(site / "data/hagersten-alvsjo.xlsx", read_only=True)
    ws = wb["indicator_results"]
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    first = [c.value for c in next(ws.iter_rows(min_row=2, max_row=2))]
    assert first[header.index("period_outcome")] == 85.5  # a number, not text
    assert (site / "indikatorer/sjukfranvaro/sjukfranvaro.csv").is_file()
    assert (site / "stadsdelar/norrmalm/2023-t2/indikatorer.csv").is_file()


def test_no_request_to_another_host_in_html(fixture_site):
    site, _ = fixture_site
    # Elements a browser fetches from their address; a <link> only for the relations that load something
    # (rel="canonical" and rel="alternate" name the page's public address; nothing is requested).
    pattern = re.compile(r'<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*(?:src|href|data)="(https?:)?//'
                         r'|<link\b(?=[^>]*\brel="(?:stylesheet|icon|preload|modulepreload|prefetch|manifest)")'
                         r'[^>]*href="(https?:)?//', re.I)
    for html in site.rglob("*.html"):
        assert not pattern.search(html.read_text(encoding="utf-8")), html
    for css in site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?https?://", css.read_text()), css


def test_payload_is_text_in_html(fixture_site):
    site, _ = fixture_site
    html = (site / "stadsdelar/norrmalm/2023-t2/index.html").read_text(encoding="utf-8")
    assert "alert(" in html  # the payload is there, as text
    assert "<script>alert" not in html and "onerror=alert" not in html.replace("&lt;img src=x onerror=alert", "")
    assert 'href="javascript' not in html and "{{ 7*7 }}" not in html
    assert "<title>Norrmalm – Tertialrapport 2 2023" in html


def test_mkdocs_config_is_swedish_offline_and_small():
    cfg = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!!python", "#"))
    assert cfg["theme"]["language"] == "sv" and cfg["theme"]["font"] is False
    assert cfg["plugins"] == [] and "overrides/hooks/tertial_search.py" in cfg["hooks"]  # Pagefind, not lunr
    assert len(cfg["nav"]) <= 8 and cfg["strict"] is True
    schemes = {p["scheme"] for p in cfg["theme"]["palette"]}
    assert schemes == {"default", "slate"}


def test_deferred_blocks_are_put_back(fixture_site):
    site, _ = fixture_site
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "tertialblock" not in text and "tertial:html" not in text, html
    report = (site / "stadsdelar/hagersten-alvsjo/2023-t2/index.html").read_text(encoding="utf-8")
    assert report.count('<details class="tertial-goalbody"') >= 3 and report.count('<div class="tertial-ind"') >= 3
    assert "Kontinuitetsmätning i hemtjänsten" in report
    assert not (site / "search").exists()  # Material's one-file index is not built (tests/test_search_*.py)
