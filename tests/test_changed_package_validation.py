"""Frictionless validates what is published: a package whose files differ from the published ones
(datapackages/) is validated (its metadata by Frictionless, its lines not validated before row by row by
Frictionless, its keys over whole tables); a broken one is refused and nothing is published. A package
whose files are byte for byte the published ones was validated when it was published and is not
validated again; a hand-edited published package is not trusted."""

import shutil

import pytest
from goldfixture import build_project
from packagecheck import altered, files, refused

from tertial import package
from tertial.package import proof, tables, validate

DISTRICT = "hagersten-alvsjo"


@pytest.fixture
def project(tmp_path):
    build_project(tmp_path)
    return tmp_path


@pytest.fixture
def validated(monkeypatch):
    """The packages validated since ("full": their metadata by Frictionless, then their tables), and
    the lines validated row by row by Frictionless, per package."""
    seen = {"full": [], "rows": {}}
    real_meta, real_rows = validate.descriptor_problems, proof.row_problems

    def meta(path):
        seen["full"].append(path.parent.name)
        return real_meta(path)

    def rows(pkg, table, indexes, workdir):
        seen["rows"][pkg] = seen["rows"].get(pkg, 0) + len(indexes)
        return real_rows(pkg, table, indexes, workdir)

    monkeypatch.setattr(validate, "descriptor_problems", meta)
    monkeypatch.setattr(proof, "row_problems", rows)
    return seen


def test_unchanged_packages_are_not_validated_again(project, validated):
    before = files(project / "datapackages")
    package.run(project)
    assert files(project / "datapackages") == before
    assert validated == {"full": [], "rows": {}}


def test_cold_build_validates_every_package(project, validated):
    (project / "datapackages").rename(project / "published.old")
    shutil.rmtree(project / "build" / "cache" / "package")  # no line validated before either
    package.run(project)
    names = [p.name for p in (project / "datapackages").iterdir() if p.is_dir()]
    assert validated["full"][0] == tables.CITY and sorted(validated["full"]) == sorted(names)
    # each line once: a district's lines are the city's, validated with it
    assert validated["rows"][tables.CITY] > 100 and sum(validated["rows"].values()) == validated["rows"][tables.CITY]
    assert files(project / "datapackages") == files(project / "published.old")


def test_hand_edited_published_package_is_validated_and_replaced(project, validated):
    path = project / "datapackages" / DISTRICT / "data" / "goals.csv"
    built = path.read_bytes()
    path.write_bytes(built.replace(b"\n", b"\nx,", 1))
    package.run(project)
    assert validated["full"] == [DISTRICT]
    assert path.read_bytes() == built


def _one(problems: list[str], start: str, *parts: str) -> None:
    assert any(p.startswith(start) and all(x in p for x in parts) for p in problems), problems


def test_changed_district_value_outside_the_enum_is_refused(project, monkeypatch, validated):
    def change(pkgs):
        goals = pkgs[DISTRICT]["goals"]
        goals[0] = {**goals[0], "level": "bogus"}  # only in the district: the city's line is valid

    altered(monkeypatch, change)
    _one(refused(project), f"{DISTRICT}/goals row 2 field level: constraint-error")
    assert validated["full"] == [DISTRICT] and validated["rows"] == {DISTRICT: 1}  # its one new line


def test_duplicate_line_in_a_district_is_refused(project, monkeypatch):
    def change(pkgs):
        acts = pkgs[DISTRICT]["activities"]
        acts.insert(1, acts[0])

    altered(monkeypatch, change)
    _one(refused(project), f"{DISTRICT}/activities row 3", "primary-key")


def test_dangling_foreign_key_inside_a_district_is_refused(project, monkeypatch):
    def change(pkgs):
        pkg = pkgs[DISTRICT]
        used = {a["goal_id"] for a in pkg["activities"]}
        gone = next(g for g in pkg["goals"] if g["goal_id"] in used)
        pkg["goals"] = [g for g in pkg["goals"] if g is not gone]  # still in the city package
        change.gone = gone["goal_id"]

    altered(monkeypatch, change)
    problems = refused(project)
    _one(problems, f"{DISTRICT}/activities row ", "foreign-key", change.gone)
    assert not any(p.startswith("stockholm/") for p in problems)


def test_changed_district_metadata_is_refused(project, monkeypatch):
    real = package.metadata.descriptor

    def descriptor(root, name, reports, data_version):
        desc = real(root, name, reports, data_version)
        if name == DISTRICT:
            desc["licenses"] = [{"title": "no name, no path"}]
        return desc

    monkeypatch.setattr(package.metadata, "descriptor", descriptor)
    problems = refused(project)
    assert any(f"{DISTRICT}/datapackage.json" in p and "license requires" in p for p in problems), problems


def test_changed_city_metadata_is_refused(project, monkeypatch):
    real = package.metadata.descriptor

    def descriptor(root, name, reports, data_version):
        desc = real(root, name, reports, data_version)
        if name == tables.CITY:
            desc["licenses"] = [{"title": "no name, no path"}]
        return desc

    monkeypatch.setattr(package.metadata, "descriptor", descriptor)
    problems = refused(project)
    assert any("stockholm/datapackage.json" in p and "license requires" in p for p in problems), problems
