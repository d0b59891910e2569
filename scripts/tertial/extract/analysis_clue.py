"""Rule analysis_quotes_value: a row flagged only because one printed value may be last year's outcome or
the forecast is settled by the row's own analysis when that text quotes the value with its year.

'2019 var det 12,5 personal' under a 2020 row that printed '12,5 10 Max 10 personer': the value is last
year's outcome. A sentence that quotes the value with last year ('2019', 'förra året', 'i fjol',
'föregående år') and says nothing of a forecast points to last year; one that quotes it with 'prognos'
and not last year points to the forecast. Any other mix (both, or sentences pointing both ways), or a
value not quoted at all, settles nothing and the row stays flagged. Only the previous-year/forecast
question is settled, and only when it is the row's sole reason for review."""

from __future__ import annotations

import re

from .values import EMPTY, Cell

SETTLES = ("annual_no_unit", "placement_tie")  # the review codes this rule may settle
PAIR = ("previous_year", "forecast")
_LAST_YEAR_WORDS = re.compile(r"\b(?:förra året|i fjol|fjolåret|föregående år)", re.IGNORECASE)
_FORECAST_WORD = re.compile(r"\bprognos", re.IGNORECASE)
_NUMBER = re.compile(r"^[+-]?\d[\d\s]*(?:,\d+)?")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _quotes(sentence: str, number: str) -> bool:
    return re.search(rf"(?<![\d,]){re.escape(number)}(?!\d|,\d)", sentence) is not None


def settle(cells: dict[str, Cell], analysis: str, year: int | None) -> tuple[str, str] | None:
    """(column, the sentence that settles it) when the analysis settles which of PAIR holds the one
    printed value, else None."""
    filled = [c for c in PAIR if not cells[c].empty]
    if len(filled) != 1 or cells[filled[0]].value is None or not analysis or year is None:
        return None
    m = _NUMBER.match(cells[filled[0]].raw.strip())
    if not m:
        return None
    number = m.group().strip()
    votes: dict[str, str] = {}
    for s in _sentences(analysis):
        if not _quotes(s, number):
            continue
        last = bool(re.search(rf"\b{year - 1}\b", s) or _LAST_YEAR_WORDS.search(s))
        forecast = bool(_FORECAST_WORD.search(s))
        if last == forecast:
            return None  # both or neither: the sentence does not tell
        votes.setdefault("previous_year" if last else "forecast", s.strip())
    if len(votes) != 1:
        return None
    (column, sentence), = votes.items()
    return column, sentence


def apply(cells: dict[str, Cell], why: list[tuple[str, str]], differs, analysis: str,
          year: int | None) -> tuple[list[tuple[str, str]], str | None]:
    """The row's reasons with the settled one removed and the explain line, or (why, None)."""
    if len(why) != 1 or why[0][0] not in SETTLES:
        return why, None
    if why[0][0] == "placement_tie" and set(differs or ()) != set(PAIR):
        return why, None
    found = settle(cells, analysis, year)
    if found is None:
        return why, None
    column, sentence = found
    other = PAIR[1] if column == PAIR[0] else PAIR[0]
    if cells[column].empty:
        cells[column], cells[other] = cells[other], EMPTY
    return [], (f"{cells[column].raw!r} -> {column}: rule analysis_quotes_value (the row's analysis: "
                f"{sentence[:100]!r})")
