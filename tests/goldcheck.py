"""Compare an extraction (the contract's CSV tables) with a hand-verified reference in tests/gold/.

Used by the end-to-end tests; `python tests/goldcheck.py REPORT.txt GOLD.json` prints every difference.
Scoring follows tests/gold/SCHEMA.md and the extraction issue:
- goals: matched by heading line; level, code, title and verdict must all agree;
- indicator rows: matched by the line where the name starts; no missing and no extra rows;
- value cells: period plus the seven values of each gold row; a cell of a row the reference marks
  ambiguous counts as right when we flag the row needs_review;
- activities: matched by line; text (first 80 characters) and both dates must agree.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tertial.schema import VALUE_COLUMNS
GOLD_DIR = Path(__file__).parent / "gold"


@dataclass
class Score:
    goals_total: int = 0
    goals_right: int = 0
    rows_total: int = 0
    rows_found: int = 0
    rows_extra: int = 0
    cells_total: int = 0
    cells_right: int = 0
    rows_goal_right: int = 0
    activities_total: int = 0
    activities_right: int = 0
    activities_extra: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def cell_rate(self) -> float:
        return self.cells_right / self.cells_total if self.cells_total else 0.0

    @property
    def activity_rate(self) -> float:
        return self.activities_right / self.activities_total if self.activities_total else 0.0

    def summary(self) -> str:
        return (f"goals {self.goals_right}/{self.goals_total}; rows found {self.rows_found}/{self.rows_total}, "
                f"extra {self.rows_extra}; rows under the right goal {self.rows_goal_right}/{self.rows_total}; "
                f"cells {self.cells_right}/{self.cells_total} ({self.cell_rate:.2%}); activities "
                f"{self.activities_right}/{self.activities_total} ({self.activity_rate:.2%}), "
                f"extra {self.activities_extra}")


def fold(text: str | None) -> str:
    return " ".join((text or "").split())


def _num(text: str) -> float | None:
    return float(text) if text not in ("", None) else None


def cell_matches(gold, row: dict, col: str) -> bool:
    value, text = _num(row.get(col, "")), row.get(f"{col}_text", "") or ""
    if gold is None:
        return value is None and not text
    if "value" in gold:
        return value is not None and math.isclose(value, float(gold["value"]), abs_tol=1e-9) and not text
    return value is None and fold(text) == fold(gold["text"])


def score(gold: dict, tables: dict[str, list[dict]]) -> Score:
    s = Score()
    goals = {int(g["source_line"]): g for g in tables["goals"]}
    goal_by_id = {g["goal_id"]: g for g in tables["goals"]}
    for g in gold["goals"]:
        s.goals_total += 1
        ours = goals.get(g["line"])
        want = (g["level"], g["code"] or "", fold(g["title"]), g["assessment"] or "")
        got = None if ours is None else (ours["level"], ours["code"], fold(ours["title"]), ours["assessment"])
        if got == want:
            s.goals_right += 1
        else:
            s.problems.append(f"goal line {g['line']}: want {want}, got {got}")
    gold_goal_lines = {g["line"] for g in gold["goals"]}
    for line in sorted(set(goals) - gold_goal_lines):
        s.problems.append(f"extra goal at line {line}: {goals[line]['title'][:60]!r}")

    rows = {int(r["source_line"]): r for r in tables["indicator_results"]}
    gold_lines = {i["line"] for i in gold["indicators"]}
    for i in gold["indicators"]:
        s.rows_total += 1
        row = rows.get(i["line"])
        if row is None:
            s.problems.append(f"row line {i['line']}: missing ({i['name'][:50]!r})")
            s.cells_total += 8
            continue
        s.rows_found += 1
        goal = goal_by_id.get(row["goal_id"])
        if goal and fold(goal["title"]) == fold(i["goal_title"]):
            s.rows_goal_right += 1
        else:
            s.problems.append(f"row line {i['line']}: under goal {goal and goal['title'][:50]!r}, "
                              f"want {i['goal_title'][:50]!r}")
        if fold(row["name"]) != fold(i["name"]):
            s.problems.append(f"row line {i['line']}: name {row['name'][:60]!r} != {i['name'][:60]!r}")
        flagged = row["needs_review"] == "true"
        checks = [("period", fold(row["period"]) == fold(i["period"] or ""))]
        checks += [(c, cell_matches(i[c], row, c)) for c in VALUE_COLUMNS]
        for col, ok in checks:
            s.cells_total += 1
            if ok or (i["ambiguous"] and flagged):
                s.cells_right += 1
            else:
                got = row.get(col, "") + ("|" + row.get(f"{col}_text", "") if row.get(f"{col}_text") else "")
                want = i.get(col) if col != "period" else i["period"]
                s.problems.append(f"row line {i['line']} {col}: want {want}, got {got!r}")
    for line in sorted(set(rows) - gold_lines):
        s.rows_extra += 1
        s.problems.append(f"extra row at line {line}: {rows[line]['name'][:60]!r}")

    acts = {int(a["source_line"]): a for a in tables["activities"]}
    gold_act_lines = {a["line"] for a in gold["activities"]}
    for a in gold["activities"]:
        s.activities_total += 1
        ours = acts.get(a["line"])
        ok = (ours is not None and fold(ours["text"])[:80] == fold(a["text"])[:80]
              and ours["start_date"] == (a["start"] or "") and ours["end_date"] == (a["end"] or ""))
        if ok:
            s.activities_right += 1
        else:
            got = ours and (fold(ours["text"])[:40], ours["start_date"], ours["end_date"])
            s.problems.append(f"activity line {a['line']}: want {(fold(a['text'])[:40], a['start'], a['end'])}, got {got}")
    for line in sorted(set(acts) - gold_act_lines):
        s.activities_extra += 1
        s.problems.append(f"extra activity at line {line}: {acts[line]['text'][:60]!r}")
    return s


def extracted_tables(report: Path, gold: dict) -> dict[str, list[dict]]:
    """The contract's tables (as CSV rows) of `report`, extracted as the reference's district/type/year."""
    from tertial import ids
    from tertial.extract import extract_file
    from tertial.extract.model import ReportMeta
    from tertial.extract.write import tables

    did = ids.district_id(gold["district"])
    meta = ReportMeta(gold["district"], did, gold["report_type"], gold["year"],
                      ids.report_id(did, gold["year"], gold["report_type"]), str(report))
    return tables(extract_file(report, meta))


def score_report(report: Path, gold_path: Path) -> Score:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score(gold, extracted_tables(report, gold))


if __name__ == "__main__":
    result = score_report(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(result.problems))
    print(result.summary())
