"""Incremental page generation: a page whose reads give the same results is taken from
build/cache/site-pages/ instead of being made again with pandas and Altair.

No list of a page's inputs is kept by hand: the builder runs on a `reads.Recording` of the View, which
records every read it makes (name, arguments, result); the key is the digest of those reads, of the site
code (its modules and templates) and of the library versions that shape the output. For each page (its
kind and id) the cache keeps the list of reads of its last build; the next build makes the same reads on
the new data (`reads.replay`) and, if the digest is the one stored, takes the page. The cache is safe to
delete: a missing or unreadable entry only means the page is made again. Entries not used by a build are
removed at its end, so the folder does not grow.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Callable

from . import reads as rd

_HERE = Path(__file__).parent
_ERRORS = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError)


def code_fingerprint() -> bytes:
    h = hashlib.sha256()
    files = [*sorted(_HERE.glob("*.py")), *sorted((_HERE / "templates").glob("*")), _HERE.parent / "ids.py",
             _HERE.parent / "reports.py"]
    for path in files:  # the site code, its templates and the ids and report order it uses
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for dist in ("altair", "pandas", "jinja2", "markupsafe"):
        h.update(f"{dist} {dist_version(dist)}\n".encode())
    return h.digest()


class PageCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.code = code_fingerprint()
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()
        self.made: dict[str, int] = {}  # pages made (not from the cache), by kind
        self.remade: list[tuple[str, str]] = []  # (kind, id) of each page made

    def _seed(self, kind: str, ident: str) -> bytes:
        return self.code + kind.encode() + b"\0" + ident.encode() + b"\0"

    def _load(self, name: str):
        self._used.add(name)
        with (self.folder / name).open("rb") as fh:
            return pickle.load(fh)

    def _save(self, name: str, obj) -> None:
        self._used.add(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / name
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def page(self, kind: str, ident: str, view, make: Callable[[object], object]):
        """The page `make(recording)` makes for (kind, ident): from the cache when the reads of its last
        build give the same results on `view`, else made on a Recording of `view` (and cached)."""
        seed = self._seed(kind, ident)
        slot = hashlib.sha256(seed).hexdigest() + ".reads"
        try:
            reads = self._load(slot)
            key = rd.replay(view, reads, seed)
            if key is not None:
                page = self._load(f"{key}.pickle")
                self.hits += 1
                return page
        except _ERRORS:
            pass
        recording = rd.Recording(view)
        page = make(recording)
        reads = list(recording.reads)
        key = rd.digest(seed, reads, lambda name, args: recording.reads[(name, args)])
        self.misses += 1
        self.made[kind] = self.made.get(kind, 0) + 1
        self.remade.append((kind, ident))
        self._save(slot, reads)
        self._save(f"{key}.pickle", page)
        return page

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix in (".pickle", ".reads") and path.name not in self._used:
                path.unlink(missing_ok=True)
