"""MkDocs hook: the site's search index, built by Pagefind (https://pagefind.app) after the site.

Why Pagefind and not Material's built-in search: Material's index is one JSON file for the whole site
(3.5 MB at city scale), fetched whole by every reader who searches; Pagefind splits its index into
chunks by word, so a query downloads only the chunks of its words and the excerpts of the results
shown. It stems Swedish (Snowball), runs offline from the site's own files, and comes as a wheel
(PyPI `pagefind[bin]`) with its binary inside. Material's search plugin is off (mkdocs.yml
`plugins: []`); overrides/partials/search.html and assets/javascripts/tertial-search.js show the
results in Material's search dialog.

What is indexed: each page's article (the goals, indicators, the councils' analysis texts, tables),
not the navigation; pages marked `search: exclude: true` (a publication's list of changed values) are
left out. Pages about the site itself (/om/) weigh less, so a district's own pages rank first.
Left out of the index as well: the chart data tables (the page's own tables hold the same values),
source line numbers, breadcrumbs.

A result's excerpt needs its page's text (a Pagefind "fragment"): a report page's is about 60 kB. So
that a search stays light at city scale, the hook publishes beside the index each page's address,
title and fragment size (tertial-pages.json, a few bytes a page); the script loads excerpts only
within a byte budget and shows the other results by title. The curated synonyms (curation/synonyms.yml)
are published beside the index too (tertial-synonyms.json).
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

ARTICLE = '<article class="md-content__inner md-typeset">'
# Pages about the site rather than the districts: their words count less than a district's own pages'.
ABOUT_THE_SITE = "om/"
ABOUT_WEIGHT = "0.3"
SYNONYMS = Path("curation") / "synonyms.yml"
OUTPUT = "pagefind"
NOT_INDEXED = ["details.tertial-data", "figure", ".tertial-line", ".tertial-crumbs"]
FRAGMENT_HEADER = b"pagefind_dcd"  # Pagefind 1.5's fragment: gzip of this header and the page's JSON


# The site's top-level sections (first part of a page's address) with an indexed page: Pagefind is given
# only these (its --glob), so it never reads
# the sections of unindexed pages alone, the reports' sources (/kallor/: the whole text of every report,
# most of the site's HTML). It would read each only to find no data-pagefind-body: the same index, at a
# third less memory and CPU (measured at 13 districts x 1 year: 469 -> 307 MB, 7.0 -> 4.3 CPU-s).
_indexed: set[str] = set()


def on_pre_build(config):
    _indexed.clear()


def section(url: str) -> str:
    """A page's top-level section: 'kallor' for kallor/x/, '404.html', '' for the start page."""
    return url.split("/", 1)[0]


def site_glob(indexed: set[str]) -> str:
    """Pagefind's --glob for the HTML files of these sections."""
    parts = sorted("index.html" if s == "" else s if s.endswith(".html") else f"{s}/**/*.html" for s in indexed)
    return "{" + ",".join(parts) + "}"


def on_post_page(output: str, page, config):
    if (page.meta.get("search") or {}).get("exclude"):
        return output
    _indexed.add(section(page.url))
    marks = "data-pagefind-body"
    if page.url.startswith(ABOUT_THE_SITE):
        marks += f' data-pagefind-weight="{ABOUT_WEIGHT}"'
    return output.replace(ARTICLE, ARTICLE[:-1] + f" {marks}>", 1)


def on_post_build(config):
    site = Path(config["site_dir"])
    synonyms = load_synonyms(Path(config["config_file_path"]).parent / SYNONYMS)
    excluded = [arg for selector in NOT_INDEXED for arg in ("--exclude-selectors", selector)]
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", OUTPUT,
                           "--force-language", "sv", "--silent", "--glob", site_glob(_indexed),
                           *excluded], capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"pagefind: {(done.stderr or done.stdout).strip()}")
    _write_json(site / OUTPUT / "tertial-synonyms.json", synonyms)
    _write_json(site / OUTPUT / "tertial-pages.json", pages(site / OUTPUT / "fragment"))


def pages(fragments: Path) -> dict[str, list]:
    """Each indexed page by its Pagefind id: [address, title, size of its fragment in bytes]."""
    out = {}
    for path in sorted(fragments.glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        if not raw.startswith(FRAGMENT_HEADER):
            raise PluginError(f"{path}: not a Pagefind 1.5 fragment")
        page = json.loads(raw[len(FRAGMENT_HEADER):])
        out[path.stem] = [page["url"], page["meta"].get("title", page["url"]), path.stat().st_size]
    return out


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                    encoding="utf-8")


def load_synonyms(path: Path) -> dict[str, list[str]]:
    """curation/synonyms.yml: a mapping of a lower-case word to the list of words also searched for it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise PluginError(f"{path}: {e.strerror}") from None
    except yaml.YAMLError as e:  # one line: the file, the line, what is wrong
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise PluginError(f"{where}: {getattr(e, 'problem', None) or 'not valid YAML'}") from None
    if not isinstance(data, dict):
        raise PluginError(f"{path}: expected a mapping of words to lists of words")
    for term, words in data.items():
        if (not isinstance(term, str) or term != term.lower() or not re.fullmatch(r"\S+", term)
                or not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words)):
            raise PluginError(f"{path}: {term!r}: a lower-case word mapped to a list of words")
    return {term: [w.strip().lower() for w in words] for term, words in data.items()}
