"""No broken internal link in the built site.

A small checker over the built HTML with html.parser rather than a link-checking package: the site is
static files on disk, so every internal href/src resolves to a file (or a directory's index.html) and
every #fragment to an id in it; no server or network is needed, and no extra dependency.
"""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) is not None and not (tag == "link" and a.get("rel") in ("canonical",)):
                self.links.append(a[key])


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def target(site: Path, page: Path, link: str) -> Path | None:
    url, _ = urldefrag(link)
    if not url:
        return page
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # external: not ours to check (test_site_build forbids loading any)
    base = site if parts.path.startswith("/") else page.parent  # 404.html links from the site root
    t = (base / unquote(parts.path).lstrip("/")).resolve()
    if t.is_dir():
        t = t / "index.html"
    return t


def broken_links(site: Path) -> list[str]:
    site = site.resolve()
    cache: dict[Path, Links] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        links = cache.setdefault(page, parse(page))
        for link in links.links:
            if link.startswith(("mailto:", "javascript:", "data:")):
                broken.append(f"{page.relative_to(site)}: {link}") if link.startswith("javascript:") else None
                continue
            t = target(site, page, link)
            if t is None:
                continue
            if not t.is_file() or site not in t.parents:
                broken.append(f"{page.relative_to(site)}: {link}")
                continue
            frag = urldefrag(link)[1]
            if frag and t.suffix == ".html":
                ids = cache.setdefault(t, parse(t)).ids
                if unquote(frag) not in ids and frag not in ("__code_0",):
                    broken.append(f"{page.relative_to(site)}: {link} (no #{frag})")
    return broken


def test_no_broken_internal_link(fixture_site):
    site, _ = fixture_site
    assert broken_links(site) == []


def test_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">bad</a><a href="#x">bad</a>')
    (tmp_path / "a" / "index.html").write_text('<p id="y"></p><a href="../#y">bad frag</a>')
    assert broken_links(tmp_path) == ["a/index.html: ../#y (no #y)", "index.html: b/", "index.html: #x (no #x)"]
