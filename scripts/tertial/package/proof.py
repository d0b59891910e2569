"""Validation of a package's tables with each distinct line validated row by row by Frictionless once.

After one more report most lines of the city-wide package (every report's rows) are the ones validated
last time, and a district package's lines are lines of the city's; Frictionless's validation of whole
packages was the stage's largest cost at city scale. So (`check_package`): the lines of each table not
validated before (all of them on a cold build) are validated row by row by Frictionless, as a temporary
table of the header and those lines with the table's schema minus primaryKey and foreignKeys
(primary-key fields marked required, `unique` left out). A line validated before is one whose hash is in
build/cache/package/lines/ (or was validated in this build) under the same key (header, schema, this
code, Frictionless version): row checks (types, constraints, cell counts) depend on nothing else. Then,
over every row of the package: primary keys unique, `unique` fields unique, foreign keys resolve (sets of
typed cells; all-empty keys skipped, as Frictionless does); bytes and hash of each file as its resource
says. The package's metadata is validated by Frictionless first (`validate.descriptor_problems`).

Every problem is one line naming package, table, row, field and the line of the file.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
from dataclasses import dataclass, field
from importlib.metadata import version as dist_version
from pathlib import Path

from frictionless import Resource, system

_HERE = Path(__file__)


@dataclass
class Table:
    """One table of a package as written: its resource, file bytes and CSV records (without line ends)."""
    name: str
    resource: dict
    data: bytes
    header: str = ""
    rows: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def line(self, index: int) -> int:
        """The file line where data row `index` (0-based) starts."""
        if not self._starts:
            n = 2 + self.header.count("\n")
            for r in self.rows:
                self._starts.append(n)
                n += r.count("\n") + 1
        return self._starts[index]


def records(text: str) -> list[str]:
    """CSV records of `text` (LF line ends; a quoted cell may hold line breaks), without their line ends."""
    out: list[str] = []
    buf: list[str] | None = None  # the lines of a record whose quote is still open
    for part in text.split("\n"):
        if buf is None:
            if part.count('"') % 2:
                buf = [part]
            else:
                out.append(part)
        else:
            buf.append(part)
            if part.count('"') % 2:
                out.append("\n".join(buf))
                buf = None
    if buf is not None:  # an unclosed quote: one last record, which the row checks refuse
        out.append("\n".join(buf))
    if out and out[-1] == "":
        out.pop()  # the end of the last line
    return out


def read_tables(folder: Path, desc: dict) -> tuple[list[Table], list[str]]:
    """The tables of the package in `folder` (as written on disk), with byte and hash problems."""
    tables, problems = [], []
    for res in desc.get("resources", []):
        name = res.get("name", "")
        path = folder / res.get("path", "")
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(f"{folder.name}/{name}: scheme-error: cannot read {res.get('path')}: {exc.strerror}")
            continue
        t = Table(name, res, data)
        if res.get("bytes") is not None and res["bytes"] != len(data):
            problems.append(f"{folder.name}/{name}: byte-count-error: the resource says {res['bytes']} bytes, "
                            f"{res.get('path')} has {len(data)}")
        if res.get("hash") and res["hash"] != "sha256:" + hashlib.sha256(data).hexdigest():
            problems.append(f"{folder.name}/{name}: hash-count-error: {res.get('path')} does not have the "
                            f"hash its resource says")
        try:
            recs = records(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            problems.append(f"{folder.name}/{name}: encoding-error: {res.get('path')} is not UTF-8 "
                            f"(byte {exc.start})")
            continue
        t.header, t.rows = (recs[0], recs[1:]) if recs else ("", [])
        tables.append(t)
    return tables, problems


def digest(record: str) -> str:
    return hashlib.blake2b(record.encode("utf-8"), digest_size=16).hexdigest()


def line_key(table: Table) -> str:
    """What the row checks of one line depend on besides the line: header, schema, this code, Frictionless."""
    h = hashlib.sha256()
    h.update(f"frictionless {dist_version('frictionless')}\n".encode())
    h.update(_HERE.read_bytes())
    h.update(table.header.encode("utf-8") + b"\0")
    h.update(json.dumps(table.resource.get("schema"), sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


# --- row checks (Frictionless) -----------------------------------------------------------------------

def _row_schema(schema: dict) -> dict:
    """The table's schema for row checks alone: no keys (checked over the whole package by sets)."""
    s = copy.deepcopy(schema)
    pk = s.pop("primaryKey", [])
    s.pop("foreignKeys", None)
    for f in s.get("fields", []):
        cons = f.get("constraints", {})
        cons.pop("unique", None)
        if f["name"] in pk:
            cons["required"] = True
        if cons:
            f["constraints"] = cons
        else:
            f.pop("constraints", None)
    return s


def row_problems(pkg: str, table: Table, indexes: list[int], workdir: Path) -> list[str]:
    """Frictionless row checks of the header and the data rows at `indexes` of `table`."""
    workdir.mkdir(parents=True, exist_ok=True)
    tmp = workdir / f"{table.name}.csv"
    tmp.write_text("".join(r + "\n" for r in [table.header] + [table.rows[i] for i in indexes]),
                   encoding="utf-8", newline="")
    res = table.resource
    desc = {"name": table.name, "path": tmp.name, "scheme": "file", "format": "csv", "encoding": "utf-8",
            "mediatype": "text/csv", "dialect": {"delimiter": ",", "quoteChar": '"'},
            "schema": _row_schema(res.get("schema", {}))}
    with system.use_context(trusted=False):
        report = Resource(desc, basepath=str(workdir)).validate()
    out = []
    for error in report.errors:
        out.append(f"{pkg}/{table.name}: {error.type}: {error.note or error.message}")
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            fname = getattr(error, "field_name", None)
            where, line = f"{pkg}/{table.name}", ""
            if row and 2 <= row < 2 + len(indexes):
                i = indexes[row - 2]
                where += f" row {i + 2}"
                line = f" ({res.get('path')} line {table.line(i)})"
            elif row:
                where += " header" if row == 1 else f" row ?{row}"
            if fname:
                where += f" field {fname}"
            out.append(f"{where}: {error.type}: {error.note or error.message}{line}")
    return out


# --- key checks (sets) -------------------------------------------------------------------------------

def _cast(ftype: str):
    if ftype == "integer":
        return int
    if ftype == "number":
        return float
    return str


def _cells(table: Table) -> tuple[list[str], list[list[str]]]:
    return next(csv.reader([table.header]), []), list(csv.reader(table.rows))


def _column(table: Table, header: list[str], rows: list[list[str]], name: str) -> list:
    """The cells of column `name` in every row, typed as Frictionless reads them (missing -> None; a cell
    that does not cast is kept as text, a type error the row checks report)."""
    schema = table.resource.get("schema", {})
    missing = set(schema.get("missingValues", [""]))
    types = {f["name"]: f.get("type", "string") for f in schema.get("fields", [])}
    cast = _cast(types.get(name, "string"))
    c = header.index(name) if name in header else None
    if c is None:
        return [None] * len(rows)
    raw = [row[c] if c < len(row) else None for row in rows]
    if cast is str:
        return [None if v is None or v in missing else v for v in raw]
    out = []
    for v in raw:
        if v is None or v in missing:
            out.append(None)
            continue
        try:
            out.append(cast(v))
        except ValueError:
            out.append(v)
    return out


def _typed(table: Table, header: list[str], rows: list[list[str]], names: list[str],
           memo: dict | None = None) -> list[tuple]:
    """Tuples of the cells of `names` in every row, typed as Frictionless reads them (missing -> None).
    `memo` keeps each column typed once per key check."""
    memo = {} if memo is None else memo
    cols = []
    for n in names:
        if (table.name, n) not in memo:
            memo[(table.name, n)] = _column(table, header, rows, n)
        cols.append(memo[(table.name, n)])
    return list(zip(*cols)) if cols else [() for _ in rows]


def key_problems(pkg: str, tables: list[Table]) -> list[str]:
    """Primary keys and `unique` fields unique, foreign keys resolved, over every row of the package."""
    parsed = {t.name: (t, *_cells(t)) for t in tables}
    memo: dict = {}
    out = []

    def where(t: Table, i: int, names: list[str]) -> str:
        return (f"{pkg}/{t.name} row {i + 2} field {', '.join(names)}", f" ({t.resource.get('path')} line {t.line(i)})")

    for t, header, rows in parsed.values():
        schema = t.resource.get("schema", {})
        groups = []
        if schema.get("primaryKey"):
            groups.append(("primary-key", list(schema["primaryKey"])))
        groups += [("unique", [f["name"]]) for f in schema.get("fields", [])
                   if f.get("constraints", {}).get("unique")]
        for kind, names in groups:
            seen: dict[tuple, int] = {}
            for i, cells in enumerate(_typed(t, header, rows, names, memo)):
                if set(cells) == {None}:
                    continue  # reported by the row checks (a key field is required)
                if cells in seen:
                    w, line = where(t, i, names)
                    out.append(f"{w}: {kind}: the same as in the row at position {seen[cells] + 2}{line}")
                else:
                    seen[cells] = i
        for fk in schema.get("foreignKeys", []):
            ref_name = fk["reference"].get("resource") or t.name
            names, ref_fields = list(fk["fields"]), list(fk["reference"]["fields"])
            if ref_name not in parsed:
                out.append(f"{pkg}/{t.name}: foreign-key: the referenced resource {ref_name!r} is not in the package")
                continue
            rt, rheader, rrows = parsed[ref_name]
            lookup = {cells for cells in _typed(rt, rheader, rrows, ref_fields, memo) if set(cells) != {None}}
            for i, cells in enumerate(_typed(t, header, rows, names, memo)):
                if set(cells) == {None} or cells in lookup:
                    continue
                w, line = where(t, i, names)
                values = ", ".join(str(c) for c in cells)
                out.append(f"{w}: foreign-key: for \"{', '.join(names)}\": values \"{values}\" not found in "
                           f"the lookup table \"{ref_name}\" as \"{', '.join(ref_fields)}\"{line}")
    return out


# --- the check ---------------------------------------------------------------------------------------

def check_package(folder: Path, seen: dict[str, tuple[str, set[str]]], workdir: Path
                  ) -> tuple[list[str], dict[str, tuple[str, list[str]]]]:
    """Problems of the tables of the package in `folder`; `seen` is {table: (line key, digests validated
    before)}. Returns (problems, {table: (line key, digests of all its lines)})."""
    pkg = folder.name
    desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables, problems = read_tables(folder, desc)
    lines: dict[str, tuple[str, list[str]]] = {}
    for t in tables:
        key = line_key(t)
        digests = [digest(r) for r in t.rows]
        known = seen.get(t.name, ("", set()))
        old = known[1] if known[0] == key else set()
        new = [i for i, d in enumerate(digests) if d not in old]
        if new or known[0] != key:  # the header too: validated with the lines under this key
            problems += row_problems(pkg, t, new, workdir)
        lines[t.name] = (key, digests)
    problems += key_problems(pkg, tables)
    return problems, lines
