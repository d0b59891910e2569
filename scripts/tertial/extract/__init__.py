"""Stage 1, extract: one report's text -> goals, goal texts, indicator rows and activities.

Two layouts are read: tab-separated tables (`tabular.py`) and text from PDF, where the table layout
is lost and cells wrap over lines (`pdftext.py`). `detect_layout` tells them apart.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import TertialError
from .model import Extraction, ReportMeta
from .reader import read_lines



def detect_layout(lines: list[str]) -> str:
    """'tabular' when an indicator or activity table has a tab-separated header row that the tabular
    parser reads (columns recognised by name: 'Indikator', 'Indikatorer', a marker cell first...), else
    'pdftext'."""
    from .tabular import parse_header

    for i, line in enumerate(lines, start=1):
        if "\t" in line and parse_header(line, i) is not None:
            return "tabular"
    return "pdftext"


def extract_lines(lines: list[str], meta: ReportMeta, source: str = "<report>") -> Extraction:
    """Process: parse lines of a report into an Extraction (pure; reads no file)."""
    from .goals import heading_label
    if not any(heading_label(line) for line in lines):  # before any layout: no goal label anywhere
        raise TertialError("no goal headings found: this does not look like a district council report", source)
    layout = detect_layout(lines)
    if layout == "tabular":
        from .tabular import parse
    else:
        from .pdftext import parse
    ex = parse(lines, meta, source)
    ex.layout = layout
    if not ex.goals:
        raise TertialError("no goal headings found: this does not look like a district council report", source)
    from .checks import check_not_truncated, check_tables_read, goal_code_warnings
    check_not_truncated(ex, lines, source)
    check_tables_read(ex, lines, source)
    ex.warnings += goal_code_warnings(ex)
    return ex


def extract_file(path: str | Path, meta: ReportMeta) -> Extraction:
    """Load and process one report file (a PDF is read by position: `pdf.py`)."""
    from .pdf import extract_pdf, is_pdf
    if is_pdf(path):
        return extract_pdf(path, meta)
    return extract_lines(read_lines(path), meta, str(path))
