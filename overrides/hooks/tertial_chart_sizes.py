"""MkDocs hook: each chart image gets its drawn size as `width` and `height`, so that a browser keeps the
chart's room before the SVG arrives and the page does not shift under the reader (Lighthouse: cumulative
layout shift). The size is known only once vl-convert has drawn the chart, after the page was generated,
so it is read here from the SVG beside the page; CSS (`.tertial-chart img`: max-width 100 %, height auto)
still shrinks the chart to a phone's width, keeping its proportions."""

from __future__ import annotations

import re
from pathlib import Path

IMG = re.compile(r'<img src="([\w.-]+\.svg)"(?![^>]*\bwidth=)')
SVG_TAG = re.compile(rb"<svg\b[^>]*>")
ATTR = {name: re.compile(rb'\s%s="([\d.]+)"' % name.encode()) for name in ("width", "height")}


def svg_size(svg: Path) -> tuple[int, int] | None:
    """(width, height) of the SVG's root element, or None when the file or the sizes are missing."""
    try:
        with svg.open("rb") as f:
            tag = SVG_TAG.search(f.read(4096))
    except OSError:
        return None
    if tag is None:
        return None
    sizes = [ATTR[name].search(tag.group(0)) for name in ("width", "height")]
    if not all(sizes):
        return None
    return tuple(round(float(m.group(1))) for m in sizes)


def on_post_page(output: str, page, config) -> str:
    folder = Path(config["docs_dir"]) / Path(page.file.src_uri).parent

    def sized(m: re.Match) -> str:
        size = svg_size(folder / m.group(1))
        return m.group(0) if size is None else f'{m.group(0)} width="{size[0]}" height="{size[1]}"'

    return IMG.sub(sized, output)
