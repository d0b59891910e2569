"""A small deterministic PDF generator: a district council report printed from a reference (tests/gold/*.json).

It prints what the text-from-PDF report (sources/reports/hagersten-liljeholmen-2020-t1.txt) shows of the
layout the city's PDFs have: goal headings with and without numbers (the label on its own line or not),
the verdict line, an 'Analys' text, the nine-column indicator table with narrow wrapped cells, its header
repeated after a page break, rows split by a page break, an 'Analys' line under a row, activity tables with
dates, and a running page header and footer with page numbers ('Sid 14 (80)'). `TEMPLATES` holds three
house styles (page size, font, column widths, alignment, zebra rows, rules, heading label on its own line,
cell padding, the header's font).

The same reference and template always give the same bytes (reportlab's `invariant=1`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from tertial.schema import VALUE_COLUMNS  # the columns a follow-up table prints, in order
LABELS = {"inriktningsmal": "KF:s inriktningsmål:", "verksamhetsmal": "KF:s mål för verksamhetsområdet:",
          "namndmal": "Nämndmål:"}
VERDICTS = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "ej": "Uppfylls ej"}
TITLES = {"T1": "Tertialrapport 1 för {year}", "T2": "Tertialrapport 2 för {year}", "VP": "Verksamhetsplan {year}",
          "VB": "Verksamhetsberättelse {year}"}
FILLER = ("Stadsdelsnämnden bedömer att målet kommer att uppfyllas under året. Arbetet följs upp löpande "
          "i verksamheterna och redovisas i nämndens uppföljning. Förvaltningen samverkar med andra "
          "nämnder, civilsamhället och invånarna för att nå målet.")


@dataclass(frozen=True)
class Template:
    name: str
    pagesize: tuple[float, float]
    font: str  # a base-14 family: Helvetica or Times-Roman
    bold: str
    size: float  # table text
    body_size: float
    widths: tuple[float, ...]  # the nine indicator columns, in mm
    activity_widths: tuple[float, ...]  # Aktivitet, Startdatum, Slutdatum, Avvikelse, in mm
    value_align: int  # TA_LEFT | TA_RIGHT
    zebra: bool
    grid: bool
    label_own_line: bool  # 'KF:s inriktningsmål:' on a line of its own, the code and title under it
    padding: float = 3  # left and right of each cell
    vpadding: float | None = None  # above and below (default: as `padding`); Word's tables have 0
    filler: int = 1  # paragraphs of analysis text under each goal


TEMPLATES = {
    "stad": Template("stad", A4, "Helvetica", "Helvetica-Bold", 7, 10,
                     (38, 15, 13, 14, 15, 14, 15, 27, 19), (98, 22, 22, 28), TA_LEFT, False, False, True),
    "brev": Template("brev", LETTER, "Times-Roman", "Times-Bold", 8, 11,
                     (40, 15, 15, 15, 16, 15, 16, 27, 16), (100, 24, 24, 27), TA_RIGHT, True, True, False,
                     padding=4),
    # as a word processor sets a table: no space above and below the text of a cell, rules between the rows,
    # the header in the rows' own font
    "ord": Template("ord", A4, "Helvetica", "Helvetica", 7.5, 9.5,
                    (36, 16, 13, 13, 16, 15, 15, 27, 19), (96, 22, 22, 30), TA_LEFT, False, True, True,
                    padding=4, vpadding=0),
}


def excerpt(gold: dict, last_line: int) -> dict:
    """The reference cut after a line of its report: a smaller report for quicker tests."""
    return {**gold, "goals": [g for g in gold["goals"] if g["line"] <= last_line],
            "indicators": [i for i in gold["indicators"] if i["line"] <= last_line],
            "activities": [a for a in gold["activities"] if a["line"] <= last_line]}


def sv_number(value: float) -> str:
    """23.4 -> '23,4'; 9000 -> '9 000' (as the reports print numbers)."""
    text = f"{value:.10g}"
    if "e" in text:
        text = f"{value:f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + " ".join(groups) + ("," + frac if frac else "")


def cell_text(value) -> str:
    if value is None:
        return ""
    if "text" in value:
        return value["text"]
    return sv_number(float(value["value"])) + (f" {value['unit']}" if value.get("unit") else "")


def heading_text(goal: dict) -> tuple[str, str]:
    """(label, code and title) of a goal heading as printed."""
    code = goal["code"]
    if goal["level"] == "inriktningsmal" and code:
        code += "."
    return LABELS[goal["level"]], f"{code} {goal['title']}" if code else goal["title"]


class _Styles:
    def __init__(self, t: Template):
        base = ParagraphStyle("body", fontName=t.font, fontSize=t.body_size, leading=t.body_size * 1.25,
                              spaceAfter=t.body_size * 0.6)
        self.body = base
        self.heading = replace_style(base, "heading", fontName=t.bold, fontSize=t.body_size + 3,
                                     leading=(t.body_size + 3) * 1.2, spaceBefore=10, spaceAfter=6)
        self.label = replace_style(base, "label", fontName=t.bold)
        self.cell = ParagraphStyle("cell", fontName=t.font, fontSize=t.size, leading=t.size * 1.2,
                                   splitLongWords=0)
        self.value = replace_style(self.cell, "value", alignment=t.value_align)
        self.head = replace_style(self.cell, "head", fontName=t.bold, splitLongWords=1)


def replace_style(style: ParagraphStyle, name: str, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, parent=style, **kw)


def _events(gold: dict) -> list[tuple[int, str, dict]]:
    items = [(g["line"], "goal", g) for g in gold["goals"]]
    items += [(i["line"], "row", i) for i in gold["indicators"]]
    items += [(a["line"], "activity", a) for a in gold["activities"]]
    return sorted(items, key=lambda e: e[0])


def _table(t: Template, st: _Styles, header: list[str], rows: list[list], widths, spans: list[int]) -> Table:
    data = [[Paragraph(escape(h), st.head) for h in header]] + rows
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, splitByRow=0, splitInRow=1, hAlign="LEFT",
                  spaceBefore=4, spaceAfter=12)
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), t.padding), ("RIGHTPADDING", (0, 0), (-1, -1), t.padding),
            ("TOPPADDING", (0, 0), (-1, -1), t.padding if t.vpadding is None else t.vpadding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), t.padding if t.vpadding is None else t.vpadding)]
    cmds += [("SPAN", (0, r), (-1, r)) for r in spans]
    if t.grid:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.4, colors.grey))
    else:
        cmds.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black))
    if t.zebra:
        cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(0.92, 0.94, 0.97)]))
    table.setStyle(TableStyle(cmds))
    return table


PLAN_COLUMNS = ("annual_target", "city_target")  # a business plan's table: Årsmål, KF:s årsmål, Periodicitet


def _indicator_table(t: Template, st: _Styles, rows: list[dict], gold: dict) -> Table:
    year = gold["year"]
    if gold["report_type"] == "VP":
        header, columns = ["Indikator", "Årsmål", "KF:s årsmål", "Periodicitet"], PLAN_COLUMNS
        widths = (sum(t.widths) - sum(t.widths[-3:]),) + t.widths[-3:]
    else:
        header = ["Indikator", "Periodens utfall", "Utfall män/ pojkar", "Utfall kvinnor/ flickor",
                  f"Periodens utfall VB {year - 1}", "Prognos helår", "Årsmål", "KF:s årsmål", "Period"]
        columns, widths = VALUE_COLUMNS, t.widths
    data, spans = [], []
    for k, r in enumerate(rows):
        cells = [Paragraph(escape(r["name"]), st.cell)]
        cells += [Paragraph(escape(cell_text(r[c])), st.value) for c in columns]
        cells.append(Paragraph(escape(r["period"] or ""), st.cell))
        data.append(cells)
        if k % 2 == 0:  # an 'Analys' text under every other row, spanning the table
            data.append([Paragraph(f"<b>Analys</b><br/>Resultatet för {escape(r['name'].lower())} följs upp "
                                   "löpande. " + FILLER, st.cell)] + [""] * (len(header) - 1))
            spans.append(len(data))
    return _table(t, st, header, data, widths, spans)


def _activity_table(t: Template, st: _Styles, acts: list[dict]) -> Table:
    data = [[Paragraph(escape(a["text"]), st.cell), Paragraph(a["start"] or "", st.cell),
             Paragraph(a["end"] or "", st.cell), ""] for a in acts]
    return _table(t, st, ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"], data, t.activity_widths, [])


def indicator_tables(gold: dict) -> list[list[dict]]:
    """The indicator rows of each indicator table printed (rows with no goal or activity between them)."""
    tables: list[list[dict]] = []
    last = None
    for _line, kind, item in _events(gold):
        if kind == "row":
            if last != "row":
                tables.append([])
            tables[-1].append(item)
        last = kind
    return tables


def story(gold: dict, t: Template, repeat: int = 1) -> list:
    """The report's flowables: every goal, row and activity of the reference in printed order."""
    st = _Styles(t)
    out: list = [Paragraph(TITLES[gold["report_type"]].format(year=gold["year"]), st.heading),
                 Paragraph(f"{escape(gold['district'])} stadsdelsnämnd", st.body)]
    pending: list[tuple[str, list[dict]]] = []

    def flush():
        for kind, items in pending:
            out.append(_indicator_table(t, st, items, gold) if kind == "row"
                       else _activity_table(t, st, items))
        pending.clear()

    for _ in range(repeat):
        for _line, kind, item in _events(gold):
            if kind == "goal":
                flush()
                label, rest = heading_text(item)
                if t.label_own_line:
                    out += [Paragraph(escape(label), st.heading), Paragraph(escape(rest), st.heading)]
                else:
                    out.append(Paragraph(escape(f"{label} {rest}"), st.heading))
                if item["assessment"]:
                    out.append(Paragraph("\u2022 " + VERDICTS[item["assessment"]], st.body))
                out.append(Paragraph("Analys", st.label))
                out += [Paragraph(FILLER, st.body) for _ in range(t.filler)]
                continue
            if pending and pending[-1][0] == kind:
                pending[-1][1].append(item)
            else:
                pending.append((kind, [item]))
        flush()
    out.append(Spacer(1, 12))
    return out


def _decorate(t: Template, district: str, total: int):
    def on_page(canvas, doc):
        w, h = t.pagesize
        canvas.saveState()
        canvas.setFont(t.font, 8)
        canvas.drawString(20 * mm, h - 12 * mm, "Tjänsteutlåtande")
        canvas.drawRightString(w - 20 * mm, h - 12 * mm, f"{district} stadsdelsnämnd")
        page = f"Sid {doc.page} ({total})"
        if t.value_align == TA_RIGHT:
            canvas.drawCentredString(w / 2, 10 * mm, page)
        else:
            canvas.drawRightString(w - 20 * mm, 10 * mm, page)
        canvas.restoreState()
    return on_page


def render(gold: dict, template: Template | str, repeat: int = 1) -> bytes:
    """The PDF bytes of the reference's report in a template (twice built: the page count goes in the footer)."""
    t = TEMPLATES[template] if isinstance(template, str) else template
    total = 0
    for _ in range(2):
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=t.pagesize, leftMargin=20 * mm, rightMargin=20 * mm,
                                topMargin=22 * mm, bottomMargin=20 * mm, invariant=1,
                                title=f"{gold['district']} {gold['report_type']} {gold['year']}")
        deco = _decorate(t, gold["district"], total)
        doc.build(story(gold, t, repeat), onFirstPage=deco, onLaterPages=deco)
        if doc.page == total:
            break
        total = doc.page
    return buf.getvalue()


def page_texts(data: bytes) -> list[str]:
    """The text of each page, as PDFium reads it (for checking what was printed)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def write(gold: dict, template: Template | str, path: Path, repeat: int = 1) -> Path:
    path.write_bytes(render(gold, template, repeat))
    return path


__all__ = ["TEMPLATES", "Template", "render", "write", "excerpt", "story", "page_texts", "indicator_tables", "sv_number", "cell_text", "heading_text"]
