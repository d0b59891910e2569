"""Text-from-PDF layout, stage 3: a row's cells -> columns. By the printed spacing when the report follows
the one-space-per-cell convention (spacing.py), else by the named rules of placement.py; where a number
and a group of three digits may be one number or two, the reading that fits the columns; then the clues
the rules cannot weigh, as review reasons (codes of reasons.py)."""

from __future__ import annotations

import re
import math
from dataclasses import dataclass, field

from ..schema import VALUE_COLUMNS
from .values import EMPTY, Cell
from . import reasons
from .placement import RULE_LABELS, TARGETS, Decision, context, decide, misplaced_text, parse_cells
from .placement import explain as explain_decision
from .spacing import slots as spacing_slots
from .cells import RawCell, Token, period_cut, split_cells
from .state import State
from .words import is_number, text_start


@dataclass
class RowPlacement:
    cells: dict[str, Cell]
    reasons: list[tuple[str, str]]  # (code of reasons.REVIEW_REASONS, particulars)
    decision: Decision | None = None
    notes: list[str] = field(default_factory=list)  # rules that chose the cells before placement (--explain)


def place(raw_cells: list[RawCell], columns: tuple[str, ...], period: str | None,
          city_section: bool, report_type: str | None = None) -> tuple[dict[str, Cell], bool, str]:
    """Choose the column of every cell. Returns (cells by column, needs_review, reason in Swedish)."""
    placed = place_row(raw_cells, columns, period, city_section, report_type)
    return placed.cells, bool(placed.reasons), reasons.text(placed.reasons)


def place_row(raw_cells: list[RawCell], columns: tuple[str, ...], period: str | None, city_section: bool,
              report_type: str | None = None, slots: tuple[int, ...] | None = None) -> RowPlacement:
    """Place the cells by the printed spacing (`slots`, when the report prints empty cells as spaces
    and they add up), else by the rules of placement.py; then the clues the rules cannot weigh."""
    empty = {c: EMPTY for c in VALUE_COLUMNS}
    if slots is not None:
        cells = parse_cells([rc for rc in raw_cells if not rc.placeholder])
        placed = dict(empty)
        for cell, ci in zip(cells, slots):
            placed[columns[ci]] = cell
        if not any(misplaced_text(placed[c]) for c in columns if c not in TARGETS):
            later = [rc.text for rc in raw_cells if not rc.placeholder and rc.spaces is None]
            notes = [f"{later[0]!r} and after: rule spacing_later_line (opens a later line; placed by the "
                     f"period cell printed on its line)"] if later else []
            return RowPlacement(placed, [], Decision(placed, rule="spacing"), notes)
    cells = parse_cells(raw_cells)
    if not cells:
        return RowPlacement(empty, [])
    if len(cells) > len(columns):
        return RowPlacement(empty, [("too_many_cells", f"{len(cells)} celler för {len(columns)} kolumner: "
                                     + " | ".join(rc.text for rc in raw_cells))])
    ctx = context(columns, period, city_section, report_type)
    decision = decide(cells, ctx)
    if decision is None:
        return RowPlacement(empty, [("no_placement", "")])
    best = decision.cells
    why: list[tuple[str, str]] = []
    if decision.tied:
        why.append(("placement_tie", f"osäkra: {reasons.columns_sv(decision.differs)}; lika enligt: "
                    + ", ".join(RULE_LABELS[t] for t in decision.tied)))
    # unit clue: in this layout the forecast is the cell printed without the row's unit
    if any(c.unit for c in cells if c.value is not None):
        unitless_pre = [c for c in ("period_outcome", "previous_year")
                        if best[c].value is not None and not best[c].unit]
        if unitless_pre and any(best[c].unit for c in TARGETS) and best["forecast"].empty:
            why.append(("unitless_value", reasons.columns_sv(unitless_pre[:1])))
    elif ctx.annual and not best["previous_year"].empty and best["forecast"].empty \
            and best["period_outcome"].empty:
        why.append(("annual_no_unit", ""))
    if ctx.annual and not best["period_outcome"].empty and best["previous_year"].empty != best["forecast"].empty:
        # the rule that an annual row has no forecast yet assumes it was not measured; this one was
        why.append(("annual_outcome", ""))
    return RowPlacement(best, why, decision)


def read_cells(st: State, tokens: list[Token]) -> tuple[RowPlacement, str | None]:
    """A row's tokens -> its placed cells and period. Where a number and a group of three digits may
    be one number or two ('1 150 1 150 st'), the reading that fits the table's columns is taken: the
    fewest extra joins that make the cells fit (and, in a report that prints empty cells as spaces,
    make the spaces add up); a row that another fitting reading could read otherwise is flagged
    (thousands_ambiguous; for joins before a unit, see group_before_unit)."""
    keep, period = period_cut(tokens, st.meta.year)
    period_spaces = tokens[keep].spaces if keep < len(tokens) else None
    city = st.current is not None and st.ex.goals[st.current].level != "namndmal"
    ncols = len(st.columns)
    fits: list[tuple[list[RawCell], tuple[int, ...] | None, frozenset[int]]] = []
    mismatch = False
    joined_more: list[tuple[list[RawCell], frozenset[int]]] = []  # rule group_before_unit
    more: list[list[RawCell]] = []  # readings with more joins that fit (rule thousands_by_magnitude)
    spaced_more: list[tuple[list[RawCell], tuple[int, ...]]] = []  # the same where the spaces add up
    for joins in thousands_readings(tokens[:keep]):
        raw, _ = split_cells(tokens, st.meta.year, joins)
        real = [c for c in raw if not c.placeholder]
        if fits and len(joins) > len(fits[0][2]) and st.spacing:
            spaced_more += _spaced_rival(raw, period_spaces, ncols, fits[0][1] is None)
            continue
        if fits and len(joins) > len(fits[0][2]):
            extra = joins - fits[0][2]
            if not st.spacing and fits[0][2] <= joins and len(raw) <= ncols and \
                    all(_changes(tokens, st.meta.year, fits[0], p) for p in extra):
                more.append(raw)
                if all(group_before_unit(tokens, p) for p in extra):
                    joined_more.append((raw, extra))
            continue  # only readings with the fewest joins compete, unless magnitudes settle it
        if st.spacing:
            sl = spacing_slots([c.spaces for c in real], period_spaces, ncols)
            mismatch = mismatch or sl.mismatch
            if sl.columns is not None or (not sl.mismatch and len(real) <= ncols):
                fits.append((raw, sl.columns, joins))
        elif len(raw) <= ncols:
            fits.append((raw, None, joins))
    if not fits:
        raw, _ = split_cells(tokens, st.meta.year)
        placed = place_row(raw, st.columns, period, city, st.meta.report_type)
        if st.spacing and mismatch:
            placed.reasons.append(("spacing_mismatch", " | ".join(c.text for c in raw)))
        return placed, period
    readings = [(f[0], f[1]) for f in fits] + [(r, None) for r in more] + spaced_more
    k = by_magnitude([r for r, _ in readings])
    if k is not None:
        chosen, slots = readings[k]
        placed = place_row(chosen, st.columns, period, city, st.meta.report_type, slots)
        placed.notes.append(f"{' | '.join(c.text for c in chosen if not c.placeholder)}: rule "
                            f"thousands_by_magnitude (of the readings of its digit groups, the only one whose "
                            f"numbers lie within {MAGNITUDE_GAP} orders of magnitude closer than the others')")
        return placed, period
    raw, sl, _ = fits[0]
    placed = place_row(raw, st.columns, period, city, st.meta.report_type, sl)
    rivals = [f[0] for f in fits[1:]] + [r for r, _ in spaced_more] + [
        r for r, extra in joined_more if not all(_bare_forecast(placed, tokens[p].text) for p in extra)]
    if len({tuple(c.text for c in f) for f in [raw] + rivals}) > 1:
        readings = " eller ".join(" | ".join(c.text for c in f) for f in [raw] + rivals)
        placed.reasons.append(("thousands_ambiguous", readings))
    return placed, period


def _spaced_rival(raw: list[RawCell], period_spaces: int | None, ncols: int,
                  open_first: bool) -> list[tuple[list[RawCell], tuple[int, ...] | None]]:
    """A reading with more thousands joins whose spaces add up to the period cell on its line too (rule
    spacing_later_line), or that fits the columns where the spaces left the fewest-joins reading open
    (`open_first`): a rival of that reading, [(cells, columns)], else []."""
    real = [c for c in raw if not c.placeholder]
    sl = spacing_slots([c.spaces for c in real], period_spaces, ncols)
    if sl.columns is not None and period_spaces is not None:
        return [(raw, sl.columns)]
    return [(raw, sl.columns)] if open_first and not sl.mismatch and len(real) <= ncols else []


MAGNITUDE_GAP = 2.0  # orders of magnitude (powers of ten) by which one reading must be the tightest


def _spread(cells: list[RawCell]) -> float:
    """Orders of magnitude between the row's largest and smallest non-zero number."""
    sizes = [abs(c.value) for c in parse_cells(cells) if c.value]
    return math.log10(max(sizes) / min(sizes)) if len(sizes) > 1 else 0.0


def by_magnitude(readings: list[list[RawCell]]) -> int | None:
    """Rule thousands_by_magnitude: where digit groups may be read as one number or two ('1 200 1 000
    900': '1 200' or '1' and '200'), the reading whose numbers lie closest together in magnitude, when it
    is at least MAGNITUDE_GAP orders of magnitude tighter than every other reading ('1 200 | 1 000 | 900'
    against '1 | 200 | 1 000 | 900'; '0 | 368 | 185 | 360' against '0 | 368 185 | 360'): its index, else
    None."""
    first: dict[tuple[str, ...], int] = {}
    for k, r in enumerate(readings):
        first.setdefault(tuple(c.text for c in r), k)
    if len(first) < 2:
        return None
    spreads = sorted((_spread(readings[k]), k) for k in first.values())
    (best, k), (second, _) = spreads[0], spreads[1]
    return k if second - best >= MAGNITUDE_GAP else None


def group_before_unit(tokens: list[Token], i: int) -> bool:
    """Rule group_before_unit: is the group that may join token i followed by a unit ('14' '500' 'st')?
    Then '14 500 st' may be one cell, or a bare '14' and '500 st'. A bare number before a number with
    the row's unit is, in this layout, the forecast (printed without the unit): the reading that leaves
    it bare stands when the rules placed it in the forecast column, else the row is flagged."""
    return i + 2 < len(tokens) and not tokens[i + 2].gap and not is_number(tokens[i + 2].text) and \
        not text_start(tokens[i + 2].text)


def _changes(tokens: list[Token], year: int | None, fit, p: int) -> bool:
    """Does joining at p change the reading (a group starting with 0 is joined in every reading)?"""
    raw, _ = split_cells(tokens, year, fit[2] | {p})
    return [c.text for c in raw] != [c.text for c in fit[0]]


def _bare_forecast(placed: RowPlacement, head: str) -> bool:
    cell = placed.cells["forecast"]
    return cell.value is not None and not cell.unit and cell.value == int(head)


def thousands_readings(tokens: list[Token]) -> list[frozenset[int]]:
    """Which tokens may join the next as a thousands group ('1' '150'), as sets to try: none first,
    then every single one, every pair... (at most 6 such places in a row)."""
    import itertools

    places = [i for i in range(len(tokens) - 1)
              if re.fullmatch(r"[-\u2212\u2013]?[1-9]\d{0,2}", tokens[i].text) and re.fullmatch(r"\d{3}", tokens[i + 1].text)
              and not tokens[i + 1].gap][:6]
    return [frozenset(c) for r in range(len(places) + 1) for c in itertools.combinations(places, r)]


def explain(placed: RowPlacement) -> list[str]:
    """One line per filled column: which rule put which cell there."""
    if placed.decision is None:
        return placed.notes + [f"no placement: {', '.join(code for code, _ in placed.reasons)}"]
    return placed.notes + explain_decision(placed.decision)
