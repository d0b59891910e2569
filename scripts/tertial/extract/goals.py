"""Rules shared by both layouts for the goal tree: headings, codes, verdicts, table-of-contents lines.

A heading names its level by its label:
  'KF:s inriktningsmål: 1. Ett Stockholm som ...'          -> inriktningsmal, code '1'
  'KF:s mål för verksamhetsområdet: 1.2. Stockholm är ...' -> verksamhetsmal, code '1.2'
  'Nämndmål: 1.1.1. Invånare klarar ...' / 'Nämndmål: Barn och ...' -> namndmal, code '1.1.1' / None
In text from PDF the label may stand alone on its line, with code and title on the following lines.
"""

from __future__ import annotations

import re

from .values import fold

_LABELS = [
    (re.compile(r"^KF:?s\s+inriktningsm[åa]l\s*:?", re.IGNORECASE), "inriktningsmal"),
    (re.compile(r"^KF:?s\s+m[åa]l\s+f[öo]r\s+verksamhetsomr[åa]det\s*:?", re.IGNORECASE), "verksamhetsmal"),
    (re.compile(r"^N[äa]mndm[åa]l\s*:", re.IGNORECASE), "namndmal"),
]
_CODE = re.compile(r"^(?P<code>[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?(?=\s|$)\s*")
_TOC_TAIL = re.compile(r"(?:\t\s*\d{1,3}|\.{3,}\s*\d{0,3})\s*$")
_VERDICT = re.compile(
    r"^[^\wåäöÅÄÖ]*(?:målet\s+)?uppfyl\w*\s+(?P<word>helt|delvis|ej|inte|ej\s+alls)\b",
    re.IGNORECASE,
)
_VERDICTS = {"helt": "helt", "delvis": "delvis", "ej": "ej", "inte": "ej", "ej alls": "ej"}


def heading_label(line: str) -> tuple[str, str] | None:
    """(level, rest of the line after the label) if the line starts a goal heading, else None."""
    text = fold(line)
    for pattern, level in _LABELS:
        m = pattern.match(text)
        if m:
            return level, text[m.end():].strip()
    return None


def split_code(text: str) -> tuple[str | None, str]:
    """'1.2. Stockholm är ...' -> ('1.2', 'Stockholm är ...'); no code -> (None, text)."""
    text = fold(text)
    m = _CODE.match(text)
    if m and m.end() < len(text) + 1:
        return m.group("code"), text[m.end():].strip()
    return None, text


def is_toc_line(line: str) -> bool:
    """A table-of-contents entry: ends with a page number after a tab or a row of dots."""
    return bool(_TOC_TAIL.search(line.rstrip()))


def verdict(line: str) -> str | None:
    """'● Uppfylls helt' / 'Uppfylles helt' / 'Uppfylls inte' -> 'helt' / 'helt' / 'ej'; else None."""
    m = _VERDICT.match(fold(line))
    if not m:
        return None
    return _VERDICTS[re.sub(r"\s+", " ", m.group("word").lower())]


def code_depth(code: str | None) -> int:
    return 0 if not code else code.count(".") + 1
