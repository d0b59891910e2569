"""The published metadata agrees with itself: each package's `created`, the changelog entries' dates and
the DCAT catalogue's issued/modified all come from one date per report (tertial.reports.report_date)."""

from __future__ import annotations

import json

import pytest

from published import ROOT, read_table
from tertial import changelog, reports
from tertial.package import catalog

PACKAGES = sorted(p.parent.name for p in (ROOT / "datapackages").glob("*/datapackage.json"))
ENTRIES = changelog.load_entries(ROOT)


def date_of(row: dict) -> str:
    return reports.date_of(ROOT, row["report_id"], row["year"], row["report_type"], row["source_file"])


def descriptor(name: str) -> dict:
    return json.loads((ROOT / "datapackages" / name / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", PACKAGES)
def test_created_is_the_date_of_the_packages_newest_report(name):
    rows = read_table("reports", package=name)
    newest = max(rows, key=lambda r: (*reports.order_key(r["year"], r["report_type"]), r["report_id"]))
    assert descriptor(name)["created"] == f"{date_of(newest)}T00:00:00Z"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["reports_added"] or e["reports_replaced"]],
                         ids=lambda e: f"entry-{e['number']}")
def test_a_changelog_entry_is_dated_by_the_reports_it_publishes(entry):
    published = {r["report_id"]: r for r in read_table("reports")}
    ids = [r["report_id"] for r in entry["reports_added"] + entry["reports_replaced"]]
    if not all(rid in published for rid in ids):
        pytest.skip("a report of this entry is no longer published (nor its source)")
    assert entry["date"] == max(date_of(published[rid]) for rid in ids)


@pytest.mark.parametrize("name", PACKAGES)
def test_the_catalogue_dates_a_package_no_earlier_than_its_newest_report(name):
    """dct:modified is the newest changelog entry that changed the package: the one that published its
    newest report or a later one, so never before `created`."""
    facts = catalog.package_facts(name, ROOT / "datapackages" / name, descriptor(name), ENTRIES)
    assert facts.issued <= facts.modified
    assert descriptor(name)["created"][:10] <= facts.modified
    assert facts.modified in {e["date"] for e in ENTRIES}
