"""Rule unitless_value_is_forecast (extract/unitless_forecast.py): a tertial row's one value that may be
last year's outcome or the forecast (the placement rules tie), printed without the unit its targets carry,
is the forecast when the same report prints, on at least MIN_EVIDENCE rows read without doubt and never
the other way round, the forecast as the one of the two without the unit."""

from pdftext_fixture import block, rows_by_name, values

from tertial.extract.unitless_forecast import MIN_EVIDENCE, NAME

# tertial rows printing last year's outcome with the unit and the forecast without it
AGREE = [block("Antal ungdomar som fått feriejobb", "0 st 0 st 0 st 320 st 185 320 st 9000 st Tertial 1 2020"),
         block("Andel barn som bedömts inom 14 dagar", "100 % 100 % 100 % 85,29 % 100 100 % 100 % Tertial 1 2020"),
         block("Andel brukare som är nöjda med insatsen", "70 % 60 % 80 % 65 % 92 92 % 90 % Tertial 1 2020")]
# the other way round: last year's outcome without the unit, the forecast with it
DISAGREE = block("Andel insatser som avslutats enligt plan", "50 % 40 % 60 % 54 42 % 42 % 42 % Tertial 1 2020")
TIED = block("Andel familjehemsplacerade barn som klarar målen", "82,61 80 % 87,5 % 75 75 % 75 % Tertial 1 2020")
TIED_WITH_UNIT = block("Andel tjänsteutlåtanden med jämställdhetsanalys", "60 % 90 % 100 % 100 % Tertial 1 2020")


def test_the_evidence_rows_read_without_doubt():
    rows = rows_by_name(*AGREE, DISAGREE)
    assert not any(r.needs_review for r in rows.values())
    assert values(rows["Antal ungdomar som fått feriejobb"])["forecast"] == 185
    assert values(rows["Andel insatser som avslutats enligt plan"])["previous_year"] == 54


def test_just_inside_two_rows_of_evidence_settle_the_tie_as_the_forecast():
    row = rows_by_name(*AGREE[:MIN_EVIDENCE], TIED)["Andel familjehemsplacerade barn som klarar målen"]
    assert values(row)["forecast"] == 75 and "previous_year" not in values(row)
    assert not row.needs_review and any(NAME in ln for ln in row.explain)


def test_just_outside_one_row_of_evidence_leaves_the_tie_flagged():
    row = rows_by_name(*AGREE[:MIN_EVIDENCE - 1], TIED)["Andel familjehemsplacerade barn som klarar målen"]
    assert row.needs_review and row.review_code == "placement_tie"


def test_just_outside_one_row_the_other_way_round_breaks_the_convention():
    row = rows_by_name(*AGREE, DISAGREE, TIED)["Andel familjehemsplacerade barn som klarar målen"]
    assert row.needs_review and row.review_code == "placement_tie"


def test_just_outside_a_value_printed_with_the_unit_stays_flagged():
    row = rows_by_name(*AGREE, TIED_WITH_UNIT)["Andel tjänsteutlåtanden med jämställdhetsanalys"]
    assert row.needs_review and row.review_code == "placement_tie"
