"""Rule forecast_before_measurement_is_target (extract/unmeasured_forecast.py): in a report whose rows not
yet measured print their forecast as the annual target (at least MIN_EVIDENCE such rows, none otherwise),
a lone unitless value before the targets that differs from the annual target is last year's outcome, not
flagged; a value equal to the target, or a report without that evidence, leaves the row flagged."""

from pdftext_fixture import block, rows_by_name, values

from tertial.extract.unmeasured_forecast import MIN_EVIDENCE, NAME

# rows of the year (period 2020 in a T1) printing last year's outcome, a unitless forecast and targets
AGREE = [block("Andel brukare som inte upplever diskriminering", "65 % 92 92 % öka 2020"),
         block("Andel brukare i socialpsykiatrin som är nöjda", "88 % 94 94 % öka 2020"),
         block("Andel enskilda som klarar mer på egen hand", "28,81 26 26 % 30 % 2020")]
DISAGREE = block("Andel brukare som trivs i sin bostad", "70 % 75 80 % öka 2020")
LONE_DIFFERS = block("Index Bra arbetsgivare", "81 84 84 2020")
LONE_EQUALS = block("Antal färdigställda bostäder med särskild service", "8 8 Tas fram av nämnd 2020")


def test_min_evidence_is_tworows_by_name():
    assert MIN_EVIDENCE == 2


def test_just_inside_two_agreeing_rows_settle_a_value_that_is_not_the_target():
    rows = rows_by_name(*AGREE[:MIN_EVIDENCE], LONE_DIFFERS)
    row = rows["Index Bra arbetsgivare"]
    assert values(row) == {"previous_year": 81, "annual_target": 84, "city_target": 84}
    assert not row.needs_review and row.review_code == ""
    assert any(NAME in ln and "'81' -> previous_year" in ln for ln in row.explain)


def test_just_outside_one_agreeing_row_is_too_little_evidence():
    row = rows_by_name(*AGREE[:MIN_EVIDENCE - 1], LONE_DIFFERS)["Index Bra arbetsgivare"]
    assert row.needs_review and row.review_code == "annual_no_unit"
    assert values(row)["previous_year"] == 81  # the placement is the rules', only the flag stays


def test_just_outside_a_value_equal_to_the_target_reads_both_ways():
    row = rows_by_name(*AGREE, LONE_EQUALS)["Antal färdigställda bostäder med särskild service"]
    assert row.needs_review and row.review_code == "annual_no_unit"


def test_just_outside_one_forecast_that_is_not_the_target_breaks_the_convention():
    rows = rows_by_name(*AGREE, DISAGREE, LONE_DIFFERS)
    assert values(rows["Andel brukare som trivs i sin bostad"])["forecast"] == 75
    assert rows["Index Bra arbetsgivare"].needs_review


def test_the_evidence_rows_themselves_are_read_as_printed():
    rows = rows_by_name(*AGREE)
    assert values(rows["Andel brukare som inte upplever diskriminering"]) == {
        "previous_year": (65, "%"), "forecast": 92, "annual_target": (92, "%"), "city_target": "öka"}
    assert not any(r.needs_review for r in rows.values())
