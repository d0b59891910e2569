"""Text-from-PDF layout: activities (text, then the dates), analysis texts under rows and activities, and
wrapped lines -> paragraphs and bullet lists."""

from __future__ import annotations

import re

from . import goals as goal_rules
from .model import Activity
from .values import fold
from .cells import glue_lines
from .names import name_left_open
from .state import State
from .stream import Item, next_content_any, section_label


_DATE = r"\d{4}-\d{2}-\d{2}"
_DATES_AT_START = re.compile(rf"^\s*(?P<start>{_DATE})(?:\s+(?P<end>{_DATE}))?(?P<rest>.*)$")
_DATES_AT_END = re.compile(rf"^(?P<text>.*?)\s+(?P<start>{_DATE})\s+(?P<end>{_DATE})(?P<rest>\s+\D.*)?\s*$")
_BULLET = re.compile(r"^\s*(?:[•●▪■◦\-–*]|\d{1,2}[.)])\s+")


def analysis_text(st: State, k: int, stop: str, skip: str, next_content, starts_next) -> tuple[list[str], int]:
    """Text under an 'Analys' label, from item k: up to a section label or goal heading, the other kind
    of table header (`stop`; repeats of its own header, `skip`, are page breaks), or a blank line followed
    by the next row or activity (`starts_next`)."""
    items = st.items
    raws: list[str] = []
    while k < len(items):
        it = items[k]
        if it.kind == stop:
            break
        if it.kind == skip:
            k += 1
            continue
        if it.blank:
            nxt = next_content(items, k)
            if nxt >= len(items) or items[nxt].kind != "line":
                k = nxt
                break
            t = items[nxt].text
            if section_label(t) or goal_rules.heading_label(t) or starts_next(nxt):
                k = nxt
                break
            raws.append("")
            k += 1
            continue
        if section_label(it.text) or goal_rules.heading_label(it.text):
            break
        raws.append(it.text)
        k += 1
    return raws, k


def read_activity(st: State, i: int) -> int | None:
    items = st.items
    first = items[i]
    if first.kind != "line" or section_label(first.text) or goal_rules.heading_label(first.text):
        return None
    raws: list[str] = []
    k = i
    start = end = None
    rest = ""
    while k < len(items) and len(raws) < 25:
        it = items[k]
        if it.kind == "tblhdr":
            return None
        if it.kind == "acthdr" or it.blank:
            k += 1
            continue
        t = it.text
        if raws and (section_label(t) or goal_rules.heading_label(t)):
            return None
        m = _DATES_AT_START.match(t)
        if m and raws:
            start, end, rest = m.group("start"), m.group("end"), m.group("rest")
            k += 1
            break
        m = _DATES_AT_END.match(t)
        if m:
            raws.append(m.group("text"))
            start, end, rest = m.group("start"), m.group("end"), m.group("rest") or ""
            k += 1
            break
        raws.append(t)
        k += 1
    if start is None or not raws:
        return None
    more, k = _continued(st, k, raws)
    act = Activity(st.current, glue_lines(raws + more, st.clue), first.line,
                   start, end, fold(rest))
    a = next_content_any(items, k)
    if a < len(items) and items[a].kind == "line" and section_label(items[a].text) == "analys":
        raws_a, k = _activity_analysis(st, a + 1)
        act.analysis = paragraphs(raws_a, st.clue)
    st.ex.activities.append(act)
    return k


def _continued(st: State, k: int, raws: list[str]) -> tuple[list[str], int]:
    """Rule activity_continued_after_break: the rest of an activity's text printed after its dates, past a
    page break (furniture dropped, or the activity header printed again): a paragraph that opens with a
    lower-case word, or follows a text left open ('med', 'och', a comma), and is no activity of its own
    (no dates follow it). Returns its lines and the index after it ([] and k when there is none)."""
    items = st.items
    j = next_content_any(items, k)
    if j >= len(items) or items[j].kind != "line" or not any(
            items[h].after_break or items[h].kind == "acthdr" for h in range(k, j + 1)):
        return [], k
    opens = items[j].text.strip()
    if not (re.match(r"^[a-zåäö]", opens) or name_left_open(raws, False)) or section_label(opens) \
            or goal_rules.heading_label(opens) or _DATES_AT_START.match(opens):
        return [], k
    more = []
    while j < len(items) and items[j].kind == "line" and not items[j].blank and len(more) < 25:
        if _DATES_AT_END.match(items[j].text) or (more and _DATES_AT_START.match(items[j].text)):
            return [], k  # the paragraph ends with its own dates: an activity of its own
        more.append(items[j].text)
        j += 1
    after = next_content_any(items, j)
    if after < len(items) and items[after].kind == "line" and _DATES_AT_START.match(items[after].text):
        return [], k  # its dates follow it: an activity of its own
    return more, j


def _activity_analysis(st: State, k: int) -> tuple[list[str], int]:
    """Text under an activity's 'Analys': up to a blank line that is followed by another activity."""
    return analysis_text(st, k, "tblhdr", "acthdr", next_content_any,
                          lambda j: _looks_like_activity(st.items, j))


def _looks_like_activity(items: list[Item], k: int) -> bool:
    """A block of text followed by the dates line (or ending with the dates)."""
    j = k
    while j < len(items) and j - k < 25:
        it = items[j]
        if it.kind != "line":
            j += 1
            continue
        if not it.blank:
            if _DATES_AT_END.match(it.text) or (j > k and _DATES_AT_START.match(it.text)):
                return True
            if section_label(it.text) or goal_rules.heading_label(it.text):
                return False
        j += 1
    return False


def paragraphs(raws: list[str], clue: bool) -> str:
    """Wrapped lines -> paragraphs (blank line between) and bullet lists ('- item' lines)."""
    paras: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            paras.append(glue_lines(current, clue))
            current.clear()

    for raw in raws:
        if not raw.strip():
            close()
            continue
        if _BULLET.match(raw) and not raw.strip()[:1].isdigit():
            close()
            current.append("- " + _BULLET.sub("", raw, count=1))
            continue
        if current and clue and current[-1] == current[-1].rstrip() and not current[-1].startswith("- "):
            close()  # the line before ended without a wrap: a new paragraph (or a sub-heading)
        current.append(raw)
    close()
    # consecutive bullet items are one list: join them with single newlines
    out: list[str] = []
    for p in paras:
        if p.startswith("- ") and out and out[-1].split("\n")[-1].startswith("- "):
            out[-1] += "\n" + p
        else:
            out.append(p)
    return "\n\n".join(out)
