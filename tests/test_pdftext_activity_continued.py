"""Rule activity_continued_after_break (extract/texts.py): the rest of an activity's text printed after
its dates, past a page break (the activity header printed again, or page furniture), continues that
activity when it opens lower-case or follows a text left open, and has no dates of its own."""

from pdftext_fixture import CITY_GOAL, PAGE_BREAK, parse

ACT = [" Aktivitet Startdatum Slutdatum Avvikelse", ""]
NEXT = ["Förvaltningen ska införa e-tjänster. ", "", "2020-01-01 2020-12-31 ", ""]


def texts(lines):
    return [(a.text, a.start_date, a.end_date) for a in parse(CITY_GOAL + ACT + lines).activities]


def test_a_lower_case_paragraph_after_the_repeated_header_continues_the_activity():
    got = texts([
        "Stadsdelsnämnden ska ta fram en strategi för ", "stadens utomhusbelysning som ska innefatta ", "",
        "2020-01-01 2020-12-31 ", "", *ACT,
        "energieffektivisering, smart belysning och ", "biologisk mångfald. ", "",
        "Miljö- och hälsoskyddsnämnden ska i samarbete ", "med trafiknämnden ta fram en plan. ", "",
        "2020-02-01 2020-12-31 ", "", *NEXT,
    ])
    assert got == [
        ("Stadsdelsnämnden ska ta fram en strategi för stadens utomhusbelysning som ska innefatta "
         "energieffektivisering, smart belysning och biologisk mångfald.", "2020-01-01", "2020-12-31"),
        ("Miljö- och hälsoskyddsnämnden ska i samarbete med trafiknämnden ta fram en plan.",
         "2020-02-01", "2020-12-31"),
        ("Förvaltningen ska införa e-tjänster.", "2020-01-01", "2020-12-31"),
    ]


def test_a_capitalised_rest_after_furniture_continues_a_text_left_open():
    got = texts([
        "Nämnden ska samverka med ", "", "2020-01-01 2020-12-31 ", *PAGE_BREAK,
        "Trafikkontoret om belysningen. ", "", *NEXT,
    ])
    assert got[0][0] == "Nämnden ska samverka med Trafikkontoret om belysningen."
    assert len(got) == 2


def test_a_lower_case_paragraph_with_its_own_dates_is_an_activity():
    # just outside the rule: dates follow the paragraph, so it is an activity of its own
    got = texts([
        "Stadsdelsnämnden ska ta fram en strategi. ", "", "2020-01-01 2020-12-31 ", "", *ACT,
        "e-tjänster ska införas i hemtjänsten. ", "", "2020-03-01 2020-12-31 ", "",
    ])
    assert [t for t, _, _ in got] == ["Stadsdelsnämnden ska ta fram en strategi.",
                                      "e-tjänster ska införas i hemtjänsten."]


def test_no_page_break_no_continuation():
    # just outside the rule: without a break between, a new paragraph is a new activity
    got = texts([
        "Stadsdelsnämnden ska ta fram en strategi för ", "belysning som ska innefatta ", "",
        "2020-01-01 2020-12-31 ", "", "energieffektivisering i parkerna. ", "", "2020-01-01 2020-06-30 ", "",
    ])
    assert len(got) == 2 and got[1][0] == "energieffektivisering i parkerna."


def test_a_closed_text_and_a_capitalised_paragraph_after_the_break_is_the_next_activity():
    got = texts(["Nämnden ska ta fram en plan. ", "", "2020-01-01 2020-12-31 ", "", *ACT, *NEXT])
    assert [t for t, _, _ in got] == ["Nämnden ska ta fram en plan.", "Förvaltningen ska införa e-tjänster."]
