"""Codes and their Swedish labels: one table per code set (tertial/labels.py), every code labelled, and no
table of labels written a second time in the package."""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest

from tertial import labels, schema
from tertial.extract import reasons

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "scripts" / "tertial"


@pytest.mark.parametrize("field", ["report_type", "level", "assessment", "direction"])
def test_every_code_of_the_schema_has_a_label_and_every_label_a_code(field):
    table = labels.BY_FIELD[field]
    codes = schema.enum(field)
    assert [c for c in codes if not table.get(c, "").strip()] == [], "codes without a label"
    assert sorted(set(table) - set(codes) - {""}) == [], "labels of codes the schema does not have"


def test_every_review_code_in_the_published_data_has_its_swedish_reason():
    flagged = 0
    for path in sorted((REPO / "datapackages").glob("*/data/indicator_results.csv")):
        for row in csv.DictReader(path.open(encoding="utf-8", newline="")):
            if row["needs_review"] != "true":
                continue
            flagged += 1
            codes = row["review_code"].split(";")
            assert all(c in labels.REVIEW_REASONS for c in codes), (path, row["source_line"], codes)
            assert row["review_reason"].startswith(labels.REVIEW_REASONS[codes[0]]), (path, row["source_line"])
    assert flagged, "no flagged row to check"


def _review_codes_flagged(folder: Path) -> set[str]:
    """The review codes the extraction code flags rows with: the (code, particulars) pairs it appends to a
    row's reasons or lists, as written in the code."""
    def pair(node) -> bool:
        return (isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[0], ast.Constant)
                and isinstance(node.elts[0].value, str) and re.fullmatch(r"[a-z]+(_[a-z]+)*", node.elts[0].value))
    codes = set()
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append":
                codes |= {a.elts[0].value for a in node.args if pair(a)}
            elif isinstance(node, ast.List):
                codes |= {e.elts[0].value for e in node.elts if pair(e)}
    return codes


def test_every_review_code_the_extraction_flags_with_has_a_label_and_every_label_is_used():
    assert sorted(_review_codes_flagged(PACKAGE / "extract")) == sorted(labels.REVIEW_REASONS)


def test_a_review_code_without_a_label_is_refused_not_shown_in_english():
    assert reasons.text([("placement_tie", "a | b")]) == f"{labels.REVIEW_REASONS['placement_tie']} (a | b)"
    with pytest.raises(KeyError):
        reasons.label("made_up_code")


def test_a_label_in_a_sentence_keeps_an_abbreviation():
    assert labels.name(labels.VERDICT_NAMES, "helt", in_sentence=True) == "uppfylls helt"
    assert labels.name(labels.LEVEL_NAMES, "inriktningsmal", in_sentence=True) == "KF:s inriktningsmål"
    assert labels.name(labels.TYPE_NAMES, "XX", in_sentence=True) == "XX"


def _label_tables(folder: Path):
    """(file:line, field) of each dict literal outside labels.py that maps two or more codes of one code set to
    words: a table of labels written again."""
    code_sets = {f: set(t) - {""} for f, t in labels.BY_FIELD.items()}
    words = re.compile(r"[A-Za-zÅÄÖåäö]{3,}")
    for path in sorted(folder.rglob("*.py")):
        if path.name == "labels.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict) or not all(isinstance(k, ast.Constant) for k in node.keys):
                continue
            keys = {k.value for k in node.keys}
            values = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            if len(values) != len(node.values):
                continue
            labelled = [v for v in values if words.search(re.sub(r"\{[^}]*\}", "", v)) and v not in keys]
            for field, codes in code_sets.items():
                if len(keys & codes) >= 2 and labelled and not set(values) <= codes:
                    yield f"{path.relative_to(folder)}:{node.lineno}", field


def _code_sets(folder: Path):
    """(file:line, field) of each literal list/tuple/set of strings that is a whole code set of the schema:
    the codes written out again instead of taken from `schema.enum`."""
    sets = {f: set(schema.enum(f)) for f in ("report_type", "level", "assessment", "direction")}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and node.elts and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                values = {e.value for e in node.elts} - {""}
                yield from ((f"{path.relative_to(folder)}:{node.lineno}", f) for f, codes in sets.items()
                            if values == codes)


def test_no_code_set_is_written_out_again():
    assert list(_code_sets(PACKAGE)) == []


def test_the_scan_finds_a_code_set_written_out(tmp_path):
    (tmp_path / "m.py").write_text('A = ("helt", "delvis", "ej")\nB = ["higher", "lower"]\n')
    assert list(_code_sets(tmp_path)) == [("m.py:1", "assessment")]


def test_no_table_of_labels_is_written_a_second_time():
    assert list(_label_tables(PACKAGE)) == []


def test_the_scan_finds_a_second_table_of_labels(tmp_path):
    (tmp_path / "m.py").write_text('NAMES = {"VP": "verksamhetsplan", "T1": "tertialrapport 1"}\n'
                                   'DATES = {"T1": "04-30", "T2": "08-31"}\n'
                                   'VERDICT = {"helt": "helt", "inte": "ej"}\n'
                                   'TITLES = {"VP": "Verksamhetsplan {year}", "VB": "Verksamhetsberättelse {year}"}\n')
    assert list(_label_tables(tmp_path)) == [("m.py:1", "report_type"), ("m.py:4", "report_type")]
