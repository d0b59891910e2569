"""Synthetic reports with known answers, made from the reports we have, to test the rules on layouts we
have not seen.

The answer is the tab-layout extraction of the original report (checked against the hand-verified
reference elsewhere). A generator rewrites the report's lines into a variant and returns the variant's
lines and a map from original line numbers to variant line numbers; `expected()` turns the original
extraction into the reference format of tests/gold/SCHEMA.md at the variant's lines, and
`goldcheck.score` compares. Every generator takes a seeded `random.Random`, so a test is deterministic.

Generators:
- `render_pdf`: the tab layout printed to PDF and turned back into text (the habits of the real export
  in sources/reports/hagersten-liljeholmen-2020-t1.txt: lines wrapped at ~90 characters with a trailing
  space when wrapped between words and none when cut inside a word; goal labels alone on their line;
  table header titles split into word pieces; a row's name wrapped in a narrow column, then its cells in
  blocks, a cell wrapped in its column; a one-line name sharing its line with the first cells; page
  footers 'Tjänsteutlåtande' / 'Sid N (M)' every ~45 lines with the table header printed again after them);
- `tab_variant`: the tab layout with other verdict wordings, other or missing columns, header typos, CRLF;
- `vb_variant`: a verksamhetsberättelse made from a tertial report (type VB, period = the year, VB columns).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from tertial import ids
from tertial.extract import extract_lines
from tertial.extract.goals import heading_label, is_toc_line, verdict
from tertial.extract.model import VALUE_COLUMNS, Extraction, ReportMeta
from tertial.extract.tabular import parse_header
from tertial.extract.values import Cell, fold
from tertial.extract.write import tables


def meta_for(district: str, rtype: str, year: int) -> ReportMeta:
    did = ids.district_id(district)
    return ReportMeta(district, did, rtype, year, ids.report_id(did, year, rtype))


def extract(lines: list[str], meta: ReportMeta) -> Extraction:
    return extract_lines(list(lines), meta)


def _value(cell: Cell):
    if cell.empty:
        return None
    if cell.value is not None:
        return {"value": cell.value, "unit": cell.unit}
    return {"text": cell.text}


def expected(ex: Extraction, line_map: dict[int, int] | None = None, drop: tuple[str, ...] = (),
             period=None, assessments: dict[str, str | None] | None = None) -> dict:
    """The extraction `ex` in the reference format, at the lines of a variant.

    drop: value columns the variant does not print; period: function old period -> new period;
    assessments: old assessment -> new assessment (None keeps it)."""
    m = (lambda n: line_map[n]) if line_map else (lambda n: n)
    goals = []
    for g in ex.goals:
        a = g.assessment
        if assessments is not None and a in assessments:
            a = assessments[a]
        goals.append({"level": g.level, "code": g.code, "title": g.title, "assessment": a,
                      "line": m(g.source_line)})
    indicators = []
    for r in ex.rows:
        g = ex.goals[r.goal] if r.goal is not None else None
        item = {"goal_title": g.title if g else "", "goal_level": g.level if g else "", "name": r.name,
                "line": m(r.source_line), "period": period(r.period) if period else r.period,
                "ambiguous": True, "note": ""}
        for c in VALUE_COLUMNS:
            item[c] = None if c in drop else _value(r.cells[c])
        indicators.append(item)
    acts = [{"goal_title": ex.goals[a.goal].title if a.goal is not None else "", "text": a.text,
             "start": a.start_date, "end": a.end_date, "line": m(a.source_line)} for a in ex.activities]
    return {"goals": goals, "indicators": indicators, "activities": acts}


@dataclass
class Agreement:
    """goldcheck's score plus how many rows were flagged (a flagged row counts as right in the score:
    the rule is 'flag it rather than guess'; the flag rate says how often we fell back on a human)."""

    score: object
    flagged: int = 0
    flagged_cells_wrong: int = 0  # cells of flagged rows that are not right (what a reviewer must fix)

    def summary(self) -> str:
        s = self.score
        return f"{s.summary()}; flagged rows {self.flagged}/{s.rows_found}"


def agreement(want: dict, ex: Extraction) -> Agreement:
    from goldcheck import cell_matches, score

    got = tables(ex)
    s = score(want, got)
    rows = {int(r["source_line"]): r for r in got["indicator_results"]}
    flagged = wrong = 0
    for i in want["indicators"]:
        r = rows.get(i["line"])
        if r is None or r["needs_review"] != "true":
            continue
        flagged += 1
        wrong += sum(not cell_matches(i[c], r, c) for c in VALUE_COLUMNS)
    return Agreement(s, flagged, wrong)


# ---------------------------------------------------------------------------------------------------
# Text from PDF

# Column widths in characters of the follow-up table as the real export wraps it.
_WIDTHS = {"name": 28, "period_outcome": 9, "outcome_men": 6, "outcome_women": 5, "previous_year": 6,
           "forecast": 7, "annual_target": 8, "city_target": 8, "period": 10}
_TITLES = {"period_outcome": "Periodens utfall", "outcome_men": "Utfall män/ pojkar",
           "outcome_women": "Utfall kvinnor/ flickor", "forecast": "Prognos helår", "annual_target": "Årsmål",
           "city_target": "KF:s årsmål"}


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap as the PDF export prints it: a line wrapped between words keeps a trailing
    space, a word longer than the width is cut inside (no trailing space)."""
    words = fold(text).split(" ")
    lines: list[str] = []
    cur = ""
    for w in words:
        if not w:
            continue
        while len(w) > width:
            if cur:
                lines.append(cur + " ")
                cur = ""
            lines.append(w[:width])
            w = w[width:]
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= width:
            cur += " " + w
        else:
            lines.append(cur + " ")
            cur = w
    if cur:
        lines.append(cur)
    return lines or [""]


def cell_blocks(cells: list[list[str]], first_line: str = "") -> list[str]:
    """Cells (each already wrapped into lines) as the export prints them: single-line cells side by side
    on one line; a wrapped cell puts its first line there, its other lines below, then a blank line."""
    out: list[str] = []
    cur = first_line
    for lines in cells:
        cur = (cur + " " + lines[0]) if cur.strip() else lines[0]
        if len(lines) > 1:
            out.append(cur if cur.endswith(" ") or lines[0].endswith(" ") else cur)
            out.extend(lines[1:])
            out.append("")
            cur = ""
    if cur:
        out.append(cur)
    while out and out[-1] == "":
        out.pop()
    return out


@dataclass
class _Out:
    """The variant being written, with page breaks every ~45 lines and the table header after them."""

    rng: random.Random
    footer: str = "plain"  # plain | dnr | sida | district | any other text: printed as the footer line
    district: str = ""
    lines: list[str] = field(default_factory=list)
    page: int = 5
    next_break: int = 45
    header: list[str] | None = None  # the table header to print again after a break

    def emit(self, line: str) -> int:
        if len(self.lines) >= self.next_break and line.strip():
            self._break()
        self.lines.append(line)
        return len(self.lines)

    def _break(self) -> None:
        self.page += 1
        block = ["", "", "", "Tjänsteutlåtande", f"Sid {self.page} (81)", ""]
        if self.footer == "dnr":
            block = ["", "", "", "Tjänsteutlåtande", f"Dnr SDN 2023/{self.rng.randint(100, 999)}",
                     f"Sid {self.page} (81)", ""]
        elif self.footer == "sida":
            block = ["", "", "", f"Sida {self.page} av 81", ""]
        elif self.footer == "district":
            # the district's office above the page number, as some exports print it
            block = ["", "", "", f"{self.district}s stadsdelsförvaltning", f"Sid {self.page} (81)", ""]
        elif self.footer != "plain":
            # unfamiliar footer words: the extractor must learn them from the document itself
            block = ["", "", "", self.footer, f"Sida {self.page} av 81", ""]
        self.lines.extend(block)
        if self.header:
            self.lines.extend(self.header + [""])
        self.next_break = len(self.lines) + self.rng.randint(40, 50)


def pdf_header(fields: list[str | None], titles: dict[str, str], rng: random.Random) -> list[str]:
    """The table header in word pieces: ' Indikator Periodens ' / 'utfall' / '' / 'Utfall ' / 'män/ ' ..."""
    cells = []
    for f in fields:
        if f is None or f == "name":
            continue
        width = _WIDTHS.get(f, 8) if f != "period" else 12
        if len([x for x in fields if x]) <= 5:
            width = 14
        cells.append(wrap(titles[f], width))
    lines = cell_blocks(cells, " Indikator")
    return lines


def render_pdf(lines: list[str], ex: Extraction, seed: int, footer: str = "plain",
               gaps: bool = False, toc: str = "dots") -> tuple[list[str], dict[int, int]]:
    """The tab-layout report `lines` (extracted as `ex`) printed as text from PDF.

    footer: the page footer style ('plain', 'dnr', 'sida', 'district' or any footer text);
    gaps: an empty cell between two printed cells shows as an extra space;
    toc: how table-of-contents lines end in the export ('dots' leaders or a bare page 'number')."""
    rng = random.Random(seed)
    out = _Out(rng, footer, ex.meta.district)
    line_map: dict[int, int] = {}
    rows = {r.source_line: r for r in ex.rows}
    row_lines = {n for r in ex.rows for n in range(r.source_line, (r.source_line_end or r.source_line) + 1)}
    acts = {a.source_line: a for a in ex.activities}
    header = None
    titles: dict[str, str] = {}
    in_analysis = False
    page_header = re.compile(rf"^\s*{re.escape(ex.meta.district)}s?\s+stadsdelsnämnd\s*$", re.IGNORECASE)
    blank = True

    def text(t: str, width: int = 90) -> None:
        nonlocal blank
        for w in wrap(t, width):
            out.emit(w)
        blank = False

    def gap() -> None:
        nonlocal blank
        if not blank:
            out.emit("")
        blank = True

    for n, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            in_analysis = False
            if header is not None and n + 1 <= len(lines) and parse_header(lines[n], n + 1, ex.meta.year):
                continue
            header = None
            out.header = None
            gap()
            continue
        h = parse_header(line, n, ex.meta.year) if "\t" in line else None
        if h is not None:
            same = header is not None and header.kind == h.kind
            header = h
            if same:
                continue  # the tab layout repeats the header at its page breaks; ours has its own
            gap()
            if h.kind == "indicator":
                cells = [c for c in line.split("\t")]
                titles = {f: fold(c) for f, c in zip(h.fields, cells) if f}
                hdr = pdf_header(h.fields, titles, rng)
            else:
                hdr = [" " + " ".join(fold(c) for c in line.split("\t") if c.strip())]
            for hl in hdr:
                out.emit(hl)
            out.emit("")
            out.header = hdr
            blank = True
            continue
        label = heading_label(line) if "\t" not in line.strip() else None
        if is_toc_line(line):
            title = re.sub(r"(?:\t\s*\d{1,3}|\.{3,}\s*\d{0,3})\s*$", "", line.rstrip())
            page = re.search(r"(\d{1,3})\s*$", line.rstrip())
            tail = (" " + "." * rng.randint(5, 30) + " " if toc == "dots" else " ") + (page.group(1) if page else "")
            text(fold(title) + tail)
            continue
        if label is not None:
            level, rest = label
            gap()
            lab = line.strip()[: len(line.strip()) - len(rest)].strip() if rest else fold(line)
            out.emit(lab)
            first = None
            for w in wrap(rest, 90):
                k = out.emit(w)
                first = first or k
            line_map[n] = first or len(out.lines)
            blank = False
            gap()
            continue
        if header is None and verdict(line) and len(fold(line)) < 40:
            gap()
            out.emit(" " + fold(re.sub(r"^[^\wåäöÅÄÖ]+", "", fold(line))))
            gap()
            continue
        if header is not None and header.kind == "indicator":
            if n in rows:
                in_analysis = False
                r = rows[n]
                gap()
                line_map[n] = _pdf_row(out, r, header, rng, gaps)
                blank = False
                continue
            if n in row_lines:
                continue
        if header is not None and header.kind == "activity" and n in acts:
            in_analysis = False
            a = acts[n]
            gap()
            first = None
            for w in wrap(a.text, 62):
                k = out.emit(w)
                first = first or k
            line_map[n] = first
            out.emit("")
            out.emit(" ".join(filter(None, [a.start_date, a.end_date, a.deviation])))
            blank = False
            continue
        cells = [c for c in line.split("\t") if c.strip()]
        joined = fold(" ".join(cells))
        if header is not None and not in_analysis and "\t" in line and \
                not re.match(r"^(Analys|Kommentar)\b", joined):
            continue  # a name or text wrapped over the tab layout's page break: printed with its item
        if page_header.match(joined):
            continue
        m = re.match(r"^(Analys|Kommentar)\b\s*:?\s*(.*)$", joined)
        if header is not None and m:
            gap()
            out.emit(m.group(1))
            if m.group(2):
                text(m.group(2), 110)
            in_analysis = True
            continue
        if header is not None and not in_analysis and "\t" not in line:
            header = None
            out.header = None
        if header is not None or "\t" in line:
            text(joined, 110 if header is not None else 90)
            continue
        text(line, 90)
    return out.lines, line_map


def _pdf_row(out: _Out, r, header, rng: random.Random, gaps: bool) -> int:
    """One indicator row: its name wrapped in the name column, then its cells; returns the name's line."""
    order = [f for f in header.fields if f and f != "name"]
    wide = len(order) <= 4  # a business-plan table: few columns, each wider
    name = wrap(r.name, (44 if wide else _WIDTHS["name"]) + rng.randint(-2, 2))
    cells: list[list[str]] = []
    pending_gap = False
    for f in order:
        if f == "period":
            if r.period:
                cells.append(wrap(r.period, _WIDTHS["period"]))
            continue
        c = r.cells.get(f)
        if c is None or c.empty:
            pending_gap = bool(cells) and gaps
            continue
        lines = wrap(c.raw, 14 if wide else _WIDTHS.get(f, 8))
        if pending_gap:
            lines[0] = " " + lines[0]
        pending_gap = False
        cells.append(lines)
    if len(name) == 1:
        block = cell_blocks(cells, name[0])
        first = out.emit(block[0])
        for b in block[1:]:
            out.emit(b)
        return first
    first = None
    for w in name:
        k = out.emit(w)
        first = first or k
    out.emit("")
    for b in cell_blocks(cells):
        out.emit(b)
    return first


# ---------------------------------------------------------------------------------------------------
# Variants of the tab layout

VB_VERDICTS = {"helt": "Uppfyllt", "delvis": "Delvis uppfyllt", "ej": "Ej uppfyllt"}


def swap_verdicts(lines: list[str], wording: dict[str, str]) -> list[str]:
    """Every verdict line printed with another wording, its bullet kept."""
    out = []
    for line in lines:
        v = verdict(line) if len(fold(line)) < 40 else None
        if v:
            m = re.match(r"^([^\wåäöÅÄÖ]*)", line)
            out.append((m.group(1) if m else "") + wording[v])
        else:
            out.append(line)
    return out


def edit_indicator_tables(lines: list[str], year: int, edit) -> list[str]:
    """Apply `edit(cells, fields) -> cells` to every indicator-table line (header and rows alike),
    the fields being the header's."""
    out = []
    fields = None
    for n, line in enumerate(lines, start=1):
        h = parse_header(line, n, year) if "\t" in line else None
        if h is not None:
            fields = h.fields if h.kind == "indicator" else None
        elif not line.strip():
            pass
        elif "\t" not in line:
            fields = None if heading_label(line) else fields
        if fields is not None and "\t" in line:
            cells = line.split("\t")
            width = len(fields)
            cells = cells + [""] * (width - len(cells)) if len(cells) < width else cells
            out.append("\t".join(edit(cells, fields, h is not None)))
        else:
            out.append(line)
    return out


def drop_columns(lines: list[str], year: int, drop: set[str]) -> list[str]:
    def edit(cells, fields, is_header):
        keep = [k for k, f in enumerate(fields) if f not in drop]
        return [cells[k] for k in keep] + cells[len(fields):]
    return edit_indicator_tables(lines, year, edit)


def reorder_columns(lines: list[str], year: int, order: list[str]) -> list[str]:
    """Value columns printed in `order` (name first, the rest after in their own order)."""
    def edit(cells, fields, is_header):
        pos = {f: k for k, f in enumerate(fields) if f}
        idx = [pos["name"]] + [pos[f] for f in order if f in pos] + \
              [k for k, f in enumerate(fields) if f not in order and f != "name"]
        return [cells[k] for k in idx] + cells[len(fields):]
    return edit_indicator_tables(lines, year, edit)


def rename_headers(lines: list[str], year: int, names: dict[str, str]) -> list[str]:
    def edit(cells, fields, is_header):
        if not is_header:
            return cells
        return [names.get(f, c) if f else c for c, f in zip(cells, fields)] + cells[len(fields):]
    return edit_indicator_tables(lines, year, edit)


def vb_variant(lines: list[str], year: int, tertial: int = 2) -> list[str]:
    """A verksamhetsberättelse made from a tertial report: title and period words, VB verdicts, the
    outcome column 'Årets utfall', the previous year 'Utfall <year-1>', no forecast column, and the
    period cell the year alone."""
    lines = swap_verdicts(lines, VB_VERDICTS)
    lines = drop_columns(lines, year, {"forecast"})
    lines = rename_headers(lines, year, {"period_outcome": "Årets utfall", "previous_year": f"Utfall {year - 1}",
                                         "outcome_men": "Utfall män", "outcome_women": "Utfall kvinnor"})
    out = []
    for line in lines:
        line = line.replace(f"Tertialrapport {tertial} för {year}", f"Verksamhetsberättelse {year}")
        line = line.replace(f"tertialrapport {tertial} för {year}", f"verksamhetsberättelse {year}")
        line = re.sub(rf"\tTertial {tertial} {year}(\t*)$", rf"\t{year}\1", line)
        out.append(line)
    return out
