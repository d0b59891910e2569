"""Two builds from the same sources are byte-identical: packages and downloads."""

from pathlib import Path

from goldfixture import build_project


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build_project(a)
    build_project(b)
    pa, pb = _files(a / "datapackages"), _files(b / "datapackages")
    assert pa and list(pa) == list(pb)
    assert [k for k in pa if pa[k] != pb[k]] == []
    da, db = _files(a / "build" / "downloads"), _files(b / "build" / "downloads")
    names = ("hagersten-alvsjo", "hagersten-liljeholmen", "stockholm")
    # each package's zip and workbook, and the record of the package files they were made from
    assert sorted(da) == sorted(f"{n}.{ext}" for n in names for ext in ("made-from.json", "xlsx", "zip"))
    assert [k for k in da if da[k] != db[k]] == []


def test_rebuild_in_place_is_identical_and_skips_extraction(tmp_path):
    build_project(tmp_path)
    before = _files(tmp_path / "datapackages")
    from goldfixture import gold_extractor

    from tertial import build
    lines = []
    build.build(tmp_path, build.Context(extractor=gold_extractor, out=lines.append), until="package")
    assert "extract: 0 of 2 reports extracted, 2 unchanged" in lines
    assert _files(tmp_path / "datapackages") == before
