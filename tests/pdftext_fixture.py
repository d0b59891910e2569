"""Helpers for the text-from-PDF tests: build a small report in that layout and parse it."""

from tertial.extract import extract_lines
from tertial.extract.model import ReportMeta

META = ReportMeta("Hägersten-Liljeholmen", "hagersten-liljeholmen", "T1", 2020, "hagersten-liljeholmen-2020-t1")

# The follow-up table header as this export prints it: column titles split into word pieces.
HEADER = [
    " Indikator Periodens ", "utfall", "", "Utfall ", "män/ ", "pojkar", "", "Utfall ", "kvinn", "or/ ",
    "flicko", "r", "", "Perio", "dens ", "utfall ", "VB ", "2019", "", "Progno", "s helår Årsmål KF:s ", "",
    "årsmål Period", "",
]
PAGE_BREAK = ["", "", "", "Tjänsteutlåtande", "Sid 18 (81)", ""]
CITY_GOAL = ["KF:s mål för verksamhetsområdet:", "1.1 I Stockholm är människor ", "självförsörjande", "",
             " Uppfylls helt", ""]
BOARD_GOAL = ["Nämndmål:", "Invånarna i stadsdelsområdet är ", "självförsörjande", "", " Uppfylls helt", ""]


def parse(lines, meta=META):
    return extract_lines(list(lines), meta, "<fixture>")


def table(rows, goal=CITY_GOAL):
    """A goal heading, the table header and the given row lines -> the parsed Extraction."""
    return parse(goal + HEADER + list(rows))


def values(row):
    """The row's cells as printed values: number (with unit) or text, None when empty."""
    out = {}
    for col, cell in row.cells.items():
        if cell.value is not None:
            out[col] = (cell.value, cell.unit) if cell.unit else cell.value
        elif cell.text is not None:
            out[col] = cell.text
    return out


def block(name, value_line):
    """A row as this export prints it: its name, a blank line, its value line, a blank line."""
    return [name, "", value_line, ""]


def rows_by_name(*blocks, goal=CITY_GOAL):
    """Parse the row blocks under one table: {name: row}."""
    return {r.name: r for r in table([ln for b in blocks for ln in b], goal).rows}
