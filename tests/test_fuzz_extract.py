"""Issue 6, fuzzing: mutations of the real reports never make the extractor fail with anything but a
TertialError (a clean refusal). Every layout is fuzzed with every real report (a layout must survive text
meant for the other one), then the whole path: extract_lines (layout detection, checks) and the writer.

Mutations: delete, duplicate, swap and truncate lines; insert tabs; insert random unicode; split and join
lines; cut the text at a random point. Run size: 60 examples per case in `make test`; `make fuzz`
(`--hypothesis-profile=fuzz`) runs 5000 per case, for the scheduled workflow.
"""

from __future__ import annotations

import importlib
from datetime import timedelta
from functools import cache

import pytest
from cli_harness import REAL, REPORTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tertial import ids
from tertial.errors import TertialError
from tertial.extract import detect_layout, extract_lines
from tertial.extract.model import ReportMeta
from tertial.extract.reader import decode, split_lines
from tertial.extract.write import tables, to_csv, TABLE_COLUMNS

pytestmark = pytest.mark.fuzz
# The bounded run of `make test`: 60 examples per case, 5 s per example at most. `make fuzz` loads the
# "fuzz" profile (tests/conftest.py: 5000 examples, no deadline), which then wins.
BOUNDED = settings(max_examples=60, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings(settings.default) if settings.default.max_examples > 100 else BOUNDED

LAYOUTS = [
    pytest.param("tabular", id="tabular"),
    pytest.param("pdftext", id="pdftext"),
]
REPORT_IDS = list(REAL)


@cache
def report_lines(report_id: str) -> tuple[str, ...]:
    return tuple(split_lines((REPORTS / f"{report_id}.txt").read_text(encoding="utf-8")))


def meta_of(report_id: str) -> ReportMeta:
    district, rtype, year = REAL[report_id]
    did = ids.district_id(district)
    return ReportMeta(district, did, rtype, int(year), ids.report_id(did, int(year), rtype))


# Text a mutation may insert: any unicode but line ends (the reader has split them off), with the
# characters that steer the parser made likely.
_PIECES = st.sampled_from(["\t", "\t\t", " ", "●", "Analys", "Indikator\t", "Aktivitet\tStartdatum\tSlutdatum",
                           "KF:s inriktningsmål: ", "KF:s mål för verksamhetsområdet: 1.1 ", "Nämndmål: ",
                           "Uppfylls helt", "23,4 %", "2023-01-01", "Tertial 2 2023", "- ", ".....\t12",
                           "\u00a0", "\u202f", "\f", "\ufeff", "\u2028", "Ä", "<script>", "{{ x }}"])
_TEXT = st.one_of(_PIECES, st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)),
                                   max_size=40))


@st.composite
def mutated(draw, report_id: str) -> list[str]:
    base = report_lines(report_id)
    n = len(base)
    size = draw(st.sampled_from([40, 150, 400, n]))
    start = draw(st.integers(0, max(0, n - size)))
    if draw(st.booleans()):
        start = 0  # keep the title page and table of contents in about half the runs
    lines = list(base[start:start + size])
    for _ in range(draw(st.integers(1, 12))):
        if not lines:
            lines.append("")
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "tab", "insert", "split",
                                   "join", "new_line", "replace_cell"]))
        line = lines[i]
        k = draw(st.integers(0, len(line)))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines = lines[:i] + [line[:k]]
        elif op == "tab":
            lines[i] = line[:k] + "\t" + line[k:]
        elif op == "insert":
            lines[i] = line[:k] + draw(_TEXT) + line[k:]
        elif op == "split":
            lines[i:i + 1] = [line[:k], line[k:]]
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [line + draw(st.sampled_from(["", " ", "\t"])) + lines[i + 1]]
        elif op == "new_line":
            lines.insert(i, draw(_TEXT))
        elif op == "replace_cell" and "\t" in line:
            cells = line.split("\t")
            c = draw(st.integers(0, len(cells) - 1))
            cells[c] = draw(_TEXT)
            lines[i] = "\t".join(cells)
    return lines


def write_all(ex) -> None:
    """The writer's half of the path: every table to CSV text (no files)."""
    for name, rows in tables(ex).items():
        to_csv(TABLE_COLUMNS[name], rows)


def _parser(entry: str):
    """A layout's own parser, or the whole path (`extract_lines`: layout detection and checks)."""
    return extract_lines if entry == "extract_lines" else importlib.import_module(f"tertial.extract.{entry}").parse


@pytest.mark.parametrize("report_id", REPORT_IDS)
@pytest.mark.parametrize("entry", [*LAYOUTS, pytest.param("extract_lines", id="extract_lines")])
def test_extraction_never_crashes_on_mutated_reports(entry, report_id):
    parse = _parser(entry)
    meta = meta_of(report_id)

    @PROFILE
    @given(mutated(report_id))
    def run(lines):
        try:
            ex = parse(list(lines), meta, "<fuzz>")
            write_all(ex)
        except TertialError:
            pass  # a clean refusal

    run()


@PROFILE
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.text(max_size=300).map(lambda t: t.encode("utf-16", "surrogatepass"))))
def test_reader_never_crashes_on_random_bytes(data):
    try:
        text = decode(data, "<fuzz>")
    except TertialError:
        return
    assert "\x00" not in text
    split_lines(text)


# Synthetic reports from the layout's own pieces: headings, verdicts, tables with random headers (column
# names in any order, repeated, misspelt, missing), rows with too few or too many cells, analysis lines,
# page headers, blank lines. This reaches table states that mutating the real reports rarely does.
_HEADER_NAMES = ["Indikator", "Aktivitet", "Periodens utfall", "Utfall män/ pojkar", "Utfall kvinnor/ flickor",
                 "Utfall VB 2022", "Utfall 2023", "Prognos helår", "Årsmål", "KF:s årsmål", "Period",
                 "Periodicitet", "Startdatum", "Slutdatum", "Avvikelse", "", " ", "Okänd", "Indikatorer",
                 "Arsmal", "KFs arsmal", "●"]
_CELLS = st.one_of(st.sampled_from(["", " ", "23,4 %", "9 000 st", "öka", "Tas fram av nämnd", "2023",
                                    "Tertial 2 2023", "2023-01-01", "2023-13-45", "●", "✓", "-1,5", "Ja",
                                    "Analys", "Analys text", "Kommentar: x", "Farsta stadsdelsnämnd"]), _TEXT)
_LINES = st.one_of(
    st.sampled_from(["", "", "KF:s inriktningsmål: 1. Mål", "KF:s mål för verksamhetsområdet: 1.1 Delmål",
                     "KF:s mål för verksamhetsområdet:", "Nämndmål: Nämndens mål", "Nämndmål:", "1.2 Titel",
                     "● Uppfylls helt", "Uppfylls inte", "Analys", "Beskrivning", "Förväntat resultat",
                     "- punkt", "Farsta stadsdelsnämnd", "Uppföljning av ekonomi",
                     "KF:s inriktningsmål: 2. Mål\t5", "Uppföljning av ekonomi\t9", "text i gemener"]),
    st.lists(st.sampled_from(_HEADER_NAMES), min_size=1, max_size=10).map("\t".join),
    st.lists(_CELLS, min_size=1, max_size=12).map("\t".join),
    _TEXT,
)


@PROFILE
@given(st.lists(_LINES, max_size=80))
def test_tabular_never_crashes_on_synthetic_reports(lines):
    from tertial.extract.tabular import parse
    meta = ReportMeta("Farsta", "farsta", "T2", 2023, "farsta-2023-t2")
    try:
        write_all(parse(lines, meta, "<fuzz>"))
        write_all(extract_lines(lines, meta, "<fuzz>")) if detect_layout(lines) == "tabular" else None
    except TertialError:
        pass
