"""The site build is strict: a broken link in a page fails it, and bad package input is one clear error."""

import shutil

import pytest
from mkdocs.exceptions import Abort

from siteutil import FIXTURE_PACKAGES, ROOT
from tertial.errors import TertialError
from tertial.site import build_site


def project(tmp_path):
    for d in ("docs", "overrides"):
        shutil.copytree(ROOT / d, tmp_path / d)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_broken_link_fails_the_build(tmp_path):
    root = project(tmp_path)
    (root / "docs" / "om" / "index.md").write_text("# Om\n\n[trasig](../finns-inte.md)\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root, FIXTURE_PACKAGES, root / "build" / "site")


def test_missing_column_is_one_clear_error(tmp_path):
    root = project(tmp_path / "p")
    pk = tmp_path / "pk"
    shutil.copytree(FIXTURE_PACKAGES, pk)
    goals = pk / "stockholm" / "data" / "goals.csv"
    lines = goals.read_text(encoding="utf-8").splitlines()
    goals.write_text("\n".join([lines[0].replace("assessment", "verdict")] + lines[1:]) + "\n", encoding="utf-8")
    with pytest.raises(TertialError, match=r"goals\.csv: table goals lacks column\(s\) assessment"):
        build_site(root, pk, root / "build" / "site")
    assert not (root / "build" / "site").exists()


def test_unsafe_id_is_refused(tmp_path):
    root = project(tmp_path / "p")
    pk = tmp_path / "pk"
    shutil.copytree(FIXTURE_PACKAGES, pk)
    ind = pk / "stockholm" / "data" / "indicators.csv"
    ind.write_text(ind.read_text(encoding="utf-8").replace("sjukfranvaro,", "../../etc,", 1), encoding="utf-8")
    with pytest.raises(TertialError, match="indicator_id"):
        build_site(root, pk, root / "build" / "site")
