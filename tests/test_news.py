"""News pages and the Atom feed from changelog entries: Swedish, deterministic, report text kept as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown_it import MarkdownIt

from tertial import changelog, news

ATOM = "{http://www.w3.org/2005/Atom}"


def entry(number, date, added=(), changed=()):
    return {
        "number": number, "version": changelog.version_of(number), "date": date, "tables_sha256": "x",
        "reports_added": list(added), "reports_replaced": [], "reports_removed": [],
        "indicators": {"new": [], "dropped": [], "new_values": {"a": 2}, "dropped_values": {}, "changed": list(changed)},
    }


SODERMALM = {"report_id": "sodermalm-2023-t2", "district_id": "sodermalm", "year": 2023, "report_type": "T2",
             "title": "Tertialrapport 2 för 2023", "indicator_rows": 45}
FARSTA = {"report_id": "farsta-2024-t1", "district_id": "farsta", "year": 2024, "report_type": "T1",
          "title": "<script>alert(1)</script> {{ config }}", "indicator_rows": 3,
          "previous_report_id": "farsta-2023-vb",
          "against_previous": {"new_indicators": ["ny"], "dropped_indicators": [],
                               "changed": [{"indicator_id": "andel", "name": "Andel *nöjda* <b>", "column": "annual_target",
                                            "old": "85", "new": "90"}]}}
ENTRIES = [entry(1, "2023-09-28", [SODERMALM]), entry(2, "2024-05-20", [FARSTA])]


def test_write_news_writes_pages_and_feed(tmp_path):
    written = news.write_news(tmp_path, ENTRIES, tmp_path / "docs")
    folder = tmp_path / "docs" / "nyheter"
    assert {p.name for p in written} == {"index.md", "1-0-0.md", "1-1-0.md", "feed.xml"}
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert index.index("(1-1-0.md)") < index.index("(1-0-0.md)")  # newest first
    page = (folder / "1-0-0.md").read_text(encoding="utf-8")
    assert "# Publicering 1.0.0" in page and "28 september 2023" in page
    assert "[Södermalm, tertialrapport 2 2023](../stadsdelar/sodermalm/2023-t2/index.md)" in page
    assert "Den första rapporten från Södermalm" in page and "45 indikatorrader" in page


def test_report_text_is_shown_as_text_never_markup(tmp_path):
    page = news.entry_page(ENTRIES[1])
    html = MarkdownIt("commonmark").enable("table").render(page)
    assert "<script>" not in html and "<b>" not in html and "<em>nöjda</em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<td>Andel *nöjda* &lt;b&gt;</td>" in html
    assert "{{" not in page
    assert "| Andel &#42;nöjda&#42; &#60;b&#62; | årsmål | 85 | 90 |" in page
    assert "Jämfört med stadsdelens förra rapport (farsta-2023-vb): 1 ny indikator" in page


def test_feed_content(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: https://example.org/tertial/\n", encoding="utf-8")
    news.write_news(tmp_path, ENTRIES, tmp_path / "docs")
    feed = ET.parse(tmp_path / "docs" / "nyheter" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2024-05-20T00:00:00+00:00"
    items = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in items] == ["urn:tertial:publicering:1.1.0", "urn:tertial:publicering:1.0.0"]
    first = items[1]
    assert first.findtext(f"{ATOM}title") == "Ny data: Södermalm, tertialrapport 2 2023"
    assert first.findtext(f"{ATOM}updated") == "2023-09-28T00:00:00+00:00"
    assert first.find(f"{ATOM}link").get("href") == "https://example.org/tertial/nyheter/1-0-0/"
    assert "1 ny rapport" in first.findtext(f"{ATOM}summary")
    assert items[0].findtext(f"{ATOM}title") == "Ny data: Farsta, tertialrapport 1 2024"


def test_feed_is_byte_identical_across_runs(tmp_path):
    one = news.feed_xml(ENTRIES)
    two = news.feed_xml([dict(e) for e in ENTRIES])
    assert one == two
    assert b'href="1-0-0/"' in one  # no site_url: relative to /nyheter/feed.xml


def test_stale_pages_are_removed(tmp_path):
    news.write_news(tmp_path, ENTRIES, tmp_path / "docs")
    news.write_news(tmp_path, ENTRIES[:1], tmp_path / "docs")
    assert sorted(p.name for p in (tmp_path / "docs" / "nyheter").iterdir()) == ["1-0-0.md", "feed.xml", "index.md"]


def test_news_pages_build_with_mkdocs_strict(tmp_path):
    """The pages pass a real `mkdocs build --strict`, and the addresses come out as /nyheter/<version>/."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    for entry in ENTRIES:  # the report pages the news link to (strict mode checks those links)
        for rep in entry.get("reports_added", []):
            page = docs / "stadsdelar" / rep["district_id"] / f"{rep['year']}-{rep['report_type'].lower()}" / "index.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("# Rapport\n", encoding="utf-8")
    news.write_news(tmp_path, ENTRIES, docs)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nsite_url: https://example.org/\ntheme:\n  name: material\n"
                                         "  language: sv\n", encoding="utf-8")
    cfg = load_config(str(tmp_path / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"), strict=True)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    site = tmp_path / "site" / "nyheter"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="1-1-0/"' in index and 'href="feed.xml"' in index
    page = (site / "1-1-0" / "index.html").read_text(encoding="utf-8")
    assert 'href="../feed.xml"' in page and 'href="../../stadsdelar/farsta/2024-t1/"' in page
    assert "<script>alert" not in page
    assert ET.parse(site / "feed.xml").getroot().tag == f"{ATOM}feed"


def test_a_report_removed_since_is_named_without_a_link(tmp_path):
    """A report added in one publication and removed in a later one has no page any more: its news entry
    names it as text (a link to the missing page would stop `mkdocs build --strict`)."""
    news.write_news(tmp_path, ENTRIES, tmp_path / "docs", published={"farsta-2024-t1"})
    page = (tmp_path / "docs" / "nyheter" / "1-0-0.md").read_text(encoding="utf-8")
    assert "## Ny rapport: Södermalm, tertialrapport 2 2023 (inte längre publicerad)" in page
    assert "stadsdelar/sodermalm/" not in page
    kept = (tmp_path / "docs" / "nyheter" / "1-1-0.md").read_text(encoding="utf-8")
    assert "](../stadsdelar/farsta/2024-t1/index.md)" in kept


def test_the_packages_with_the_new_version_are_named():
    """An entry that names its packages says which data packages got the new version (the others keep
    theirs); an entry from before packages were named says nothing of it."""
    page = news.entry_page(dict(ENTRIES[1], packages=["stockholm", "farsta"]))
    assert "Datapaket med den nya versionen (de andra har kvar sin version, och deras data är oförändrade): " \
           "hela staden, Farsta." in page
    assert "Datapaket med den nya versionen" not in news.entry_page(ENTRIES[1])
