"""Column headers of both layouts, recognised by name (the header words as data: `_CANONICAL` and the
patterns below). The tab-separated layout names one column per cell (`column_field`, `parse_header`);
the text-from-PDF layout prints the titles split into word pieces over lines (`header_columns` reads them
squashed together). Typos and spacing are tolerated: 'Arsmål', 'KFs årsmål', 'Utfall män/pojkar'."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

from ..schema import VALUE_COLUMNS
from .values import fold


def _norm(text: str) -> str:
    """Header text for matching: lower case ASCII letters and digits only ('KF:s årsmål' -> 'kfsarsmal')."""
    text = fold(text).lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "", text)


# Canonical header names (normalised) per field, for the fuzzy fallback on typos.
_CANONICAL = {
    "name": ["indikator"],
    "period_outcome": ["periodensutfall", "utfall"],
    "outcome_men": ["utfallmanpojkar"],
    "outcome_women": ["utfallkvinnorflickor"],
    "previous_year": ["utfallvb"],
    "forecast": ["prognoshelar", "prognos"],
    "annual_target": ["arsmal"],
    "city_target": ["kfsarsmal"],
    "period": ["period", "periodicitet"],
    "text": ["aktivitet"],
    "start_date": ["startdatum"],
    "end_date": ["slutdatum"],
    "deviation": ["avvikelse"],
}


@functools.lru_cache(maxsize=8192)  # a pure function of its arguments; a report repeats its headers
def column_field(header: str, year: int | None = None) -> str | None:
    """Which field a header cell names: 'Utfall män/ pojkar' -> 'outcome_men'; unknown -> None.

    `year` is the report's year: 'Utfall 2022' in a 2023 report is the previous year's outcome.
    """
    n = _norm(header)
    if not n:
        return None
    bare = re.sub(r"\d+", "", n)
    if n.startswith("indikator"):
        return "name"
    if n.startswith("aktivitet"):
        return "text"
    if n.startswith("start"):
        return "start_date"
    if n.startswith("slut"):
        return "end_date"
    if n.startswith("avvikelse"):
        return "deviation"
    if "kvinn" in n or "flick" in n:
        return "outcome_women"
    if "pojk" in n or re.search(r"(?:^|utfall)man", n):
        return "outcome_men"
    if "prognos" in n:
        return "forecast"
    if re.search(r"vb|foregaende|fjol|verksamhetsberattelse", n):
        return "previous_year"
    m = re.fullmatch(r"(?:periodens)?utfall(?:ar)?(\d{4})", n)
    if m:
        return "previous_year" if year and int(m.group(1)) < year else "period_outcome"
    if bare.startswith(("periodensutfall", "aretsutfall", "utfallhelar", "helarsutfall", "utfallt")) or bare == "utfall":
        return "period_outcome"
    if "period" in n:  # Period, Periodicitet, Mätperiod
        return "period"
    if n.startswith("kf") and ("mal" in bare[2:] or _close(bare[2:].lstrip("s"), "arsmal")):
        return "city_target"
    if "arsmal" in bare or "malvarde" in bare or _close(bare, "arsmal") or bare == "mal":
        return "annual_target"
    best = difflib.get_close_matches(bare, [c for names in _CANONICAL.values() for c in names], n=1, cutoff=0.8)
    if best:
        return next(f for f, names in _CANONICAL.items() if best[0] in names)
    return None


def _close(text: str, target: str) -> bool:
    return text == target or difflib.SequenceMatcher(None, text, target).ratio() >= 0.8


@dataclass
class Header:
    kind: str  # 'indicator' | 'activity'
    fields: list[str | None]  # field per cell position
    line: int

    @property
    def width(self) -> int:
        return len(self.fields)

    @property
    def name_index(self) -> int:
        return self.fields.index("name" if self.kind == "indicator" else "text")


def parse_header(line: str, line_no: int, year: int | None = None) -> Header | None:
    """A table header line, or None. Leading empty cells are marker columns ('\\tAktivitet\\t...')."""
    if "\t" not in line:
        return None
    cells = line.rstrip("\r\n").split("\t")
    first = next((c for c in cells if c.strip()), "")
    first_field = column_field(first)
    kind = {"name": "indicator", "text": "activity"}.get(first_field or "")
    if kind is None:
        return None
    fields: list[str | None] = []
    seen: set[str] = set()
    for cell in cells:
        f = column_field(cell, year) if cell.strip() else None
        if f in seen:
            f = None  # a second column of the same name cannot be placed for certain
        if f:
            seen.add(f)
        fields.append(f)
    # Trailing empty header cells carry no column.
    while fields and fields[-1] is None and not cells[len(fields) - 1].strip():
        fields.pop()
        cells.pop()
    wanted = {"start_date", "end_date"} if kind == "activity" else set(VALUE_COLUMNS) | {"period"}
    if not (seen & wanted):
        return None
    return Header(kind, fields, line_no)


# The follow-up table's column titles run together, lower case: a piece of a title split over lines
# ('kvinn', 'or/', 'Progno') is a substring of it.
HEADER_TITLES = ("indikator periodens utfall utfall män/ pojkar utfall kvinnor/ flickor periodens utfall vb "
                 "prognos helår årsmål kf:s årsmål period periodicitet utfall föregående år utfall fjolåret "
                 "årets utfall målvärde kf:s målvärde utfall t1 t2 t3").replace(" ", "")


def header_columns(text: str) -> tuple[str, ...]:
    """The value columns a follow-up table header names, in printed order (pieces glued back)."""
    squashed = re.sub(r"\s+", "", text).lower()
    found = []
    for col, pattern in (
        # spelling slips as in the tab layout's headers ('Arsmål', 'KFs årsmål', 'Utfall män/pojkar')
        # 'Indikator Utfall Utfall män': a bare 'Utfall' right after the name is the period's, unless the
        # next words make it another column ('Indikator Utfall män/pojkar', 'Indikator Utfall VB 2019')
        ("period_outcome", r"indikator(?:periodens|årets|periodes)?utfal{1,2}"
                           r"(?!l?(?:vb|(?:19|20)\d\d|föregå|fjol|m[äa]n|kvinn|pojk|flick))"),
        ("outcome_men", r"m[äa]n/?(?:pojkar)?(?=utfall|kvinn)|pojkar"),
        ("outcome_women", r"kvinnor/?(?:flickor)?|flickor"),
        ("previous_year", r"(?:periodens)?(?:utfall)?vb(?:19|20)\d\d|utfallvb|(?<!indikator)utfall(?:19|20)\d\d"
                          r"|utfall(?:föregående|fjol)"),
        ("forecast", r"progno"),
        ("annual_target", r"(?<!kf:s)(?<!kfs)(?<!kf)(?:[åa]rsm[åa]l|m[åa]lv[äa]rde)"),
        ("city_target", r"kf:?s?(?:[åa]rsm[åa]l|m[åa]lv[äa]rde)"),
    ):
        m = re.search(pattern, squashed)
        if m:
            found.append((m.start(), col))
    cols = tuple(col for _, col in sorted(found))
    return cols or VALUE_COLUMNS
