"""Incremental page generation: a page whose inputs (content-hashed) are unchanged is taken from
build/cache/site-pages/ instead of being made again with pandas and Altair.

Each cached page builder names its inputs explicitly (the rows of the tables it reads, the look-ups it
uses); the key is the sha256 of those inputs, of the site code and of the library versions that shape
the output. The cache is safe to delete: a missing or unreadable entry only means the page is made again,
and a page from the cache is the very object the builder returned for the same inputs. Entries not used
by a build are removed at its end, so the folder does not grow.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

_HERE = Path(__file__).parent


def code_fingerprint() -> bytes:
    h = hashlib.sha256()
    for path in [*sorted(_HERE.glob("*.py")), _HERE.parent / "ids.py"]:  # the site code and the ids it uses
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for dist in ("altair", "pandas"):
        h.update(f"{dist} {dist_version(dist)}\n".encode())
    return h.digest()


def _feed(h, part) -> None:
    if isinstance(part, pd.DataFrame):  # columns, types and every cell
        h.update(b"df" + repr([(c, str(t)) for c, t in part.dtypes.items()]).encode())
        h.update(b"rows%d" % len(part))
        for _, column in part.items():
            _feed_values(h, column)
    elif isinstance(part, pd.Series):
        h.update(b"series" + str(part.dtype).encode() + repr(list(part.index)).encode())
        _feed_values(h, part)
    elif isinstance(part, dict):
        h.update(b"dict")
        for k in sorted(part, key=repr):
            h.update(repr(k).encode())
            _feed(h, part[k])
    elif isinstance(part, (list, tuple)):
        h.update(b"seq%d" % len(part))
        for p in part:
            _feed(h, p)
    else:
        h.update(repr(part).encode())
    h.update(b"\x1e")


def _feed_values(h, column: pd.Series) -> None:
    """The cells of one column: the raw bytes of a numeric or date column, else the repr of every value
    (unambiguous for the str, float, int, bool and None cells of our tables; much faster than pandas'
    per-value hashing)."""
    values = column.to_numpy()
    if values.dtype.kind in "biufcmM":
        h.update(values.dtype.str.encode() + np.ascontiguousarray(values).tobytes())
    else:
        h.update(repr(values.tolist()).encode())
    h.update(b"\x1f")


class PageCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.code = code_fingerprint()
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()
        self.made: dict[str, int] = {}  # pages made (not from the cache), by kind

    def key(self, kind: str, parts) -> str:
        h = hashlib.sha256(self.code)
        h.update(kind.encode() + b"\0")
        _feed(h, parts)
        return h.hexdigest()

    def page(self, kind: str, parts, make: Callable[[], object]):
        """The page for these inputs: from the cache, else `make()` (and cached)."""
        key = self.key(kind, parts)
        path = self.folder / f"{key}.pickle"
        self._used.add(path.name)
        try:
            with path.open("rb") as fh:
                page = pickle.load(fh)
            self.hits += 1
            return page
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
        page = make()
        self.misses += 1
        self.made[kind] = self.made.get(kind, 0) + 1
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(page, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return page

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.pickle"):
            if path.name not in self._used:
                path.unlink(missing_ok=True)
