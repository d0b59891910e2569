"""Validation with the Frictionless Python API: types, constraints, primary and foreign keys, bytes and
hash of every table. A package that fails stops publishing with a readable list of what is wrong."""

from __future__ import annotations

from pathlib import Path

from frictionless import FrictionlessException, Package, system

MAX_LISTED = 20


def problems(package_json: Path) -> list[str]:
    """Every validation error of one package, one readable line each (empty when valid)."""
    try:
        with system.use_context(trusted=False):
            report = Package(str(package_json)).validate()
    except FrictionlessException as exc:  # the metadata is not valid: no table is read
        return [f"{package_json}: {error.message}" for error in exc.to_errors()]
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


def descriptor_problems(package_json: Path) -> list[str]:
    """The package-level (metadata) errors only, the resources' Table Schemas included: what `problems`
    checks before it reads any table. For a package whose tables are checked by proof.py."""
    try:
        with system.use_context(trusted=False):
            Package(str(package_json)).to_descriptor(validate=True)
    except FrictionlessException as exc:
        return [f"{package_json}: {error.message}" for error in exc.to_errors()]
    return []
