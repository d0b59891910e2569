"""Issue 15: a glossary at /om/ordlista/ that pages link to where its words first appear; a footer with the
data's licence, its version and publication date (from the changelog, not the build time: the sitemap's
dates follow it too) and where to report an error; no link whose only text is "Start"."""

import json
import re
import shutil

from siteutil import FIXTURE_PACKAGES, FIXTURE_SOURCES, ROOT
from tertial.site import build_site

TERMS = ["kf", "namnd", "inriktningsmal", "verksamhetsmal", "namndmal", "vp", "tertial", "vb", "indikator",
         "utfall", "prognos", "arsmal", "bedomning", "beraknad-status", "riktning", "rad", "kontrollsumma"]


def test_glossary_explains_the_words_and_pages_link_to_them(fixture_site):
    site, _ = fixture_site
    glossary = (site / "om/ordlista/index.html").read_text(encoding="utf-8")
    for term in TERMS:
        assert f'<dt id="{term}">' in glossary, term
    report = (site / "stadsdelar/hagersten-alvsjo/2023-t2/index.html").read_text(encoding="utf-8")
    linked = re.findall(r'<a class="tertial-term" href="../../../om/ordlista/#([a-z-]+)">', report)
    assert {"bedomning", "inriktningsmal", "verksamhetsmal", "namndmal", "prognos", "arsmal"} <= set(linked)
    assert linked.count("verksamhetsmal") == 1  # where the word first appears, not at every goal
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="om/ordlista/#tertial">tertialrapporter</a>' in start


def test_no_link_text_is_only_start(fixture_site):
    site, _ = fixture_site
    for page in ("index.html", "stadsdelar/index.html", "stadsdelar/norrmalm/2023-t2/index.html"):
        texts = re.findall(r"<a [^>]*>\s*([^<]*?)\s*</a>", (site / page).read_text(encoding="utf-8"))
        assert "Start" not in texts, page


def test_footer_has_licence_version_date_and_error_link_and_builds_stay_identical(tmp_path):
    for d in ("docs", "overrides"):
        shutil.copytree(ROOT / d, tmp_path / d)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "changelog", tmp_path / "changelog")
    shutil.copytree(FIXTURE_SOURCES, tmp_path / "sources")
    (tmp_path / "curation").mkdir()
    shutil.copy(ROOT / "curation" / "synonyms.yml", tmp_path / "curation" / "synonyms.yml")  # for the search
    site = tmp_path / "build" / "site"
    build_site(tmp_path, FIXTURE_PACKAGES, site)
    page = (site / "stadsdelar/norrmalm/index.html").read_text(encoding="utf-8")
    footer = page[page.index('<div class="md-copyright tertial-footer">'):]
    assert 'Data: <a href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</a>' in footer
    newest = json.loads(sorted((ROOT / "changelog").glob("*.json"))[-1].read_text(encoding="utf-8"))
    assert f"Dataversion {newest['version']}, publicerad {newest['date']}" in footer  # the newest entry's
    assert '<a href="../../om/#hittar-du-ett-fel">Hittar du ett fel? Så rapporterar du det</a>' in footer
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://tertial.github.io/stadsdelar/norrmalm/</loc>" in sitemap
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2023-09-28"}
