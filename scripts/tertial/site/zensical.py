"""Zensical, Material for MkDocs' successor, builds the same site from the same `mkdocs.yml` and generated
pages; this compares its site with the MkDocs one page by page: the same pages, titles, tables, charts,
links and search entries. `make zensical` (after `make site`) or `python -m tertial.site.zensical`.

Reads build/docs/ (the generated pages) and build/site/ (the MkDocs site); writes build/zensical/ (a project
folder: a copy of mkdocs.yml with relative folders, the pages, a link to overrides/) and
build/zensical-compare.json (the figures). Zensical is an optional (test) dependency.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import lxml.html

from ..errors import TertialError

# what a reader gets; "spacing" (white space between elements) is reported apart from "text" (the words)
ASPECTS = ("title", "headings", "tables", "charts", "links", "text", "spacing")


def build(root: Path, docs_dir: Path, work: Path) -> float:
    """Build `docs_dir` with Zensical under `work` (its site in work/site); returns the seconds taken."""
    exe = Path(sys.executable).with_name("zensical")
    if not exe.exists():
        raise TertialError("zensical is not installed (pip install -e '.[test]')", exe)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copytree(docs_dir, work / "docs")  # Zensical 0.0.73 panics on a docs_dir outside its project
    (work / "overrides").symlink_to((root / "overrides").resolve(), target_is_directory=True)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^docs_dir:.*$", "docs_dir: docs", config)
    config = re.sub(r"(?m)^site_dir:.*$", "site_dir: site", config)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    t0 = time.perf_counter()
    done = subprocess.run([str(exe), "build", "-f", "mkdocs.yml"], cwd=work, capture_output=True, text=True)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise TertialError(f"zensical build failed: {last[0]}", work / "mkdocs.yml")
    return round(time.perf_counter() - t0, 3)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_facts(path: Path) -> dict[str, object]:
    """What a reader gets from a page: its title, the article's headings, tables (cell texts), charts
    (SVG images), links and text."""
    doc = lxml.html.parse(str(path)).getroot()
    article = (doc.xpath("//article") or [doc])[0]
    return {
        "title": _norm(doc.findtext(".//title") or ""),
        "headings": [_norm(h.text_content()) for h in article.xpath(".//h1|.//h2|.//h3")],
        "tables": [[_norm(c.text_content()) for c in t.xpath(".//th|.//td")] for t in article.xpath(".//table")],
        "charts": sorted(i.get("src", "") for i in article.xpath(".//img") if i.get("src", "").endswith(".svg")),
        "links": sorted(a.get("href", "") for a in article.xpath(".//a[@href]")
                        if not a.get("href", "").startswith("#")),
        "text": re.sub(r"\s+", "", article.text_content()),
        "spacing": _norm(article.text_content()),
    }


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def search_index(site: Path) -> tuple[set[str], int]:
    """The pages the search finds and the size of what it indexes: with MkDocs, Pagefind's pages
    (pagefind/tertial-pages.json, written by overrides/hooks/tertial_search.py: address, title, bytes of
    its text); MkDocs' own search/search_index.json (entries under `docs`); Zensical's search.json (under
    `items`), which indexes every page's text since the project's hooks do not run there."""
    pagefind = site / "pagefind" / "tertial-pages.json"
    if pagefind.is_file():
        entries = json.loads(pagefind.read_text(encoding="utf-8")).values()
        return {str(address).lstrip("/") for address, _title, _size in entries}, sum(size for *_, size in entries)
    for rel, key in (("search/search_index.json", "docs"), ("search.json", "items")):
        if (site / rel).is_file():
            items = json.loads((site / rel).read_text(encoding="utf-8")).get(key) or []
            return ({str(i.get("location", "")).split("#", 1)[0] for i in items},
                    sum(len(str(i.get("text", ""))) for i in items))
    return set(), 0


def files(site: Path) -> set[str]:
    """The site's files apart from the theme's own (assets/) and the pages."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*")
            if p.is_file() and p.name != "index.html" and p.relative_to(site).parts[0] != "assets"}


def compare(mkdocs_site: Path, zensical_site: Path) -> dict:
    """Page by page: which pages both builds have, which are equal in every aspect, and for those that
    differ, in which aspects."""
    a, b = pages(mkdocs_site), pages(zensical_site)
    both = sorted(set(a) & set(b))
    differing: dict[str, list[str]] = {}
    for page in both:
        fa, fb = page_facts(mkdocs_site / page), page_facts(zensical_site / page)
        diff = [k for k in ASPECTS if fa[k] != fb[k]]
        if diff:
            differing[page] = diff
    (search_a, chars_a), (search_b, chars_b) = search_index(mkdocs_site), search_index(zensical_site)
    return {
        "pages_mkdocs": len(a), "pages_zensical": len(b),
        "only_mkdocs": sorted(set(a) - set(b)), "only_zensical": sorted(set(b) - set(a)),
        "pages_equal": len(both) - len(differing), "pages_differing": len(differing),
        "pages_differing_beyond_spacing": sum(1 for d in differing.values() if d != ["spacing"]),
        "differing_by_aspect": dict(sorted(Counter(k for d in differing.values() for k in d).items())),
        "differing": differing,
        "search_pages_mkdocs": len(search_a), "search_pages_zensical": len(search_b),
        "search_chars_mkdocs": chars_a, "search_chars_zensical": chars_b,
        "search_only_mkdocs": sorted(search_a - search_b), "search_only_zensical": sorted(search_b - search_a),
        "files_only_mkdocs": sorted(files(mkdocs_site) - files(zensical_site)),
        "files_only_zensical": sorted(files(zensical_site) - files(mkdocs_site)),
    }


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0]) if argv else Path(".")
    site, docs = root / "build" / "site", root / "build" / "docs"
    if not (site / "index.html").is_file() or not docs.is_dir():
        print("tertial: error: build the site first (make site)", file=sys.stderr)
        return 2
    try:
        seconds = build(root, docs, root / "build" / "zensical")
    except TertialError as exc:
        print(f"tertial: error: {exc.render()}", file=sys.stderr)
        return 2
    report = {"zensical_s": seconds, **compare(site, root / "build" / "zensical" / "site")}
    (root / "build" / "zensical-compare.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n",
                                                          encoding="utf-8")
    print(json.dumps({k: (v if not isinstance(v, (list, dict)) or len(v) < 10 else f"{len(v)} items")
                      for k, v in report.items() if k != "differing"}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
