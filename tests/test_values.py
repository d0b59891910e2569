"""Rule: a printed cell is a number with its unit, or text kept as printed."""

import pytest

from tertial.extract.values import fold, format_number, parse_cell


@pytest.mark.parametrize(
    "raw, value, unit",
    [
        ("23,4 %", 23.4, "%"),
        ("9 000 st", 9000, "st"),
        ("9\u00a0000 st", 9000, "st"),
        ("16,5 barn/avd.", 16.5, "barn/avd."),
        ("17,2 barn/av d.", 17.2, "barn/av d."),
        ("15", 15, None),
        ("0,85 %", 0.85, "%"),
        ("-2,5 %", -2.5, "%"),
        ("\u22123 dagar", -3, "dagar"),
        ("2 % energieffektivisering relativt 2018", 2, "% energieffektivisering relativt 2018"),
        ("1 000 000 kr", 1000000, "kr"),
    ],
)
def test_numbers_with_units(raw, value, unit):
    cell = parse_cell(raw)
    assert cell.value == value and cell.unit == unit and cell.text is None


@pytest.mark.parametrize("raw", ["öka", "Tas fram av nämnd", "+/-1 %", "+/- 1 %", "Max 10 personer", "2023-01-01"])
def test_words_stay_text(raw):
    cell = parse_cell(raw)
    assert cell.value is None and cell.text == raw


def test_empty_cell():
    assert parse_cell("  \t ").empty


@pytest.mark.parametrize("value, text", [(15.0, "15"), (0.85, "0.85"), (9000.0, "9000"), (None, ""), (1 / 3, "0.3333333333")])
def test_format_number_is_stable(value, text):
    assert format_number(value) == text


def test_fold_splits_on_the_same_characters_as_the_white_space_pattern():
    """fold() uses str.split(); it must fold exactly the characters of `[\\s\\u00a0\\u202f]+`."""
    import re
    import sys

    pattern = re.compile(r"[\s\u00a0\u202f]+")
    differ = [hex(c) for c in range(sys.maxunicode + 1) if bool(pattern.fullmatch(chr(c))) != chr(c).isspace()]
    assert differ == []
    assert fold(" a\u00a0\u202f\tb\n\r c\u2003 ") == "a b c"


@pytest.mark.parametrize("raw", ["5-6 st", "5,2 st 6 st", "10 / 12 %"])
def test_a_cell_with_two_values_is_text(raw):
    cell = parse_cell(raw)
    assert cell.value is None and cell.text == raw


@pytest.mark.parametrize("raw, value, unit", [("12,3 per 1000 invånare", 12.3, "per 1000 invånare"),
                                              ("0,5 kg CO2 per kg livsmedel", 0.5, "kg CO2 per kg livsmedel")])
def test_a_unit_may_name_a_number(raw, value, unit):
    cell = parse_cell(raw)
    assert (cell.value, cell.unit) == (value, unit)
