"""`tertial bench` names the kinds of bytes one more report adds to the site (tertial/sitebytes.py)."""

from collections import Counter
from pathlib import Path

from tertial import sitebytes


def test_kinds_of_the_sites_files():
    cases = {"stadsdelar/norrmalm/2023-t2/index.html": "report page",
             "stadsdelar/norrmalm/2023-t2/indikatorer.csv": "report csv",
             "stadsdelar/norrmalm/index.html": "district page",
             "kallor/norrmalm-2023-t2/index.html": "source page",
             "kallor/norrmalm-2023-t2/norrmalm-2023-t2.pdf": "source original",
             "data/stockholm/sources/reports/norrmalm-2023-t2.txt": "package source copy",
             "data/norrmalm/data/goals.csv": "package csv", "data/norrmalm.zip": "zip", "data/norrmalm.xlsx": "xlsx",
             "indikatorer/x/utveckling.svg": "indicator chart", "mal/2023-1/index.html": "goal page",
             "pagefind/fragment/a.pf_fragment": "search index", "index.html": "other page"}
    assert {rel: sitebytes.kind(Path(rel)) for rel in cases} == cases


def test_added_bytes_largest_first_and_only_what_changed():
    before = Counter({"report page": 10, "zip": 5, "theme js": 7})
    after = Counter({"report page": 30, "zip": 9, "theme js": 7, "source page": 12})
    assert list(sitebytes.added(before, after).items()) == [("report page", 20), ("source page", 12), ("zip", 4)]
