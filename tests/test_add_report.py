"""`tertial add-report` into a temporary copy of the project: inference, refusals, --replace, atomicity."""

from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tertial import add_report as ar
from tertial import changelog, sources
from tertial.cli import main
from tertial.errors import TertialError
from tertial.extract.reader import read_lines

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "sources" / "reports"
HA_T2 = REPORTS / "hagersten-alvsjo-2023-t2.txt"


def project_copy(dest: Path) -> Path:
    """The project's tracked files (as git lists them), copied to dest."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, files.decode().split("\0")):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path / "project")


# --- inference from each report's own text -------------------------------------------------------

@pytest.mark.parametrize("name, district, rtype, year, title", [
    ("hagersten-alvsjo-2023-t2", "Hägersten-Älvsjö", "T2", 2023, "Tertialrapport 2 för 2023"),
    ("norrmalm-2022-vp", "Norrmalm", "VP", 2022, "Verksamhetsplan 2022 för Norrmalms stadsdelsnämnd"),
    # no title block: the period cells ('Tertial 1' / '2020' wrapped over two lines) and the
    # most-mentioned district tell it
    ("hagersten-liljeholmen-2020-t1", "Hägersten-Liljeholmen", "T1", 2020, None),
])
def test_infers_district_type_and_year(name, district, rtype, year, title):
    got = ar.infer(read_lines(REPORTS / f"{name}.txt"))
    assert (got.district, got.report_type, got.year, got.title) == (district, rtype, year, title)


def test_inferred_identity_matches_the_manifest():
    for rec in sources.load_manifest(ROOT):
        rep = ar.resolve_meta(Path(rec.file), ar.infer(read_lines(ROOT / rec.file)), None, None, None)
        assert (rep.report_id, rep.district, rep.title) == (rec.report_id, rec.district, rec.title)


def test_verksamhetsberattelse_title_block():
    lines = ["", "Verksamhetsberättelse 2023", "", "Skärholmens stadsdelsnämnd", "KF:s inriktningsmål: 1. X"]
    got = ar.infer(lines)
    assert (got.district, got.report_type, got.year) == ("Skärholmen", "VB", 2023)


def test_asks_for_the_option_it_cannot_infer(tmp_path):
    lines = ["KF:s inriktningsmål: 1. Ett Stockholm", "Nämndmål: Barn", "Tertial 1 2021"]
    with pytest.raises(TertialError, match=r"cannot tell the district from the text; give --district NAME"):
        ar.resolve_meta(tmp_path / "r.txt", ar.infer(lines), None, None, None)
    rep = ar.resolve_meta(tmp_path / "r.txt", ar.infer(lines), "Farsta", None, None)
    assert rep.report_id == "farsta-2021-t1" and rep.title == "Tertialrapport 1 2021"
    with pytest.raises(TertialError, match=r"give --type VP\|T1\|T2\|VB"):
        ar.resolve_meta(tmp_path / "r.txt", ar.infer(lines[:2]), "Farsta", None, 2021)


def test_options_override_the_text():
    rep = ar.resolve_meta(HA_T2, ar.infer(read_lines(HA_T2)), "Södermalm", "T1", 2024)
    assert rep.report_id == "sodermalm-2024-t1"
    assert rep.title == "Tertialrapport 1 2024"  # the printed title no longer fits: none is borrowed


# --- add-report into a copy of the project -------------------------------------------------------

def test_new_district_is_copied_byte_for_byte_and_recorded(project, capsys):
    rc = main(["--root", str(project), "add-report", str(HA_T2), "--district", "Södermalm"])
    assert rc == 0
    target = project / "sources" / "reports" / "sodermalm-2023-t2.txt"
    assert target.read_bytes() == HA_T2.read_bytes()
    recs = {r.report_id: r for r in sources.load_manifest(project)}  # verifies every sha256
    rec = recs["sodermalm-2023-t2"]
    assert (rec.district, rec.report_type, rec.year, rec.title) == ("Södermalm", "T2", 2023, "Tertialrapport 2 för 2023")
    assert rec.sha256 == hashlib.sha256(HA_T2.read_bytes()).hexdigest()
    assert len(recs) == 4
    assert not list(project.glob(ar.STAGING_PREFIX + "*"))
    assert "sodermalm-2023-t2: added" in capsys.readouterr().out


def test_duplicate_is_refused_and_nothing_changes(project, capsys):
    before = snapshot(project)
    rc = main(["--root", str(project), "add-report", str(HA_T2)])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(HA_T2) in err and "already published" in err and "--replace" in err
    assert snapshot(project) == before


def test_replace_replaces(project, tmp_path):
    edited = tmp_path / "t2.txt"
    edited.write_bytes(HA_T2.read_bytes() + "\nRättelse.\n".encode())
    rc = main(["--root", str(project), "add-report", str(edited), "--replace"])
    assert rc == 0
    recs = {r.report_id: r for r in sources.load_manifest(project)}
    assert len(recs) == 3
    assert (project / recs["hagersten-alvsjo-2023-t2"].file).read_bytes() == edited.read_bytes()


@pytest.mark.parametrize("content", [b"Hej!\nDet h\xc3\xa4r \xc3\xa4r en ink\xc3\xb6pslista.\n",
                                     b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"   \n"])
def test_not_a_report_leaves_the_project_byte_identical(project, tmp_path, capsys, content):
    bad = tmp_path / "lista.txt"
    bad.write_bytes(content)
    before = snapshot(project)
    rc = main(["--root", str(project), "add-report", str(bad), "--district", "Farsta", "--type", "T1",
               "--year", "2024"])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and str(bad) in err and "Traceback" not in err
    assert snapshot(project) == before


def test_the_command_line_is_one_line_without_traceback(project, tmp_path):
    bad = tmp_path / "lista.txt"
    bad.write_text("inte en rapport\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tertial", "add-report", str(bad)], cwd=project,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": ""})
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"tertial: error: {bad}: not a district council report: it has no goal headings "
        "(KF:s inriktningsmål, KF:s mål för verksamhetsområdet, Nämndmål)"]


# --- the build seam: tertial.build.build(root) runs in the staging copy ---------------------------

def fake_package_build(root: Path) -> None:
    """Stands in for tertial.build.build in these tests: publishes reports.csv and one row per report
    from the manifest into datapackages/stockholm/data/, as the package stage does (columns of the contract)."""
    data = root / "datapackages" / "stockholm" / "data"
    data.mkdir(parents=True, exist_ok=True)
    recs = sources.load_manifest(root)
    tables = {
        "reports": [{"report_id": r.report_id, "district_id": r.district_id, "year": r.year,
                     "report_type": r.report_type, "title": r.title, "source_file": r.file,
                     "source_sha256": r.sha256} for r in recs],
        "goals": [{"goal_id": f"{r.report_id}-g001", "report_id": r.report_id} for r in recs],
        "indicator_results": [{"report_id": r.report_id, "indicator_id": "antal-barn", "name": "Antal barn",
                               "annual_target": str(10 + r.year - 2020), "needs_review": "false",
                               "source_line": "1"} for r in recs],
        "activities": [],
    }
    for name, rows in tables.items():
        with (data / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["report_id"], lineterminator="\n")
            w.writeheader()
            w.writerows(rows)


def test_build_runs_in_staging_and_outputs_move_into_place(project):
    published_csv = project / changelog.PUBLISHED_DATA / "reports.csv"
    published = {r["report_id"] for r in changelog.read_csv_rows(published_csv)} if published_csv.exists() else set()
    res = ar.add_report(project, HA_T2, district="Södermalm", build=fake_package_build)
    assert res.built
    reports = changelog.read_csv_rows(project / changelog.PUBLISHED_DATA / "reports.csv")
    assert "sodermalm-2023-t2" in {r["report_id"] for r in reports}
    assert res.summary[0] == "1 goals, 1 indicator rows (0 need review), 0 activities"
    assert res.summary[1] == "the first report for Södermalm in the project"
    entries = changelog.load_entries(project)
    # the entry names what is new against the published packages: the three manifest reports (when
    # nothing was published yet) and the new one
    everything = ["hagersten-alvsjo-2023-t2", "hagersten-liljeholmen-2020-t1", "norrmalm-2022-vp", "sodermalm-2023-t2"]
    assert [r["report_id"] for r in entries[-1]["reports_added"]] == [r for r in everything if r not in published]
    # a later report of the same district is compared with this one
    later = project.parent / "later.txt"
    later.write_bytes(HA_T2.read_bytes().replace(b"Tertialrapport 2 f\xc3\xb6r 2023", b"Tertialrapport 1 f\xc3\xb6r 2024"))
    res = ar.add_report(project, later, district="Södermalm", build=fake_package_build)
    assert res.report.report_id == "sodermalm-2024-t1"
    assert res.summary[1] == "against sodermalm-2023-t2: 0 new indicators, 0 no longer reported, 1 changed values or targets"
    entries_after = changelog.load_entries(project)
    entry = entries_after[-1]
    # one entry more, and its version follows its number (1.<n-1>.0), whatever was published before
    assert len(entries_after) == len(entries) + 1
    assert entry["version"] == changelog.version_of(entry["number"]) == f"1.{len(entries)}.0"
    assert [r["report_id"] for r in entry["reports_added"]] == ["sodermalm-2024-t1"]
    assert entry["reports_added"][0]["against_previous"]["changed"] == [
        {"indicator_id": "antal-barn", "name": "Antal barn", "column": "annual_target", "old": "13", "new": "14"}]


def test_a_failing_build_leaves_the_project_byte_identical(project):
    def failing_build(root: Path) -> None:
        fake_package_build(root)  # writes outputs into the staging copy, then fails
        raise TertialError("validation failed", root / "datapackages")

    before = snapshot(project)
    with pytest.raises(TertialError, match="validation failed"):
        ar.add_report(project, HA_T2, district="Södermalm", build=failing_build)
    assert snapshot(project) == before


def test_find_build_returns_the_build_stage_or_none():
    build = ar.find_build()
    try:
        import tertial.build as stage  # noqa: F401
    except ModuleNotFoundError:
        assert build is None
    else:
        assert build is stage.build


@pytest.mark.fuzz
@given(st.lists(st.one_of(st.text(max_size=80), st.sampled_from([
    "Tertialrapport 2 för 2023", "Tertial 1", "2020", "Norrmalms stadsdelsnämnd", "Älvsjö", "Hägersten-Älvsjö",
    "KF:s inriktningsmål: 1. X", "Verksamhetsplan 2022\t3", "Verksamhetsberättelse 19"])), max_size=30))
def test_inference_never_crashes(lines):
    got = ar.infer(lines)
    assert got.report_type in (None, "VP", "T1", "T2", "VB")
    assert got.district is None or any(d["name"] == got.district for d in ar.ids.DISTRICTS)
    assert got.year is None or 1900 <= got.year <= 2099


def test_a_build_that_writes_the_changelog_entry_itself_gets_no_second_one(project):
    def build_with_changelog(root: Path) -> None:
        old = changelog.published_tables(root)
        fake_package_build(root)
        changelog.update(root, changelog.published_tables(root), old)

    before = [e["number"] for e in changelog.load_entries(project)]
    ar.add_report(project, HA_T2, district="Södermalm", build=build_with_changelog)
    assert [e["number"] for e in changelog.load_entries(project)] == before + [len(before) + 1]
