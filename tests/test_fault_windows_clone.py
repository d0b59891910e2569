"""Rule: a clone made as Git for Windows makes it (core.autocrlf=true) gets the reports byte for byte as
committed (.gitattributes), so `tertial check` passes; a clone without .gitattributes gets CRLF line ends,
and the sha256 failure says so and names a way out that works (`git checkout HEAD -- sources/reports`
once .gitattributes is there). A real `git clone` of a small repository."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from cli_harness import ROOT
from fault_project import REPORT, base_project, tertial

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(*args: str, cwd) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd,
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return base_project(tmp_path_factory.mktemp("windows"))


def repository(base, dest, attributes: bool):
    dest.mkdir()
    for part in ("sources", "curation"):
        shutil.copytree(base / part, dest / part)
    if attributes:
        shutil.copy2(ROOT / ".gitattributes", dest / ".gitattributes")
    git("init", "-q", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-qm", "the project", cwd=dest)
    return dest


def windows_clone(repo, dest):
    git("clone", "-q", "-c", "core.autocrlf=true", str(repo), str(dest), cwd=repo.parent)
    return dest


def test_a_windows_clone_keeps_the_reports_bytes(base, tmp_path):
    clone = windows_clone(repository(base, tmp_path / "repo", attributes=True), tmp_path / "clone")
    assert (clone / "sources" / "reports" / REPORT.name).read_bytes() == REPORT.read_bytes()
    result = tertial("check", cwd=clone)
    assert result.returncode == 0, result.stderr


def test_without_gitattributes_the_failure_explains_and_its_way_out_works(base, tmp_path):
    clone = windows_clone(repository(base, tmp_path / "repo", attributes=False), tmp_path / "clone")
    assert b"\r\n" in (clone / "sources" / "reports" / REPORT.name).read_bytes()  # the guard is needed
    result = tertial("check", cwd=clone)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "CRLF" in result.stderr and "core.autocrlf" in result.stderr, result.stderr
    shutil.copy2(ROOT / ".gitattributes", clone / ".gitattributes")  # what `git pull` brings
    git("checkout", "HEAD", "--", "sources/reports", cwd=clone)  # the way out the message names
    assert "git checkout HEAD -- sources/reports" in result.stderr
    assert tertial("check", cwd=clone).returncode == 0


def test_add_report_replace_mends_a_report_whose_line_ends_were_changed(base, tmp_path):
    clone = windows_clone(repository(base, tmp_path / "repo", attributes=False), tmp_path / "clone")
    result = tertial("add-report", "--replace", str(REPORT), "--district", "Hägersten-Älvsjö", cwd=clone)
    assert result.returncode == 0, result.stderr
    assert (clone / "sources" / "reports" / REPORT.name).read_bytes() == REPORT.read_bytes()
    assert tertial("check", cwd=clone).returncode == 0
