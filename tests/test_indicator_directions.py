"""Every indicator's direction is curated in curation/indicators.yml with its reason: the loader refuses a
direction without a reason, the reason is published (indicators.direction_reason), every quotation in a
reason is on the line of the report it cites, and an indicator without a curated direction is named by
`tertial build` and `tertial check` (a warning: a new report stays publishable) and fails the test on the
committed data below."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from goldfixture import build_project, gold_extractor
from published import ROOT, read_table

from tertial import build
from tertial.curation import indicators
from tertial.errors import TertialError
from tertial import schema

_REPORT = r"[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-(?:vp|t1|t2|vb)"


def _rules(tmp_path: Path, body: str) -> dict:
    (tmp_path / "curation").mkdir(exist_ok=True)
    (tmp_path / "curation" / "indicators.yml").write_text("indicators:\n" + body, encoding="utf-8")
    return indicators.load(tmp_path)


def test_every_published_indicator_has_a_curated_direction():
    rules = indicators.load(ROOT)
    missing = sorted({f"{r['indicator_id']} ({r['name']!r})" for r in read_table("indicator_results")
                      if not rules["by_name"].get(indicators.normalize_name(r["name"]), {}).get("direction")})
    assert not missing, f"no direction in {indicators.FILE} for: " + "; ".join(missing)


@pytest.mark.parametrize(("entry", "message"), [
    ('  - {name: "Andel nöjda", direction: higher}\n', "direction 'higher' without direction_reason"),
    ('  - {name: "Andel nöjda", direction: none}\n', "direction 'none' without direction_reason"),
    ('  - {name: "Andel nöjda", direction_reason: "Namnet."}\n', "direction_reason without direction"),
    ('  - {name: "Andel nöjda", direction: higher, direction_reason: " "}\n', "direction_reason must be a text"),
    ('  - {name: "Andel nöjda", direction: higher, direction_reason: [a]}\n', "indicator: 'direction_reason' must be a text"),
    ('  - {name: "Andel nöjda", direction: better, direction_reason: "x"}\n', "direction must be one of"),
])
def test_a_direction_without_its_reason_is_refused_with_file_and_line(tmp_path, entry, message):
    with pytest.raises(TertialError) as exc:
        _rules(tmp_path, '  - {name: "Antal besök"}\n' + entry)
    assert exc.value.message.startswith(message)
    assert (exc.value.path, exc.value.line) == (str(indicators.FILE), 3)


def test_the_reason_is_published_and_a_reading_of_the_targets_says_it_was_not_reviewed(tmp_path):
    rules = _rules(tmp_path, '  - name: "Andel nöjda"\n    direction: higher\n'
                             '    direction_reason: "Namnet: andelen nöjda;\n      ju fler, desto bättre."\n')
    rows = [{"name": "Andel nöjda", "unit": "%"},
            {"name": "Andel ökande", "unit": "%", "city_target_text": "öka", "report_id": "a-2023-t2",
             "source_line": "12"},
            {"name": "Antal okända", "unit": "st", "annual_target_text": "Tas fram av nämnd"}]
    table = {t["indicator_id"]: t for t in indicators.assign(rows, rules)}
    assert table["andel-nojda"]["direction_reason"] == "Namnet: andelen nöjda; ju fler, desto bättre."
    assert (table["andel-okande"]["direction"], table["andel-okande"]["direction_reason"]) == (
        "higher", "Läst ur rapporterna, inte granskat för hand: målet är tryckt som 'öka' (a-2023-t2 rad 12).")
    assert (table["antal-okanda"]["direction"], table["antal-okanda"]["direction_reason"]) == ("", "")
    assert indicators.uncurated(list(table.values()), rules) == [
        "warning: curation/indicators.yml: no direction for indicator andel-okande ('Andel ökande'); "
        "published with 'higher' read from its printed target",
        "warning: curation/indicators.yml: no direction for indicator antal-okanda ('Antal okända'); "
        "published without one"]
    field = schema.table_schema("indicators")["fields"][-1]
    assert field["name"] == "direction_reason" and field["title"] == "Skäl för riktningen"


def _flat(report: Path) -> tuple[str, list[tuple[int, int]]]:
    """The report's text with white space folded (text from PDF wraps a sentence over lines), and the
    offset at which each line starts."""
    flat, starts = "", []
    for n, line in enumerate(report.read_text(encoding="utf-8").split("\n"), 1):
        starts.append((len(flat), n))
        flat += " ".join(line.split()).lower() + " "
    return flat, starts


def test_every_quotation_in_a_reason_is_on_the_line_it_cites():
    """A passage in single quotes ('... ' marks a cut) starts on a cited line of a cited report, or within
    the five lines after it (the council's analysis under the row it cites)."""
    texts: dict[str, tuple] = {}
    checked = 0
    for e in indicators.load(ROOT)["entries"]:
        reason = e["direction_reason"]
        cited = {(rid, int(n)) for rid, lines in re.findall(rf"({_REPORT}) rad ([\d, ]+\d)", reason)
                 for n in re.findall(r"\d+", lines)}
        for quote in re.findall(r"(?<!\w)'([^']+)'(?!\w)", reason):
            assert cited, f"{indicators.FILE}:{e['line']}: a quotation without report and line: {quote!r}"
            parts = [re.escape(" ".join(p.split()).lower()) for p in quote.split("...")]
            pattern = re.compile(r"\s*.{0,400}?\s*".join(parts))
            found = set()
            for rid in {rid for rid, _ in cited}:
                if rid not in texts:
                    texts[rid] = _flat(ROOT / "sources" / "reports" / f"{rid}.txt")
                flat, starts = texts[rid]
                for m in pattern.finditer(flat):
                    found.add((rid, max(n for offset, n in starts if offset <= m.start())))
            assert any((rid, n - k) in cited for rid, n in found for k in range(6)), (
                f"{indicators.FILE}:{e['line']}: {quote!r} is not on the cited lines {sorted(cited)} (found at "
                f"{sorted(found)})")
            checked += 1
    assert checked >= 50


def test_build_and_check_name_an_indicator_left_out(tmp_path):
    build_project(tmp_path, until="extract")
    yml = tmp_path / "curation" / "indicators.yml"
    text = yml.read_text(encoding="utf-8")
    entry = re.search(r'  - name: "Sjukfrånvaro"\n(    .*\n|      .*\n)*', text).group(0)
    yml.write_text(text.replace(entry, ""), encoding="utf-8")
    warning = ("warning: curation/indicators.yml: no direction for indicator sjukfranvaro ('Sjukfrånvaro'); "
               "published without one")
    res = subprocess.run([sys.executable, "-m", "tertial", "--root", str(tmp_path), "check"],
                         capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr
    assert warning in res.stdout.splitlines()
    lines: list[str] = []
    build.build(tmp_path, build.Context(extractor=gold_extractor, out=lines.append), until="curate")
    assert [line for line in lines if line.startswith("warning:")] == [warning]
