"""Every code the data holds, and its Swedish label: one table per code set, defined here and nowhere else.

The codes themselves are the enums of the Table Schemas (package/schema/fields.yml, read by tertial/schema.py):
report types, goal levels, assessments, directions; the review codes are the keys of REVIEW_REASONS. The
pages, the news, the packages' review_reason texts and `tertial review` all take their labels from here
(a sentence uses a label in lower case: `lower`). tests/test_labels.py fails when a code has no label, a
label names no code, or a table of labels is written a second time in the package.

Column names are the fields' titles in the schema (`column_name`). Below every stage; it reads only the schema.
"""

from __future__ import annotations

# report_type: VP, T1, T2, VB
TYPE_NAMES = {"VP": "Verksamhetsplan", "T1": "Tertialrapport 1", "T2": "Tertialrapport 2",
              "VB": "Verksamhetsberättelse"}

# level: inriktningsmal, verksamhetsmal, namndmal; the short form where a table has little room
LEVEL_NAMES = {"inriktningsmal": "KF:s inriktningsmål", "verksamhetsmal": "KF:s mål för verksamhetsområdet",
               "namndmal": "Nämndmål"}
LEVEL_SHORT_NAMES = {"inriktningsmal": "KF:s inriktningsmål", "verksamhetsmal": "KF:s verksamhetsmål",
                     "namndmal": "Nämndmål"}

# assessment: helt, delvis, ej, and empty (none printed, as in a business plan)
VERDICT_NAMES = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "ej": "Uppfylls ej",
                 "": "Ingen bedömning"}

# direction: higher, lower, none (empty: not curated)
DIRECTION_NAMES = {"higher": "Högre värde är bättre", "lower": "Lägre värde är bättre",
                   "none": "Ingen riktning angiven", "": "Ingen riktning angiven"}

# review_code -> the Swedish text of review_reason. Codes are never renamed (journalists filter on them);
# add new ones at the end.
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

# the code sets above, by the schema field that holds the codes (review_code holds several, `;`-separated)
BY_FIELD = {"report_type": TYPE_NAMES, "level": LEVEL_NAMES, "assessment": VERDICT_NAMES,
            "direction": DIRECTION_NAMES, "review_code": REVIEW_REASONS}


def lower(label: str) -> str:
    """A label inside a sentence: its first letter in lower case ('Uppfylls helt' -> 'uppfylls helt'), an
    abbreviation kept ('KF:s inriktningsmål')."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def column_name(field: str) -> str:
    """A column's Swedish name inside a sentence: the field's title in the Table Schemas (fields.yml), the
    one name a column has on the site, in the news and in review reasons; the field itself if it has none."""
    from .schema import load
    title = (load()[0].get(field) or {}).get("title")
    return lower(title) if title else field


def name(table: dict[str, str], code: str, in_sentence: bool = False) -> str:
    """The label of `code` in `table`, the code itself when it has none."""
    label = table.get(code, code)
    return lower(label) if in_sentence and code in table else label
