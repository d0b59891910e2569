"""The Table Schemas of the published tables, kept as YAML in package/schema/: fields.yml (every field
defined once) and tables.yml (per table: fields by name, primaryKey, foreignKeys).

Below the stages: the package stage writes the tables by them and the changelog stage compares their
columns."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import TertialError

SCHEMA_DIR = Path(__file__).parent / "package" / "schema"
MISSING_VALUES = [""]


@lru_cache(maxsize=1)
def load() -> tuple[dict, dict]:
    """(fields, tables) as written in the YAML files, checked for consistency."""
    fields = yaml.safe_load((SCHEMA_DIR / "fields.yml").read_text(encoding="utf-8"))
    tables = yaml.safe_load((SCHEMA_DIR / "tables.yml").read_text(encoding="utf-8"))
    for name, f in fields.items():
        for key in ("type", "title", "description"):
            if not f.get(key):
                raise TertialError(f"field {name!r} lacks {key}", SCHEMA_DIR / "fields.yml")
    for table, t in tables.items():
        for name in t["fields"]:
            if name not in fields:
                raise TertialError(f"table {table} uses field {name!r}, which fields.yml does not define",
                                   SCHEMA_DIR / "tables.yml")
        for key in t.get("primaryKey", []) + t.get("sort", []):
            if key not in t["fields"]:
                raise TertialError(f"table {table}: key {key!r} is not one of its fields", SCHEMA_DIR / "tables.yml")
    return fields, tables


def table_names() -> list[str]:
    return list(load()[1])


def columns(table: str) -> list[str]:
    return list(load()[1][table]["fields"])


def sort_key(table: str) -> list[str]:
    t = load()[1][table]
    return list(t.get("sort") or t["primaryKey"])


def field_type(name: str) -> str:
    return load()[0][name]["type"]


def table_schema(table: str) -> dict:
    """The Frictionless Table Schema of one table."""
    fields, tables = load()
    t = tables[table]
    out_fields = []
    for name in t["fields"]:
        f = copy.deepcopy(fields[name])
        entry = {"name": name, "type": f.pop("type")}
        if "format" in f:
            entry["format"] = f.pop("format")
        entry["title"] = f.pop("title")
        entry["description"] = f.pop("description")
        entry.update(f)
        out_fields.append(entry)
    schema = {"fields": out_fields, "missingValues": list(MISSING_VALUES), "primaryKey": list(t["primaryKey"])}
    if t.get("foreignKeys"):
        fks = copy.deepcopy(t["foreignKeys"])
        for fk in fks:  # a reference to the table itself is written "" (Table Schema)
            if fk["reference"]["resource"] == table:
                fk["reference"]["resource"] = ""
        schema["foreignKeys"] = fks
    return schema


def table_meta(table: str) -> dict:
    t = load()[1][table]
    return {"title": t["title"], "description": t["description"]}
