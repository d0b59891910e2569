"""Units that wrap over several lines, side by side: the cells of one row printed in parallel columns,
each cell's unit wrapped in its column, come out of the PDF as lines that repeat the same piece once
per cell:

    0,5 1,6 kg 1,5 kg 1,4 kg 2023
    CO2 CO2 CO2
    per kg per kg per kg
    livsmed livsmed livsmed
    el el el

The first line (the anchor) holds the cells; each line below that is the same piece k times, where k is
the number of cells of the anchor that may go on (a unit after a number, a text cell such as 'Tas' of
'Tas fram av nämnd'), continues those k cells ('1,6 kg CO2 per kg livsmedel'; 'Tas Tas' / 'fram av fram
av' / 'nämnd nämnd' is two text cells). A single cell whose unit wraps after the period cell ('1,9 kg 2020' / 'CO2') is the case
k = 1. A line that does not split into exactly that many equal pieces is not a continuation.
"""

from __future__ import annotations

from typing import Callable

from .words import NUMBER_TOKEN, is_number, opens_text_cell, period_at_end, text_start

# (word before, first word of the piece, the continuation line above as printed, None right under the
# anchor, whose line end says nothing about the cells inside it) -> glue without a space?
CutRule = Callable[[str, str, "str | None"], bool]


def _spans(words: list[str], opens) -> list[tuple[int, int]]:
    """(first, last) word index of each run that `opens(words, j)` starts, up to the next number or
    text-cell opening."""
    spans = []
    j = 0
    while j < len(words):
        if opens(words, j):
            e = j
            while e + 1 < len(words) and not is_number(words[e + 1]) and not text_start(words[e + 1]):
                e += 1
            spans.append((j, e))
            j = e + 1
            continue
        j += 1
    return spans


def unit_spans(words: list[str]) -> list[tuple[int, int]]:
    """(first, last) word index of each unit printed after a bare number ('1,6' 'kg'), in order."""
    return _spans(words, lambda w, j: j > 0 and bool(NUMBER_TOKEN.match(w[j - 1])) and not is_number(w[j])
                  and not text_start(w[j]))


def open_spans(words: list[str], year: int | None = None) -> dict[str, list[tuple[int, int]]]:
    """(first, last) word index of each cell that may go on below, by kind, before the period cell:
    'unit' after a bare number ('kg'), 'text' for a text cell ('Tas' of 'Tas fram av nämnd')."""
    m = period_at_end(" ".join(words), year)
    keep = len(" ".join(words)[: m.start("period")].split()) if m else len(words)
    words = words[:keep]
    units = unit_spans(words)
    taken = {j for a, e in units for j in range(a, e + 1)}
    return {"unit": units, "text": _spans(words, lambda w, j: j not in taken and text_start(w[j]))}


def _repeats(words: list[str]) -> int:
    """k when the words are one piece printed k times (k >= 2), else 1."""
    for k in range(len(words), 1, -1):
        if len(words) % k == 0:
            size = len(words) // k
            if len({tuple(words[i:i + size]) for i in range(0, len(words), size)}) == 1:
                return k
    return 1


def targets(anchor: list[str], k: int, piece: list[str], year: int | None = None) -> list[int] | None:
    """The last word of each of the k cells a piece printed k times continues: the cells of the one
    kind (units or text cells) the anchor has exactly k of. When both kinds fit, the text cells if the
    piece goes on a known text cell ('Tas' + 'fram av'), else the units; None when neither fits."""
    spans = open_spans(anchor, year)
    fit = [kind for kind in ("unit", "text") if len(spans[kind]) == k]
    if k == 1:
        fit = fit if len(spans["unit"]) + len(spans["text"]) == 1 else []
    if len(fit) == 2:
        a, e = spans["text"][-1]
        fit = ["text"] if opens_text_cell(anchor[a:e + 1] + piece) else ["unit"]
    return [e for _, e in spans[fit[0]]] if fit else None


def stack_width(anchor: str, line: str, year: int | None = None) -> int:
    """How many open cells of `anchor` the line continues (0: it is no continuation)."""
    words = line.split()
    if not words or is_number(words[0]) or text_start(words[0]) or period_at_end(line, year):
        return 0
    k = _repeats(words)
    if k >= 2:
        return k if targets(anchor.split(), k, words[: len(words) // k], year) is not None else 0
    if len(words) <= 4 and period_at_end(anchor, year) and targets(anchor.split(), 1, words, year) is not None:
        return 1  # the only open cell wraps below a line the period closed: nothing else can go on
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
        piece = raw.split()[: len(raw.split()) // k] if k else []
        ends = targets(words, k, piece, year) if k else None
        if not k or ends is None:
            anchor = raw if raw.strip() else None
            words, above = raw.split(), None
            out.append(raw)
            continue
        for e in reversed(ends):  # from the right: the indexes to the left stay valid
            head = list(piece)
            if cut(words[e], head[0], above):
                words[e] += head.pop(0)
            words[e + 1:e + 1] = head
        out[-1] = " ".join(words) + (" " if raw != raw.rstrip() else "")
        above = raw
        merged += 1
    return out, merged
