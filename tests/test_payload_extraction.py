"""Issue 6, untrusted text: a report full of HTML, script, Markdown and template payloads extracts them
verbatim, as text, in every field (goal titles, texts, indicator names, targets, analysis, activities).
Escaping is the business of whatever shows the text; extraction must neither run, strip nor alter it."""

from __future__ import annotations

import csv

import pytest
from cli_harness import FIXTURES, extract, make_project, snapshot

REPORT = FIXTURES / "payloads" / "payload-report.txt"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("payload")
    project = make_project(tmp)
    before = snapshot(project)
    out = tmp / "out"
    result = extract(REPORT, out, project, district="Skärholmen", rtype="T2", year="2023")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert snapshot(project) == before
    tables = {}
    for name in ("goals", "goal_texts", "indicator_results", "activities"):
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as fh:
            tables[name] = list(csv.DictReader(fh))
    return tables


def test_goal_titles_are_verbatim(extracted):
    assert [(g["level"], g["code"], g["title"]) for g in extracted["goals"]] == [
        ("inriktningsmal", "1", 'Ett Stockholm <script>alert("tertial-xss-1")</script> som håller samman'),
        ("verksamhetsmal", "1.1", 'Barn <img src=x onerror=alert("tertial-xss-2")> ska ha en rik fritid'),
        ("namndmal", "", 'Invånare {{ config.site_name }} och <b onmouseover=alert("tertial-xss-11")>fet</b> text'),
    ]


def test_goal_texts_are_verbatim(extracted):
    texts = {(t["goal_id"][-4:], t["section"]): t["text"] for t in extracted["goal_texts"]}
    assert texts == {
        ("g001", "analys"): 'Nämnden bedömer att målet uppfylls. Se [mer information](javascript:alert("tertial-xss-3")) '
                            'och {{ config }} samt {% include "../../mkdocs.yml" %}.\n\n'
                            '<script>alert("tertial-xss-4")</script>',
        ("g002", "analys"): "Text med <a href=\"javascript:alert('tertial-xss-5')\">en länk</a> och "
                            "![bild](https://example.invalid/bild.png) i analysen.",
        ("g003", "beskrivning"): "Beskrivning med {%- macro x() -%}makro{%- endmacro -%} och <!-- kommentar --> "
                                 "och `kod` och <style>body{display:none}</style>.",
        ("g003", "forvantat_resultat"): '- Punkt med <script>alert("tertial-xss-12")</script>\n'
                                        '- Punkt med [text](javascript:alert("tertial-xss-13")) och -1+1',
    }


def test_indicator_names_targets_and_analysis_are_verbatim(extracted):
    rows = [(r["name"], r["annual_target_text"], r["city_target_text"], r["analysis"], r["needs_review"])
            for r in extracted["indicator_results"]]
    assert rows == [
        ('Andel <script>alert("tertial-xss-6")</script> nöjda', "{{ config.extra }}",
         '<img src=x onerror=alert("tertial-xss-7")>',
         '{% raw %}{{ page }}{% endraw %} och [länk](javascript:alert("tertial-xss-8"))', "false"),
        ("Antal {{ 7*7 }} besök", '=HYPERLINK("https://example.invalid","klicka")', "öka", "", "false"),
        ('<script>alert("tertial-xss-14")</script> Andel först', "+SUM(1;1)", "@SUM(1+1)", "", "false"),
    ]
    first = extracted["indicator_results"][0]
    assert (first["period_outcome"], first["unit"], first["period"]) == ("37.4", "%", "Tertial 2 2023")


def test_activities_are_verbatim(extracted):
    [activity] = extracted["activities"]
    assert activity["text"] == 'Aktiviteten <svg onload=alert("tertial-xss-9")> genomförs'
    assert activity["deviation"] == '{% include "secret" %} avvikelse'
    assert activity["analysis"] == "Analysen <iframe src=\"javascript:alert('tertial-xss-10')\"></iframe> av aktiviteten."
    assert (activity["start_date"], activity["end_date"]) == ("2023-01-01", "2023-12-31")


def test_every_payload_in_the_goal_part_survives(extracted):
    """Every 'tertial-xss-N' printed under the goals is somewhere in the extracted tables, once or more."""
    text = REPORT.read_text(encoding="utf-8")
    goal_part = text[text.index("\nKF:s inriktningsmål: 1.", text.index("Sammanfattande analys\n")):]
    printed = {f"tertial-xss-{n}" for n in range(15) if f'tertial-xss-{n}"' in goal_part
               or f"tertial-xss-{n}'" in goal_part}
    assert len(printed) == 14  # 1-14; 0 is in the summary before the goals
    found = " ".join(v for rows in extracted.values() for row in rows for v in row.values())
    assert {p for p in printed if p + '"' in found or p + "'" in found} == printed
