"""The field dictionary and the tables: every field defined is used, every field used is defined,
every field documented in Swedish, the contract's columns all present."""

import re

import yaml

from tertial import ids, reports, schema

CONTRACT = {
    "districts": "district_id, name",
    "reports": "report_id, district_id, year, report_type, title, source_file, source_sha256",
    "goals": "goal_id, report_id, parent_goal_id, level, code, title, assessment, city_goal_id, source_line",
    "goal_texts": "goal_id, section, text",
    "indicators": "indicator_id, name, unit, direction",
    "indicator_results": "report_id, goal_id, indicator_id, name, unit, period, period_outcome, outcome_men, "
                         "outcome_women, previous_year, forecast, annual_target, annual_target_text, city_target, "
                         "city_target_text, needs_review, analysis, source_line",
    "activities": "activity_id, report_id, goal_id, text, start_date, end_date, deviation, source_line",
}


def _raw():
    fields = yaml.safe_load((schema.SCHEMA_DIR / "fields.yml").read_text(encoding="utf-8"))
    tables = yaml.safe_load((schema.SCHEMA_DIR / "tables.yml").read_text(encoding="utf-8"))
    return fields, tables


def test_every_field_defined_is_used_and_every_used_field_defined():
    fields, tables = _raw()
    used = {f for t in tables.values() for f in t["fields"]}
    assert sorted(set(fields) - used) == [], "defined but never used"
    assert sorted(used - set(fields)) == [], "used but not defined"


def test_every_field_has_type_and_swedish_title_and_description():
    fields, _ = _raw()
    for name, f in fields.items():
        assert f["type"] in ("string", "integer", "number", "boolean", "date"), name
        assert f["title"].strip() and f["description"].strip(), name
        assert f["description"] != f["title"], name
    swedish = sum(bool(re.search(r"[åäö]", f["description"])) for f in fields.values())
    assert swedish > len(fields) / 2  # descriptions are Swedish text


def test_the_id_rules_name_every_report_type():
    """The report_id pattern in fields.yml spells the report types out again (a regex cannot refer to the
    enum): a type added to one and not the other fails here."""
    fields, _ = _raw()
    pattern = fields["report_id"]["constraints"]["pattern"]
    types = re.search(r"\(([a-z0-9|]+)\)$", pattern).group(1).split("|")
    assert types == [t.lower() for t in schema.enum("report_type")]
    for t in schema.enum("report_type"):
        rid = ids.report_id("norrmalm", 2024, t)
        assert re.fullmatch(pattern, rid), rid
    assert list(reports.TYPE_ORDER) == list(schema.enum("report_type"))


def test_contract_columns_present_in_each_table():
    for table, cols in CONTRACT.items():
        have = schema.columns(table)
        missing = [c for c in cols.split(", ") if c not in have]
        assert missing == [], table


def test_table_schema_keys_and_missing_values():
    _, tables = _raw()
    for table in tables:
        s = schema.table_schema(table)
        assert s["missingValues"] == [""]
        assert s["primaryKey"]
        for fk in s.get("foreignKeys", []):
            target = fk["reference"]["resource"] or table
            assert target in tables
            assert all(f in schema.columns(target) for f in fk["reference"]["fields"])
    fks = {t: {(fk["fields"][0], fk["reference"]["resource"] or t) for fk in schema.table_schema(t).get("foreignKeys", [])}
           for t in tables}
    assert {("goal_id", "goals"), ("indicator_id", "indicators"), ("report_id", "reports")} <= fks["indicator_results"]
    assert {("report_id", "reports"), ("parent_goal_id", "goals")} <= fks["goals"]
    assert ("district_id", "districts") in fks["reports"]
    assert ("goal_id", "goals") in fks["activities"]
    assert ("goal_id", "goals") in fks["goal_texts"]
