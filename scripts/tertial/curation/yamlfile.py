"""Loading a curation YAML file so that every mapping remembers the line it starts on.

Errors then name the file and the entry's line, e.g. `curation/corrections.yml:12: ...`.
"""

from __future__ import annotations

import stat
from pathlib import Path

import yaml

from ..errors import TertialError

LINE = "__line__"


MAX_BYTES = 2_000_000  # a YAML file of this project is a few kB; more is a mistake (or an attack)


class _Duplicate(Exception):
    def __init__(self, key, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


def _construct_mapping(loader, node, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            if key in seen:
                raise _Duplicate(key, line, seen[key])
        except TypeError:  # an unhashable key: PyYAML's own error says so below
            break
        seen[key] = line
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


class _LineLoader(yaml.SafeLoader):
    pass


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when PyYAML has it
    pass


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_text(path: Path, display: str, limit: int = MAX_BYTES) -> str:
    """The text of a small regular file: a FIFO, a device or a folder is refused without reading it (a FIFO
    would never end), so is a file larger than `limit`."""
    try:
        info = path.stat()
    except OSError as exc:
        raise TertialError(f"cannot read it ({exc.strerror})", display) from None
    if not stat.S_ISREG(info.st_mode):
        raise TertialError("not a regular file (a folder, a FIFO or a device)", display)
    if info.st_size > limit:
        raise TertialError(f"{info.st_size} bytes, more than the {limit} allowed", display)
    try:
        with path.open("rb") as fh:
            return fh.read(limit + 1).decode("utf-8")
    except UnicodeDecodeError:
        raise TertialError("not UTF-8 text", display) from None


def parse(text: str, display: str) -> dict:
    """A YAML document whose mappings remember their line. Refused with the line: aliases (`*name`, which
    can make a few lines expand into gigabytes), a key given twice in one mapping, bad syntax."""
    try:
        for event in yaml.parse(text, Loader=_FastLineLoader):
            if isinstance(event, yaml.AliasEvent):
                raise TertialError(f"YAML aliases (*{event.anchor}) are not allowed here; write the value out",
                                   display, event.start_mark.line + 1)
        data = yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - a SafeLoader
    except _Duplicate as dup:
        raise TertialError(f"the key {dup.key!r} is given twice (first at line {dup.first}); keep one",
                           display, dup.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise TertialError(f"not valid YAML ({getattr(exc, 'problem', None) or 'syntax error'})", display,
                           None if mark is None else mark.line + 1) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TertialError("expected a mapping at the top of the file", display, 1)
    return data


def load(path: Path, display: str) -> dict:
    """The YAML document at `path` (an empty dict if the file does not exist); see `parse`."""
    if not path.exists() and not path.is_symlink():
        return {}
    return parse(read_text(path, display), display)


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


TEXT = (str,)
NAMES = "a list of texts"  # the type of `aliases`: checked as a list whose every item is a text


def check_types(entry: dict, types: dict, display: str, what: str) -> None:
    """Each key of `types` present in `entry` (and not null) has its type: TEXT, NAMES, or a tuple of types."""
    for key, kinds in types.items():
        value = entry.get(key)
        if value is None:
            continue
        if kinds == NAMES:
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        else:
            ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
        if not ok:
            wanted = NAMES if kinds == NAMES else " or ".join(_KIND_NAMES.get(k, k.__name__) for k in kinds)
            raise TertialError(f"{what}: '{key}' must be {wanted}, not {value!r:.40}", display, entry.get(LINE))


_KIND_NAMES = {str: "a text", int: "a whole number", float: "a number", bool: "true or false", dict: "a mapping"}
