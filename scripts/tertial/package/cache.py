"""A content-hash cache for the package stage, under build/cache/package/ (safe to delete: a missing or
unreadable entry only means the work is done again, and the outputs are the same bytes either way).

- lines: per table of the city package, the hashes of the lines validated row by row by Frictionless,
  under a key of what those row checks depend on (header, schema, proof.py, Frictionless version; see
  proof.py). A line with a known hash under the same key is not validated row by row again; keys,
  foreign keys, bytes and hashes are always checked, over every row.
- checked: the packages whose every file is byte for byte what was checked and found valid before, by
  the same checking code and Frictionless version, are not checked again (a rebuild with no change).
- districts: per district package, the digests of its lines (per table) and its headers, under a key
  of its resources and the bytes of their files (district_key). A district package proven a part of the
  city package before, with these very files, by the same code, is proven again by sets alone: its
  resources and headers are the city's and its line digests a subset of the (checked) city table's; any
  difference and it is proven in full (proof.py).
- downloads: a zip and an Excel workbook made from exactly these package files by the same code are
  not made again.
- descriptors: a datapackage.json whose very bytes Frictionless found valid before (same code, same
  Frictionless) is not validated again (a district package the publication did not change keeps its
  descriptor, version included).
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


def checked_key(packages: dict[str, dict[str, bytes]]) -> str:
    """What the check of all packages depends on: every file of every package, the code, Frictionless."""
    h = hashlib.sha256()
    h.update(f"frictionless {dist_version('frictionless')}\n".encode())
    h.update(_code("proof.py", "validate.py", "__init__.py"))
    for name in sorted(packages):
        for rel in sorted(packages[name]):
            h.update(f"{name}/{rel}".encode() + b"\0" + hashlib.sha256(packages[name][rel]).digest())
    return h.hexdigest()


def descriptor_key(name: str, descriptor: bytes, schemas: bool) -> str:
    """What Frictionless's check of a package's metadata depends on: the descriptor's bytes, whether the
    Table Schemas are checked with it, the code, Frictionless."""
    h = hashlib.sha256()
    h.update(f"frictionless {dist_version('frictionless')}\n{name}\nschemas={schemas}\n".encode())
    h.update(_code("validate.py", "cache.py"))
    h.update(descriptor)
    return h.hexdigest()


def district_key(name: str, folder: Path, files: dict[str, bytes]) -> str | None:
    """What the proof of the district package `name` in `folder` depends on besides the city package:
    its resources as its datapackage.json says them (schemas, paths, bytes, hashes), the bytes of the
    files they name, the code, Frictionless. (Not the rest of the descriptor, which changes with every
    data version and is validated on its own.) None when there is no such key to trust."""
    try:
        resources = json.loads(files["datapackage.json"].decode("utf-8")).get("resources")
    except (KeyError, ValueError, AttributeError):
        return None
    if not isinstance(resources, list):
        return None
    h = hashlib.sha256()
    h.update(f"frictionless {dist_version('frictionless')}\n{name}\n".encode())
    h.update(_code("proof.py", "validate.py", "__init__.py", "cache.py"))
    h.update(json.dumps(resources, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\0")
    for res in resources:
        path = res.get("path") if isinstance(res, dict) else None
        if not isinstance(path, str):
            return None
        data = files.get(path)
        if data is None:
            try:
                data = (folder / path).read_bytes()
            except OSError:
                return None
        h.update(path.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def downloads_key(files: dict[str, bytes]) -> str:
    """What the zip and the workbook of a package depend on: every file of it, the code."""
    h = hashlib.sha256()
    h.update(_code("downloads.py", "../schema.py"))  # tertial/schema.py: the Table Schemas
    h.update(f"xlsxwriter {dist_version('xlsxwriter')}\n".encode())
    for rel in sorted(files):
        h.update(rel.encode() + b"\0" + hashlib.sha256(files[rel]).digest())
    return h.hexdigest()


def _path(root: Path, kind: str, name: str) -> Path:
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
