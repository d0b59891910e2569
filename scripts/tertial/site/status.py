"""The computed status of an indicator row: outcome or forecast against the target, by direction.

It is OUR computation, shown as 'Beräknad status', never mixed up with the council's own verdict
(goals.assessment: helt / delvis / ej).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MET, NOT_MET, UNKNOWN = "uppnar", "uppnar-inte", "okand"
LABELS = {MET: "Når målvärdet", NOT_MET: "Når inte målvärdet", UNKNOWN: "Kan inte beräknas"}


@dataclass(frozen=True)
class Status:
    key: str
    basis: str  # what was compared, in Swedish, e.g. "prognos 89 mot årsmål 88"
    value: float | None = None
    target: float | None = None

    @property
    def label(self) -> str:
        return LABELS[self.key]


def _num(v) -> float | None:
    if v is None or v == "":
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def compute(row, report_type: str, direction: str) -> Status:
    """row: a mapping with period_outcome, forecast, annual_target, city_target, needs_review."""
    if str(row.get("needs_review", "")).lower() == "true":
        return Status(UNKNOWN, "raden behöver granskas")
    outcome, forecast = _num(row.get("period_outcome")), _num(row.get("forecast"))
    if report_type in ("T1", "T2") and forecast is not None:
        value, what = forecast, "prognos"
    else:
        value, what = outcome, "utfall"
    target, twhat = _num(row.get("annual_target")), "årsmål"
    if target is None:
        target, twhat = _num(row.get("city_target")), "KF:s årsmål"
    if value is None:
        return Status(UNKNOWN, "utfall och prognos saknas")
    if target is None:
        return Status(UNKNOWN, "inget målvärde i siffror")
    if direction not in ("higher", "lower"):
        return Status(UNKNOWN, "okänt om högre eller lägre är bättre")
    met = value >= target if direction == "higher" else value <= target
    return Status(MET if met else NOT_MET, f"{what} mot {twhat}", value, target)
