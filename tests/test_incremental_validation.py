"""After one more report only the city package's new lines are validated row by row by Frictionless;
keys are checked over whole tables. A wrong new row is still refused on that path, naming package,
table, row, field and line, and nothing is published."""


import pytest
from goldfixture import build_project
from packagecheck import files, refused

from tertial import package
from tertial.package import proof, tables




@pytest.fixture
def project(tmp_path):
    build_project(tmp_path)  # cold: every city line validated, their hashes cached
    assert (tmp_path / "build" / "cache" / "package" / "lines" / "goals.txt").is_file()
    return tmp_path


@pytest.fixture
def checked(monkeypatch):
    seen: dict[str, int] = {}
    real = proof.row_problems

    def spy(pkg, table, indexes, workdir):
        seen[f"{pkg}/{table.name}"] = seen.get(f"{pkg}/{table.name}", 0) + len(indexes)
        return real(pkg, table, indexes, workdir)

    monkeypatch.setattr(proof, "row_problems", spy)
    return seen


def _with_new_city_row(monkeypatch, table: str, make):
    """One more row in the city package's `table` (made from its first row), as a new report would add."""
    real = tables.packages

    def packages(curated, reports):
        pkgs = real(curated, reports)
        rows = pkgs[tables.CITY][table]
        rows.append(make(dict(rows[0]), pkgs[tables.CITY]))
        return pkgs

    monkeypatch.setattr(tables, "packages", packages)




def _one(problems: list[str], start: str, *parts: str) -> str:
    hits = [p for p in problems if p.startswith(start) and all(x in p for x in parts)]
    assert hits, problems
    return hits[0]


def test_unchanged_rebuild_checks_no_line_row_by_row(project, checked):
    package.run(project)
    assert sum(checked.values()) == 0


def test_wrong_type_in_a_new_row(project, monkeypatch, checked):
    def make(row, city):
        return {**row, "goal_id": row["goal_id"] + "-x", "source_line": "tolv"}

    _with_new_city_row(monkeypatch, "goals", make)
    problems = refused(project)
    n = len(files(project / "datapackages" / "stockholm" / "data")["goals.csv"].decode().splitlines())
    _one(problems, f"stockholm/goals row {n + 1} field source_line: type-error", f"data/goals.csv line {n + 1}")
    assert checked["stockholm/goals"] == 1 and sum(checked.values()) == 1  # the one new line alone


def test_value_outside_the_enum_in_a_new_row(project, monkeypatch, checked):
    _with_new_city_row(monkeypatch, "goals",
                       lambda row, city: {**row, "goal_id": row["goal_id"] + "-x", "assessment": "utmärkt"})
    _one(refused(project), "stockholm/goals row ", "field assessment: constraint-error", "data/goals.csv line")
    assert checked["stockholm/goals"] == 1


def test_duplicate_primary_key_in_a_new_row(project, monkeypatch, checked):
    # the same goal_id as an old (cached, not re-checked) line, with other text: a new line
    _with_new_city_row(monkeypatch, "goals", lambda row, city: {**row, "title": row["title"] + " (ny)"})
    _one(refused(project), "stockholm/goals row ", "field goal_id: primary-key", "the same as in the row",
         "data/goals.csv line")
    assert checked["stockholm/goals"] == 1


def test_dangling_foreign_key_in_a_new_row(project, monkeypatch, checked):
    _with_new_city_row(monkeypatch, "activities",
                       lambda row, city: {**row, "activity_id": row["activity_id"] + "-x", "goal_id": "ingen-sadan"})
    _one(refused(project), "stockholm/activities row ", "field goal_id: foreign-key", "ingen-sadan",
         "data/activities.csv line")
    assert checked["stockholm/activities"] == 1


def test_removed_goal_still_referenced_by_old_lines(project, monkeypatch, checked):
    """Foreign keys are checked over whole tables: removing a goal that old activities use is refused
    although no line of activities is new."""
    real = tables.packages

    def packages(curated, reports):
        pkgs = real(curated, reports)
        city = pkgs[tables.CITY]
        used = {a["goal_id"] for a in city["activities"]}
        city["goals"] = [g for g in city["goals"] if g["goal_id"] != sorted(used)[0]]
        return pkgs

    monkeypatch.setattr(tables, "packages", packages)
    _one(refused(project), "stockholm/activities row ", "field goal_id: foreign-key")
    assert sum(checked.values()) == 0
