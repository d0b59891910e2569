"""The field dictionary and the tables: every field defined is used, every field used is defined,
every field documented in Swedish, the contract's columns all present."""

import re

import yaml

from tertial import ids, reports
from tertial.curation import corrections
from tertial.curation.indicators import DIRECTIONS
from tertial.extract.model import ASSESSMENTS, LEVELS
from tertial import schema

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


def test_each_enum_in_the_schema_is_the_codes_the_stages_write():
    """The published enums and the codes the code writes and orders by: a code added on one side only
    fails here (every enum in fields.yml must be one of these)."""
    fields, _ = _raw()
    code = {"level": LEVELS, "assessment": ASSESSMENTS, "report_type": ids.REPORT_TYPES,
            "direction": DIRECTIONS, "table_name": corrections.TABLES}
    enums = {name: f["constraints"]["enum"] for name, f in fields.items() if "enum" in f.get("constraints", {})}
    assert enums == {name: list(values) for name, values in code.items()}
    assert list(reports.TYPE_ORDER) == list(ids.REPORT_TYPES)


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
