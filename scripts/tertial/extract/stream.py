"""Text-from-PDF layout, stage 1: the report's lines -> a stream of items (lines, table headers, activity
headers) with the page furniture (footers, page numbers, a district line, learned per document) removed
and each item after a page break marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import goals as goal_rules
from .headers import HEADER_TITLES, header_columns
from .words import YEAR


_PAGE_NUMBER = re.compile(r"^\s*Sid(?:a)?\s+\d+\s*(?:\(\s*\d+\s*\)|av\s+\d+)?\s*$", re.IGNORECASE)
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:Tjänsteutlåtande|Dnr[\s.:].*|Sid(?:a)?\s+\d+.*|\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE
)
_TABLE_HEADER = re.compile(r"^\s*Indikator\s+(?:Period|Utfall|[ÅA]rsm[åa]l|KF|Årets|Prognos|Mål)", re.IGNORECASE)
_ACTIVITY_HEADER = re.compile(r"^\s*Aktivitet\s+Startdatum\b", re.IGNORECASE)


def _is_blank(text: str) -> bool:
    return not text.strip()


section_label = goal_rules.section_label  # one list of section labels for both layouts


@dataclass
class Item:
    line: int  # 1-based line in the file
    text: str  # as printed (trailing space kept: it tells a wrap between words)
    kind: str = "line"  # line | tblhdr | acthdr
    columns: tuple[str, ...] = ()
    after_break: bool = False  # page furniture (a page break) was dropped right before this item
    unknown: tuple[str, ...] = ()  # a table header's words that name no known column

    @property
    def blank(self) -> bool:
        return self.kind == "line" and not self.text.strip()


_BARE_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_DISTRICT_LINE = re.compile(r"^\s*\S.{0,50}\bstadsdels(?:nämnd|förvaltning)(?:en)?\s*$", re.IGNORECASE)


def _furniture_near(lines: list[str], i: int) -> list[int]:
    """0-based indexes of the non-blank lines printed right above (up to 3) and below (up to 2) line i."""
    near = []
    for step, reach in ((-1, 3), (1, 2)):
        k = i + step
        while 0 <= k < len(lines) and abs(k - i) <= reach and not _is_blank(lines[k]):
            near.append(k)
            k += step
    return near


def _could_be_furniture(text: str) -> bool:
    t = text.strip()
    return (0 < len(t) <= 60 and bool(re.search(r"[A-Za-zÅÄÖåäö]{3}", t)) and not _TABLE_HEADER.match(t)
            and not _ACTIVITY_HEADER.match(t) and not section_label(t) and not goal_rules.heading_label(t)
            and not goal_rules.verdict(t))


def learn_furniture(lines: list[str]) -> set[str]:
    """The page footer/header lines of this document: short lines printed next to the page number
    ('Sid 18 (81)', 'Sida 3 av 40') on many pages, whatever their words ('Tjänsteutlåtande',
    'Tertialrapport 1', a district's name)."""
    pages = [i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line)]
    counts: dict[str, int] = {}
    for i in pages:
        for t in {re.sub(r"\s+", " ", lines[k].strip()) for k in _furniture_near(lines, i)}:
            if _could_be_furniture(t):
                counts[t] = counts.get(t, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    return {t for t, c in counts.items() if c >= need}


def _page_blocks(lines: list[str]) -> set[int]:
    """0-based indexes of page footer/header lines and the blank lines around them."""
    learned = learn_furniture(lines)

    def furniture(line: str) -> bool:
        return bool(_PAGE_FURNITURE.match(line) or _DISTRICT_LINE.match(line)
                    or re.sub(r"\s+", " ", line.strip()) in learned)

    drop: set[int] = set()
    for i, line in enumerate(lines):
        if not _PAGE_NUMBER.match(line):
            # a bare page number counts only next to a learned footer line
            if not (learned and _BARE_PAGE_NUMBER.match(line) and any(
                    re.sub(r"\s+", " ", lines[k].strip()) in learned for k in _furniture_near(lines, i))):
                continue
        lo = hi = i
        while lo - 1 >= 0 and i - (lo - 1) <= 3 and furniture(lines[lo - 1]):
            lo -= 1
        while hi + 1 < len(lines) and (hi + 1) - i <= 2 and furniture(lines[hi + 1]):
            hi += 1
        while lo - 1 >= 0 and _is_blank(lines[lo - 1]):
            lo -= 1
        while hi + 1 < len(lines) and _is_blank(lines[hi + 1]):
            hi += 1
        drop.update(range(lo, hi + 1))
    return drop


def build_stream(lines: list[str]) -> list[Item]:
    drop = _page_blocks(lines)
    items: list[Item] = []
    i, n = 0, len(lines)
    broke = False
    while i < n:
        if i in drop:
            broke = broke or bool(lines[i].strip())
            i += 1
            continue
        text = lines[i]
        mark = broke and bool(text.strip())  # the first item printed after a page break
        broke = broke and not mark
        if _TABLE_HEADER.match(text):
            # consume the header pieces up to the last column title ('Period' / 'Periodicitet')
            j, pieces = i, []
            while j < n and j - i < 40:
                if j not in drop:
                    pieces.append(lines[j])
                if re.search(r"\bPeriod(?:icitet)?\s*$", lines[j].strip()) and j > i or (
                    j == i and re.search(r"\bPeriod(?:icitet)?\s*$", lines[j].strip())
                ):
                    break
                j += 1
            else:
                j = _header_pieces_end(lines, i, drop)  # no 'Period' last: the pieces that read as titles
                pieces = [lines[k] for k in range(i, j + 1) if k not in drop]
            items.append(Item(i + 1, text, "tblhdr", header_columns(" ".join(pieces)), mark,
                              unknown_header_words(" ".join(pieces))))
            i = j + 1
            continue
        if _ACTIVITY_HEADER.match(text):
            items.append(Item(i + 1, text, "acthdr", after_break=mark))
            i += 1
            continue
        items.append(Item(i + 1, text, after_break=mark))
        i += 1
    return items


def unknown_header_words(text: str) -> tuple[str, ...]:
    """The words of a follow-up table header that are no piece of a known column title ('Utfall T2 2023'
    is; 'Målnivå' is not): the columns cannot be told for certain, and its rows are flagged."""
    return tuple(w for w in text.split()
                 if not YEAR.match(w) and w.lower() not in HEADER_TITLES)


def _header_piece(line: str) -> bool:
    """A short line made only of pieces of the follow-up table's column titles ('kvinn', 'or/', 'Progno',
    's helår', 'VB 2019')."""
    words = line.split()
    return bool(words) and len(line.strip()) <= 40 and all(
        YEAR.match(w) or w.lower() in HEADER_TITLES for w in words)


def _header_pieces_end(lines: list[str], i: int, drop: set[int]) -> int:
    """The last line of a table header that starts at line i and does not end with 'Period': the lines
    after it, up to 40, as long as they are pieces of column titles (blank lines and page furniture
    between them skipped)."""
    last = i
    for k in range(i + 1, min(i + 41, len(lines))):
        if k in drop or not lines[k].strip():
            continue
        if not _header_piece(lines[k]):
            break
        last = k
    return last


def next_content(items: list[Item], k: int) -> int:
    """Index of the next non-blank line at or after k, skipping repeated table headers."""
    while k < len(items) and (items[k].blank or items[k].kind == "tblhdr"):
        k += 1
    return k


def next_content_any(items: list[Item], k: int) -> int:
    while k < len(items) and (items[k].blank or items[k].kind in ("tblhdr", "acthdr")):
        k += 1
    return k
