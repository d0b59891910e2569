"""The words of a follow-up table's cells, as data: what a number token, a period cell, a text target
and a unit look like. Shared by the stages that cut a row into cells."""

from __future__ import annotations

import re

from .values import FOOTNOTE_MARKS, NUMBER

NUMBER_TOKEN = re.compile(rf"^{NUMBER}$")
NUMBER_WITH_UNIT = re.compile(rf"^(?P<num>{NUMBER})(?P<unit>%|[a-zåäö]+\.?)$")
YEAR = re.compile(r"^(?:19|20)\d{2}$")
# The period words of both layouts, as data. A follow-up row's period cell: 'Tertial 1 2023', 'T2 2023',
# 'Helår 2023', 'Delår 2023', '2023', 'År'; business plans print how often an indicator is measured
# ('Periodicitet') instead. TERTIAL_WORDS mark a row followed up per tertial (an outcome is expected);
# PERIOD_WORDS are the words a period cell opens with ('Tertial', 'Månadsvis' by its stem 'Månad'), which
# the tab-separated layout refuses in a value column.
TERTIAL_WORDS = ("Tertial", "Delår")
PERIOD_WITH_YEAR = ("Helår", "Delår")
PERIOD_WORDS = ("Tertial", "Helår", "Halvår", "Delår", "Kvartal", "Månad", "Vecka", "Läsår", "Mätår", "Termin",
                "År")
PERIODICITY = ("Tertial", "Halvår", "Kvartal", "Månad", "Månadsvis", "Läsår", "Termin", "Årligen", "Årsvis",
               "Vartannat år", "Vart annat år")
# months, as a period of their own or a span ('April 2023', 'Jan-apr 2023', 'januari–april 2023')
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
_MONTH = "(?:" + "|".join(m[:3] + "(?:" + m[3:] + r")?\.?" if len(m) > 3 else m for m in MONTHS) + ")"
PERIOD_TAIL = re.compile(
    r"(?:^|\s)(?P<period>(?:Tertial|T)\s*\d,?\s+(?:19|20)\d{2}|"
    rf"{_MONTH}(?:\s*[-–]\s*{_MONTH})?\s+(?:19|20)\d{{2}}|"
    r"(?:" + "|".join(PERIOD_WITH_YEAR) + r")\s+(?:19|20)\d{2}|"
    r"(?:19|20)\d{2}|År|Helår|Tertial\s*\d|"
    + "|".join(w.replace(" ", r"\s+") for w in PERIODICITY) + r")\s*$",
    re.IGNORECASE,
)
# 'År' and 'T1'-'T3' only as whole words (no 'Årsmål', 'Tas'); the other words as stems ('Månadsvis')
_PERIOD_WORD = re.compile(r"^(?:t[123]\b|år\b|" + "|".join(w.lower() for w in PERIOD_WORDS if w != "År") + ")",
                          re.IGNORECASE)
_TERTIAL_PERIOD = re.compile(r"^t\d|" + "|".join(TERTIAL_WORDS) + rf"|^{_MONTH}\b", re.IGNORECASE)
# Signs that open a target printed as text: a range around a value, or a bound ('≥ 90 %', '< 5 %')
RANGE_SIGNS = ("+/-", "±")
BOUND_SIGNS = ("≥", "≤", ">=", "<=", ">", "<")
_BOUND = re.compile(r"^(?:" + "|".join(map(re.escape, BOUND_SIGNS)) + r")(?:$|\d)")
# a range of two numbers printed as one token ('85-90', '2,5–3'): a text target with its unit words
NUMBER_RANGE = re.compile(r"^\d+(?:,\d+)?[-–]\d+(?:,\d+)?$")
TEXT_VERBS = {"öka", "minska", "bibehålla", "behålla", "oförändrat", "ökning", "minskning", "öka/minska"}
UNIT_ABSORBS_YEAR = {"relativt", "jämfört", "från", "sedan", "mot", "år", "till"}

# Text cells printed in place of a number (a text target), as the reports print them.
TEXT_CELLS = ("Tas fram av nämnd", "Tas fram av nämnd/styrelse", "Tas fram av styrelse", "Tas fram av nämnden")
# Text printed in place of a value that could not be had: it may stand in any column ('Ej mätbart' as the
# period's outcome), where other text stands only in the target columns.
NO_VALUE_TEXTS = ("Ej mätbart", "Ej mätbar", "Ej mätt", "Mäts ej", "Uppgift saknas", "Data saknas", "Saknas",
                  "Ej aktuellt", "Ej aktuell", "Ingen mätning", "Ej tillgängligt", "Ej tillgänglig",
                  "Redovisas i VB", "Redovisas i T2", "Redovisas i T3", "Redovisas senare", "Ingen prognos")
_NO_VALUE = {t.lower() for t in NO_VALUE_TEXTS}
UNITS = {"%", "st", "kr", "tkr", "mnkr", "dagar", "dgr", "h", "timmar", "min", "år", "personer", "barn"}


def period_at_end(text: str, year: int | None = None) -> re.Match | None:
    """The period cell closing a row's text ('Tertial 1 2020', '2020', 'År'); a year must be near the
    report's year (a '1945 GWh' target or a 'relativt 2018' unit is no period)."""
    m = PERIOD_TAIL.search(text.strip())
    if not m:
        return None
    found = re.search(r"(?:19|20)\d{2}", m.group("period"))
    if year and found and abs(int(found.group()) - year) > 1:
        return None
    return m


def is_number(tok: str) -> bool:
    """A number token, bare ('1,6') or with its unit attached ('5%', '12st')."""
    return bool(NUMBER_TOKEN.match(tok)) or bool(NUMBER_WITH_UNIT.match(tok))


def opens_with_sign(tok: str) -> bool:
    """A token that opens a target printed with a sign: a range ('+/-1', '±'), a bound ('≥ 90 %', '>85')."""
    if tok.startswith(RANGE_SIGNS):
        return True
    return bool(_BOUND.match(tok))


def text_start(tok: str) -> bool:
    """A word that starts a text cell ('Tas', 'Max', 'öka', '+/-', '≥'), not a unit ('kg', 'CO2')."""
    if tok.lower() in TEXT_VERBS or opens_with_sign(tok):
        return True
    return bool(re.match(r"^[A-ZÅÄÖ][a-zåäöé]", tok))


def opens_text_cell(words: list[str]) -> bool:
    """Do these words begin one of the known text cells ('Tas' 'fram' 'av' of 'Tas fram av nämnd', 'Ej'
    of 'Ej mätbart')?"""
    text = " ".join(words)
    return bool(text) and any(cell.startswith(text) for cell in TEXT_CELLS + NO_VALUE_TEXTS)


def no_value_opens(lines: list[str]) -> bool:
    """Rule no_value_wrapped where a row's cells may open: lines that, joined, are a text in place of a
    value, alone or followed by a cell ('Ej ' / 'mätbart ', 'Uppgift ' / 'saknas  80 %'); a name never is."""
    joined = " ".join(" ".join(lines).split()).lower()
    return any(re.match(rf"{re.escape(t)}\*?(?:\s+[-–—\d]|$)", joined) for t in _NO_VALUE)


def no_value_text(text: str | None) -> bool:
    """Is this cell a text printed in place of a value ('Ej mätbart', 'Uppgift saknas'; a footnote mark
    after it is allowed: 'Ej mätbart*')?"""
    return bool(text) and " ".join(text.split()).rstrip(FOOTNOTE_MARKS).lower() in _NO_VALUE


def starts_with_period_word(text: str) -> bool:
    """Does the cell open with a period word ('Tertial 1', 'T2', 'År', 'Månadsvis')? Not 'Årsmål'."""
    return bool(_PERIOD_WORD.match(text.strip()))


def tertial_period(period: str | None) -> bool:
    """Is this period cell a part of the year ('Tertial 1 2023', 'T1 2023', 'Delår 2023', 'Jan-apr 2023'),
    not the year?"""
    return bool(period and _TERTIAL_PERIOD.search(period))
