"""The committed datapackages/ are exactly what the committed sources (sources/, curation/, changelog/) build to
(real extraction).

Skipped only while the extraction layouts (extract/tabular.py, extract/pdftext.py) are not in the tree."""

import shutil
from pathlib import Path

import pytest

from tertial import build

REPO = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_committed_packages_are_what_the_sources_build_to(tmp_path):
    for folder in ("sources", "curation", "changelog"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    build.build(tmp_path, build.Context(out=lambda s: None), until="package")
    built = _files(tmp_path / "datapackages")
    committed = _files(REPO / "datapackages") if (REPO / "datapackages").exists() else {}
    assert sorted(built) == sorted(committed), "run `tertial build` and commit datapackages/"
    assert [k for k in built if built[k] != committed[k]] == [], "run `tertial build` and commit datapackages/"
    # the committed changelog already describes these tables: the build adds no entry
    assert sorted(p.name for p in (tmp_path / "changelog").iterdir()) == \
        sorted(p.name for p in (REPO / "changelog").iterdir())
