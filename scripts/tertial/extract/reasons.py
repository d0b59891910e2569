"""Why a row is flagged needs_review: a stable code in the data (`review_code`), and ONE table from code to
the Swedish text that the site and `tertial review` show (`review_reason` holds that text, with the
row's particulars). Codes are never renamed (journalists filter on them); add new ones at the end."""

from __future__ import annotations

from .model import VALUE_COLUMNS

REVIEW_REASONS: dict[str, str] = {
    "placement_tie": "cellerna passar i mer än en kolumnordning",
    "too_many_cells": "fler celler än kolumner",
    "no_placement": "ingen kolumnordning passar de tryckta cellerna",
    "unitless_value": "ett värde utan radens enhet kan vara prognosen (prognoser trycks utan enhet)",
    "annual_outcome": "utfall på en årsrad: värdet före målen kan vara fjolårets utfall eller prognosen",
    "annual_no_unit": "ingen enhet tryckt: värdet före målen kan vara fjolårets utfall eller prognosen",
    "word_cut_guess": "ett ord delat vid radslut kan vara ett ord eller två",
    "no_period": "ingen periodcell hittades",
    "spacing_mismatch": "mellanrummen mellan cellerna stämmer inte med tabellens kolumner",
    "thousands_ambiguous": "tusentalsgrupper kan läsas på mer än ett sätt",
    "fragment": "ett stycke av en rad som inte kunde fogas till någon rad",
    "cells_missing": "raden har färre celler än rubriken: celler kan saknas",
    "cells_extra": "raden har fler celler än rubriken: kolumnerna kan inte skiljas åt",
    "unknown_column": "celler under en okänd kolumn",
    "period_in_value": "en periodcell eller ett datum står i en värdekolumn",
    "no_name": "raden har inget indikatornamn",
    "nothing_beside_name": "inget är tryckt bredvid namnet: en rad eller en textrad?",
    "recovered": "ett radblock som först lästes som text, återfunnet efteråt",
    "row_within_row": "radens celler rymmer ännu en periodcell efter en textrad: en rad kan ha slukats",
}

COLUMN_LABELS = {
    "period_outcome": "periodens utfall", "outcome_men": "utfall män", "outcome_women": "utfall kvinnor",
    "previous_year": "fjolårets utfall", "forecast": "prognos", "annual_target": "årsmål",
    "city_target": "KF:s årsmål",
}
assert set(COLUMN_LABELS) == set(VALUE_COLUMNS)


def label(code: str) -> str:
    return REVIEW_REASONS.get(code, code)


def columns_sv(columns) -> str:
    return ", ".join(COLUMN_LABELS.get(c, c) for c in columns)


def text(reasons: list[tuple[str, str]]) -> str:
    """The Swedish review_reason of (code, particulars) pairs."""
    return "; ".join(f"{label(code)} ({detail})" if detail else label(code) for code, detail in reasons)


def codes(reasons: list[tuple[str, str]]) -> str:
    """The review_code cell: the codes, in order, without repeats, separated by ';'."""
    return ";".join(dict.fromkeys(code for code, _ in reasons))
