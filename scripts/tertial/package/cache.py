"""A content-hash cache for the package stage, under build/cache/package/ (safe to delete: a missing or
unreadable entry only means the work is done again, and the outputs are the same bytes either way).

- lines: per table of the city package, the hashes of the lines validated row by row by Frictionless,
  under a key of what those row checks depend on (header, schema, proof.py, Frictionless version; see
  proof.py). A line with a known hash under the same key is not validated row by row again; keys,
  foreign keys, bytes and hashes are always checked, over every row.
- downloads: a zip and an Excel workbook made from exactly these package files by the same code are
  not made again (after one more report, those of the packages it did not change).

(A package whose files are byte for byte the published ones is not checked at all: package.check.)
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version as dist_version
from pathlib import Path

CACHE = Path("build") / "cache" / "package"
_HERE = Path(__file__).parent


def _code(*names: str) -> bytes:
    return b"".join((_HERE / n).read_bytes() for n in names)


def downloads_key(files: dict[str, bytes]) -> str:
    """What the zip and the workbook of a package depend on: every file of it, the code."""
    h = hashlib.sha256()
    h.update(_code("downloads.py", "../schema.py"))  # tertial/schema.py: the Table Schemas
    h.update(f"xlsxwriter {dist_version('xlsxwriter')}\n".encode())
    for rel in sorted(files):
        h.update(rel.encode() + b"\0" + hashlib.sha256(files[rel]).digest())
    return h.hexdigest()


# the record of which package files a package's zip and workbook were made from is published beside them,
# in build/downloads/ (the site stage reads it there, never this stage's private cache)
RECORDS = Path("build") / "downloads"


def _path(root: Path, kind: str, name: str) -> Path:
    if kind == "downloads":
        return root / RECORDS / f"{name}.made-from.json"
    return root / CACHE / kind / f"{name}.json"


def get(root: Path, kind: str, name: str) -> dict | None:
    try:
        return json.loads(_path(root, kind, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def put(root: Path, kind: str, name: str, entry: dict) -> None:
    path = _path(root, kind, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(entry, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def get_lines(root: Path) -> dict[str, tuple[str, set[str]]]:
    """{table: (line key, hashes of the lines validated under it)}; empty when nothing is cached."""
    out = {}
    folder = root / CACHE / "lines"
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        try:
            key, *digests = path.read_text(encoding="utf-8").split("\n")
        except (OSError, ValueError):
            continue
        out[path.stem] = (key, {d for d in digests if d})
    return out


def put_lines(root: Path, lines: dict[str, tuple[str, list[str]]]) -> None:
    folder = root / CACHE / "lines"
    folder.mkdir(parents=True, exist_ok=True)
    for table, (key, digests) in lines.items():
        tmp = folder / f".{table}.tmp"
        tmp.write_text("\n".join([key, *digests]) + "\n", encoding="utf-8")
        tmp.replace(folder / f"{table}.txt")
