"""A district package is not validated row by row again: it is proven a part of the (validated) city
package. The proof refuses a district line that is not a line of the city table, and a foreign key that
does not resolve inside the district package; nothing is published then."""

import shutil

import pytest
from goldfixture import build_project
from packagecheck import altered, refused

from tertial import package
from tertial.package import proof




@pytest.fixture
def project(tmp_path):
    build_project(tmp_path)
    return tmp_path






def test_district_line_not_in_the_city_package_is_refused(project, monkeypatch):
    def change(pkgs):
        goals = pkgs["hagersten-alvsjo"]["goals"]
        goals[0] = {**goals[0], "level": "bogus"}  # only in the district: the city's line is valid

    altered(monkeypatch, change)
    problems = refused(project)
    assert any(p.startswith("hagersten-alvsjo/goals row 2: row-error: the line is not a line of the city")
               and "(data/goals.csv line 2)" in p for p in problems), problems
    assert not any(p.startswith("stockholm/") for p in problems)


def test_duplicate_line_in_a_district_is_refused(project, monkeypatch):
    def change(pkgs):
        acts = pkgs["hagersten-alvsjo"]["activities"]
        acts.insert(1, acts[0])

    altered(monkeypatch, change)
    problems = refused(project)
    assert any(p.startswith("hagersten-alvsjo/activities row 3: primary-key") for p in problems), problems


def test_dangling_foreign_key_inside_a_district_is_refused(project, monkeypatch):
    def change(pkgs):
        pkg = pkgs["hagersten-alvsjo"]
        used = {a["goal_id"] for a in pkg["activities"]}
        gone = next(g for g in pkg["goals"] if g["goal_id"] in used)
        pkg["goals"] = [g for g in pkg["goals"] if g is not gone]  # still in the city package
        change.gone = gone["goal_id"]

    altered(monkeypatch, change)
    problems = refused(project)
    assert any(p.startswith("hagersten-alvsjo/activities row ") and "field goal_id: foreign-key" in p
               and change.gone in p and "data/activities.csv line" in p for p in problems), problems
    assert not any(p.startswith("stockholm/") for p in problems)


def test_district_resource_with_another_schema_is_refused(project, monkeypatch):
    real = package.resource

    def resource(table, data):
        res = real(table, data)
        if table == "goals" and b"hagersten-liljeholmen" in data and b"hagersten-alvsjo" not in data:
            res["schema"] = {**res["schema"], "primaryKey": ["title"]}
        return res

    monkeypatch.setattr(package, "resource", resource)
    problems = refused(project)
    assert any(p.startswith("hagersten-liljeholmen/goals: schema-error") for p in problems), problems


def test_proof_checks_no_district_row_by_row(project, monkeypatch):
    """The valid project: Frictionless row checks only ever see the city package."""
    seen = []
    real = proof.row_problems
    monkeypatch.setattr(proof, "row_problems", lambda pkg, t, idx, wd: seen.append(pkg) or real(pkg, t, idx, wd))
    shutil.rmtree(project / "build" / "cache" / "package", ignore_errors=True)  # cold: every line checked
    package.run(project)
    assert set(seen) == {"stockholm"}
