"""A package that fails validation stops publishing, with a readable list of what is wrong."""

from pathlib import Path

import pytest
from goldfixture import build_project

from tertial import package


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_invalid_table_stops_publishing(tmp_path):
    build_project(tmp_path)
    published = _files(tmp_path / "datapackages")
    goals = tmp_path / "build" / "curated" / "goals.csv"
    text = goals.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[1] = lines[1].replace(",inriktningsmal,", ",bogus,")  # a level outside the enum
    lines[2] = lines[2].replace(",helt,", ",utmärkt,")  # an assessment outside the enum
    goals.write_text("\n".join(lines), encoding="utf-8")
    acts = tmp_path / "build" / "curated" / "activities.csv"
    rows = acts.read_text(encoding="utf-8").split("\n")
    acts.write_text("\n".join(rows[:2] + [rows[1]] + rows[2:]), encoding="utf-8")  # a duplicate key

    with pytest.raises(package.PackageInvalid) as err:
        package.run(tmp_path)
    problems = err.value.problems
    text = "\n".join(problems)
    assert "goals row 2 field level: constraint-error" in text
    assert "goals row 3 field assessment: constraint-error" in text
    assert "primary-key" in text
    assert all("\n" not in p for p in problems)
    assert _files(tmp_path / "datapackages") == published  # nothing changed
