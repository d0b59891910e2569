"""A district package whose files are byte for byte the ones proven before is proven again by sets alone
(build/cache/package/districts/): its resources and headers must be the city's and the digests of its
lines a subset of the city table's. Anything else is proven in full and refused as usual: a city line a
cached district still holds that the city lost, a city resource the district no longer matches, a
changed district line, a corrupt cache entry."""

import json
from pathlib import Path

import pytest
from goldfixture import build_project
from packagecheck import altered, files, refused

from tertial import package
from tertial.package import cache, proof, tables

DISTRICT = "hagersten-alvsjo"




@pytest.fixture
def project(tmp_path):
    build_project(tmp_path)  # every district proven in full once, its record cached
    assert (tmp_path / cache.CACHE / "districts" / f"{DISTRICT}.json").is_file()
    return tmp_path


@pytest.fixture
def proven(monkeypatch):
    """The districts proven in full, and those passed by their cached record."""
    seen = {"full": [], "known": []}
    real_prove, real_known = proof.prove_district, proof.known_district

    def prove(folder, city):
        seen["full"].append(folder.name)
        return real_prove(folder, city)

    def known(folder, city, digests, record):
        ok = real_known(folder, city, digests, record)
        if ok:
            seen["known"].append(folder.name)
        return ok

    monkeypatch.setattr(proof, "prove_district", prove)
    monkeypatch.setattr(proof, "known_district", known)
    return seen






def _forget_checked(project: Path) -> None:
    """As after one more report: the set of packages is not the one checked last time."""
    (project / cache.CACHE / "checked" / "packages.json").unlink()


def test_unchanged_districts_are_proven_by_their_records(project, proven):
    before = files(project / "datapackages")
    _forget_checked(project)
    package.run(project)
    assert files(project / "datapackages") == before
    districts = [p.name for p in (project / "datapackages").iterdir()
                 if p.is_dir() and p.name != tables.CITY]
    assert proven["full"] == [] and sorted(proven["known"]) == sorted(districts)


def test_city_line_lost_that_a_cached_district_holds_is_refused(project, monkeypatch, proven):
    def change(pkgs):  # the district's files stay as proven; the city loses one of its activities
        gone = pkgs[DISTRICT]["activities"][0]
        pkgs[tables.CITY]["activities"] = [a for a in pkgs[tables.CITY]["activities"] if a is not gone]

    altered(monkeypatch, change)
    _forget_checked(project)
    problems = refused(project)
    assert any(p.startswith(f"{DISTRICT}/activities row 2: row-error: the line is not a line of the city")
               and "(data/activities.csv line 2)" in p for p in problems), problems
    assert not any(p.startswith("stockholm/") for p in problems), problems
    assert DISTRICT in proven["full"] and DISTRICT not in proven["known"]


def test_changed_district_line_is_proven_in_full_and_refused(project, monkeypatch, proven):
    def change(pkgs):
        goals = pkgs[DISTRICT]["goals"]
        goals[0] = {**goals[0], "level": "bogus"}  # only in the district

    altered(monkeypatch, change)
    problems = refused(project)
    assert any(p.startswith(f"{DISTRICT}/goals row 2: row-error: the line is not a line of the city")
               for p in problems), problems
    assert proven["full"] == [DISTRICT]  # the others passed by their records


def test_city_resource_a_cached_district_no_longer_matches_is_refused(project, monkeypatch, proven):
    real = package.render

    def render(root, name, pkg, reports, memo=None, data_version=None):
        files = real(root, name, pkg, reports, memo, data_version)
        if name == tables.CITY:  # the city's activities resource changes; the districts' files do not
            desc = json.loads(files["datapackage.json"])
            res = next(r for r in desc["resources"] if r["name"] == "activities")
            res["schema"]["fields"][0]["description"] += " (city only)"
            files["datapackage.json"] = (json.dumps(desc, ensure_ascii=False, indent=2) + "\n").encode()
        return files

    monkeypatch.setattr(package, "render", render)
    _forget_checked(project)
    problems = refused(project)
    assert any(p.startswith(f"{DISTRICT}/activities: schema-error: the resource is not the city package's")
               for p in problems), problems
    assert proven["known"] == []


def _bad_district_licence(monkeypatch) -> None:
    """The district's datapackage.json gets a licence without name and path (invalid metadata)."""
    real = package.metadata.descriptor

    def descriptor(root, name, reports, data_version):
        desc = real(root, name, reports, data_version)
        if name == DISTRICT:
            desc["licenses"] = [{"title": "no name, no path"}]
        return desc

    monkeypatch.setattr(package.metadata, "descriptor", descriptor)


def _licence_refused(project) -> None:
    problems = refused(project)
    assert any(p.endswith(f"{DISTRICT}/datapackage.json: The data package has an error: license requires "
                          "\"path\" or \"name\": {'title': 'no name, no path'}") for p in problems), problems


def test_district_metadata_is_validated_on_the_cached_path(project, monkeypatch, proven):
    _bad_district_licence(monkeypatch)
    _licence_refused(project)
    assert DISTRICT in proven["known"]  # its tables passed by their record; its metadata did not


@pytest.mark.parametrize("entry", ["not json", json.dumps([1, 2]),
                                   json.dumps({"key": None, "tables": {}})])
def test_corrupt_record_means_a_full_proof(project, proven, entry):
    before = files(project / "datapackages")
    (project / cache.CACHE / "districts" / f"{DISTRICT}.json").write_text(entry, encoding="utf-8")
    _forget_checked(project)
    package.run(project)
    assert files(project / "datapackages") == before
    assert DISTRICT in proven["full"]
    assert json.loads((project / cache.CACHE / "districts" / f"{DISTRICT}.json").read_text())["key"]


def test_record_with_a_foreign_digest_is_not_trusted(project, proven):
    """A record whose key matches but whose digests the city does not hold: proven in full (and valid)."""
    path = project / cache.CACHE / "districts" / f"{DISTRICT}.json"
    entry = json.loads(path.read_text())
    entry["tables"]["goals"]["digests"].append("0" * 32)
    path.write_text(json.dumps(entry), encoding="utf-8")
    _forget_checked(project)
    package.run(project)
    assert DISTRICT in proven["full"]


def test_descriptor_found_valid_before_is_not_validated_again(project, monkeypatch):
    """A datapackage.json whose very bytes Frictionless found valid before (a district the publication did
    not change) is not validated again; one with other bytes is, and refused when wrong."""
    from tertial.package import validate

    checked = []
    real = validate.descriptor_problems

    def spy(path, schemas=True):
        checked.append(path.parent.name)
        return real(path, schemas)

    monkeypatch.setattr(validate, "descriptor_problems", spy)
    _forget_checked(project)
    package.run(project)
    assert checked == []  # every descriptor is the one validated by the build
    real_descriptor = package.metadata.descriptor
    _bad_district_licence(monkeypatch)
    _licence_refused(project)
    assert checked == [DISTRICT]
    # and a corrupt cache entry only means the check is done again
    (project / cache.CACHE / "descriptors" / "stockholm.json").write_text("not json", encoding="utf-8")
    monkeypatch.setattr(package.metadata, "descriptor", real_descriptor)
    checked.clear()
    _forget_checked(project)
    package.run(project)
    assert checked == ["stockholm"]
