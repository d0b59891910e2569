"""Zensical builds the same site from the same mkdocs.yml and generated pages: the same pages, titles,
headings, tables, charts, links, words and search pages as MkDocs (white space between elements aside),
and the comparison finds a page that differs."""

import shutil

import pytest

from tertial.site import zensical


@pytest.mark.slow
def test_zensical_builds_the_same_site(fixture_site, tmp_path):
    site = fixture_site[0]
    zensical.build(site.parent.parent, site.parent / "docs", tmp_path / "zensical")
    report = zensical.compare(site, tmp_path / "zensical" / "site")
    assert report["pages_mkdocs"] == report["pages_zensical"] > 10
    assert report["only_mkdocs"] == report["only_zensical"] == []
    assert report["pages_differing_beyond_spacing"] == 0, report["differing"]
    assert report["search_pages_mkdocs"] == report["search_pages_zensical"] > 10
    assert report["search_only_mkdocs"] == report["search_only_zensical"] == []


def test_compare_finds_a_changed_table_cell_and_a_missing_page(fixture_site, tmp_path):
    site = fixture_site[0]
    other = tmp_path / "other"
    shutil.copytree(site, other)
    page = other / "data" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<td>", "<td>x", 1), encoding="utf-8")
    (other / "om" / "index.html").unlink()
    report = zensical.compare(site, other)
    assert report["only_mkdocs"] == ["om/index.html"]
    assert report["differing"] == {"data/index.html": ["tables", "text", "spacing"]}
