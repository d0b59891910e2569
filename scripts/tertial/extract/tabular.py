"""The tab-separated layout: goal headings and texts as plain lines, tables as tab-separated rows.

What is read (every item with its 1-based `source_line`):
- the goal tree: 'KF:s inriktningsmål: 1. ...', 'KF:s mål för verksamhetsområdet: 1.1 ...', 'Nämndmål: ...'
  (rules in goals.py); the table of contents is skipped, a heading printed twice gives one goal, the verdict
  line ('● Uppfylls helt') may stand a few lines below its heading;
- goal texts: the lines under a heading, split by the section labels 'Analys', 'Beskrivning',
  'Förväntat resultat' (...), kept as paragraphs (blank line between) and '- ' bullet lists;
- indicator tables: a header 'Indikator<TAB>...' whose columns are recognised BY NAME (typos and spacing
  tolerated), so the follow-up table (Periodens utfall, män/pojkar, ..., Period) and the business-plan
  table (Årsmål, KF:s årsmål, Periodicitet) are the same code; 'Analys'/'Kommentar' lines under a row
  belong to that row;
- activity tables: 'Aktivitet<TAB>Startdatum<TAB>Slutdatum[<TAB>Avvikelse]'.

This module walks the lines; a table's lines become rows and activities in tabular_rows.py, a goal's
texts paragraphs in tabular_texts.py.

A table ends at a blank line unless its header is printed again (a page break); the first line after such
a repeated header, when it carries no values, continues the item above it (a text wrapped over the break).
"""

from __future__ import annotations

import re

from .goals import GoalTree, heading_label, is_toc_line, section_label, split_code, verdict
from .model import Extraction, IndicatorRow, ReportMeta
from .headers import Header, column_field, parse_header  # noqa: F401 (public names of this layout)
from .tabular_rows import Table, is_marker, new_activity, new_row
from .tabular_texts import UNLABELLED, TextBuffer
from .values import fold

_LABEL_LINE = re.compile(r"^(?P<label>Analys|Kommentar)\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_VERDICT_MAX = 40  # a verdict line is short: '● Uppfylls helt'


# ---------------------------------------------------------------------------------------------------------
# The parser


def _cells(line: str) -> list[str]:
    return line.rstrip("\r\n").split("\t")


class _Parser:
    def __init__(self, lines: list[str], meta: ReportMeta, source: str):
        self.lines = lines
        self.meta = meta
        self.source = source
        self.ex = Extraction(meta=meta)
        self.goal: int | None = None
        self.section = UNLABELLED
        self.buffers: dict[int, dict[str, TextBuffer]] = {}
        self.duplicate_of: int | None = None  # the current heading repeats this goal
        self.table: Table | None = None
        self.tree = GoalTree(self.ex.goals, self.ex.warnings)
        self.end_titles = self._toc_titles()
        self.page_header = self._page_header_pattern()
        self.verdict_open = False

    # -- document-wide clues ------------------------------------------------------------------------------

    def _toc_titles(self) -> set[str]:
        """The chapter the table of contents lists right after its last goal (e.g. 'Uppföljning av
        ekonomi'): where it is printed in the body, the goal part of the report ends. Only that one
        chapter, so that a sub-heading such as 'Investeringar' inside a goal's text ends nothing."""
        after_goals = None
        for line in self.lines:
            if not is_toc_line(line):
                if heading_label(line):
                    break  # the first real goal heading: the table of contents is behind us
                continue
            if heading_label(line):
                after_goals = ""
            elif after_goals == "" and line.count("\t") <= 1:
                title = re.sub(r"(?:\t\s*\d{1,3}|\.{3,}\s*\d{0,3})\s*$", "", line.rstrip())
                after_goals = fold(title).rstrip(".").strip().lower() or ""
        return {after_goals} if after_goals else set()

    def _page_header_pattern(self) -> re.Pattern:
        """The page header printed at the top of each page: '<district> stadsdelsnämnd'. Inside a table it
        lands in a cell; at the start of an analysis text it is dropped only when a new sentence follows."""
        district = re.escape(fold(self.meta.district))
        return re.compile(rf"^\s*{district}s?\s+stadsdelsnämnd(?:\s*$|\s+(?-i:(?=[A-ZÅÄÖ])))", re.IGNORECASE)

    def _is_page_header(self, text: str) -> bool:
        m = self.page_header.match(text)
        return bool(m) and m.end() >= len(text.rstrip())

    # -- main loop ------------------------------------------------------------------------------------------

    def run(self) -> Extraction:
        n = len(self.lines)
        i = 0
        while i < n:
            line = self.lines[i]
            line_no = i + 1
            i += 1
            if not line.strip():
                self._blank()
                continue
            header = parse_header(line, line_no, self.meta.year) if "\t" in line else None
            if header:
                self._start_table(header)
                continue
            label = heading_label(line) if "\t" not in line.strip() else None
            if label and not is_toc_line(line):
                level, rest = label
                if not rest:  # the label alone on its line: code and title follow
                    j = i
                    while j < n and not self.lines[j].strip():
                        j += 1
                    if j < n and not heading_label(self.lines[j]) and "\t" not in self.lines[j]:
                        rest = fold(self.lines[j])
                        i = j + 1
                self._heading(level, rest, line_no)
                continue
            if self.table is not None:
                if self.table.paused and not self.table.after_repeat:
                    self.table = None  # a blank line and no repeated header: the table has ended
                elif ("\t" not in line and self.table.mode != "analysis" and not self.table.after_repeat
                      and not _LABEL_LINE.match(line.strip())):
                    self.table = None  # a line of text right under a table: rows always carry cells
                else:
                    self._table_line(line, line_no)
                    continue
            self._text_line(line, line_no)
        self._finish()
        return self.ex

    def _blank(self) -> None:
        if self.table is not None:
            self.table.paused = True
            self.table.after_repeat = False
        if self.goal is not None:
            buf = self.buffers.get(self.goal, {}).get(self.section)
            if buf:
                buf.close()

    # -- goals ----------------------------------------------------------------------------------------------

    def _heading(self, level: str, rest: str, line_no: int) -> None:
        self.table = None
        code, title = split_code(rest)
        index, new = self.tree.add(level, code, fold(title), line_no)
        self.goal = index
        self.duplicate_of = None if new else index
        self.section = UNLABELLED
        self.verdict_open = new or self.ex.goals[index].assessment is None

    # -- texts ----------------------------------------------------------------------------------------------

    def _text_line(self, line: str, line_no: int) -> None:
        if self.goal is None:
            return
        parts = [c for c in line.split("\t") if c.strip()]
        folded = fold(" ".join(parts))
        if len(parts) > 1:
            # A table this layout does not read (economy tables and the like), or a verdict with its
            # bullet in a cell of its own ('●<TAB>Uppfylls helt').
            if self.verdict_open and len(folded) <= _VERDICT_MAX and verdict(folded):
                goal = self.ex.goals[self.goal]
                goal.assessment = goal.assessment or verdict(folded)
                self.verdict_open = False
            return
        line = parts[0] if parts else line
        if folded.rstrip(".").strip().lower() in self.end_titles:
            self.goal = None  # a chapter of the table of contents that is not a goal: the goal part ends
            return
        goal = self.ex.goals[self.goal]
        if self.verdict_open and len(folded) <= _VERDICT_MAX:
            found = verdict(line)
            if found:
                if goal.assessment is None:
                    goal.assessment = found
                self.verdict_open = False
                return
        label = section_label(line)
        if label:
            self.section = label
            self.verdict_open = False
            return
        if self._is_page_header(line):
            return
        buffers = self.buffers.setdefault(self.goal, {})
        buf = buffers.setdefault(self.section, TextBuffer())
        if self.duplicate_of is not None and any(folded in block for block in buf.blocks):
            return  # the repeated heading repeats its text too
        buf.add(line)

    # -- tables ---------------------------------------------------------------------------------------------

    def _start_table(self, header: Header) -> None:
        t = self.table
        if t is not None and t.header.kind == header.kind and t.item is not None:
            # The header printed again (a page break): the table goes on.
            t.header = header
            t.paused = False
            t.after_repeat = True
            return
        self.table = Table(header=header, goal=self.goal)

    def _table_line(self, line: str, line_no: int) -> None:
        t = self.table
        assert t is not None
        after_repeat = t.after_repeat
        t.after_repeat = False
        t.paused = False
        cells = self._align(_cells(line), t.header)
        name_i = t.header.name_index
        first = cells[name_i] if name_i < len(cells) else ""
        if not first.strip():
            first = next((c for c in cells if c.strip() and not is_marker(c)), "")
        others = [c for k, c in enumerate(cells) if k != name_i and c.strip() and not is_marker(c)]
        m = _LABEL_LINE.match(fold(first))
        label_only = m is not None and (not m.group("rest") or not others)
        if m and label_only and (not m.group("rest") or self._has_no_values(cells, t.header)):
            if t.item is not None:
                rest = " ".join([m.group("rest")] + [fold(c) for c in others]).strip()
                t.mode = "analysis"
                self._add_analysis(t.item, rest)
            return
        no_values = self._has_no_values(cells, t.header)
        text = fold(" ".join(c for c in cells if c.strip() and not is_marker(c)))
        if no_values and self._is_page_header(text):
            return  # the page header printed inside the table at a page break
        if no_values and t.item is not None:
            if t.mode == "analysis":
                self._add_analysis(t.item, text)
                return
            if after_repeat or text[:1].islower():
                self._continue_item(t.item, text)
                return
        if t.header.kind == "indicator":
            new_row(self.ex, cells, line, line_no, t)
        else:
            new_activity(self.ex, cells, line, line_no, t)
        t.mode = "row"

    def _align(self, cells: list[str], header: Header) -> list[str]:
        """Line a row up with its header: marker columns printed or not, trailing empty cells."""
        markers = 0
        while markers < header.width and header.fields[markers] is None and markers < header.name_index:
            markers += 1
        if markers and len(cells) == header.width - markers and not is_marker(cells[0]):
            cells = [""] * markers + cells  # the marker column is not printed on this row
        elif not markers and len(cells) > header.width and is_marker(cells[0]):
            cells = cells[1:]  # a marker printed in a cell of its own
        return cells

    def _has_no_values(self, cells: list[str], header: Header) -> bool:
        for k, f in enumerate(header.fields):
            if f and f not in ("name", "text") and k < len(cells) and cells[k].strip():
                return False
        return all(not c.strip() for c in cells[header.width:])

    def _add_analysis(self, item, text: str) -> None:
        text = fold(self.page_header.sub("", text, count=1)) if text else ""
        if not text:
            return
        item.analysis = f"{item.analysis} {text}".strip() if item.analysis else text

    def _continue_item(self, item, text: str) -> None:
        if isinstance(item, IndicatorRow):
            item.name = fold(f"{item.name} {text}")
            item.raw_text = f"{item.raw_text}\n{text}"
        else:
            item.text = fold(f"{item.text} {text}")

    # -- end ------------------------------------------------------------------------------------------------

    def _finish(self) -> None:
        for index, sections in self.buffers.items():
            goal = self.ex.goals[index]
            for section, buf in sections.items():
                text = buf.text()
                if text:
                    goal.texts.append((section, text))


def parse(lines: list[str], meta: ReportMeta, source: str) -> Extraction:
    """Process: the lines of one report in the tab-separated layout -> an Extraction (pure)."""
    return _Parser(lines, meta, source).run()
