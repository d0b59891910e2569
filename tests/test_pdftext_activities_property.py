"""Property: generated activity tables of the text-from-PDF layout (texts wrapped over lines, dates below,
page breaks between activities, inside a text, and between a text's dates and its rest, with the activity
header printed again or page furniture) read as every activity printed, once, with its whole text."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdftext_fixture import CITY_GOAL, PAGE_BREAK, parse

ACT = [" Aktivitet Startdatum Slutdatum Avvikelse", ""]
BREAKS = {"header": ["", *ACT], "furniture": PAGE_BREAK + ACT}
STARTS = ["Nämnden", "Förvaltningen", "Stadsdelsnämnden", "Miljö- och hälsoskyddsnämnden"]
WORDS = ["ska", "i", "samarbete", "med", "trafiknämnden", "ta", "fram", "en", "strategi", "för", "belysning",
         "energieffektivisering,", "smart", "biologisk", "mångfald", "och", "trygghet", "stadens", "parker"]
BOUNDED = settings(max_examples=60, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
SETTINGS = settings(settings.default) if settings.default.max_examples > 100 else BOUNDED


@st.composite
def activities(draw):
    words = [draw(st.sampled_from(STARTS))] + draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=14))
    lines = [" ".join(words[n:n + 5]) for n in range(0, len(words), 5)]
    month = draw(st.integers(1, 9))
    return {"text": " ".join(words) + ".", "lines": lines, "dates": f"2020-0{month}-01 2020-12-31 ",
            "break": draw(st.sampled_from([None, None, "between", "in_text", "after_dates"])),
            "kind": draw(st.sampled_from(sorted(BREAKS)))}


def render(act) -> list[str]:
    lines = [ln + " " for ln in act["lines"]]
    lines[-1] = lines[-1].rstrip() + ". "
    brk = BREAKS[act["kind"]]
    if act["break"] == "in_text" and len(lines) > 1:
        return lines[:1] + brk + lines[1:] + ["", act["dates"], ""]
    if act["break"] == "after_dates" and len(lines) > 1:
        return lines[:-1] + ["", act["dates"]] + brk + [lines[-1], ""]
    return lines + ["", act["dates"], ""] + (brk if act["break"] == "between" else [])


@SETTINGS
@given(st.lists(activities(), min_size=1, max_size=7))
def test_every_activity_is_read_once_with_its_whole_text(acts):
    lines = CITY_GOAL + ACT
    for act in acts:
        lines += render(act)
    got = parse(lines).activities
    assert [(a.text, a.start_date) for a in got] == [(a["text"], a["dates"].split()[0]) for a in acts]
