"""Loading a curation YAML file so that every mapping remembers the line it starts on.

Errors then name the file and the entry's line, e.g. `curation/corrections.yml:12: ...`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import TertialError

LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(path: Path, display: str) -> dict:
    """The YAML document at `path` (an empty dict if the file does not exist)."""
    if not path.exists():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise TertialError(f"not valid YAML ({getattr(exc, 'problem', 'syntax error')})", display,
                           None if mark is None else mark.line + 1) from None
    except UnicodeDecodeError:
        raise TertialError("not UTF-8 text", display) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TertialError("expected a mapping at the top of the file", display, 1)
    return data


def entries(data: dict, key: str, display: str) -> list[dict]:
    """The list under `key`, each item a mapping (with its line)."""
    items = data.get(key) or []
    if not isinstance(items, list):
        raise TertialError(f"'{key}' must be a list", display, data.get(LINE))
    for item in items:
        if not isinstance(item, dict):
            raise TertialError(f"each item under '{key}' must be a mapping", display, data.get(LINE))
    return items


def check_keys(entry: dict, allowed: set[str], display: str, what: str) -> None:
    unknown = sorted(set(entry) - allowed - {LINE})
    if unknown:
        raise TertialError(f"{what}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})",
                           display, entry.get(LINE))
