"""Stage 1, extract: each report of the manifest -> its four tables in build/extracted/<report_id>/.

Reads:  sources/reports.yml, the reports in sources/reports/
Writes: build/extracted/<report_id>/{goals,goal_texts,indicator_results,activities}.csv, census.json and
        .source (the report's sha256 and the extractor's fingerprint: a report is extracted again only
        when either changes)
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from .. import sources
from ..errors import TertialError
from .write import census_lines, census_record, write_census, write_tables

EXTRACTED = Path("build") / "extracted"
STAMP = ".source"
READS = (sources.MANIFEST, sources.REPORTS_DIR)
WRITES = (EXTRACTED,)


def _extractor_fingerprint() -> str:
    """Changes when the extraction code changes, so stale extractions are redone."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):  # the extraction code, not this orchestration
        if path.name == "stage.py":
            continue
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _extract_one(root: Path, rep, stamp: str, extractor=None) -> tuple:
    """Extract one report into build/extracted/.<report_id>.tmp/ (the caller moves it into place).
    Returns ('ok', goals, rows, flagged, activities, census lines) or ('error', message, path, line): a worker process
    hands back a TertialError as plain values, so the one-line message arrives whole."""
    if extractor is None:
        from . import extract_file as extractor
    try:
        ex = extractor(root / rep.file, rep.meta())
    except ModuleNotFoundError as exc:  # a layout module not in this tree: say so in one line
        if not (exc.name or "").startswith("tertial.extract."):
            raise
        return ("error", f"cannot extract: the layout module {exc.name} is missing", rep.file, None)
    except TertialError as exc:
        return ("error", exc.message, exc.path, exc.line)
    tmp = root / EXTRACTED / f".{rep.report_id}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    write_tables(ex, tmp)
    write_census(ex, tmp)
    (tmp / STAMP).write_text(stamp)
    return ("ok", len(ex.goals), len(ex.rows), sum(r.needs_review for r in ex.rows), len(ex.activities),
            census_lines(census_record(ex), rep.file))


PARALLEL_FROM = 4  # reports to extract before two worker processes pay for their start


def _extract_all(root: Path, todo: list, extractor) -> list[tuple]:
    """_extract_one for each (report, stamp), in manifest order. The real extractor runs in two worker
    processes when there are several reports (each report is extracted alone from its own file, so the
    output is the same bytes as one by one); an extractor given by a test runs here."""
    workers = min(2, os.cpu_count() or 1)
    if extractor is not None or len(todo) < PARALLEL_FROM or workers < 2:
        return [_extract_one(root, rep, stamp, extractor) for rep, stamp in todo]
    from ..workers import process_pool

    with process_pool(workers) as pool:  # Ctrl-C is the main process's to handle, once
        futures = [pool.submit(_extract_one, root, rep, stamp) for rep, stamp in todo]
        return [f.result() for f in futures]


def run(root: Path, ctx) -> list[str]:
    """The stage: extract each report of the manifest not extracted before (by its sha256 and this
    extractor's code) into build/extracted/<report_id>/; a report no longer in the manifest is removed."""
    reports = sources.load_manifest(root)
    fingerprint = _extractor_fingerprint() if ctx.extractor is None else getattr(ctx.extractor, "__name__", "custom")
    out_root = root / EXTRACTED
    wanted = {r.report_id for r in reports}
    if out_root.exists():
        for stale in out_root.iterdir():
            if stale.is_dir() and stale.name not in wanted:
                shutil.rmtree(stale)
    todo = []
    for rep in reports:
        folder = out_root / rep.report_id
        stamp = f"{rep.sha256} {fingerprint}\n"
        if not ((folder / STAMP).exists() and (folder / STAMP).read_text() == stamp):
            todo.append((rep, stamp))
    out_root.mkdir(parents=True, exist_ok=True)
    results = _extract_all(root, todo, ctx.extractor)
    for (rep, _), result in zip(todo, results):  # the first failing report, in manifest order
        if result[0] == "error":
            for other, _ in todo:
                shutil.rmtree(out_root / f".{other.report_id}.tmp", ignore_errors=True)
            raise TertialError(result[1], result[2], result[3])
    lines = []
    for (rep, _), (_, goals, rows, flagged, activities, census) in zip(todo, results):
        folder = out_root / rep.report_id
        if folder.exists():
            shutil.rmtree(folder)
        (out_root / f".{rep.report_id}.tmp").rename(folder)
        lines.append(f"extracted {rep.report_id}: {goals} goals, {rows} indicator rows "
                     f"({flagged} need review), {activities} activities")
        lines += [f"  {line}" for line in census]  # the census and every warning (census.json keeps them)
    lines.append(f"extract: {len(todo)} of {len(reports)} reports extracted, {len(reports) - len(todo)} unchanged")
    return lines
