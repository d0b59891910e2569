"""The third given report, Norrmalm's business plan 2022 (no hand-verified reference): its text reader's
reading, printed as PDF in every template with the business plan's table (Årsmål, KF:s årsmål,
Periodicitet), reads back the same: every goal, row, cell and activity, nothing flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

import pdfgen
from goldcheck import VALUE_COLUMNS
from pdfgold import score_pdf
from tertial.extract import extract_file
from tertial.extract.model import ReportMeta
from tertial.extract.write import tables

REPORT = Path(__file__).resolve().parents[1] / "sources" / "reports" / "norrmalm-2022-vp.txt"


def reference() -> dict:
    """The text reader's extraction in the references' form (tests/gold/SCHEMA.md)."""
    meta = ReportMeta("Norrmalm", "norrmalm", "VP", 2022, "norrmalm-2022-vp", str(REPORT))
    t = tables(extract_file(REPORT, meta))
    goals = {g["goal_id"]: g for g in t["goals"]}

    def cell(row, c):
        if row[f"{c}_text"]:
            return {"text": row[f"{c}_text"]}
        return {"value": float(row[c]), "unit": row["unit"] or None} if row[c] else None

    return {"report": REPORT.name, "district": "Norrmalm", "report_type": "VP", "year": 2022,
            "goals": [{"level": g["level"], "code": g["code"] or None, "title": g["title"],
                       "assessment": g["assessment"] or None, "line": int(g["source_line"])} for g in t["goals"]],
            "indicators": [{"goal_title": goals[r["goal_id"]]["title"], "name": r["name"],
                            "line": int(r["source_line"]), "period": r["period"], "ambiguous": r["needs_review"] == "true",
                            **{c: cell(r, c) for c in VALUE_COLUMNS}} for r in t["indicator_results"]],
            "activities": [{"goal_title": goals[a["goal_id"]]["title"], "text": a["text"], "start": a["start_date"],
                            "end": a["end_date"], "line": int(a["source_line"])} for a in t["activities"]]}


@pytest.mark.parametrize("template", sorted(pdfgen.TEMPLATES))
def test_the_business_plan_reads_back_from_its_pdf(template, tmp_path):
    gold = reference()
    assert len(gold["indicators"]) > 50 and not any(i["ambiguous"] for i in gold["indicators"])
    score, t = score_pdf(gold, pdfgen.write(gold, template, tmp_path / "norrmalm.pdf"))
    assert score.problems == []
    assert score.rows_found == len(gold["indicators"]) and score.activities_right == len(gold["activities"])
    assert not any(r["needs_review"] == "true" for r in t["indicator_results"])
