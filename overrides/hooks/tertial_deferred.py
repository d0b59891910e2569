"""MkDocs hook: generated HTML blocks (tables, charts) skip Python-Markdown.

The site stage writes each big HTML block between `<!--tertial:html-->` and `<!--/tertial:html-->`.
Python-Markdown would re-parse every tag of them (most of the build time at city scale) only to pass
them through unchanged. This hook lifts them out before Markdown (on_page_markdown), leaving a
placeholder paragraph with a per-build random token, and puts them back into the finished page
(on_post_page). Headings and report prose stay in Markdown, so the table of contents sees them.
Without this hook the output is the same, only slower. The search (tertial_search.py, Pagefind)
indexes the finished pages, these blocks included: goals, indicators and analysis texts are found.
"""

from __future__ import annotations

import re
import secrets

_FENCE = re.compile(r"^<!--tertial:html-->\n(.*?)\n<!--/tertial:html-->$", re.S | re.M)
_TOKEN = "tertialblock" + secrets.token_hex(8)
_stash: dict[str, list[str]] = {}


def on_page_markdown(markdown, page, config, files):
    blocks: list[str] = []

    def lift(m):
        blocks.append(m.group(1))
        return f"{_TOKEN}x{len(blocks) - 1}x"

    out = _FENCE.sub(lift, markdown)
    _stash[page.file.src_uri] = blocks
    return out


def on_page_content(html, page, config, files):
    # placeholder paragraphs become comments (the blocks are put back after the page is rendered)
    return re.sub(rf"<p>({_TOKEN}x\d+x)</p>", r"<!--\1-->", html)


def on_post_page(output, page, config):
    blocks = _stash.pop(page.file.src_uri, [])
    if not blocks:
        return output
    pattern = re.compile(rf"<!--{_TOKEN}x(\d+)x-->")
    return pattern.sub(lambda m: blocks[int(m.group(1))], output)
