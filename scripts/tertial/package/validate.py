"""Validation with the Frictionless Python API: types, constraints, primary and foreign keys, bytes and
hash of every table. A package that fails stops publishing with a readable list of what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

from frictionless import FrictionlessException, Package, system

MAX_LISTED = 20


def problems(package_json: Path) -> list[str]:
    """Every validation error of one package, one readable line each (empty when valid)."""
    with system.use_context(trusted=False):
        report = Package(str(package_json)).validate()
    out = []
    for error in report.errors:
        out.append(f"{package_json}: {error.message}")
    for task in report.tasks:
        for error in task.errors:
            where = task.name or task.place
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            loc = f"{where}" + (f" row {row}" if row else "") + (f" field {field}" if field else "")
            out.append(f"{package_json.parent.name}/{loc}: {error.type}: {error.note or error.message}")
    return out


def descriptor_problems(package_json: Path, schemas: bool = True) -> list[str]:
    """The package-level (metadata) errors only: what `problems` checks before it reads any table.
    For a package whose tables are checked otherwise (proof.py). With `schemas=False` the resources are
    validated without their Table Schemas: for a district package, whose resources are proven to carry
    the city package's schemas, validated there."""
    try:
        with system.use_context(trusted=False):
            if schemas:
                package = Package(str(package_json))
            else:
                desc = json.loads(package_json.read_text(encoding="utf-8"))
                for res in desc.get("resources", []):
                    if isinstance(res, dict):
                        res.pop("schema", None)
                package = Package(desc, basepath=str(package_json.parent))
            package.to_descriptor(validate=True)
    except FrictionlessException as exc:
        return [f"{package_json}: {error.message}" for error in exc.to_errors()]
    return []
