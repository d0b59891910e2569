"""Process: an indicator row as a card a phone can read (report and district pages): last year → this
period → forecast → target, a plain word for the change since last year, the computed status, the line.

The word follows the indicator's direction (the published `indicators` table: higher, lower or none):
'bättre' / 'sämre' / 'oförändrat' when it is known, otherwise only 'högre' / 'lägre' / 'oförändrat'.
"""

from __future__ import annotations

import math

from markupsafe import Markup

from .markup import link, status_badge, url_indicator
from .text import with_unit
from .view import View

REVIEW_DEFAULT = "kolumnerna kunde inte skiljas åt säkert"


def _num(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def change_word(now, before, direction: str) -> tuple[str, str] | None:
    """(css key, words) for this period's value against last year's, or None when either is missing."""
    a, b = _num(now), _num(before)
    if a is None or b is None:
        return None
    if a == b:
        return "samma", "oförändrat mot förra året"
    up = a > b
    if direction not in ("higher", "lower"):
        return "okand", ("högre" if up else "lägre") + " än förra året"
    better = up == (direction == "higher")
    return ("battre", "bättre än förra året") if better else ("samre", "sämre än förra året")


def indicator_card(v: View, src: str, r, with_report: bool = False) -> dict:
    """One indicator row as the data of a card (templates/macros.j2, `card`); with_report names the
    district and report it comes from (a city goal's page sets districts' rows side by side)."""
    unit = r.unit or ""
    row = r._asdict()
    steps = [("Förra året", with_unit(r.previous_year, unit)),
             (str(r.period or "Perioden"), with_unit(r.period_outcome, unit)),
             ("Prognos helår", with_unit(r.forecast, unit)),
             ("Årsmål", with_unit(r.annual_target, unit) or r.annual_target_text or "")]
    extra = [(label, value) for label, value in (
        ("Kvinnor", with_unit(r.outcome_women, unit)), ("Män", with_unit(r.outcome_men, unit)),
        ("KF:s årsmål", with_unit(r.city_target, unit) or r.city_target_text or "")) if value]
    review = None
    if str(r.needs_review).lower() == "true":
        review = getattr(r, "review_reason", "") or REVIEW_DEFAULT
    report = v.report_link(src, r) if with_report else ""
    return {"name": Markup(link(src, url_indicator(r.indicator_id), r.name)), "review": review,
            "report": Markup(report),
            "steps": [(label, value) for label, value in steps if value], "extra": extra,
            "change": change_word(r.period_outcome, r.previous_year, v.direction(r.indicator_id)),
            "status": Markup(status_badge(v.status(row))), "ref": Markup(v.ref(src, r))}


def verdict_sentence(counts: dict[str, int]) -> str:
    """'43 av 43 mål uppfylls helt, 0 delvis och 0 ej.' (empty when the report has no verdicts)."""
    n = sum(counts.values())
    if not n:
        return ""
    return f"{counts['helt']} av {n} mål uppfylls helt, {counts['delvis']} delvis och {counts['ej']} ej."
