"""The published tables of one package, from the curated tables and the sources manifest.

`stockholm` holds everything; a district's package holds its reports and what they reference (the
indicators and city goals they use, the districts it merged from or into): the very row objects of the
city tables, in the same order (a subset of rows sorted by a stable sort is sorted the same way).
"""

from __future__ import annotations

from ..reports import district_rows, report_rows
from ..extract.values import format_number
from .. import schema

CITY = "stockholm"


def all_tables(curated: dict[str, list[dict]], reports) -> dict[str, list[dict]]:
    """The city-wide tables: curated tables plus districts and reports, indicator_results with the
    report's district and year."""
    tables = {name: [dict(r) for r in rows] for name, rows in curated.items()}
    tables["districts"] = district_rows()
    tables["reports"] = report_rows(reports)
    by_report = {r.report_id: r for r in reports}
    for row in tables["indicator_results"]:
        rep = by_report.get(row["report_id"])
        row["district_id"] = rep.district_id if rep else ""
        row["year"] = str(rep.year) if rep else ""
    return tables


def district_tables(tables: dict[str, list[dict]], district_id: str) -> dict[str, list[dict]]:
    reports = [r for r in tables["reports"] if r["district_id"] == district_id]
    rids = {r["report_id"] for r in reports}
    goals = [g for g in tables["goals"] if g["report_id"] in rids]
    gids = {g["goal_id"] for g in goals}
    results = [r for r in tables["indicator_results"] if r["report_id"] in rids]
    iids = {r["indicator_id"] for r in results}
    city_by_id = {c["city_goal_id"]: c for c in tables["city_goals"]}
    cids: set[str] = set()
    stack = [g["city_goal_id"] for g in goals if g["city_goal_id"]]
    while stack:  # the city goals used, and the goals above them
        cid = stack.pop()
        if cid in cids or cid not in city_by_id:
            continue
        cids.add(cid)
        if city_by_id[cid]["parent_city_goal_id"]:
            stack.append(city_by_id[cid]["parent_city_goal_id"])
    related = {district_id}
    for d in tables["districts"]:  # follow the area across a merger, both ways
        if d["district_id"] == district_id and d["merged_into_district_id"]:
            related.add(d["merged_into_district_id"])
        if d["merged_into_district_id"] == district_id:
            related.add(d["district_id"])
    return {
        "districts": [d for d in tables["districts"] if d["district_id"] in related],
        "reports": reports,
        "city_goals": [c for c in tables["city_goals"] if c["city_goal_id"] in cids],
        "goals": goals,
        "goal_texts": [t for t in tables["goal_texts"] if t["goal_id"] in gids],
        "indicators": [i for i in tables["indicators"] if i["indicator_id"] in iids],
        "indicator_results": results,
        "activities": [a for a in tables["activities"] if a["report_id"] in rids],
        "corrections": [c for c in tables["corrections"] if c["report_id"] in rids],
    }


def packages(curated: dict[str, list[dict]], reports) -> dict[str, dict[str, list[dict]]]:
    """{package name: {table: rows}}: stockholm and every district with at least one report."""
    tables = {t: normalize(t, rows) for t, rows in all_tables(curated, reports).items()}
    out = {CITY: tables}
    for did in sorted({r.district_id for r in reports}):  # normalized rows, filtered: the order is kept
        out[did] = district_tables(tables, did)
    return out


def normalize(table: str, rows: list[dict]) -> list[dict]:
    """Rows with exactly the schema's columns, values as stable text, sorted by the table's key."""
    cols = schema.columns(table)
    types = {c: schema.field_type(c) for c in cols}
    numeric = [(c, format_number if types[c] == "number" else None) for c in cols
               if types[c] in ("number", "integer")]
    out = []
    for row in rows:
        clean = {c: "" if (v := row.get(c, "")) is None else str(v) for c in cols}
        for c, fmt in numeric:  # from the row's own value, as written in the curated table
            value = row.get(c, "")
            if value is not None and value != "":
                clean[c] = fmt(float(value)) if fmt else str(int(value))
        out.append(clean)
    keys = schema.sort_key(table)

    def sort_value(row):
        return tuple((0, int(row[k]), "") if types[k] == "integer" and row[k] != "" else (1, 0, row[k])
                     for k in keys)
    return sorted(out, key=sort_value)
