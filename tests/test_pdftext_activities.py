"""Rule: activities follow the 'Aktivitet Startdatum Slutdatum Avvikelse' header; the text wraps, the dates
come on a later line or at the end of the text, the header may repeat before the activity's Analys."""

from pdftext_fixture import CITY_GOAL, PAGE_BREAK, parse


def test_wrapped_activities_with_dates_and_analysis():
    ex = parse(CITY_GOAL + [
        " Aktivitet Startdatum Slutdatum Avvikelse", "",
        "Arbetsmarknadsnämnden i samarbete med stadsdelsnämnderna ", "ska utveckla ett arbetssätt.", "",
        "2020-01-01 2020-12-31", "", "Analys", "Enheten deltar i nätverket.", " ", "",
        "Förvaltningen ska verka för att öka ", "mottagandet av praktikanter.", "", "2020-01-27 2020-12-31 Avvikelse",
        *PAGE_BREAK, "  Aktivitet Startdatum Slutdatum Avvikelse", "", "Analys", "Möjligheten påverkas negativt.", "",
        "Verksamheterna ska minska användningen av plast. 2020-01-01 2020-06-30", "",
    ])
    first, second, third = ex.activities
    assert (first.text, first.start_date, first.end_date, first.source_line) == (
        "Arbetsmarknadsnämnden i samarbete med stadsdelsnämnderna ska utveckla ett arbetssätt.",
        "2020-01-01", "2020-12-31", 9)
    assert first.analysis == "Enheten deltar i nätverket."
    assert (second.start_date, second.deviation, second.analysis) == ("2020-01-27", "Avvikelse",
                                                                      "Möjligheten påverkas negativt.")
    assert (third.text, third.end_date) == ("Verksamheterna ska minska användningen av plast.", "2020-06-30")
    assert all(a.goal == 0 for a in ex.activities)
