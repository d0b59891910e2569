"""The changelog stage in `tertial build`: between curate and package; the first build of a project writes
entry 1 (version 1.0.0) and every datapackage.json carries it; a rebuild adds nothing; a change in what is
published writes the next entry and the packages follow it."""

from __future__ import annotations

import json
from pathlib import Path

from goldfixture import build_project, gold_extractor

from tertial import build, changelog


def _versions(root: Path) -> dict[str, tuple[str, str]]:
    out = {}
    for desc in sorted((root / "datapackages").glob("*/datapackage.json")):
        d = json.loads(desc.read_text(encoding="utf-8"))
        out[d["name"]] = (d["version"], d["publication"])
    return out


def _rebuild(root: Path) -> list[str]:
    lines: list[str] = []
    build.build(root, build.Context(extractor=gold_extractor, out=lines.append), until="package")
    return lines


def test_the_stage_runs_after_curate_and_before_package():
    names = [s.name for s in build.STAGES]
    assert names.index("curate") + 1 == names.index("changelog") < names.index("package")


def test_first_build_rebuild_and_a_change(tmp_path):
    lines = build_project(tmp_path)
    entries = changelog.load_entries(tmp_path)
    assert [(e["number"], e["version"]) for e in entries] == [(1, "1.0.0")]
    assert {r["report_id"] for r in entries[0]["reports_added"]} == {
        "hagersten-alvsjo-2023-t2", "hagersten-liljeholmen-2020-t1"}
    assert any(line.startswith("changelog: entry 1, data version 1.0.0") for line in lines)
    assert _versions(tmp_path) == {"stockholm": ("1.0.0", "2023-T2"), "hagersten-alvsjo": ("1.0.0", "2023-T2"),
                                   "hagersten-liljeholmen": ("1.0.0", "2020-T1")}
    first = (tmp_path / "changelog" / "0001.json").read_bytes()

    # a rebuild from the same sources: no second entry, same entry bytes
    assert "changelog: no change, data version 1.0.0" in _rebuild(tmp_path)
    assert [p.name for p in sorted((tmp_path / "changelog").iterdir())] == ["0001.json"]
    assert (tmp_path / "changelog" / "0001.json").read_bytes() == first

    # a curation that changes what is published: entry 2, and every package follows it
    yml = tmp_path / "curation" / "indicators.yml"
    text = yml.read_text(encoding="utf-8")
    old = '- name: "Sjukfrånvaro"\n'
    assert old in text
    yml.write_text(text.replace(old, old + '    indicator_id: sjukfranvaro-alla-dagar\n'), encoding="utf-8")
    lines = _rebuild(tmp_path)
    entries = changelog.load_entries(tmp_path)
    assert [(e["number"], e["version"]) for e in entries] == [(1, "1.0.0"), (2, "1.1.0")]
    assert entries[1]["reports_added"] == []
    assert [i["indicator_id"] for i in entries[1]["indicators"]["new"]] == ["sjukfranvaro-alla-dagar"]
    assert [i["indicator_id"] for i in entries[1]["indicators"]["dropped"]] == ["sjukfranvaro"]
    assert entries[1]["date"] == entries[0]["date"]  # dated by the newest report, never by the clock
    assert entries[1]["packages"] == ["stockholm", "hagersten-alvsjo", "hagersten-liljeholmen"]
    assert {v for v, _ in _versions(tmp_path).values()} == {"1.1.0"}
    assert any(line.startswith("changelog: entry 2, data version 1.1.0") for line in lines)


def test_two_first_builds_write_the_same_entry(tmp_path):
    build_project(tmp_path / "a")
    build_project(tmp_path / "b")
    a, b = (tmp_path / d / "changelog" / "0001.json" for d in ("a", "b"))
    assert a.read_bytes() == b.read_bytes()


def test_a_corrected_verdict_is_a_new_publication(tmp_path):
    """A correction of a goal's verdict changes what is published: entry 2 lists it, every package gets
    the new version, and the news page shows the verdict before and after."""
    import csv

    from tertial import news

    build_project(tmp_path)
    with (tmp_path / "datapackages" / "stockholm" / "data" / "goals.csv").open(encoding="utf-8", newline="") as fh:
        g = next(r for r in csv.DictReader(fh) if r["assessment"] == "delvis")
    (tmp_path / "curation" / "corrections.yml").write_text(
        "corrections:\n"
        f"  - report_id: {g['report_id']}\n    source_line: {g['source_line']}\n    table: goals\n"
        "    column: assessment\n    value: helt\n    reason: \"Nämnden rättade sin bedömning\"\n",
        encoding="utf-8")
    lines = _rebuild(tmp_path)
    entries = changelog.load_entries(tmp_path)
    assert [(e["number"], e["version"]) for e in entries] == [(1, "1.0.0"), (2, "1.1.0")]
    assert entries[1]["goals"]["changed"] == [{"report_id": g["report_id"], "goal_id": g["goal_id"],
                                               "title": g["title"], "column": "assessment",
                                               "old": "delvis", "new": "helt"}]
    assert entries[1]["reports_added"] == [] and entries[1]["indicators"]["changed"] == []
    # the city-wide package and the corrected report's district get the new version; the other district's
    # data did not change, so neither did its version (nor its files or downloads)
    district = g["report_id"].rsplit("-", 2)[0]
    assert entries[1]["packages"] == ["stockholm", district]
    versions = {name: v for name, (v, _) in _versions(tmp_path).items()}
    assert versions == {name: "1.1.0" if name in ("stockholm", district) else "1.0.0" for name in versions}
    assert len(versions) == 3
    assert any(line.startswith("changelog: entry 2, data version 1.1.0") for line in lines)
    page = news.entry_page(entries[1])
    assert "| nämndens bedömning | uppfylls delvis | uppfylls helt |" in page
    assert "1 ändrad bedömning" in news.entry_summary(entries[1])


def test_a_changed_review_flag_is_a_new_publication_and_never_slips_through(tmp_path):
    """Only a review flag changes (a newer extractor, say): that is a change of the published data, so the
    changelog records it and the packages holding it get a new version. Should the changelog ever miss
    such a change, the package stage refuses to publish changed data under the old version."""
    import csv
    import io

    import pytest

    from tertial import package
    from tertial.errors import TertialError

    build_project(tmp_path)
    curated = tmp_path / "build" / "curated" / "indicator_results.csv"
    rows = list(csv.DictReader(io.StringIO(curated.read_text(encoding="utf-8"))))
    row = next(r for r in rows if r["needs_review"] == "false" and r["report_id"].startswith("hagersten-alvsjo"))
    row["needs_review"], row["review_reason"] = "true", "a reviewer should look"
    row["analysis"] += " "  # white space alone is published, so it is a change too
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    curated.write_text(out.getvalue(), encoding="utf-8")

    published = {p: p.read_bytes() for p in sorted((tmp_path / "datapackages").rglob("*")) if p.is_file()}
    with pytest.raises(TertialError, match="keep version 1.0.0, as no changelog entry names the package"):
        package.run(tmp_path)  # the changelog stage skipped
    assert {p: p.read_bytes() for p in sorted((tmp_path / "datapackages").rglob("*")) if p.is_file()} == published

    assert changelog.run(tmp_path)[0].startswith("changelog: entry 2, data version 1.1.0")
    entry = changelog.load_entries(tmp_path)[1]
    assert [o["columns"] for o in entry["indicators"]["other"]] == [["analysis", "needs_review", "review_reason"]]
    assert entry["indicators"]["changed"] == []
    from tertial import news

    assert f"| {row['report_id']} | " in news.entry_page(entry) and "granskningsflagga" in news.entry_page(entry)
    assert entry["packages"] == ["stockholm", "hagersten-alvsjo"]
    package.run(tmp_path)
    versions = {name: v for name, (v, _) in _versions(tmp_path).items()}
    assert versions == {"stockholm": "1.1.0", "hagersten-alvsjo": "1.1.0", "hagersten-liljeholmen": "1.0.0"}
