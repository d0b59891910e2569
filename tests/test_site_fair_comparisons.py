"""Issue 15: districts are compared within one period (the latest period two or more of them report),
the page says which, names who is left out, and a merged district's value is never shown beside current
ones without saying that the district no longer exists."""

import pandas as pd
import pytest

from siteutil import FIXTURE_PACKAGES
from tertial.site.indicator import indicator_page, shared_period
from tertial.site.load import load
from tertial.site.view import View


def with_rows(extra: list[dict]) -> View:
    """The fixture package plus indicator rows of reports added for them (2020 T1 reports of the merged
    Hägersten-Liljeholmen and of Norrmalm)."""
    data = load(FIXTURE_PACKAGES)
    reps = data.tables["reports"]
    new = [{"report_id": f"{d}-2020-t1", "district_id": d, "year": 2020, "report_type": "T1", "title": "T1 2020",
            "type_order": 1} for d in ("hagersten-liljeholmen", "norrmalm")]
    data.tables["reports"] = pd.concat([reps, pd.DataFrame(new)], ignore_index=True).astype({"year": "Int64"})
    res = data.tables["indicator_results"]
    base = res[res["indicator_id"] == "sjukfranvaro"].iloc[0]
    rows = [base.to_dict() | {"report_id": r, "goal_id": "", **v} for r, v in extra]
    data.tables["indicator_results"] = pd.concat([res, pd.DataFrame(rows)], ignore_index=True)
    return View(data)


@pytest.fixture(scope="module")
def view():
    return with_rows([("hagersten-liljeholmen-2020-t1", {"period_outcome": 9.1, "period": "Tertial 1 2020"}),
                      ("norrmalm-2020-t1", {"period_outcome": 6.4, "period": "Tertial 1 2020"})])


def test_the_latest_period_two_districts_share_is_compared(view):
    res = view.results[view.results["indicator_id"] == "sjukfranvaro"].sort_values(["district_id", "year", "type_order"])
    rows, period, left = shared_period(view, res)
    assert period == "Tertialrapport 1 2020"
    assert sorted(rows["district_id"]) == ["hagersten-liljeholmen", "norrmalm"]
    assert left == ["Hägersten-Älvsjö: senast 2023 T2"]


def test_page_names_the_period_who_is_left_out_and_the_merged_district(view):
    page = indicator_page(view, "sjukfranvaro")
    md = page.markdown()
    assert "## Stadsdelarna jämförda: Tertialrapport 1 2020" in md
    assert "Inte med i jämförelsen, eftersom de inte har rapporterat för samma period: Hägersten-Älvsjö: senast 2023 T2." in md
    chart = next(c for c in page.charts if c.name == "jamforelse")
    labels = [r[0] for r in chart.rows]
    assert labels == ["Hägersten-Liljeholmen (fanns till 2020-06-30)", "Norrmalm"]
    assert "Hägersten-Liljeholmen (fanns till 2020-06-30): 9,1" in chart.alt
    course = next(c for c in page.charts if c.name == "utveckling")
    assert {r[0] for r in course.rows} == {"Hägersten-Liljeholmen (fanns till 2020-06-30)", "Hägersten-Älvsjö",
                                           "Norrmalm"}


def test_one_district_alone_is_shown_with_its_period():
    view = View(load(FIXTURE_PACKAGES))
    md = indicator_page(view, "sjukfranvaro").markdown()
    assert "## Stadsdelarna jämförda: Tertialrapport 2 2023" in md and "Inte med i jämförelsen" not in md
