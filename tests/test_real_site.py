"""Issue 4, must show: the real project (committed sources, curation and packages) builds, through the
real `tertial build`, into a site with a page for every district, report, city goal and indicator in the
packages, the downloads at the contract's addresses, and no broken internal link."""

from __future__ import annotations

import pytest
from cli_harness import make_project, run_cli
from published import read_table
from test_site_links import broken_links

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("real-site"))
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def _rows(project, table):
    return read_table(table, root=project)


def test_a_page_for_everything_in_the_packages(real_site):
    site = real_site / "build" / "site"
    wanted = ["", "stadsdelar/", "mal/", "indikatorer/", "data/", "om/", "nyheter/"]
    reports = _rows(real_site, "reports")
    wanted += [f"stadsdelar/{d}/" for d in {r["district_id"] for r in reports}]
    wanted += [f"stadsdelar/{r['district_id']}/{r['year']}-{r['report_type'].lower()}/" for r in reports]
    wanted += [f"mal/{g['city_goal_id']}/" for g in _rows(real_site, "city_goals")]
    wanted += [f"indikatorer/{i['indicator_id']}/" for i in _rows(real_site, "indicators")]
    missing = [p for p in wanted if not (site / p / "index.html").is_file()]
    assert not missing, missing[:10]
    assert len(wanted) > 150  # 3 districts, 3 reports, 34 city goals, 123 indicators today


def test_downloads_at_the_contract_addresses(real_site):
    site = real_site / "build" / "site"
    packages = sorted(p.name for p in (real_site / "datapackages").iterdir() if (p / "datapackage.json").exists())
    assert "stockholm" in packages
    for name in packages:
        for rel in (f"data/{name}.zip", f"data/{name}.xlsx", f"data/{name}/datapackage.json"):
            assert (site / rel).is_file(), rel
        assert (site / "data" / name / "datapackage.json").read_bytes() == \
            (real_site / "datapackages" / name / "datapackage.json").read_bytes()


def test_no_broken_internal_link(real_site):
    assert broken_links(real_site / "build" / "site") == []


def test_search_indexes_pages_readers_search_not_the_publication_diffs(real_site):
    import json

    pages = json.loads((real_site / "build" / "site" / "pagefind" / "tertial-pages.json").read_text())
    locations = {url.lstrip("/") for url, _title, _size in pages.values()}
    assert "stadsdelar/hagersten-alvsjo/" in locations
    assert not [loc for loc in locations if loc.startswith("nyheter/") and loc != "nyheter/"]
