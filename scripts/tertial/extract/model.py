"""What extraction produces: a goal tree, indicator rows, activities and goal texts, with provenance.

Both layouts (tab-separated tables, text from PDF) produce these same objects; `write.py` turns them
into the four CSV files of the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import ASSESSMENTS, LEVELS, VALUE_COLUMNS  # noqa: F401  (the extraction's names for them)
from .values import EMPTY, Cell

CITY_LEVELS = LEVELS[:2]  # the city's goals (KF), each with a city_goal_id; namndmal is the council's own


@dataclass
class ReportMeta:
    district: str  # as written, e.g. 'Hägersten-Älvsjö'
    district_id: str
    report_type: str  # VP | T1 | T2 | VB
    year: int
    report_id: str
    source_file: str = ""


@dataclass
class Goal:
    level: str
    code: str | None  # as printed, no trailing dot
    title: str
    assessment: str | None  # helt | delvis | ej | None
    source_line: int  # 1-based line of the heading
    parent: int | None = None  # index into Extraction.goals
    source_page: int | None = None  # 1-based page of the PDF the heading was read from (PDF sources only)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (section, text) in printed order


@dataclass
class IndicatorRow:
    goal: int | None  # index into Extraction.goals of the section the table sits in
    name: str  # as printed, white space folded
    source_line: int  # 1-based line where the name starts
    period: str | None = None  # as printed: 'Tertial 2 2023', '2023', 'År'
    cells: dict[str, Cell] = field(default_factory=lambda: {c: EMPTY for c in VALUE_COLUMNS})
    needs_review: bool = False
    review_reason: str = ""  # why the columns could not be told apart for certain
    analysis: str = ""  # the 'Analys' text printed under the row
    source_line_end: int | None = None  # last line of the row (cells included, analysis excluded)
    raw_text: str = ""  # the row's printed text, for review
    source_page: int | None = None  # 1-based page of the PDF where the row starts (PDF sources only)
    review_code: str = ""  # codes of extract/reasons.py, ';'-separated: why needs_review (stable, for filters)
    explain: list[str] = field(default_factory=list)  # which rule put which cell in which column
    uncertain: tuple[str, ...] = ()  # the columns two placements tied on (not published)


@dataclass
class Activity:
    goal: int | None
    text: str
    source_line: int
    start_date: str | None = None  # YYYY-MM-DD
    end_date: str | None = None
    deviation: str = ""  # Avvikelse, as printed
    analysis: str = ""
    source_page: int | None = None  # 1-based page of the PDF (PDF sources only)


@dataclass
class Census:
    """What the layout saw and what became of it, per report: no row may be lost without a trace.

    row_blocks: blocks read as indicator rows between a table header and the end of its table;
    fragments_joined: pieces of a row printed apart (a name's end after a page break, '1-' / '14')
    and joined to their row; fragments_flagged: pieces that joined no row and were written as a flagged
    row of their own. Rows written and rows flagged are counted from the rows themselves.
    notes: footnote lines under a row ('* Preliminärt utfall.'), kept with their row, not rows;
    rows_recovered: row blocks the walk over the report did not read as rows (it took them for text, or
    for another row's cells) and the sweep after it (extract/sweep.py) wrote as flagged rows: 0 unless a
    shape is new."""

    row_blocks: int = 0
    fragments_joined: int = 0
    fragments_flagged: int = 0
    notes: int = 0
    rows_recovered: int = 0

    def summary(self, ex: "Extraction") -> dict:
        return {"row_blocks": self.row_blocks, "rows_written": len(ex.rows),
                "rows_flagged": sum(r.needs_review for r in ex.rows),
                "fragments_joined": self.fragments_joined, "fragments_flagged": self.fragments_flagged,
                "notes": self.notes, "rows_recovered": self.rows_recovered,
                "goals": len(ex.goals), "activities": len(ex.activities)}


@dataclass
class Extraction:
    meta: ReportMeta
    goals: list[Goal] = field(default_factory=list)
    rows: list[IndicatorRow] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    layout: str = ""  # 'tabular' | 'pdftext'
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, message): kept as printed, but odd
    census: Census = field(default_factory=Census)
