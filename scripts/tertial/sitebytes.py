"""The built site's bytes by kind of file (for `tertial bench`: what one more report adds, and where).

A kind is the site section and the file's type: `report page` (/stadsdelar/<d>/<year>-<type>/index.html),
`source page` (/kallor/<id>/index.html), `source original` (the file beside it), `package source copy`
(/data/<pkg>/sources/...), `package csv`, `zip`, `xlsx`, `indicator chart` (.svg), `search index` (Pagefind), ...
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

SECTIONS = {"kallor": "source", "indikatorer": "indicator", "mal": "goal", "pagefind": "search index",
            "assets": "theme", "nyheter": "news", "om": "about"}
TYPES = {".html": "page", ".svg": "chart", ".json": "chart data", ".csv": "csv"}


def kind(rel: Path) -> str:
    parts, suffix = rel.parts, rel.suffix
    if parts[0] == "stadsdelar" and len(parts) >= 3:
        section = "report" if len(parts) > 3 else "district"
    elif parts[0] == "data":
        if "sources" in parts[2:-1]:
            return "package source copy"
        if suffix in (".zip", ".xlsx"):
            return suffix[1:]
        return "package csv" if suffix == ".csv" else "package metadata"
    elif parts[0] in SECTIONS:
        section = SECTIONS[parts[0]]
        if section == "search index":
            return section
        if section == "source" and suffix != ".html":
            return "source original"
    else:
        section = "other"
    return f"{section} {TYPES.get(suffix, suffix.lstrip('.') or 'file')}"


def by_kind(site: Path) -> Counter:
    """Bytes per kind of file under the built site."""
    out: Counter = Counter()
    if site.is_dir():
        for path in site.rglob("*"):
            if path.is_file():
                out[kind(path.relative_to(site))] += path.stat().st_size
    return out


def added(before: Counter, after: Counter) -> dict[str, int]:
    """Bytes added per kind, largest first (kinds that did not change left out)."""
    diff = {k: after.get(k, 0) - before.get(k, 0) for k in set(before) | set(after)}
    return dict(sorted(((k, v) for k, v in diff.items() if v), key=lambda kv: -kv[1]))
