"""The date of a report: one rule (tertial.reports), the same for the changelog entry and the package's
`created`."""

from __future__ import annotations

import pytest

from tertial import changelog, reports, schema
from tertial.package import metadata
from tertial.sources import SourceReport


@pytest.mark.parametrize("text, year, rtype, want", [
    ("Till\nX stadsdelsnämnd\n2023-09-13\n2023-09-28\nTertialrapport 2", 2023, "T2", "2023-09-28"),
    ("no date here", 2020, "T1", "2020-04-30"),
    ("", 2023, "T2", "2023-08-31"),
    ("", 2023, "VB", "2023-12-31"),
    ("", 2022, "VP", "2021-12-31"),               # a business plan is decided before its year begins
    ("Dnr 2019-05-10\nTertialrapport 1", 2024, "T1", "2024-04-30"),  # an old date is not the report's
    ("Dnr 2019-05-10\n2024-05-21", 2024, "T1", "2024-05-21"),
    ("Verksamhetsberättelse\n2024-02-15", 2023, "VB", "2024-02-15"),  # decided the year after
    ("\n" * 40 + "2023-10-01", 2023, "T2", "2023-08-31"),  # below the title block
])
def test_the_newest_date_in_the_title_block_near_the_year_else_the_period_end(text, year, rtype, want):
    assert reports.report_date(text, year, rtype) == want


@pytest.mark.parametrize("head, year, rtype", [("Verksamhetsplan 2024\n", 2024, "VP"),
                                              ("Dnr 2019-05-10\nTertialrapport 1 2024\n", 2024, "T1")])
def test_changelog_entry_and_package_created_give_a_report_the_same_date(tmp_path, head, year, rtype):
    """The two cases in which the changelog and the package's `created` once disagreed."""
    rid = f"farsta-{year}-{rtype.lower()}"
    source = tmp_path / "sources" / "reports" / f"{rid}.txt"
    source.parent.mkdir(parents=True)
    source.write_text(head + "Farsta stadsdelsnämnd\n", encoding="utf-8")
    rep = SourceReport(rid, "Farsta", "farsta", rtype, year, f"sources/reports/{rid}.txt", "x", "Titel")
    entry = changelog.update(tmp_path, {"reports": reports.report_rows([rep])}, old_tables={})
    created = metadata.descriptor(tmp_path, "farsta", [rep], "1.0.0")["created"]
    assert created == f"{entry['date']}T00:00:00Z"


def test_report_rows_are_text_as_published():
    rep = SourceReport("farsta-2024-t1", "Farsta", "farsta", "T1", 2024, "f.txt", "x", "Titel")
    assert reports.report_rows([rep]) == [{"report_id": "farsta-2024-t1", "district_id": "farsta", "year": "2024",
                                           "report_type": "T1", "title": "Titel", "source_file": "f.txt",
                                           "source_sha256": "x"}]
    assert list(reports.report_rows([rep])[0]) == schema.columns("reports")
