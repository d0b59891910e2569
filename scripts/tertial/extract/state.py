"""Text-from-PDF layout: what the parser carries from item to item (the stream, the clues read from the
whole report, the table's columns, the goal whose section it is in)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .goals import GoalTree
from ..schema import VALUE_COLUMNS
from .model import Extraction, ReportMeta
from .stream import Item


@dataclass
class State:
    meta: ReportMeta
    source: str
    items: list[Item]
    clue: bool
    ex: Extraction = None  # type: ignore[assignment]
    columns: tuple[str, ...] = VALUE_COLUMNS
    header_unknown: tuple[str, ...] = ()  # words of the table's header that name no known column
    tree: GoalTree = None  # type: ignore[assignment]  # the goal tree, shared rules with the tab layout
    current: int | None = None  # the goal whose section we are in
    doc_after: list[str] | None = None  # the report's text in blocks of 400 items (table-of-contents check)
    vocab: set[str] | None = None  # the document's words, when no trailing spaces tell a cut word
    spacing: bool = False  # the report prints an empty cell as one more space (spacing.py)
    table_first: int = 0  # index in ex.rows of the current table's first row
    marks: dict[int, str] = field(default_factory=dict)  # row index -> footnote mark on its name (notes.py)

    @property
    def census(self):
        return self.ex.census
