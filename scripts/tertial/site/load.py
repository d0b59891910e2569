"""Load: the published package (datapackage.json + data/*.csv) into DataFrames, by column name.

The site reads nothing else, so it shows exactly what users can download. Extra columns are
tolerated; a missing optional table (districts, reports, indicators) is derived from the others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import ids, schema
from ..errors import TertialError
from ..reports import TYPE_ORDER, UNKNOWN_TYPE

# the tables the site reads and the columns each must have: all of its Table Schema's (tertial/schema.py)
SITE_TABLES = ("goals", "indicator_results", "activities", "goal_texts", "districts", "reports", "indicators")
REQUIRED = {name: schema.columns(name) for name in SITE_TABLES}


@dataclass
class Package:
    """One data package as on disk: its descriptor and where it lives."""
    name: str
    folder: Path
    descriptor: dict


@dataclass
class SiteData:
    tables: dict[str, pd.DataFrame]
    package: Package
    packages: list[Package] = field(default_factory=list)
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)  # as read: strings, for CSV downloads

    def __getattr__(self, name):  # data.goals, data.reports, ...
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            raise AttributeError(name) from None


def find_packages(packages_dir: Path) -> list[Package]:
    out = []
    for desc in sorted(Path(packages_dir).glob("*/datapackage.json")):
        out.append(Package(desc.parent.name, desc.parent, read_descriptor(desc)))
    # the city-wide package first, then districts alphabetically
    return sorted(out, key=lambda p: (p.name != "stockholm", p.name))


def read_descriptor(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TertialError(f"cannot read package descriptor: {exc}", path) from exc


def resource_schema(pkg: Package, resource: dict) -> dict:
    schema = resource.get("schema") or {}
    if isinstance(schema, str):  # a schema kept in its own file
        schema = read_descriptor(pkg.folder / schema)
    return schema


def read_table(pkg: Package, name: str) -> pd.DataFrame | None:
    res = next((r for r in pkg.descriptor.get("resources", []) if r.get("name") == name), None)
    path = pkg.folder / (res["path"] if res and isinstance(res.get("path"), str) else f"data/{name}.csv")
    if not path.exists():
        return None
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in REQUIRED.get(name, []) if c not in df.columns]
    if missing:
        raise TertialError(f"table {name} lacks column(s) {', '.join(missing)}", path)
    return df


def _numeric(df: pd.DataFrame, cols: list[str]) -> None:
    for c in cols:
        if c in df.columns:
            df[c] = pd.to_numeric(df[c].replace("", None), errors="coerce")


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    text = {c: object for c, t in df.dtypes.items() if isinstance(t, pd.StringDtype)}
    return df.astype(text) if text else df


def load(packages_dir: Path, name: str = "stockholm") -> SiteData:
    """Load the city-wide package (and list every package for the download pages)."""
    packages = find_packages(packages_dir)
    pkg = next((p for p in packages if p.name == name), None)
    if pkg is None:
        raise TertialError(f"no package '{name}' (expected {name}/datapackage.json)", packages_dir)
    t = {n: read_table(pkg, n) for n in REQUIRED}
    for n in ("goals", "indicator_results", "activities", "goal_texts"):
        if t[n] is None:
            t[n] = pd.DataFrame(columns=REQUIRED[n])
    if t["reports"] is None:  # derive from report ids: {district}-{year}-{type}
        rid = pd.Series(sorted(set(t["goals"]["report_id"]) | set(t["indicator_results"]["report_id"])))
        parts = rid.str.rsplit("-", n=2, expand=True) if len(rid) else pd.DataFrame(columns=[0, 1, 2])
        t["reports"] = pd.DataFrame({"report_id": rid, "district_id": parts[0], "year": parts[1],
                                     "report_type": parts[2].str.upper(), "title": ""})
    if t["districts"] is None:
        dids = sorted(set(t["reports"]["district_id"]))
        t["districts"] = pd.DataFrame({"district_id": dids,
                                       "name": [ids.district_name(d) or d for d in dids]})
    if t["indicators"] is None:
        r = t["indicator_results"]
        t["indicators"] = (r.groupby("indicator_id", as_index=False).agg(name=("name", "first"),
                                                                         unit=("unit", "first"))
                           .assign(direction="none"))
    for n in ("reports", "goals", "districts", "indicators"):
        if "title" not in t[n].columns and n in ("reports",):
            t[n]["title"] = ""
    for col in ("valid_from", "valid_to", "merged_into_district_id"):
        if col not in t["districts"].columns:
            t["districts"][col] = ""
    raw = {n: df.copy() for n, df in t.items()}
    rep = t["reports"]
    rep["year"] = pd.to_numeric(rep["year"], errors="coerce").astype("Int64")
    rep["type_order"] = rep["report_type"].map(TYPE_ORDER).fillna(UNKNOWN_TYPE).astype(int)
    t["reports"] = rep.sort_values(["district_id", "year", "type_order"]).reset_index(drop=True)
    _numeric(t["indicator_results"], schema.VALUE_COLUMNS)
    for n in ("goals", "indicator_results", "activities"):
        t[n]["source_line"] = pd.to_numeric(t[n]["source_line"], errors="coerce").astype("Int64")
    # text columns as plain Python objects (str, or NaN when empty): the same values, but iterating rows
    # over pandas' string arrays costs a call per cell, which was a third of making a report page
    t = {n: _plain(df) for n, df in t.items()}
    for name_, df in t.items():  # every id that becomes an address must be safe
        for col in ("district_id", "report_id", "indicator_id", "city_goal_id"):
            if col in df.columns:
                for v in df[col].dropna().unique():
                    if v != "":
                        ids.check_id(str(v), col)
    return SiteData(t, pkg, packages, raw)
