"""The Table Schemas of the published tables, kept as YAML in package/schema/: fields.yml (every field
defined once) and tables.yml (per table: fields by name, primaryKey, foreignKeys, the stage that writes it).

The one contract of the tables, below every stage: each column list (`columns`, `stage_columns`), the
tables each stage writes (`stage_tables`), the value columns (`VALUE_COLUMNS`) and every code set (`enum`)
are read from those two files and nowhere written again. The package stage writes the tables by them,
the changelog compares their columns, extraction and curation write their columns in this order, and
the site loader requires them."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import TertialError

SCHEMA_DIR = Path(__file__).parent / "package" / "schema"
MISSING_VALUES = [""]
STAGES = ("extract", "curate", "package")  # the stages that write tables, in the order they run


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
        if t.get("stage") not in STAGES:
            raise TertialError(f"table {table}: stage must be one of {', '.join(STAGES)}", SCHEMA_DIR / "tables.yml")
        for key in t.get("primaryKey", []) + t.get("sort", []) + t.get("package_adds", []):
            if key not in t["fields"]:
                raise TertialError(f"table {table}: key {key!r} is not one of its fields", SCHEMA_DIR / "tables.yml")
    return fields, tables


def table_names() -> list[str]:
    return list(load()[1])


def columns(table: str) -> list[str]:
    return list(load()[1][table]["fields"])


def stage_tables(*stages: str) -> list[str]:
    """The tables first written by any of `stages`, in tables.yml's order."""
    return [name for name, t in load()[1].items() if t["stage"] in stages]


def stage_columns(table: str) -> list[str]:
    """The columns of `table` as the extract and curate stages write it: the published columns without the
    ones the package stage adds (`package_adds`), in the published order."""
    t = load()[1][table]
    return [c for c in t["fields"] if c not in t.get("package_adds", ())]


def enum(name: str) -> tuple[str, ...]:
    """The codes a field may hold (its `enum` constraint in fields.yml)."""
    return tuple(load()[0][name]["constraints"]["enum"])


def typed_columns(table: str, type_: str) -> tuple[str, ...]:
    """The columns of `table` of one Table Schema type, in column order."""
    return tuple(c for c in load()[1][table]["fields"] if field_type(c) == type_)


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


# The seven value columns of an indicator row, in the order a follow-up table prints them: the number
# columns of indicator_results (each has a `_text` twin for a value printed as words).
VALUE_COLUMNS = typed_columns("indicator_results", "number")
LEVELS = enum("level")  # inriktningsmal, verksamhetsmal, namndmal
ASSESSMENTS = enum("assessment")  # helt, delvis, ej (empty: none printed)
