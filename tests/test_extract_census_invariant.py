"""Property (no silent loss, the census's invariant): in a generated table of the text-from-PDF layout,
with wrapped names, footnote marks and notes, analysis paragraphs, page breaks with and without page
furniture between rows, inside names and between a row's cells and the rest of its name, and either
spacing convention, every row printed is written as one row with its whole name, nothing else is
written, and the census counts exactly that. A shape the walk does not know (a text section inside the
table) still loses no row: the sweep writes it, flagged and warned."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdftext_fixture import CITY_GOAL, HEADER, META, PAGE_BREAK, parse

from tertial.extract.names import NAME_GLUE
from tertial.extract.write import census_record

STARTS = ["Andel", "Antal", "Kostnad", "Brukarens", "Sjukfrånvaro", "Genomsnittlig", "Upplevd"]
WORDS = ["nöjda", "brukare", "elever", "hemtjänst", "omsorgstagare", "boende", "trygghet", "stöd", "rätt",
         "tid", "vård", "kvalitet", "förskolebarn", "årsarbetare", "lokaler", "kvinnor", "män", "insatser",
         "äldreomsorgen", "delaktighet", "bemötande", "lss-boende", "daglig", "verksamhet", "i", "för", "med", "och", "(hemtjänst)",
         "inom", "som"]
MARKS = [("*", "* Preliminärt utfall. "), (" 1)", "1) Uppgiften avser perioden januari till april. "),
         ("¹", "¹ Mätt i mars. ")]
VALUES = {False: ["85 % 90 % 90 % 2020", "12 st 14 st 14 st 2020", "1,1 % 1,1 % 2,7 % 2,7 % 2,7 % Tertial 1 "],
          True: ["   85 %  90 % 90 % 2020 ", "   12 st  14 st 14 st 2020 ",
                 "1,1 % 1,0 % 1,2 % 1,1 % 2,7 % 2,7 % 2,7 % Tertial 1 "]}
PROSE = ["Resultatet ligger nära årets mål och arbetet fortsätter under hösten. ",
         "Förvaltningen följer utvecklingen noga. "]
BREAKS = {"furniture": PAGE_BREAK + HEADER, "header": HEADER}
# 60 examples in `make test`; `make fuzz` (the "fuzz" profile, tests/conftest.py) runs its own count
BOUNDED = settings(max_examples=60, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
SETTINGS = settings(settings.default) if settings.default.max_examples > 100 else BOUNDED


@st.composite
def rows(draw, breaks=(None, None, "between", "in_name", "before_tail")):
    words = [draw(st.sampled_from(STARTS))] + draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=7))
    # a name wraps after any word, but ends in none that cannot end a name ('i', 'för': names.NAME_GLUE)
    words.append(draw(st.sampled_from([w for w in WORDS if w not in NAME_GLUE])))
    name = " ".join(words)
    mark = draw(st.sampled_from([None, None, *MARKS]))
    if mark:
        words[-1] += mark[0]  # printed as part of the name, in its column
    width = draw(st.integers(24, 34))  # the name column: wrapped between words at its width
    lines = [words[0]]
    for w in words[1:]:
        if len(lines[-1]) + 1 + len(w) <= width:
            lines[-1] += " " + w
        else:
            lines.append(w)
    return {
        "name": name, "lines": lines, "value": draw(st.integers(0, 2)),
        "mark": mark, "analysis": draw(st.integers(0, 2)),
        "break": draw(st.sampled_from(list(breaks))),
        "break_kind": draw(st.sampled_from(sorted(BREAKS))),
    }


def render(row, spacing: bool) -> list[str]:
    """One row as the export prints it: wrapped name lines end with a space, the last one without."""
    lines = [ln + " " for ln in row["lines"][:-1]] + [row["lines"][-1]]
    brk = BREAKS[row["break_kind"]]
    value = VALUES[spacing][row["value"]]
    cells = [value, "2020 "] if value.endswith("Tertial 1 ") else [value]
    tail: list[str] = []
    if row["break"] == "in_name" and len(lines) > 1:
        lines = lines[:1] + ["", *brk] + lines[1:]
    elif row["break"] == "before_tail" and len(lines) > 1:
        lines, tail = lines[:-1], ["", *brk, lines[-1], ""]
    out = lines + [""] + cells + tail + [""]
    if row["mark"]:
        out += [row["mark"][1], ""]
    if row["analysis"]:
        out += ["Analys "] + PROSE[:row["analysis"]] + [""]
    if row["break"] == "between":
        out += brk
    return out


def report(table_rows, spacing: bool) -> list[str]:
    out = CITY_GOAL + HEADER
    for row in table_rows:
        out += render(row, spacing)
    return out


@SETTINGS
@given(st.lists(rows(), min_size=1, max_size=8), st.booleans())
def test_every_row_printed_is_written_once_and_the_census_adds_up(table_rows, spacing):
    ex = parse(report(table_rows, spacing))
    assert [r.name for r in ex.rows] == [row["name"] for row in table_rows]
    record = census_record(ex)
    assert record["row_blocks"] == record["rows_written"] == len(table_rows)
    assert record["fragments_flagged"] == record["rows_recovered"] == 0
    assert record["notes"] == sum(bool(row["mark"]) for row in table_rows)
    assert record["fragments_joined"] == sum(row["break"] == "before_tail" and len(row["lines"]) > 1
                                             for row in table_rows)


UNKNOWN = ["Beskrivning ", "Nämnden beskriver här arbetet under perioden. ", ""]


@SETTINGS
@given(st.lists(rows(breaks=(None, "between")), min_size=2, max_size=6), st.booleans(), st.data())
def test_a_shape_the_walk_does_not_know_loses_no_row(table_rows, spacing, data):
    # a text section printed inside the table: the walk reads what follows as the section's text (up to
    # a table header printed again); the sweep writes every row block among it as a row, flagged, warned
    # and counted
    at = data.draw(st.integers(1, len(table_rows) - 1))
    lines = report(table_rows[:at], spacing) + UNKNOWN
    for row in table_rows[at:]:
        lines += render(row, spacing)
    ex = parse(lines)
    assert [r.name for r in ex.rows] == [row["name"] for row in table_rows]
    recovered = [r for r in ex.rows if "recovered" in r.review_code]
    assert all(r.needs_review for r in recovered) and ex.census.rows_recovered == len(recovered)
    # the rows before the text section are read by the walk, and at least the first one after it is not
    assert "recovered" not in "".join(r.review_code for r in ex.rows[:at]) and recovered
    assert sum("recovered after it" in message for _, message in ex.warnings) == ex.census.rows_recovered


@SETTINGS
@given(st.lists(rows(breaks=(None, "between")), min_size=2, max_size=6), st.booleans())
def test_rows_the_walk_takes_for_a_row_s_analysis_are_recovered(table_rows, spacing):
    # a shape the walk does not know where a row's analysis ends: made here by blinding the walk's test
    # for the next row, so that every row after an analysis is read as part of that analysis
    from unittest import mock

    from tertial.extract import rows as row_rules
    with mock.patch.object(row_rules, "_looks_like_row", lambda st, k: False):
        ex = parse(report(table_rows, spacing))
    assert [r.name for r in ex.rows] == [row["name"] for row in table_rows]
    # an analysis runs on over every row after it (and over page breaks): all of them are recovered
    first = next((n for n, row in enumerate(table_rows) if row["analysis"]), len(table_rows))
    assert ex.census.rows_recovered == max(0, len(table_rows) - first - 1)
    assert [("recovered" in r.review_code) for r in ex.rows] == [n > first for n in range(len(table_rows))]
    assert all(r.needs_review for r in ex.rows[first + 1:])


@SETTINGS
@given(st.lists(rows(breaks=(None, "between")), min_size=1, max_size=5), st.booleans())
def test_rows_the_walk_takes_for_a_row_s_cells_are_read_apart(table_rows, spacing):
    # a shape the walk does not know where a row's cells end: made here by blinding the walk's
    # end-of-row tests, so that the first row takes every row after it as its cells
    from unittest import mock

    from tertial.extract import pdftext
    from tertial.extract import rows as row_rules
    with mock.patch.object(row_rules, "_ends_row", lambda *a, **k: False), \
            mock.patch.object(row_rules, "_next_row_after_period", lambda *a: False), \
            mock.patch.object(row_rules, "_looks_like_row", lambda st, k: False):
        ex = pdftext.parse(report(table_rows, spacing), META, "<generated>")
    assert [r.name for r in ex.rows] == [row["name"] for row in table_rows]
    assert ex.census.row_blocks == len(table_rows)
    # every row the walk did not read by itself is flagged (read apart, or recovered from an analysis)
    assert all(r.needs_review and ("row_within_row" in r.review_code or "recovered" in r.review_code)
               for r in ex.rows[1:])
