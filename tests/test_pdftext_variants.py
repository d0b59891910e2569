"""Realistic variants of the text-from-PDF reference report, generated from it line for line (same line
numbers, so its hand-verified reference still applies): other page-footer words, a district office in the
footer, 'Förväntade resultat' as section label, and every trailing space stripped (as many tools do)."""

import json
import re
from pathlib import Path

import pytest

from goldcheck import cell_matches, fold, score, score_report

from tertial import ids
from tertial.extract import extract_file
from tertial.extract.model import ReportMeta
from tertial.schema import VALUE_COLUMNS
from tertial.extract.write import tables

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "sources/reports/hagersten-liljeholmen-2020-t1.txt"
GOLD = ROOT / "tests/gold/hagersten-liljeholmen-2020-t1.json"


def _variant(tmp_path: Path, name: str, edit) -> Path:
    lines = REPORT.read_text(encoding="utf-8").split("\n")
    out = [edit(line) for line in lines]
    assert len(out) == len(lines)
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _footer(words: str):
    return lambda line: re.sub(r"^(\s*)Tjänsteutlåtande(\s*)$", rf"\g<1>{words}\g<2>", line)


def _extract(path: Path):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    did = ids.district_id(gold["district"])
    meta = ReportMeta(gold["district"], did, gold["report_type"], gold["year"],
                      ids.report_id(did, gold["year"], gold["report_type"]), str(path))
    return gold, extract_file(path, meta)


@pytest.mark.parametrize("words", ["Tertialrapport 1", "Hägersten-Liljeholmens stadsdelsförvaltning",
                                   "Kvartalsöversikt Norr"])
def test_unfamiliar_page_footer(tmp_path, words):
    path = _variant(tmp_path, "footer", _footer(words))
    assert sum(1 for line in path.read_text(encoding="utf-8").split("\n") if line.strip() == words) >= 10
    s = score_report(path, GOLD)
    assert s.rows_found == s.rows_total and s.rows_extra == 0, s.problems[:10]
    assert s.cell_rate >= 0.995, s.problems[:10]
    assert s.activity_rate >= 0.99 and s.activities_extra == 0, s.problems[:10]


def test_plural_expected_results_label(tmp_path):
    path = _variant(tmp_path, "labels", lambda line: line.replace("Förväntat resultat", "Förväntade resultat"))
    _, plural = _extract(path)
    _, original = _extract(REPORT)
    assert sum(len(g.texts) for g in plural.goals) == sum(len(g.texts) for g in original.goals) > 0


def test_trailing_spaces_stripped(tmp_path):
    path = _variant(tmp_path, "stripped", lambda line: line.rstrip(" "))
    assert not any(line.endswith(" ") for line in path.read_text(encoding="utf-8").split("\n"))
    gold, ex = _extract(path)
    t = tables(ex)
    s = score(gold, t)
    assert s.rows_found == s.rows_total and s.rows_extra == 0, s.problems[:10]
    assert s.cell_rate >= 0.99, s.problems[:10]
    # no unflagged wrong cell: a row whose cells hung on guessed word joining is flagged
    rows = {int(r["source_line"]): r for r in t["indicator_results"]}
    for i in gold["indicators"]:
        r = rows[i["line"]]
        if r["needs_review"] != "true":
            assert all(cell_matches(i[c], r, c) for c in VALUE_COLUMNS), (i["line"], i, r)
            assert fold(r["period"]) == fold(i["period"] or ""), (i["line"], r["period"])
