"""What a cached page builder read, recorded: the page cache's key by construction (site/pagecache.py).

A cached page builder (district, report, city goal, indicator) gets the data through a `Recording` of the
View, never the View itself. The Recording lets through only two kinds of View methods:

- a *read* (`@read`): a look-up of the published data by plain keys (ids, strings), e.g.
  `results_of_indicator(iid)`; each call is recorded with its arguments and its result;
- a *derived* helper (`@derived`): a method that only combines reads (e.g. `district_label`), run
  with the Recording as `self`, so the reads it makes are recorded too.

Any other attribute (a whole table, a dict of look-ups) raises AttributeError: a builder cannot read what
is not recorded. A page's key is the digest of each recorded read (name, arguments, result), in the order
made. To decide whether a cached page is still right, the cache calls the same reads again on the new data
(`replay`): the builder is a function of those results alone, so if every result is the same, it would
make the same reads and the same page.
"""

from __future__ import annotations

import hashlib
from typing import Callable

import numpy as np
import pandas as pd

READ = "_tertial_read"
DERIVED = "_tertial_derived"


def read(fn: Callable) -> Callable:
    """Mark a View method as a recorded read (plain, hashable arguments; a pure function of the data)."""
    setattr(fn, READ, True)
    return fn


def derived(fn: Callable) -> Callable:
    """Mark a View method as made of reads only (it touches the data through `self`'s reads alone)."""
    setattr(fn, DERIVED, True)
    return fn


class Recording:
    """The View as a cached page builder sees it: reads recorded, everything else refused."""

    def __init__(self, view):
        self._view = view
        self._cls = type(view)
        self.reads: dict[tuple, object] = {}  # (name, args) -> result, in the order first read

    def __getattr__(self, name: str):
        fn = getattr(self._cls, name, None)
        if getattr(fn, READ, False):
            def recorded(*args):
                key = (name, args)
                if key not in self.reads:
                    self.reads[key] = fn(self._view, *args)
                return self.reads[key]
            return recorded
        if getattr(fn, DERIVED, False):
            return fn.__get__(self)
        raise AttributeError(f"View.{name} is not a recorded read: a cached page may read only @read methods")


def digest(seed: bytes, reads: list[tuple[str, tuple]], call: Callable[[str, tuple], object]) -> str:
    """The sha256 of `seed` and of each read (name, arguments, and its result as `call` gives it)."""
    h = hashlib.sha256(seed)
    for name, args in reads:
        h.update(name.encode() + b"\0" + repr(args).encode() + b"\0")
        feed(h, call(name, args))
    return h.hexdigest()


def replay(view, reads: list[tuple[str, tuple]], seed: bytes) -> str | None:
    """The digest of these reads made again on `view` (None when one of them fails on the new data)."""
    cls = type(view)
    try:
        return digest(seed, reads, lambda name, args: getattr(cls, name)(view, *args))
    except (KeyError, IndexError, AttributeError, TypeError, ValueError):
        return None


def feed(h, part) -> None:
    """Every value of `part` into the hash, unambiguously (frames: columns, types and cells, not the index
    labels: a read gives its rows a fresh 0..n-1 index)."""
    if isinstance(part, pd.DataFrame):
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
            feed(h, part[k])
    elif isinstance(part, (list, tuple)):
        h.update(b"seq%d" % len(part) + type(part).__name__.encode() + repr(getattr(part, "_fields", "")).encode())
        for p in part:
            feed(h, p)
    else:
        h.update(type(part).__name__.encode() + b":" + repr(part).encode())
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
