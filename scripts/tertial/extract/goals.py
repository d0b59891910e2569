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
# A verdict is a whole line: optional bullets or symbols (including the private-use bullets of Symbol
# fonts, U+F0B7 and the like), an optional 'Målet' / 'Målet är' / 'Nämndmålet bedöms', the verdict, and
# nothing after it but punctuation. Wordings: 'Uppfylls helt|delvis|ej|inte' (and misspellings such as
# 'Uppfylles'), the VB forms 'Uppfyllt', 'Helt uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Inte uppfyllt',
# 'Målet uppfylls delvis', 'Uppnås helt'. A sentence that merely starts like one ('Uppfylls helt under
# året då ...') is analysis, not a verdict.
_LEAD = (r"^[^\wåäöÅÄÖ]*(?:(?:nämndens\s+|förvaltningens\s+)?(?:bedömning|måluppfyllelse|status)\s*:\s*)?"
         r"(?:(?:nämndmålet|målet|mål)\s+)?(?:(?:är|bedöms|blev|har)\s+)?")  # 'Bedömning: Uppfylls delvis'
_WORD = r"(?P<word>helt|delvis|ej\s+alls|ej|inte|icke)"
_VERB = r"(?:uppfyl\w*|uppn[åa]\w*)"
_TAIL = r"[\s.!:;,\u00a0]*$"
_VERDICT_FORMS = [
    re.compile(_LEAD + _VERB + r"\s+" + _WORD + _TAIL, re.IGNORECASE),  # 'Uppfylls helt', 'Målet uppfylls delvis'
    re.compile(_LEAD + _WORD + r"\s+" + _VERB + _TAIL, re.IGNORECASE),  # 'Delvis uppfyllt', 'Ej uppfyllt'
    re.compile(_LEAD + r"(?P<bare>uppfyll(?:t|d|da|des|dés)|uppnå(?:tt|dd|tts))" + _TAIL, re.IGNORECASE),  # 'Uppfyllt'
]
_VERDICTS = {"helt": "helt", "delvis": "delvis", "ej": "ej", "inte": "ej", "ej alls": "ej", "icke": "ej"}


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


_TOC_PAGE = re.compile(r"(?P<dots>\s*(?:\.{3,}|…+)\s*\d{0,3}|\s+\d{1,3})\s*$")


def toc_page_tail(title: str) -> tuple[str, bool] | None:
    """A heading title that ends like a table-of-contents entry: (title without the page number, sure).
    Dot leaders ('... fritid ........ 8') are sure; a bare number ('... fritid 8') is a clue only, to be
    confirmed by the same title printed again as a heading further on."""
    m = _TOC_PAGE.search(title)
    if not m or not title[: m.start()].strip():
        return None
    return title[: m.start()].rstrip(), "." in m.group("dots") or "…" in m.group("dots")


def verdict(line: str) -> str | None:
    """'● Uppfylls helt' / 'Uppfylles helt' / 'Uppfylls inte' / 'Delvis uppfyllt' / 'Uppfyllt' ->
    'helt' / 'helt' / 'ej' / 'delvis' / 'helt'; any line that is more than a verdict -> None."""
    text = fold(line)
    if len(text) > 60:
        return None
    for pattern in _VERDICT_FORMS:
        m = pattern.match(text)
        if m:
            if m.groupdict().get("bare"):
                return "helt"
            return _VERDICTS[re.sub(r"\s+", " ", m.group("word").lower())]
    return None


def code_depth(code: str | None) -> int:
    return 0 if not code else code.count(".") + 1


# ---------------------------------------------------------------------------------------------------
# Section labels, shared by both layouts: a label stands alone on its line ('Förväntat resultat',
# 'Förväntade resultat:', ' Analys'); the text below it belongs to that section of the current goal.

_SECTION_LABELS = {
    "analys": "analys",
    "beskrivning": "beskrivning",
    "forvantat resultat": "forvantat_resultat",
    "forvantade resultat": "forvantat_resultat",
    "kommentar": "kommentar",
    "bedomning": "bedomning",
    "maluppfyllelse": "maluppfyllelse",
    "atgarder": "atgarder",
}


def section_label(line: str) -> str | None:
    """'Förväntat resultat' / 'Förväntade resultat:' -> 'forvantat_resultat'; any other line -> None."""
    if len(line) > 200:  # no label is this long, even with its white space
        return None
    text = fold(line).rstrip(":").strip().lower()
    if len(text) > 30:
        return None
    key = text.replace("å", "a").replace("ä", "a").replace("ö", "o")
    return _SECTION_LABELS.get(key)


def printed_again(first, code: str | None) -> str:
    """The warning for a goal heading printed a second time, once with its code and once without: read
    as one goal (a reasonable reading, but the maintainer should know)."""
    how = f"with its code {code}" if code else f"without its code {first.code}"
    return (f"goal {first.title[:50]!r} (first on line {first.source_line}) is printed again {how}: "
            "read as one goal")


class GoalTree:
    """The goal tree of one report, built the same way by both layouts: a goal's parent is the goal whose
    code prefixes its code ('1.2' under '1'), else the last goal printed one level up; a heading printed
    again under the same parent with the same title (codes equal, or one of them missing) is the same
    goal, and a code printed only once is warned about (`printed_again`)."""

    def __init__(self, goals: list, warnings: list[tuple[int, str]]):
        self.goals = goals  # the Extraction's list of Goal, appended to
        self.warnings = warnings
        self.by_code: dict[str, int] = {}
        self.last_at_level: dict[str, int | None] = {"inriktningsmal": None, "verksamhetsmal": None}

    def parent(self, level: str, code: str | None) -> int | None:
        if level == "inriktningsmal":
            return None
        if code and "." in code and code.rsplit(".", 1)[0] in self.by_code:
            return self.by_code[code.rsplit(".", 1)[0]]
        if level == "verksamhetsmal" or self.last_at_level["verksamhetsmal"] is None:
            return self.last_at_level["inriktningsmal"]
        return self.last_at_level["verksamhetsmal"]

    def add(self, level: str, code: str | None, title: str, line: int,
            assessment: str | None = None) -> tuple[int, bool]:
        """The goal's index, and whether it is new (False: the heading repeats a goal already read)."""
        from .model import Goal

        parent = self.parent(level, code)
        for index, other in enumerate(self.goals):
            if (other.level, other.parent, other.title.lower()) == (level, parent, title.lower()) and \
                    (other.code is None or code is None or other.code == code):
                if (other.code is None) != (code is None):
                    self.warnings.append((line, printed_again(other, code)))
                if other.code is None and code:
                    other.code = code
                    self.by_code.setdefault(code, index)
                other.assessment = other.assessment or assessment
                return index, False
        self.goals.append(Goal(level, code, title, assessment, line, parent))
        index = len(self.goals) - 1
        if code:
            self.by_code.setdefault(code, index)
        if level == "inriktningsmal":
            self.last_at_level = {"inriktningsmal": index, "verksamhetsmal": None}
        elif level == "verksamhetsmal":
            self.last_at_level["verksamhetsmal"] = index
        return index, True
