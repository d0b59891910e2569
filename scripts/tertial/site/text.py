"""Showing untrusted report text safely, and numbers the Swedish way.

Report text may carry HTML, script, Markdown links with javascript: or MkDocs/Jinja syntax. It is
shown as text, never run:
- `block()` renders it with markdown-it-py, HTML off and links/images/autolinks off, so the only
  tags in the output are the ones markdown-it itself writes (p, ul, li, em, strong, code, ...) and
  everything else arrives as escaped text;
- `inline()` escapes a short string (a title, a cell) for a Markdown heading or an HTML attribute;
- `esc()` escapes for HTML built here.
Braces are written as entities, so no template engine downstream can ever see `{{` or `{%`.
"""

from __future__ import annotations

import html
import math
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from markdown_it import MarkdownIt

NBSP = "\u00a0"

_md = (MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
       .disable(["link", "image", "autolink", "reference", "html_block", "html_inline",
                 "heading", "lheading", "code", "fence", "hr"]))


def _braces(s: str) -> str:
    return s.replace("{", "&#123;").replace("}", "&#125;")


_NEEDS_ESCAPE = re.compile(r"[&<>\"'{}]")


def esc(value) -> str:
    """Escape any value for HTML text or a quoted attribute (braces too)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    s = str(value)
    if _NEEDS_ESCAPE.search(s) is None:  # most cells: nothing to escape
        return s
    return _braces(html.escape(s, quote=True))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-.!|~>])")


def inline(value) -> str:
    """A short untrusted string for a Markdown heading or link text: HTML-escaped, Markdown-escaped."""
    s = " ".join(str(value or "").split())
    s = html.escape(s, quote=False)
    return _braces(_MD_SPECIAL.sub(r"\\\1", s))


def block(text) -> str:
    """Untrusted multi-paragraph text as safe HTML (one line, so it stays one raw HTML block)."""
    if not text or (isinstance(text, float) and math.isnan(text)):
        return ""
    return _block(str(text))


@lru_cache(maxsize=1 << 15)
def _block(text: str) -> str:
    """block() of one text; a text repeated across reports (a goal's description in VP, T1, T2 and VB)
    is rendered once per build."""
    out = _md.render(text.replace("\r\n", "\n"))
    out = _braces(out)
    return " ".join(out.split("\n")).strip()


def number(value, decimals: int | None = None) -> str:
    """23.4 -> '23,4'; 9000 -> '9 000' (no-break space); NaN/None -> ''. Keeps the printed precision."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        d = Decimal(repr(value) if isinstance(value, float) else str(value))
    except InvalidOperation:
        return str(value)
    if decimals is not None:
        d = round(d, decimals)
    if d == d.to_integral_value() and decimals is None:
        d = d.quantize(Decimal(1))
    sign = "−" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + NBSP.join(groups) + ("," + frac if frac else "")


def with_unit(value, unit: str = "") -> str:
    """'23,4 %', '9 000 st': the number and its unit, joined by a no-break space."""
    s = number(value)
    unit = (unit or "").strip()
    return f"{s}{NBSP}{unit}" if s and unit else s
