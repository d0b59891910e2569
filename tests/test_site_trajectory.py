"""Rule: the indicator trend chart shows a value even where a district has a single report (a line needs
two points; the chart draws points too)."""

import pandas as pd

from tertial.site import charts as ch


def _svg(df: pd.DataFrame) -> str:
    """The SVG as vl-convert draws it, with its marks' ARIA roles (the site's copy leaves them out)."""
    import vl_convert as vlc

    from tertial.site.render import static

    chart = ch.trajectory("utveckling", df, "%", "alt", ["Rapport", "Värde"], [])
    return vlc.vegalite_to_svg(static(chart.spec), format_locale=ch.SV_NUMBER)


def test_one_report_per_district_still_shows_its_values():
    df = pd.DataFrame([
        {"period": "2020 T1", "period_order": 1, "district": "Hägersten-Liljeholmen", "series": "Årsmål", "value": 81.0},
        {"period": "2022 VP", "period_order": 2, "district": "Norrmalm", "series": "Årsmål", "value": 85.0},
    ])
    svg = _svg(df)
    assert svg.count('aria-roledescription="point"') == 2, "each district's single value is drawn as a point"


def test_one_district_one_report_too():
    df = pd.DataFrame([{"period": "2023 T2", "period_order": 1, "district": "Farsta", "series": "Utfall",
                        "value": 12.5}])
    assert _svg(df).count('aria-roledescription="point"') == 1
