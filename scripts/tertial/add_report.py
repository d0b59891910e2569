"""`tertial add-report`: publish one new report, all or nothing.

Load: the report file, the manifest. Process: check that the file is a district council report, infer
district, type and year from its text (options override), refuse a district and period already
published unless --replace. Save: in a staging copy of the project, copy the file byte for byte into
`sources/reports/<report_id>.txt`, record it in `sources/reports.yml`, run the build
(`tertial.build.build(root)`), write the changelog entry; only when every step succeeded are the
changed files moved into the project. A failure at any step leaves the project as it was.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import changelog, faults, ids, journal, lock, sources
from .errors import TertialError
from .labels import TYPE_NAMES
from .extract.goals import heading_label, is_toc_line
from .extract.pdf import is_pdf, report_lines
from .extract.reader import read_bytes

# What a staging copy leaves out: tools' own folders, never inputs or outputs of the build.
SKIP = {".git", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis",
        ".mypy_cache", ".ruff_cache", journal.JOURNAL_DIR.name}
SKIP_FILES = {lock.LOCK_FILE.name}  # the project's lock is the project's, never a staging copy's
STAGING_PREFIX = journal.STAGING_PREFIX
HEAD_LINES = 80  # the title block sits in the first lines of a report

_TITLE_PATTERNS = [
    (re.compile(r"^Tertialrapport\s+(?P<n>[12])\s+(?:för\s+)?(?P<year>(?:19|20)\d\d)\b", re.I), "T"),
    (re.compile(r"^Verksamhetsplan\s+(?:för\s+)?(?P<year>(?:19|20)\d\d)\b", re.I), "VP"),
    (re.compile(r"^Verksamhetsberättelse\s+(?:för\s+)?(?P<year>(?:19|20)\d\d)\b", re.I), "VB"),
]
_PERIOD_CELL = re.compile(r"\bTertial\s+(?P<n>[12])\s+(?P<year>(?:19|20)\d\d)\b")


@dataclass
class Inferred:
    district: str | None = None
    report_type: str | None = None
    year: int | None = None
    title: str | None = None


# ------------------------------------------------------------------------------------------ process

def is_report(lines: list[str]) -> bool:
    """A district council report has goal headings (KF:s inriktningsmål / mål för verksamhetsområdet / Nämndmål)."""
    return any(heading_label(line) for line in lines)


def _district_pattern(name: str) -> re.Pattern:
    # the name (or its genitive) as a whole word: 'Älvsjö' must not match inside 'Hägersten-Älvsjö'
    return re.compile(rf"(?<![\w-]){re.escape(name)}s?(?![\w-])", re.IGNORECASE)


def infer_district(lines: list[str]) -> str | None:
    """The council named in the title block ('Norrmalms stadsdelsnämnd'), else the most-mentioned district."""
    head = [line for line in lines[:HEAD_LINES] if not is_toc_line(line)]
    names = [d["name"] for d in ids.DISTRICTS]
    council = Counter()
    for line in head:
        for name in names:
            if re.search(_district_pattern(name).pattern + r"\s+stadsdelsnämnd", line, re.IGNORECASE):
                council[name] += 1
    if council:
        return council.most_common(1)[0][0]
    text = "\n".join(lines)
    mentions = Counter({name: len(_district_pattern(name).findall(text)) for name in names})
    ranked = [(n, c) for n, c in mentions.most_common() if c]
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None  # none, or a tie: ask
    return ranked[0][0]


def infer_period(lines: list[str]) -> tuple[str | None, int | None, str | None]:
    """(type, year, title) from the title block, else (type, year, None) from the period cells."""
    for line in lines[:HEAD_LINES]:
        stripped = " ".join(line.split())
        if not stripped or is_toc_line(line):
            continue
        for pattern, kind in _TITLE_PATTERNS:
            m = pattern.match(stripped)
            if m:
                rtype = f"T{m.group('n')}" if kind == "T" else kind
                return rtype, int(m.group("year")), stripped
    cells = Counter((f"T{m.group('n')}", int(m.group("year")))
                    for m in _PERIOD_CELL.finditer(" ".join("\n".join(lines).split())))
    if cells:
        ranked = cells.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            (rtype, year), _ = ranked[0]
            return rtype, year, None
    return None, None, None


def infer(lines: list[str]) -> Inferred:
    rtype, year, title = infer_period(lines)
    return Inferred(district=infer_district(lines), report_type=rtype, year=year, title=title)


def resolve_meta(path: Path, inferred: Inferred, district: str | None, report_type: str | None,
                 year: int | None, suffix: str = ".txt") -> sources.SourceReport:
    """The report's identity: options first, then what the text says; a one-line error when neither."""
    district = district or inferred.district
    report_type = (report_type or inferred.report_type or "").upper() or None
    year = year or inferred.year
    for value, option, what in ((district, "--district NAME", "the district"),
                                (report_type, "--type VP|T1|T2|VB", "the report type"),
                                (year, "--year YYYY", "the year")):
        if not value:
            raise TertialError(f"cannot tell {what} from the text; give {option}", path)
    did = ids.district_id(district)
    name = ids.district_name(did) or district
    rid = ids.report_id(did, int(year), report_type)
    title = inferred.title
    if not title or inferred.report_type != report_type or inferred.year != int(year):
        title = f"{TYPE_NAMES[report_type]} {year}"
    return sources.SourceReport(report_id=rid, district=name, district_id=did, report_type=report_type,
                                year=int(year), file=str(sources.REPORTS_DIR / f"{rid}{suffix}"),
                                sha256="", title=title)


def disagreements(inferred: Inferred, rep: sources.SourceReport) -> list[str]:
    """Where the options given say otherwise than the report's own text, and a district not among
    Stockholm's: published as asked, but the maintainer should look (printed as warnings)."""
    out = []
    if inferred.district and ids.district_id(inferred.district) != rep.district_id:
        out.append(f"taken as {rep.district}, but the text names {inferred.district}")
    if inferred.report_type and inferred.report_type != rep.report_type:
        out.append(f"taken as {rep.report_type}, but the text says {inferred.report_type}")
    if inferred.year and inferred.year != rep.year:
        out.append(f"taken as {rep.year}, but the text says {inferred.year}")
    if ids.district_name(rep.district_id) is None:
        known = ", ".join(d["name"] for d in ids.DISTRICTS if not d.get("valid_to"))
        out.append(f"{rep.district} is not one of Stockholm's districts ({known}); check the spelling")
    return out


# ------------------------------------------------------------------------------- staging and commit

def _walk(top: Path, skip_staging: bool = True) -> set[Path]:
    files = set()
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if d not in SKIP and not (skip_staging and d.startswith(STAGING_PREFIX))]
        for f in filenames:
            if f not in SKIP_FILES:
                files.add(Path(dirpath, f).relative_to(top))
    return files


# Folders whose writers only add, replace (a temporary file, then a rename) or remove files and never write
# into an existing one: the staging copy shares their files (hard links) instead of copying them.
# tests/test_add_report_staging.py runs a real build in staging and fails it: the project must not change.
# Never add build/docs here: the site's DocsWriter writes into existing files there.
SHARED = (Path("build/extracted"), Path("build/cache"), Path("build/chart-cache"))
# Folders the site stage rebuilds whole on every build: not copied; the staging build's are moved in whole.
REBUILT = (Path("build/site"), Path("build/docs"))


def _inside(rel: Path, folders) -> bool:
    return any(rel.parts[:len(f.parts)] == f.parts for f in folders)


def stage_copy(root: Path) -> tuple[Path, set[Path]]:
    """A copy of the project in a hidden folder inside it (same file system, so moves are renames).
    Without REBUILT (made again by the build) and with SHARED as hard links where the file system allows."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    try:
        files = _copy_into(root, staging)
    except BaseException:  # a full disk, an interrupt: no half copy left behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, files


def _copy_into(root: Path, staging: Path) -> set[Path]:
    files = _walk(root)
    for rel in files:
        if _inside(rel, REBUILT):
            continue
        dst = staging / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if _inside(rel, SHARED) and not (root / rel).is_symlink():
            try:
                os.link(root / rel, dst)
                continue
            except OSError:
                pass  # no hard links here: copy
        shutil.copy2(root / rel, dst, follow_symlinks=False)
    return files


def _same(a: Path, b: Path) -> bool:
    return os.path.samefile(a, b) or filecmp.cmp(a, b, shallow=False)


def commit(staging: Path, root: Path, original: set[Path]) -> list[Path]:
    """Move every file the staging copy added or changed into the project; remove what it removed. A REBUILT
    folder the staging build made replaces the project's whole; one it did not make (a project without a
    site) is left as it is. One transaction (tertial.journal): all of it is published, or none."""
    staged = _walk(staging, skip_staging=False)
    rebuilt = [f for f in REBUILT if (staging / f).is_dir()]
    changed = sorted(rel for rel in staged if not _inside(rel, rebuilt)
                     and (rel not in original or not (root / rel).is_file() or not _same(staging / rel, root / rel)))
    removed = sorted(rel for rel in original - staged if not _inside(rel, REBUILT) and (root / rel).exists())
    paths = [(rel, "link") for rel in changed + removed] + [(rel, "move") for rel in rebuilt]
    with journal.transaction(root, "add-report", paths):
        for i, rel in enumerate(changed):  # same file system: each move is a rename
            if i == len(changed) // 2:
                faults.point("add-moving")
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, root / rel)
        for rel in removed:
            (root / rel).unlink()
        for folder in rebuilt:  # the project's own was moved aside whole by the transaction
            (root / folder).parent.mkdir(parents=True, exist_ok=True)
            (staging / folder).rename(root / folder)
    return changed + removed + rebuilt


def find_build() -> Callable[[Path], object] | None:
    """The build stage, `tertial.build.build(root)`, when it exists."""
    try:
        from .build import build
    except ModuleNotFoundError as exc:
        if exc.name in ("tertial.build", f"{__package__}.build"):
            return None
        raise
    return build


# -------------------------------------------------------------------------------------- the command

@dataclass
class Result:
    report: sources.SourceReport
    built: bool
    replaced: bool
    summary: list[str]
    changed_files: list[Path]
    warnings: list[str] = field(default_factory=list)


def _summary(staging: Path, rep: sources.SourceReport) -> list[str]:
    data = staging / changelog.PUBLISHED_DATA
    tables = {name: changelog.read_csv_rows(data / f"{name}.csv")
              for name in ("reports", "goals", "indicator_results", "activities")}
    mine = {name: [r for r in rows if r.get("report_id") == rep.report_id] for name, rows in tables.items()}
    if not mine["reports"]:
        raise TertialError(f"the build did not publish {rep.report_id} in {changelog.PUBLISHED_DATA}/reports.csv",
                           rep.file)
    review = sum(r.get("needs_review") == "true" for r in mine["indicator_results"])
    lines = [f"{len(mine['goals'])} goals, {len(mine['indicator_results'])} indicator rows "
             f"({review} need review), {len(mine['activities'])} activities"]
    prev = changelog.previous_report(tables["reports"], mine["reports"][0])
    if prev is None:
        lines.append(f"the first report for {rep.district} in the project")
    else:
        prev_rows = [r for r in tables["indicator_results"] if r.get("report_id") == prev["report_id"]]
        cmp = changelog.compare_reports(prev_rows, mine["indicator_results"])
        lines.append(f"against {prev['report_id']}: {len(cmp['new_indicators'])} new indicators, "
                     f"{len(cmp['dropped_indicators'])} no longer reported, "
                     f"{len(cmp['changed'])} changed values or targets")
    if review:
        lines.append("rows needing review: `tertial review` lists them; corrections go in curation/corrections.yml")
    from .extract.stage import EXTRACTED
    from .extract.write import CENSUS, census_lines  # the extractor's census and warnings (issue 13)

    census = staging / EXTRACTED / rep.report_id / CENSUS
    if census.exists():
        lines += census_lines(json.loads(census.read_text(encoding="utf-8")), rep.file)
    return lines


@dataclass
class _Plan:
    """What add_report will write, checked before anything is: the report's bytes, its manifest entry,
    the one it replaces, the manifest, and how the report's words disagree with the options given."""
    data: bytes
    rep: sources.SourceReport
    existing: sources.SourceReport | None
    manifest: list[sources.SourceReport]
    warnings: list[str]


def _plan(root: Path, report: Path, district, report_type, year, replace: bool) -> _Plan:
    """Load and check: the report is a regular file and a district council report, its id is free (or
    `replace`), and every other published report's sha256 matches."""
    if report.exists() and not report.is_file():  # a FIFO would never end
        raise TertialError("not a regular file (a folder, a FIFO or a device)", report)
    data = read_bytes(report)  # bounded: a huge or endless file is refused without reading it all
    lines = report_lines(report, data)
    manifest = sources.load_manifest(root, verify=False)  # verified below, but the report replaced
    if not is_report(lines):
        raise TertialError("not a district council report: it has no goal headings "
                           "(KF:s inriktningsmål, KF:s mål för verksamhetsområdet, Nämndmål)", report)
    inferred = infer(lines)
    suffix = ".pdf" if is_pdf(report, data) else ".txt"
    rep = resolve_meta(report, inferred, district, report_type, year, suffix)
    warnings = disagreements(inferred, rep)
    rep.sha256 = hashlib.sha256(data).hexdigest()
    existing = next((r for r in manifest if r.report_id == rep.report_id), None)
    if existing is not None and not replace:
        raise TertialError(f"{rep.district} {rep.report_type} {rep.year} is already published as "
                           f"{existing.file}; add --replace to replace it", report)
    for other in manifest:  # every sha256 matches (that of the report replaced need not)
        if other is not existing:
            sources.verify_file(root, other)
    return _Plan(data, rep, existing, manifest, warnings)


def _build_staged(root: Path, staging: Path, report: Path, target: Path, rep, build_fn) -> list[str]:
    """Build the staging copy and make sure it has its changelog entry; the summary lines to print. An
    error names the maintainer's report, or the project's files, not the staging copy's."""
    old_tables = changelog.published_tables(root)
    entries_before = len(changelog.load_entries(staging))
    try:
        build_fn(staging)
    except TertialError as exc:
        path = str(report) if exc.path and Path(exc.path) == target else exc.path
        raise TertialError(exc.message.replace(str(staging), str(root)),
                           path and path.replace(str(staging), str(root)), exc.line) from None
    if len(changelog.load_entries(staging)) == entries_before:  # the build did not write one
        changelog.update(staging, changelog.published_tables(staging), old_tables)
    return _summary(staging, rep)


def add_report(root: Path, report: Path, district: str | None = None, report_type: str | None = None,
               year: int | None = None, replace: bool = False,
               build: Callable[[Path], object] | None | bool = True) -> Result:
    """Publish `report` into the project at `root`; nothing in the project changes unless all steps succeed.

    `build=True` uses `tertial.build.build` when it exists; pass a function to use another, or None
    to only record the report.
    """
    root = Path(root).resolve()
    report = Path(report)
    plan = _plan(root, report, district, report_type, year, replace)
    rep, existing = plan.rep, plan.existing
    build_fn = find_build() if build is True else (build or None)
    # save, in a staging copy
    staging, original = stage_copy(root)
    try:
        target = staging / rep.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(plan.data)
        if existing is not None and existing.file != rep.file:  # replaced by a PDF (or the text of one)
            (staging / existing.file).unlink(missing_ok=True)
        reports = [r for r in plan.manifest if r.report_id != rep.report_id] + [rep]
        (staging / sources.MANIFEST).write_text(sources.dump_manifest(reports), encoding="utf-8")
        sources.load_manifest(staging)  # the new manifest reads back and every sha256 matches
        summary = _build_staged(root, staging, report, target, rep, build_fn) if build_fn is not None else []
        changed = commit(staging, root, original)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Result(rep, build_fn is not None, existing is not None, summary, changed, plan.warnings)


def main(args) -> int:
    res = add_report(args.root, args.report, args.district, args.report_type, args.year, args.replace)
    rep = res.report
    for message in res.warnings:
        print(f"tertial: warning: {args.report}: {message}", file=sys.stderr)
    verb = "replaced" if res.replaced else "added"
    print(f"{rep.report_id}: {verb} {rep.file} ({rep.district}, {rep.report_type} {rep.year}, "
          f"\"{rep.title}\"), sha256 {rep.sha256[:12]}…")
    if not res.built:
        print("the build stage (tertial.build) is missing: the report is recorded in sources/reports.yml, "
              "but datapackages/ and the site were not regenerated", file=sys.stderr)
        return 0
    for line in res.summary:
        print(f"  {line}")
    return 0
