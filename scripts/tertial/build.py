"""`tertial build`: every stage, in order, from sources/ and curation/ to datapackages/ (and the site).

The stages are listed in STAGES; each is a function `(root, ctx) -> list of summary lines` that reads and
writes files on disk only; a new stage is added to the list here. `ctx` carries options shared by the
stages (e.g. the extractor to use, for tests).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import faults, sources
from .errors import TertialError

EXTRACTED = Path("build") / "extracted"
STAMP = ".source"


@dataclass
class Context:
    extractor: Callable | None = None  # (path, ReportMeta) -> Extraction; default tertial.extract.extract_file
    out: Callable[[str], None] = print
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class Stage:
    name: str
    run: Callable[[Path, Context], list[str]]


# --- the extract step: each report of the manifest into build/extracted/<report_id>/ -----------------

def _extractor_fingerprint() -> str:
    """Changes when the extraction code changes, so stale extractions are redone."""
    h = hashlib.sha256()
    for path in sorted((Path(__file__).parent / "extract").glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _extract_one(root: Path, rep, stamp: str, extractor=None) -> tuple:
    """Extract one report into build/extracted/.<report_id>.tmp/ (the caller moves it into place).
    Returns ('ok', goals, rows, flagged, activities, census lines) or ('error', message, path, line): a worker process
    hands back a TertialError as plain values, so the one-line message arrives whole."""
    from .extract.write import census_lines, census_record, write_census, write_tables

    if extractor is None:
        from .extract import extract_file as extractor
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
    from .workers import process_pool

    with process_pool(workers) as pool:  # Ctrl-C is the main process's to handle, once
        futures = [pool.submit(_extract_one, root, rep, stamp) for rep, stamp in todo]
        return [f.result() for f in futures]


def stage_extract(root: Path, ctx: Context) -> list[str]:
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


def stage_curate(root: Path, ctx: Context) -> list[str]:
    from . import curate

    return curate.run(root).summary()


def stage_changelog(root: Path, ctx: Context) -> list[str]:
    from . import changelog

    return changelog.stage(root, ctx)


def stage_package(root: Path, ctx: Context) -> list[str]:
    from . import package

    return package.run(root).summary()


def stage_site(root: Path, ctx: Context) -> list[str]:
    """The published packages -> pages and charts in build/docs/ -> `mkdocs build --strict` into build/site/
    (tertial.site.build_site). A project without mkdocs.yml (e.g. a test project of packages only) has
    no site. MkDocs' own build time is reported as ctx.timings['mkdocs'] (part of the stage's time)."""
    if not (root / "mkdocs.yml").is_file():
        return ["site: no mkdocs.yml in the project, no site built"]
    from .site import build_site

    figures = build_site(root)
    ctx.timings["mkdocs"] = float(figures["mkdocs_s"])
    return [f"site: {figures['pages']} pages, {figures['charts']} charts in build/site/ "
            f"(pages and charts {figures['generate_s']} s, MkDocs {figures['mkdocs_s']} s)"]


STAGES: list[Stage] = [
    Stage("extract", stage_extract),
    Stage("curate", stage_curate),
    Stage("changelog", stage_changelog),  # an entry in changelog/ when the curated tables differ from the published
    Stage("package", stage_package),
    Stage("site", stage_site),
]


# What a build publishes. A build is all or nothing: a transaction (tertial.journal) keeps these aside
# before the first stage runs and puts them back, exactly as they were, when any stage fails or the run is
# interrupted (or, after a kill, at the next command).
PUBLISHED = (Path("datapackages"), Path("changelog"), Path("build") / "site", Path("build") / "downloads")
# folders only ever replaced by renaming a new folder into place: kept aside as hard links (no copying)
_RENAMED_ONLY = (Path("build") / "site",)


@contextmanager
def all_or_nothing(root: Path):
    from . import journal
    from .package import DOWNLOADS_NEW, STAGING

    paths = [(rel, "link" if rel in _RENAMED_ONLY else "copy") for rel in PUBLISHED]
    paths += [(rel, "move") for rel in (STAGING, DOWNLOADS_NEW)]  # the package stage's scratch: gone on failure
    with journal.transaction(root, "build", paths):
        yield


def build(root: Path, ctx: Context | None = None, until: str | None = None) -> Context:
    """Run the stages in order (up to and including `until`). A failing stage raises TertialError;
    nothing after it runs, and the published outputs (PUBLISHED) are left exactly as they were."""
    ctx = ctx or Context()
    sources.load_manifest(root)  # every sha256 checked before anything runs
    with all_or_nothing(root):
        for stage in list(STAGES):
            start = time.perf_counter()
            for line in stage.run(root, ctx):
                ctx.out(line)
            ctx.timings[stage.name] = time.perf_counter() - start
            faults.point(f"build-stage-{stage.name}")
            if stage.name == until:
                break
    return ctx
