"""Score an extraction of a generated PDF (tests/pdfgen) against the reference it was printed from.

The references give each item's line in the text report; a PDF's items carry the line of its rendered text
instead. Items are paired in printed order (difflib over their names: a missing or extra item stays
unpaired), each paired item takes its reference's line, and `goldcheck.score` compares everything else
exactly as for the text reports. `python tests/pdfgold.py GOLD.json TEMPLATE` prints the differences.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from goldcheck import Score, fold, score  # noqa: E402

_KEYS = {"goals": ("title", "title"), "indicator_results": ("name", "name"), "activities": ("text", "text")}
_GOLD = {"goals": "goals", "indicator_results": "indicators", "activities": "activities"}


def relined(gold: dict, tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The tables with each item paired to a reference item given that item's line (unpaired: line 0 - k)."""
    out = dict(tables)
    for table, (ours_key, gold_key) in _KEYS.items():
        ours = sorted(tables[table], key=lambda r: int(r["source_line"]))
        want = sorted(gold[_GOLD[table]], key=lambda g: g["line"])
        a = [fold(r[ours_key])[:80] for r in ours]
        b = [fold(g[gold_key])[:80] for g in want]
        lines = [-k for k in range(len(ours))]
        for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            tag, i1, i2, j1, j2 = block
            if tag in ("equal", "replace") and i2 - i1 == j2 - j1:
                for k in range(i2 - i1):
                    lines[i1 + k] = want[j1 + k]["line"]
        out[table] = [{**r, "source_line": str(line)} for r, line in zip(ours, lines)]
    return out


def score_pdf(gold: dict, pdf: Path) -> tuple[Score, dict]:
    """Extract `pdf` as `tertial extract` does and score it; returns the score and the contract's tables."""
    from goldfixture import meta_of
    from tertial.extract import extract_file
    from tertial.extract.write import tables

    got = tables(extract_file(pdf, meta_of(gold, str(pdf))))
    return score(gold, relined(gold, got)), got


if __name__ == "__main__":
    import json
    import tempfile

    import pdfgen

    gold = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        result, _ = score_pdf(gold, pdfgen.write(gold, sys.argv[2], Path(tmp) / "report.pdf"))
    print("\n".join(result.problems))
    print(result.summary())
