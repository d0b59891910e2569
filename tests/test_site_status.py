"""The computed status: outcome or forecast against the target, by the indicator's direction."""

from tertial.site.status import MET, NOT_MET, UNKNOWN, compute


def row(**kw):
    base = {"period_outcome": None, "forecast": None, "annual_target": None, "city_target": None,
            "needs_review": "false"}
    base.update(kw)
    return base


def test_tertial_uses_forecast_and_direction():
    assert compute(row(period_outcome=80, forecast=89, annual_target=88), "T2", "higher").key == MET
    assert compute(row(period_outcome=95, forecast=87, annual_target=88), "T2", "higher").key == NOT_MET
    assert compute(row(period_outcome=1300, forecast=1240, annual_target=1250), "T1", "lower").key == MET
    s = compute(row(period_outcome=1300, forecast=1260, annual_target=1250), "T1", "lower")
    assert s.key == NOT_MET and s.basis == "prognos mot årsmål"


def test_annual_report_uses_outcome_and_falls_back_to_city_target():
    s = compute(row(period_outcome=7.5, forecast=9, city_target=7), "VB", "lower")
    assert s.key == NOT_MET and s.basis == "utfall mot KF:s årsmål"
    assert compute(row(period_outcome=88, annual_target=88), "VB", "higher").key == MET  # equal meets


def test_cannot_compute_without_number_direction_or_when_under_review():
    assert compute(row(period_outcome=7.9), "T2", "lower").key == UNKNOWN  # target only as words
    assert compute(row(annual_target=5), "T2", "lower").key == UNKNOWN
    assert compute(row(period_outcome=1, annual_target=5), "T2", "none").key == UNKNOWN
    s = compute(row(period_outcome=1, annual_target=5, needs_review="true"), "T2", "lower")
    assert s.key == UNKNOWN and "granskas" in s.basis
