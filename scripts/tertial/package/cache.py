"""A content-hash cache for the package stage, under build/cache/package/ (safe to delete: a missing or
unreadable entry only means the work is done again, and the outputs are the same bytes either way).

- validation: a package whose resources (schema, bytes and hash of every table, as written in its
  `datapackage.json`) and data files are byte for byte what was validated before, with the same
  validation code and Frictionless version, is not validated row by row again; its package-level
  metadata still is (`validate.descriptor_problems`).
- downloads: a zip and an Excel workbook made from exactly these package files by the same code are
  not made again.
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


def validation_key(files: dict[str, bytes]) -> str:
    """What the row-by-row validation of a package depends on: its resources and data, the code."""
    desc = json.loads(files["datapackage.json"])
    h = hashlib.sha256()
    h.update(f"frictionless {dist_version('frictionless')}\n".encode())
    h.update(_code("validate.py"))
    h.update(json.dumps(desc.get("resources"), sort_keys=True, ensure_ascii=False).encode())
    for rel in sorted(files):
        if rel != "datapackage.json":
            h.update(rel.encode() + b"\0" + hashlib.sha256(files[rel]).digest())
    return h.hexdigest()


def downloads_key(files: dict[str, bytes]) -> str:
    """What the zip and the workbook of a package depend on: every file of it, the code."""
    h = hashlib.sha256()
    h.update(_code("downloads.py", "schema.py"))
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
