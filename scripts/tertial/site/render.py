"""Render Vega-Lite specs to SVG in worker processes.

vl-convert runs one JavaScript runtime per process, so threads in one process render one chart at a
time; two worker processes render two. This module imports only vl-convert, so a spawned worker
starts quickly (no pandas, no Altair). The main process submits a chart only when the chart cache
(build/chart-cache/, keyed by the sha256 of the spec and the vl-convert version) has no SVG for it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# What the renderer does to a spec before drawing it (part of the chart cache key): tooltips are left
# out of the static SVG (an <img> shows none; they cost a quarter of the rendering); the published
# .vl.json keeps them for anyone who draws the chart interactively.
VARIANT = "static-no-tooltip-compact-2"
# An SVG is shown as an <img> (its alt text and the table under it speak for it): the marks' ARIA roles,
# labels and class names inside it reach no one, and were half of its bytes. They are left out, with
# attributes that only restate a default and the zero-width background paths of groups (invisible).
# tests/test_site_render.py draws both to pixels: the same image.
_UNSEEN = re.compile(r' (?:class|role|aria-roledescription|aria-label|aria-hidden|pointer-events)="[^"]*"'
                     r'| opacity="1"')
_EMPTY_PATH = re.compile(r'<path d="M0,0h0v-?[\d.]+h0Z"/>')


def compact(svg: str) -> str:
    return _EMPTY_PATH.sub("", _UNSEEN.sub("", svg))


def static(spec):
    """The spec without tooltip encodings, at any depth (layers, facets)."""
    if isinstance(spec, dict):
        return {k: static(v) for k, v in spec.items() if not (k == "tooltip" and isinstance(v, (list, dict)))}
    if isinstance(spec, list):
        return [static(v) for v in spec]
    return spec


def render_to(spec_text: str, locale: dict, out: str, cached: str | None) -> str:
    """Render the spec (JSON text) to the SVG file `out`, and put a copy at `cached` when given."""
    import json

    import vl_convert as vlc

    svg = compact(vlc.vegalite_to_svg(static(json.loads(spec_text)), format_locale=locale))
    _atomic_write(Path(out), svg)
    if cached:
        _atomic_write(Path(cached), svg)
    return out


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def warm() -> None:
    """Start the JavaScript runtime (the first render in a process pays for it)."""
    import vl_convert as vlc

    vlc.vegalite_to_svg({"mark": "point", "data": {"values": []}})
