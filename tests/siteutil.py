"""Shared helpers for the site tests: build the fixture site once, serve it on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_PACKAGES = ROOT / "tests" / "fixtures" / "site" / "datapackages"
FIXTURE_SOURCES = ROOT / "tests" / "fixtures" / "site" / "sources"   # the reports' texts (/kallor/)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def build_fixture_site(tmp: Path) -> tuple[Path, dict]:
    """Copy the project's site sources into tmp and build the fixture packages into tmp/build/site."""
    from tertial.site import build_site

    shutil.copytree(ROOT / "docs", tmp / "docs")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    (tmp / "curation").mkdir()
    shutil.copy(ROOT / "curation" / "synonyms.yml", tmp / "curation" / "synonyms.yml")  # for the search
    shutil.copytree(FIXTURE_SOURCES, tmp / "sources")
    figures = build_site(tmp, FIXTURE_PACKAGES, tmp / "build" / "site")
    return tmp / "build" / "site", figures


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Start http.server on 127.0.0.1 on a free port; returns (server, base_url)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def source_lines(html: str) -> list[dict]:
    """A source page's lines as an HTML parser reads them (tertial/site/sources.py writes them tersely,
    end tags left out): each line's id, the number its list shows, its text and the page anchor on it."""
    import lxml.html

    out = []
    for ol in lxml.html.fromstring(html).xpath('//ol[@class="tertial-chunk"]'):
        for i, li in enumerate(ol.xpath("./li")):
            anchor = li.xpath("./a[starts-with(@id, 'p')]/@id")
            out.append({"id": li.get("id"), "n": int(ol.get("start")) + i, "text": li.text_content(),
                        "page": int(anchor[0][1:]) if anchor else None})
    return out
