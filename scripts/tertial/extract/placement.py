"""Placing a row's cells into the table's columns by a table of named rules.

Every order-keeping placement of the cells into the columns is scored: each rule of `RULES` adds its
cost when the placement goes against what the layout tells (a tertial row carries an outcome, an annual
row has none yet, men and women come together and mix to the outcome, text only in target columns...).
The cheapest placement wins. The result carries the rules that decided it (their costs against the
runner-up) and, when another placement with other contents comes within `TIE_MARGIN`, the rules that
tied, so a reader of `tertial extract --explain` or `tertial review` can tell why a number sits where it
does without reading this code.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Callable

from ..schema import VALUE_COLUMNS
from .values import EMPTY, Cell, parse_cell
from .words import no_value_text, tertial_period

TIE_MARGIN = 1.0  # placements closer than this cannot be told apart: the row is flagged
TARGETS = ("annual_target", "city_target")


@dataclass(frozen=True)
class Context:
    columns: tuple[str, ...]
    tertial: bool  # a row of the period (Tertial 1 2023): an outcome is expected
    annual: bool  # a row measured once a year (2023, År)
    city: bool  # the table follows up a city goal (KF): a KF target is expected
    report_type: str | None


@dataclass(frozen=True)
class Rule:
    name: str
    label: str  # Swedish, for pages and review output
    cost: Callable[[dict[str, bool], dict[str, Cell], Context], float]


def _mixes(outcome: Cell, men: Cell, women: Cell) -> bool:
    """The outcome is the men/women mix: between the two, or (for counts and shares of all) their sum."""
    o, m, w = outcome.value, men.value, women.value
    if o is None or m is None or w is None:
        return False
    tol = max(abs(o) * 0.02, 0.051)
    return min(m, w) - tol <= o <= max(m, w) + tol or abs((m + w) - o) <= tol


def _strict_mix(outcome: Cell, men: Cell, women: Cell) -> bool:
    """Strictly between men and women, or their sum: a strong sign of a sex split (equal values prove
    nothing)."""
    o, m, w = outcome.value, men.value, women.value
    if o is None or m is None or w is None or m == w or o in (m, w):
        return False
    return min(m, w) < o < max(m, w) or abs((m + w) - o) <= max(abs(o) * 0.02, 0.051)


def misplaced_text(cell: Cell) -> bool:
    """Text outside the target columns is misplaced, unless it stands in place of a value ('Ej mätbart')."""
    return cell.text is not None and not no_value_text(cell.text)


def _mix(p: dict[str, Cell]) -> bool:
    return _mixes(p["period_outcome"], p["outcome_men"], p["outcome_women"])


def _split(f: dict[str, bool]) -> bool:
    return f["outcome_men"] and f["outcome_women"] and f["period_outcome"]


RULES: tuple[Rule, ...] = (
    Rule("tertial_row_has_outcome", "en tertialrad har ett utfall för perioden",
         lambda f, p, c: (1.0 if c.report_type == "VB" else 2.0) * (
             c.tertial and "period_outcome" in c.columns and not f["period_outcome"])),
    Rule("tertial_row_has_forecast", "en tertialrad har en prognos",
         lambda f, p, c: 0.5 * (c.tertial and "forecast" in c.columns and not f["forecast"])),
    Rule("tertial_row_has_previous_year", "en tertialrad har fjolårets utfall",
         lambda f, p, c: 0.5 * (c.tertial and "previous_year" in c.columns and not f["previous_year"])),
    Rule("annual_row_has_no_outcome_yet", "en årsrad har sällan ett utfall ännu",
         lambda f, p, c: (1.0 if c.report_type == "T2" else 2.0) * (c.annual and f["period_outcome"])),
    Rule("annual_row_has_no_forecast", "en årsrad har ingen prognos",
         lambda f, p, c: 1.0 * (c.annual and f["forecast"])),
    Rule("annual_row_no_sex_split", "en årsrad delas inte på kön utan utfall som blandar dem",
         lambda f, p, c: 2.0 * (c.annual and (f["outcome_men"] or f["outcome_women"])
                                and not (_split(f) and _mix(p)))),
    Rule("outcome_mixes_men_and_women", "utfallet ligger mellan män och kvinnor (eller är summan)",
         lambda f, p, c: -0.5 * (_split(f) and _mix(p) and _strict_mix(
             p["period_outcome"], p["outcome_men"], p["outcome_women"]))),
    Rule("annual_target_printed", "årsmålet är tryckt",
         lambda f, p, c: 1.0 * ("annual_target" in c.columns and not f["annual_target"])),
    Rule("city_goal_has_city_target", "under ett KF-mål finns KF:s årsmål",
         lambda f, p, c: 1.5 * ("city_target" in c.columns and c.city and not f["city_target"])),
    Rule("board_goal_has_no_city_target", "under ett nämndmål finns inget KF:s årsmål",
         lambda f, p, c: 2.0 * ("city_target" in c.columns and not c.city and f["city_target"])),
    Rule("men_and_women_together", "män och kvinnor redovisas tillsammans",
         lambda f, p, c: 3.0 * (f["outcome_men"] != f["outcome_women"])),
    Rule("sex_split_has_outcome", "män och kvinnor redovisas med ett utfall som blandar dem",
         lambda f, p, c: 3.0 * (f["outcome_men"] and f["outcome_women"] and not (
             f["period_outcome"] and _mix(p)))),
    Rule("text_only_in_targets", "text står bara i målkolumnerna",
         lambda f, p, c: 10.0 * sum(misplaced_text(p[col]) for col in VALUE_COLUMNS if col not in TARGETS)),
    Rule("tertial_row_keeps_forecast", "mellan likvärdiga läsningar behåller en tertialrad sin prognos",
         lambda f, p, c: 0.01 * (c.tertial and not f["forecast"])),
)
RULE_LABELS = {r.name: r.label for r in RULES}


@dataclass
class Placement:
    cells: dict[str, Cell]
    cost: float
    costs: dict[str, float] = field(default_factory=dict)  # rule name -> its cost, where not 0


def score(placed: dict[str, Cell], ctx: Context) -> Placement:
    filled = {c: not placed[c].empty for c in VALUE_COLUMNS}
    costs = {r.name: float(r.cost(filled, placed, ctx)) for r in RULES}
    costs = {k: v for k, v in costs.items() if v}
    return Placement(placed, sum(costs.values()), costs)


def context(columns, period: str | None, city: bool, report_type: str | None) -> Context:
    """What a row is expected to carry depends on the report: in a T1 an annual indicator (period = the
    year) has rarely been measured yet; in a T2 it often has; in a VB every row reports the year's
    outcome, so an annual row is read like a tertial row."""
    tertial = tertial_period(period)
    annual = bool(period) and not tertial
    if report_type == "VB" and annual:
        tertial, annual = True, False
    return Context(tuple(columns), tertial, annual, city, report_type)


def candidates(cells: list[Cell], ctx: Context) -> list[Placement]:
    """Every order-keeping placement of the cells (text only in target columns), cheapest first."""
    empty = {c: EMPTY for c in VALUE_COLUMNS}
    options = []
    for combo in itertools.combinations(range(len(ctx.columns)), len(cells)):
        placed = dict(empty)
        for cell, ci in zip(cells, combo):
            placed[ctx.columns[ci]] = cell
        if any(misplaced_text(cell) and ctx.columns[ci] not in TARGETS for cell, ci in zip(cells, combo)):
            continue
        options.append(score(placed, ctx))
    options.sort(key=lambda p: p.cost)
    return options


@dataclass
class Decision:
    """The chosen placement; `decided_by`: the rules whose costs set it apart from the runner-up (the
    cheapest placement with other contents); `tied`: instead, when the runner-up came within TIE_MARGIN,
    the rules that weighed differently between the two; `differs`: the columns the two fill differently."""

    cells: dict[str, Cell]
    decided_by: list[str] = field(default_factory=list)
    tied: list[str] = field(default_factory=list)
    differs: list[str] = field(default_factory=list)
    runner_up: dict[str, Cell] | None = None
    rule: str = "scored_rules"  # or 'spacing' when the printed spaces placed every cell
    costs: dict[str, float] = field(default_factory=dict)  # the chosen placement's rule costs
    runner_up_costs: dict[str, float] = field(default_factory=dict)


def _rules_between(a: Placement, b: Placement) -> list[str]:
    return sorted({k for k in set(a.costs) | set(b.costs) if a.costs.get(k, 0) != b.costs.get(k, 0)})


def decide(cells: list[Cell], ctx: Context) -> Decision | None:
    options = candidates(cells, ctx)
    if not options:
        return None
    best = options[0]
    others = [p for p in options[1:] if p.cells != best.cells]
    if not others:
        return Decision(best.cells, costs=best.costs)
    rival = others[0]
    between = _rules_between(best, rival)
    differs = [c for c in VALUE_COLUMNS if rival.cells[c] != best.cells[c]]
    if rival.cost - best.cost < TIE_MARGIN:
        return Decision(best.cells, tied=between, differs=differs, runner_up=rival.cells, costs=best.costs,
                        runner_up_costs=rival.costs)
    return Decision(best.cells, decided_by=between, differs=differs, runner_up=rival.cells, costs=best.costs,
                    runner_up_costs=rival.costs)


def parse_cells(raw_cells) -> list[Cell]:
    return [EMPTY if rc.placeholder else parse_cell(rc.text) for rc in raw_cells]


def explain(d: Decision) -> list[str]:
    """Which rule put which cell in which column, one line per filled column (for --explain)."""
    if d.rule == "spacing":
        return [f"{d.cells[c].raw!r} -> {c}: rule spacing (the spaces printed before it count the empty "
                "cells)" for c in VALUE_COLUMNS if not d.cells[c].empty]
    weigh = ", ".join(f"{k} {d.costs.get(k, 0):+g} vs {d.runner_up_costs.get(k, 0):+g}"
                      for k in (d.tied or d.decided_by))
    out = []
    for c in VALUE_COLUMNS:
        cell = d.cells[c]
        if cell.empty and c not in d.differs:
            continue
        shown = f"{cell.raw!r} -> {c}" if not cell.empty else f"(empty) -> {c}"
        if d.runner_up is None:
            out.append(f"{shown}: the only placement the rules allow")
        elif c not in d.differs:
            out.append(f"{shown}: the runner-up placement agrees")
        else:
            alt = d.runner_up[c].raw or "(empty)"
            verdict = "TIED, flagged" if d.tied else "decided"
            out.append(f"{shown}: runner-up has {alt!r}; {verdict} by rules {weigh}")
    return out
