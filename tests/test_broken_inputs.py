"""Issue 6, bad input: every broken fixture gives a clean refusal, through the real CLI.

A clean refusal: exit status 2, one line on stderr naming the file (and the line where there is one), no
traceback, no output folder created, and the project (sources, curation, packages, site) byte-identical.
Small fixtures are committed in tests/fixtures/broken/ (see its README.md); large or derived ones are made
here from the real reports.
"""

from __future__ import annotations

import pytest
from cli_harness import FIXTURES, REPORTS, assert_clean_refusal, extract, make_project, snapshot

BROKEN = FIXTURES / "broken"
ALVSJO = REPORTS / "hagersten-alvsjo-2023-t2.txt"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("broken"))


def refuse(project, tmp_path, report, line=None):
    before = snapshot(project)
    out = tmp_path / "out"
    result = extract(report, out, project)
    message = assert_clean_refusal(result, str(report), line)
    assert not out.exists(), "a refused report must not create its output folder"
    assert snapshot(project) == before, "a refused report changed the project"
    return message


# (fixture, expected line or None, words the message must carry)
COMMITTED = [
    ("empty.txt", None, "empty"),
    ("blank.txt", None, "empty"),
    ("binary.bin", "any", "binary"),
    ("fake.pdf", None, "PDF"),
    ("nul-bytes.txt", 5, "NUL"),
    ("control-chars.txt", 4, "control character U+001B"),
    ("mixed-encoding.txt", 4, "not valid UTF-8"),
    ("not-a-report.txt", None, "does not look like a district council report"),
]


@pytest.mark.parametrize("name,line,words", COMMITTED, ids=[c[0] for c in COMMITTED])
def test_committed_fixture_is_refused(project, tmp_path, name, line, words):
    report = BROKEN / name
    message = refuse(project, tmp_path, report, line)
    assert words in message


def test_file_of_50_mb_is_refused_at_once(project, tmp_path):
    """A 50 MB file (the real report 200 times over) is refused by size, without parsing it."""
    report = tmp_path / "huge.txt"
    chunk = ALVSJO.read_bytes()
    with open(report, "wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    message = refuse(project, tmp_path, report)
    assert "larger than the 20 MB limit" in message and "52." in message  # 52.x MB (decimal)


def test_truncated_report_is_refused_naming_the_missing_goal(project, tmp_path):
    """The real report cut in the middle of an indicator row under goal 2.1: the table of contents lists
    the goals after it, the text ends before them."""
    text = ALVSJO.read_text(encoding="utf-8")
    body = text.index("\nKF:s mål för verksamhetsområdet: 2.1 ", text.index("Sammanfattande analys\n\n"))
    header = text.index("\nIndikator\t", body)
    row_start = text.index("\n", header + 1) + 1
    cut = row_start + (text.index("\n", row_start) - row_start) // 2  # mid-row, mid-table
    report = tmp_path / "truncated.txt"
    report.write_text(text[:cut], encoding="utf-8")
    toc_line = next(n for n, line in enumerate(text.split("\n"), 1)
                    if line.startswith("KF:s mål för verksamhetsområdet: 2.2 "))
    message = refuse(project, tmp_path, report, toc_line)
    assert "ends early" in message and "goal 2.2" in message


def test_damaged_utf16_is_refused_with_its_line(project, tmp_path):
    text = "Tertialrapport\n\nKF:s inriktningsmål: 1. Ett Stockholm\n\nAnalys \udc80 här\n"
    report = tmp_path / "damaged-utf16.txt"
    report.write_bytes(b"\xff\xfe" + text.encode("utf-16-le", errors="surrogatepass"))
    message = refuse(project, tmp_path, report, 5)
    assert "not valid UTF-16" in message


def test_folder_and_missing_file_are_refused(project, tmp_path):
    assert "folder" in refuse(project, tmp_path, BROKEN)
    assert "cannot read" in refuse(project, tmp_path, tmp_path / "no-such-report.txt")


def test_goal_codes_that_skip_or_repeat_are_kept_as_printed_with_warnings(project, tmp_path):
    """The report says 1.1, 1.3, 1.3 (another goal), 3: that is what the data says, each odd code warned."""
    report = BROKEN / "goal-codes-skip-repeat.txt"
    before = snapshot(project)
    out = tmp_path / "out"
    result = extract(report, out, project, district="Farsta")
    assert result.returncode == 0, result.stderr
    assert snapshot(project) == before
    goals = (out / "goals.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [(g.split(",")[4], g.split(",")[5]) for g in goals] == [
        ("1", "Ett Stockholm som håller samman"), ("1.1", "Barn har en rik fritid"),
        ("1.3", "Äldre får god omsorg"), ("1.3", "Stockholm ska vara tryggt"), ("3", "Ett hållbart Stockholm")]
    warnings = result.stderr.splitlines()
    assert warnings == [
        f"tertial: warning: {report}:16: goal code 1.3 skips 1.2: kept as printed",
        f"tertial: warning: {report}:23: goal code 1.3 is printed again (first on line 16) for another goal: "
        "both kept as printed",
        f"tertial: warning: {report}:27: goal code 3 skips 2: kept as printed",
    ]


def test_out_that_is_a_file_is_refused_in_one_line(project, tmp_path):
    out = tmp_path / "out"
    out.write_text("not a folder", encoding="utf-8")
    before = snapshot(project)
    result = extract(ALVSJO, out, project)
    assert_clean_refusal(result, str(out))
    assert out.read_text(encoding="utf-8") == "not a folder"
    assert snapshot(project) == before
