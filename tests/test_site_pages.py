"""Page and chart generation from the fixture package (no MkDocs here)."""

import json

import pytest

from siteutil import FIXTURE_PACKAGES
from tertial import schema
from tertial.site import charts
from tertial.site.build import generate
from tertial.site.load import load
from tertial.site.markup import rel


@pytest.fixture(scope="module")
def pages():
    return {p.path: p for p in generate(load(FIXTURE_PACKAGES))}


def test_every_contract_address_has_a_page(pages):
    expected = {"", "stadsdelar/", "mal/", "indikatorer/", "data/",
                "stadsdelar/hagersten-alvsjo/", "stadsdelar/norrmalm/",
                "stadsdelar/hagersten-alvsjo/2023-t1/", "stadsdelar/hagersten-alvsjo/2023-t2/",
                "stadsdelar/hagersten-alvsjo/2023-vb/", "stadsdelar/norrmalm/2023-t2/",
                "stadsdelar/norrmalm/2024-vp/",
                "mal/2023-1/", "mal/2023-1-1/", "mal/2023-1-2/",
                "indikatorer/andel-nojda-brukare-i-hemtjansten/", "indikatorer/sjukfranvaro/",
                "indikatorer/antal-hushall-med-ekonomiskt-bistand/"}
    assert set(pages) == expected


def test_report_page_traces_values_and_keeps_text_targets(pages):
    md = pages["stadsdelar/norrmalm/2023-t2/"].markdown()
    assert "rad 302" in md and "rad 340–342" in md
    assert "Behöver granskas: kolumnerna kunde inte skiljas åt säkert" in md
    assert "Beräknad status" in md and "inte nämndens egen bedömning" in md
    ha = pages["stadsdelar/hagersten-alvsjo/2023-t2/"].markdown()
    assert "Tas fram av nämnd" in ha
    assert "Kontinuitetsmätning i hemtjänsten" in ha and "2023-12-31" in ha


def test_payloads_are_escaped_in_markdown(pages):
    md = pages["stadsdelar/norrmalm/2023-t2/"].markdown()
    for bad in ("<script", "<img", "{{", "{%", "<em>trivs", 'href="javascript'):
        assert bad not in md, bad
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)" in md
    assert pages["stadsdelar/norrmalm/2023-t2/"].title == "Norrmalm – Tertialrapport 2 2023"


def test_numbers_are_swedish_in_tables(pages):
    md = pages["stadsdelar/hagersten-alvsjo/2023-vb/"].markdown()
    assert "1\u00a0310\u00a0st" in md and "89,4\u00a0%" in md


def test_charts_carry_alt_text_data_and_swedish_locale(pages):
    ind = pages["indikatorer/antal-hushall-med-ekonomiskt-bistand/"]
    names = [c.name for c in ind.charts]
    assert names == ["jamforelse", "utveckling"]  # no men/women data for this indicator
    for c in ind.charts:
        assert len(c.alt) > 40 and c.rows and len(c.rows[0]) == len(c.columns)
        assert c.spec["config"]["locale"]["number"]["decimal"] == ","
        assert f'alt="{c.alt}"'.split('"')[1][:20] in ind.markdown()
    svg = charts.render_svg(ind.charts[0].spec)
    assert "<svg" in svg and "1\u00a0000" in svg  # axis label with a Swedish thousands separator
    nojda = pages["indikatorer/andel-nojda-brukare-i-hemtjansten/"]
    assert [c.name for c in nojda.charts] == ["jamforelse", "utveckling", "kon"]
    assert any("Kvinnor" in r for r in nojda.charts[2].rows)


def test_start_page_overview_by_city_goal(pages):
    start = pages[""]
    assert start.charts and start.charts[0].name == "oversikt"
    rows = start.charts[0].rows
    assert ["Norrmalm", "1.1", "Uppfylls delvis"] in rows
    assert ["Hägersten-Älvsjö", "1.2", "Uppfylls ej"] in rows  # latest = VB


def test_indicator_csv_is_the_published_rows(pages):
    blob = pages["indikatorer/sjukfranvaro/"].files["sjukfranvaro.csv"].decode()
    head, *rows = blob.strip().split("\n")
    assert head == ",".join(schema.columns("indicator_results")) and len(rows) == 1 and ",7.9," in rows[0]


def test_relative_links():
    assert rel("stadsdelar/norrmalm/2023-t2/", "indikatorer/x/") == "../../../indikatorer/x/"
    assert rel("", "data/stockholm.zip") == "data/stockholm.zip"
    assert rel("stadsdelar/", "") == "../"
    assert rel("mal/", "mal/") == "./"


def test_spec_is_json_serialisable(pages, tmp_path):
    c = pages["mal/2023-1-1/"].charts[0]
    svg, spec = charts.save(c, tmp_path)
    assert json.loads((tmp_path / spec).read_text())["config"]["locale"]
    assert (tmp_path / svg).read_text().startswith("<svg")


def test_every_chart_spec_is_valid_vega_lite(pages):
    from altair.vegalite.v6.schema.core import Root

    specs = [c.spec for p in pages.values() for c in p.charts]
    assert len(specs) >= 10
    for spec in specs:
        Root.validate(spec)  # raises on an invalid spec


def test_verdict_counts_with_many_goals():
    import pandas as pd
    from altair.vegalite.v6.schema.core import Root

    df = pd.DataFrame({"level_label": ["Nämndmål", "Nämndmål"], "verdict": ["helt", "delvis"], "n": [24, 3]})
    c = charts.verdict_counts("x", df, "alt")
    Root.validate(c.spec)
    assert "values" not in c.spec["encoding"]["x"]["axis"]
    small = charts.verdict_counts("y", df.assign(n=[2, 1]), "alt")
    assert small.spec["encoding"]["x"]["axis"]["values"] == [0, 1, 2, 3]


def test_business_plan_is_latest_but_charts_show_the_latest_follow_up(pages):
    md = pages["stadsdelar/norrmalm/"].markdown()
    assert "Senaste rapporten: Verksamhetsplan 2024" in md
    assert "Verksamhetsplanen innehåller inga bedömningar" in md
    assert pages["stadsdelar/norrmalm/"].charts[0].rows  # verdicts of 2023 T2, not an empty VP
    assert all(r[1] != "Ingen bedömning" for r in pages["stadsdelar/norrmalm/"].charts[0].rows)
    vp = pages["stadsdelar/norrmalm/2024-vp/"].markdown()
    assert "Ingen bedömning" in vp and "minska" in vp


def test_merged_district_is_listed_with_its_successor(pages):
    md = pages["stadsdelar/"].markdown()
    assert "Hägersten-Liljeholmen" in md and "Fanns till 2020-06-30" in md
    assert 'gick sedan upp i <a href="hagersten-alvsjo/">Hägersten-Älvsjö</a>' in md
    assert "stadsdelar/hagersten-liljeholmen/" not in pages  # no reports, no page


def test_indicator_page_rows_start_with_the_report_and_keep_flags(pages):
    md = pages["indikatorer/antal-hushall-med-ekonomiskt-bistand/"].markdown()
    assert '<th scope="col">Rapport</th><th scope="col">Utfall</th>' in md
    # one row per district, its latest report; every row stays in the CSV beside the page
    page = pages["indikatorer/antal-hushall-med-ekonomiskt-bistand/"]
    csv_rows = page.files["antal-hushall-med-ekonomiskt-bistand.csv"].decode().splitlines()[1:]
    districts = {row.split(",")[0].rsplit("-", 2)[0] for row in csv_rows}
    assert len(csv_rows) > len(districts) and md.count('<span class="tertial-status ') == len(districts)
    assert "Norrmalm" in md and b"norrmalm-2023-t2" in page.files["antal-hushall-med-ekonomiskt-bistand.csv"]
    report = pages["stadsdelar/norrmalm/2023-t2/"].markdown()
    assert ">Antal hushåll med ekonomiskt bistånd</a> <span class=\"tertial-review\">Behöver granskas" in report


def test_a_business_plan_does_not_hide_a_districts_latest_outcomes_and_verdicts(pages):
    """Norrmalm's latest report is a business plan (targets only): the women-and-men chart still shows its
    latest outcomes by sex (2023 T2), and a city goal's table of latest verdicts its latest verdict."""
    kon = pages["indikatorer/andel-nojda-brukare-i-hemtjansten/"].charts[2]
    assert kon.name == "kon"
    assert ["Norrmalm", "Kvinnor", "83\xa0%"] in kon.rows  # of 2023 T2, the period the heading names
    assert "## Kvinnor och män: Tertialrapport 2 2023" in pages["indikatorer/andel-nojda-brukare-i-hemtjansten/"].markdown()
    md = pages["mal/2023-1/"].markdown()
    table = md[md.index("Senaste bedömning per stadsdel"):md.index("Nämndmål under målet")]
    assert ('norrmalm/2023-t2/">2023 T2</a></td><td data-label="Bedömning"><span class="tertial-badge '
            'tertial-delvis">') in table
    assert "2024 VP" not in table


def test_report_page_shows_the_goals_previous_verdict(pages):
    """Each goal on a report page names the district's previous verdict of the same goal (the previous
    report with verdicts: a business plan has none), linked; the first report has none."""
    t2 = pages["stadsdelar/hagersten-alvsjo/2023-t2/"].markdown()
    assert ('<span class="tertial-badge tertial-helt">Uppfylls helt</span> · förra bedömningen '
            '<a href="../2023-t1/">2023 T1</a>: uppfylls delvis · <a class="tertial-term" '
            'href="../../../om/ordlista/#verksamhetsmal">KF:s mål för verksamhetsområdet</a>') in t2
    assert "förra bedömningen" not in pages["stadsdelar/hagersten-alvsjo/2023-t1/"].markdown()
    assert "förra bedömningen" not in pages["stadsdelar/norrmalm/2024-vp/"].markdown()  # no verdicts itself


def test_previous_verdict_only_for_a_goal_told_apart():
    """A council goal printed twice in the previous report cannot be matched: no previous verdict."""
    import pandas as pd

    from tertial.site import view as pg

    class V:  # the reads previous_verdicts makes (site/view.py)
        goals_by_report = {"r1": pd.DataFrame([
            {"city_goal_id": "", "level": "namndmal", "title": "Trygg  stadsdel", "assessment": "helt"},
            {"city_goal_id": "", "level": "namndmal", "title": "trygg stadsdel", "assessment": "ej"},
            {"city_goal_id": "", "level": "namndmal", "title": "Ren stadsdel", "assessment": "delvis"},
            {"city_goal_id": "2023-1", "level": "inriktningsmal", "title": "Annan rubrik", "assessment": "ej"}])}

        def previous_assessed_of(self, rid):
            return {"r2": "r1"}.get(rid)

        def report(self, rid):
            return pd.Series({"report_id": rid, "district_id": "d", "year": 2023, "report_type": "T1"})

        def goals_of_report(self, rid):
            return self.goals_by_report.get(rid, pd.DataFrame(columns=["city_goal_id", "level", "title", "assessment"]))

    prev, verdicts = pg.previous_verdicts(V(), "r2")
    assert prev.report_id == "r1"
    assert verdicts == {("namndmal", "ren stadsdel"): "delvis", ("city", "2023-1"): "ej"}
    assert pg.previous_verdicts(V(), "r1") == (None, {})
    # printed twice in the report itself: no previous verdict either
    V.goals_by_report["r2"] = pd.DataFrame([
        {"city_goal_id": "", "level": "namndmal", "title": "Ren stadsdel", "assessment": "helt"},
        {"city_goal_id": "", "level": "namndmal", "title": "Ren  stadsdel", "assessment": "ej"}])
    assert pg.previous_verdicts(V(), "r2")[1] == {("city", "2023-1"): "ej"}
