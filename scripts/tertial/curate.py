"""Stage 2, curate: extraction tables + human-kept YAML in curation/ -> curated tables in build/curated/.

Reads:  sources/reports.yml, build/extracted/<report_id>/{goals,goal_texts,indicator_results,activities}.csv,
        curation/corrections.yml, curation/indicators.yml, curation/city_goals.yml
Writes: build/curated/<table>.csv for goals, goal_texts, indicator_results, activities (corrected, with
        indicator_id and city_goal_id), indicators, city_goals and corrections (every applied correction).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from . import schema, sources
from .curation import city_goals, corrections, indicators
from .errors import TertialError
from .extract.stage import EXTRACTED  # the extract stage's output, which this stage reads
from .extract.write import TABLE_COLUMNS, to_csv

CURATED = Path("build") / "curated"
EXTRACTED_TABLES = tuple(TABLE_COLUMNS)
# the extracted tables and the ones curation makes (indicators, city_goals, corrections): Table Schema columns
CURATED_COLUMNS: dict[str, list[str]] = {t: schema.stage_columns(t)
                                         for t in schema.stage_tables("extract") + schema.stage_tables("curate")}


@dataclass
class Curation:
    corrections: list[dict]
    indicators: dict
    city_goals: dict


@dataclass
class Curated:
    tables: dict[str, list[dict]] = field(default_factory=dict)
    applied: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # indicators without a curated direction

    def summary(self) -> list[str]:
        lines = [f"correction: {c['report_id']} line {c['source_line']} ({c['table_name']}) "
                 + (f"{c['column']}: {c['old_value']!r} -> {c['new_value']!r}" if c["column"] != "row"
                    else f"row deleted ({c['old_value'][:60]!r})") + f" - {c['reason']}"
                 for c in self.applied]
        t = self.tables
        flagged = sum(r["needs_review"] == "true" for r in t["indicator_results"])
        lines.append(f"curated: {len(t['goals'])} goals, {len(t['indicator_results'])} indicator rows "
                     f"({flagged} need review), {len(t['activities'])} activities, {len(t['indicators'])} "
                     f"indicators, {len(t['city_goals'])} city goals, {len(self.applied)} corrections applied")
        return lines + self.warnings


# --- load -------------------------------------------------------------------------------------------

def load_curation(root: Path) -> Curation:
    return Curation(corrections.load(root), indicators.load(root), city_goals.load(root))


def read_csv(path: Path) -> list[dict]:
    """The rows of a CSV file we wrote, as dicts (header -> cell). A row whose length differs from the
    header's is refused, naming the file and line (csv.DictReader would fill or keep it silently)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return []
        width = len(header)
        rows = []
        for cells in reader:
            if len(cells) != width:
                if not cells:
                    continue  # a blank line, as csv.DictReader skips it
                raise TertialError(f"{len(cells)} cells where the header has {width}", path, reader.line_num)
            rows.append(dict(zip(header, cells)))
    return rows


def _extracted_csv(root: Path, rep: sources.SourceReport, table: str) -> Path:
    path = root / EXTRACTED / rep.report_id / f"{table}.csv"
    if not path.exists():
        raise TertialError(f"{rep.report_id} has not been extracted (run `tertial build`)", path)
    return path


# Bounds on one report (a real one has about 60-250 indicator rows of 60-120 indicators): a report beyond
# them is a mistake or an attack (10,000 made-up indicators made a 480 MB site), refused in one line.
MAX_ROWS = 5000  # rows of any one table
MAX_INDICATORS = 1000  # distinct indicator names


def _bounded(rep: sources.SourceReport, tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    for name, rows in tables.items():
        if len(rows) > MAX_ROWS:
            raise TertialError(f"{len(rows)} rows of {name}, more than the {MAX_ROWS} a report may have; "
                               "is this one report?", rep.file)
    names = {r.get("name") for r in tables.get("indicator_results", [])}
    if len(names) > MAX_INDICATORS:
        raise TertialError(f"{len(names)} different indicators, more than the {MAX_INDICATORS} a report may "
                           "have; is this one report?", rep.file)
    return tables


def load_extracted(root: Path, reports: list[sources.SourceReport],
                   tables: tuple[str, ...] = EXTRACTED_TABLES) -> dict[str, dict[str, list[dict]]]:
    """{report_id: {table: rows}} from build/extracted/<report_id>/ (a table not asked for: no rows), each
    report within the bounds MAX_ROWS and MAX_INDICATORS."""
    return {rep.report_id: _bounded(rep, {t: read_csv(_extracted_csv(root, rep, t)) if t in tables else []
                                          for t in EXTRACTED_TABLES}) for rep in reports}


# goal_texts: curation changes nothing in it (no correction, no id), and it is most of the bytes. Each report's
# file is sorted by (goal_id, section) and every goal_id starts with its report_id, so the curated table is
# the reports' rows in report_id order: copied as bytes, not parsed and written again.
COPIED = "goal_texts"


def copied_table(root: Path, reports: list[sources.SourceReport]) -> str | None:
    """The curated CSV text of COPIED: the header and every report's rows, in report_id order. None when a
    report id is the start of another's (then report order might not be goal_id order: parse and sort)."""
    rids = sorted(r.report_id for r in reports)
    if any(b.startswith(a) for a, b in zip(rids, rids[1:])):
        return None
    header = ",".join(CURATED_COLUMNS[COPIED]) + "\n"
    parts = [header]
    for rep in sorted(reports, key=lambda r: r.report_id):
        path = _extracted_csv(root, rep, COPIED)
        with path.open(encoding="utf-8", newline="") as fh:  # a CR inside a quoted cell stays as written
            text = fh.read()
        if not text.startswith(header):
            raise TertialError(f"the header is not {header.strip()!r}", path, 1)
        parts.append(text[len(header):])
    return "".join(parts)


# --- process ----------------------------------------------------------------------------------------

def curate(extracted: dict[str, dict[str, list[dict]]], reports: list[sources.SourceReport],
           curation: Curation) -> Curated:
    """Pure: merge the reports' tables, apply corrections, give indicators and city goals one identity."""
    tables: dict[str, list[dict]] = {t: [] for t in EXTRACTED_TABLES}
    for rid in sorted(extracted):
        for table in EXTRACTED_TABLES:
            tables[table].extend(dict(r) for r in extracted[rid][table])
    applied = corrections.apply(tables, curation.corrections, {r.report_id for r in reports})
    tables["indicators"] = indicators.assign(tables["indicator_results"], curation.indicators)
    report_rows = {r.report_id: {"year": r.year} for r in reports}
    tables["city_goals"] = city_goals.assign(tables["goals"], report_rows, curation.city_goals)
    by_line = lambda r: (r["report_id"], int(r["source_line"]))  # noqa: E731
    tables["goals"].sort(key=by_line)
    tables["indicator_results"].sort(key=by_line)
    tables["activities"].sort(key=by_line)
    tables["goal_texts"].sort(key=lambda r: (r["goal_id"], r["section"]))
    applied.sort(key=lambda c: (c["report_id"], c["table_name"], c["source_line"], c["column"]))
    tables["corrections"] = applied
    return Curated(tables, applied, indicators.uncurated(tables["indicators"], curation.indicators))


# --- save -------------------------------------------------------------------------------------------

def save(curated: Curated, out_dir: Path, copied: str | None = None) -> None:
    """Write every curated table; COPIED as the text `copied_table` made, when given."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for table, columns in CURATED_COLUMNS.items():
        if table == COPIED and copied is not None:
            text = copied
        else:
            text = to_csv(columns, curated.tables[table], ignore_extra=True)
        (out_dir / f"{table}.csv").write_text(text, encoding="utf-8", newline="")


READS = (sources.MANIFEST, sources.REPORTS_DIR, EXTRACTED, corrections.FILE, indicators.FILE, city_goals.FILE)
WRITES = (CURATED,)


def run(root: Path, ctx=None) -> list[str]:
    """The stage: load, process, save; the summary lines."""
    return curate_project(root).summary()


def curate_project(root: Path) -> Curated:
    """Load, process, save: the curated tables."""
    reports = sources.load_manifest(root)
    copied = copied_table(root, reports)
    parsed = tuple(t for t in EXTRACTED_TABLES if not (t == COPIED and copied is not None))
    curated = curate(load_extracted(root, reports, parsed), reports, load_curation(root))
    save(curated, root / CURATED, copied)
    return curated


def load_curated(root: Path) -> dict[str, list[dict]]:
    """The curated tables as written by `run` (for the package stage)."""
    out = {}
    for table in CURATED_COLUMNS:
        path = root / CURATED / f"{table}.csv"
        if not path.exists():
            raise TertialError("the curated tables are missing (run `tertial build`)", path)
        out[table] = read_csv(path)
    return out
