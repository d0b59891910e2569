"""Jinja2 for the generated pages (site/templates/): every value a template prints is escaped.

Autoescaping uses text.esc (HTML, and braces as entities, so no template engine downstream ever sees
`{{` or `{%` from a report). What is already safe HTML arrives as Markup: the pieces of site/markup.py
(links, badges, tables: they escape what they are given) are wrapped as Markup when offered to the
templates; `|md` escapes a short text for a Markdown heading, `|block` renders untrusted prose.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import markup
from .text import block, esc, inline, with_unit

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value):
    return value if isinstance(value, Markup) else Markup(esc(value))


def _safe(fn):
    return lambda *a, **k: Markup(fn(*a, **k))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, finalize=_finalize,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=lambda v: Markup(inline(v)), block=lambda v: Markup(block(v)), unit=with_unit)
    for name in ("link", "badge", "status_badge", "table", "figure", "crumbs", "deferred", "glossary", "status_note"):
        env.globals[name] = _safe(getattr(markup, name))
    env.globals.update(TYPE_NAMES=markup.TYPE_NAMES, LEVEL_NAMES=markup.LEVEL_NAMES,
                       INDICATOR_COLUMNS=markup.INDICATOR_COLUMNS, DIRECTION_NAMES=markup.DIRECTION_NAMES)
    return env


def render(template: str, **context) -> str:
    """The template filled in with `context`, as the page's Markdown body."""
    return environment().get_template(template).render(**context)
