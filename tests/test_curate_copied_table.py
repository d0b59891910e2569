"""Rule: goal_texts, which curation never changes, is copied into build/curated/ as bytes, in report order;
the result is exactly what parsing every report's rows, sorting them and writing them again gives."""

import shutil

import pytest

from goldfixture import make_project
from tertial import build, curate, sources
from tertial.errors import TertialError
from tertial.extract.write import to_csv


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("copied")
    make_project(root)  # the reports with a reference, read by the real extractors
    build.build(root, build.Context(out=lambda line: None), until="curate")
    return root


def _parsed_and_sorted(root, reports) -> str:
    rows = [r for rep in sorted(reports, key=lambda r: r.report_id)
            for r in curate.read_csv(root / curate.EXTRACTED / rep.report_id / "goal_texts.csv")]
    rows.sort(key=lambda r: (r["goal_id"], r["section"]))
    return to_csv(curate.CURATED_COLUMNS["goal_texts"], rows)


def test_copied_table_equals_the_parsed_and_sorted_table(project):
    reports = sources.load_manifest(project)
    assert len(reports) >= 2
    copied = curate.copied_table(project, reports)
    assert copied is not None and copied.count("\n") > 100
    assert copied == _parsed_and_sorted(project, reports)
    assert (project / curate.CURATED / "goal_texts.csv").read_bytes() == copied.encode("utf-8")


def test_a_report_id_that_starts_another_falls_back_to_parsing(project):
    reports = sources.load_manifest(project)
    first = reports[0]
    twin = sources.SourceReport(first.report_id + "-b", first.district, first.district_id, first.report_type,
                                first.year, first.file, first.sha256, first.title)
    assert curate.copied_table(project, [*reports, twin]) is None


def test_a_wrong_header_is_refused_with_file_and_line(tmp_path, project):
    root = tmp_path / "p"
    shutil.copytree(project, root)
    reports = sources.load_manifest(root)
    path = root / curate.EXTRACTED / reports[0].report_id / "goal_texts.csv"
    path.write_text("goal_id,text,section\n", encoding="utf-8")
    with pytest.raises(TertialError) as err:
        curate.copied_table(root, reports)
    assert str(err.value).startswith(f"{path}:1: the header is not")
