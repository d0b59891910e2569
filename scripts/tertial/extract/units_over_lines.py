"""Units that wrap over several lines, side by side: the cells of one row printed in parallel columns,
each cell's unit wrapped in its column, come out of the PDF as lines that repeat the same piece once
per cell:

    0,5 1,6 kg 1,5 kg 1,4 kg 2023
    CO2 CO2 CO2
    per kg per kg per kg
    livsmed livsmed livsmed
    el el el

The first line (the anchor) holds the cells; each line below that is the same piece k times, where k is
the number of cells of the anchor that carry a unit, continues those k units ('1,6 kg CO2 per kg
livsmedel'). A single cell whose unit wraps after the period cell ('1,9 kg 2020' / 'CO2') is the case
k = 1. A line that does not split into exactly that many equal pieces is not a continuation.
"""

from __future__ import annotations

from typing import Callable

from .words import NUMBER_TOKEN, is_number, period_at_end, text_start

# (word before, first word of the piece, the continuation line above as printed, None right under the
# anchor, whose line end says nothing about the cells inside it) -> glue without a space?
CutRule = Callable[[str, str, "str | None"], bool]


def unit_spans(words: list[str]) -> list[tuple[int, int]]:
    """(first, last) word index of each unit printed after a bare number ('1,6' 'kg'), in order."""
    spans = []
    j = 1
    while j < len(words):
        if NUMBER_TOKEN.match(words[j - 1]) and not is_number(words[j]) and not text_start(words[j]):
            e = j
            while e + 1 < len(words) and not is_number(words[e + 1]) and not text_start(words[e + 1]):
                e += 1
            spans.append((j, e))
            j = e + 1
            continue
        j += 1
    return spans


def stack_width(anchor: str, line: str, year: int | None = None) -> int:
    """How many unit cells of `anchor` the line continues (0: it is no continuation)."""
    words = line.split()
    if not words or is_number(words[0]) or text_start(words[0]) or period_at_end(line, year):
        return 0
    units = len(unit_spans(anchor.split()))
    if units >= 2 and len(words) % units == 0:
        size = len(words) // units
        chunks = {tuple(words[i:i + size]) for i in range(0, len(words), size)}
        return units if len(chunks) == 1 else 0
    if units == 1 and len(words) <= 4 and period_at_end(anchor, year):
        return 1  # the only unit cell wraps below a line the period closed: nothing else can go on
    return 0


def unstack(value_lines: list[str], cut: CutRule, year: int | None = None) -> tuple[list[str], int]:
    """The value lines with every stacked continuation merged into its anchor line, and how many
    continuation lines were merged."""
    out: list[str] = []
    anchor: str | None = None  # the anchor as printed (its unit count does not change)
    words: list[str] = []
    above: str | None = None
    merged = 0
    for raw in value_lines:
        k = stack_width(anchor, raw, year) if anchor is not None and raw.strip() else 0
        ends = [e for _, e in unit_spans(words)]
        if not k or len(ends) != k:
            anchor = raw if raw.strip() else None
            words, above = raw.split(), None
            out.append(raw)
            continue
        all_words = raw.split()
        piece = all_words[: len(all_words) // k]
        for e in reversed(ends):  # from the right: the indexes to the left stay valid
            head = list(piece)
            if cut(words[e], head[0], above):
                words[e] += head.pop(0)
            words[e + 1:e + 1] = head
        out[-1] = " ".join(words) + (" " if raw != raw.rstrip() else "")
        above = raw
        merged += 1
    return out, merged
