"""Reading one table cell as printed: a number with its unit, or a text such as 'öka'.

`23,4 %` -> 23.4 and '%'; `9 000 st` -> 9000 and 'st'; `Tas fram av nämnd` -> text. Nothing is guessed:
a cell that does not read as one number (optionally followed by a unit) is kept as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Thousands separators seen in exports: space, no-break space, narrow no-break space.
_SPACES = "[ \u00a0\u202f]"
NUMBER = rf"[-\u2212\u2013]?(?:\d{{1,3}}(?:{_SPACES}\d{{3}})+|\d+)(?:[,.]\d+)?"
_SPACES_RE = re.compile(_SPACES)
_CELL = re.compile(rf"^(?P<num>{NUMBER})(?:{_SPACES}*(?P<unit>[^\d\s].*?))?$")


# Footnote marks printed after a value ('85 %*', '12¹'): not part of its unit.
FOOTNOTE_MARKS = "*¹²³⁴⁵⁶⁷⁸⁹"
# Marks printed in place of a value, in either layout: the cell is empty ('85 %  –  –  80 %').
EMPTY_MARKS = ("–", "-", "—")


@dataclass(frozen=True)
class Cell:
    """One printed cell. Exactly one of `value` and `text` is set, unless the cell is empty."""

    raw: str
    value: float | None = None
    unit: str | None = None
    text: str | None = None

    @property
    def empty(self) -> bool:
        return self.value is None and self.text is None


EMPTY = Cell(raw="")


def fold(text: str) -> str:
    r"""Fold runs of white space (tabs, no-break spaces, newlines) to single spaces.

    str.split() splits on exactly the characters of the pattern `[\s\u00a0\u202f]+` (every character for
    which str.isspace() is true; tests/test_values.py checks the two agree), at a fraction of the cost."""
    return " ".join(text.split())


def to_number(num: str) -> float:
    num = _SPACES_RE.sub("", num).replace("\u2212", "-").replace("\u2013", "-").replace(",", ".")
    return float(num)


def parse_cell(raw: str) -> Cell:
    """Parse a cell as printed. A trailing dot in a number (`15.`) is not expected and stays text."""
    text = fold(raw)
    if not text:
        return EMPTY
    if text in EMPTY_MARKS:
        return Cell(raw=text)  # printed, but empty
    m = _CELL.match(text)
    if m and not _looks_like_date(text) and not _second_number(m.group("unit") or ""):
        unit = m.group("unit")
        unit = fold(unit).rstrip(FOOTNOTE_MARKS).strip() if unit else None
        return Cell(raw=text, value=to_number(m.group("num")), unit=unit or None)
    return Cell(raw=text, text=text)


# A unit may name a number ('per 1000 invånare', '% relativt 2018', 'kg CO2'), but a cell with a second
# value ('5-6 st', '5,2 st 6 st', '10 / 12 %') is not one number: it stays text.
_STANDALONE_NUMBER = re.compile(rf"(?<![\w.,])(?P<before>\w+\s+)?{NUMBER}(?![\w])")
_NUMBER_AFTER = {"per", "relativt", "jämfört", "med", "mot", "från", "till", "år", "av", "sedan", "inom"}


def _second_number(unit: str) -> bool:
    if unit and unit[0] in "-\u2212\u2013+/":
        return True
    for m in _STANDALONE_NUMBER.finditer(unit):
        before = (m.group("before") or "").strip().lower()
        if before not in _NUMBER_AFTER:
            return True
    return False


def _looks_like_date(text: str) -> bool:
    return bool(re.match(r"^\d{4}-\d{2}-\d{2}$", text))


def format_number(value: float | None) -> str:
    """Stable text for a number in CSV: no trailing '.0', no exponent, '.' as decimal point."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text
