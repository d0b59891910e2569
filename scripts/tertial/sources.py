"""The sources manifest (`sources/reports.yml`): every report as received, with its sha256.

A report whose bytes no longer match the sha256 recorded for it stops the build.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from . import ids
from .curation import yamlfile
from .errors import TertialError
from .extract.model import ReportMeta

MANIFEST = Path("sources") / "reports.yml"
REPORTS_DIR = Path("sources") / "reports"
FIELDS = ("report_id", "district", "district_id", "report_type", "year", "file", "sha256", "title")


@dataclass
class SourceReport:
    report_id: str
    district: str
    district_id: str
    report_type: str
    year: int
    file: str  # relative to the project root
    sha256: str
    title: str

    def meta(self) -> ReportMeta:
        return ReportMeta(self.district, self.district_id, self.report_type, self.year, self.report_id, self.file)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# The manifest's fields and the type each must have.
TYPES = {"report_id": str, "district": str, "district_id": str, "report_type": str, "year": int, "file": str,
         "sha256": str, "title": str}
MAX_REPORT_BYTES = 20 * 1024 * 1024  # the reader's bound (tertial.extract.reader), checked before hashing


def _entry(entry, i: int, display: str) -> SourceReport:
    """One manifest entry, its fields of the right types (else an error naming the entry's line and key)."""
    if not isinstance(entry, dict):
        raise TertialError(f"report entry {i + 1} must be a mapping of {', '.join(FIELDS)}", display)
    line = entry.get(yamlfile.LINE)
    missing = [f for f in FIELDS if f not in entry]
    if missing:
        raise TertialError(f"report entry {i + 1} lacks {', '.join(missing)}", display, line)
    for key, kind in TYPES.items():
        if not isinstance(entry[key], kind) or isinstance(entry[key], bool):
            raise TertialError(f"report entry {i + 1}: '{key}' must be {'a whole number' if kind is int else 'a text'}"
                               f", not {entry[key]!r:.40}", display, line)
    return SourceReport(**{f: entry[f] for f in FIELDS})


def _inside_sources(root: Path, rep: SourceReport, display: str, line: int | None) -> Path:
    """The report's file, which must lie under sources/ (no absolute path, no '..', no link out of it)."""
    file = root / rep.file
    top = (root / "sources").resolve()
    if Path(rep.file).is_absolute() or not file.resolve().is_relative_to(top):
        raise TertialError(f"the manifest names {rep.file}, outside sources/; every report is kept in "
                           f"{REPORTS_DIR}/", display, line)
    return file


def verify_file(root: Path, rep: SourceReport, display: str = str(MANIFEST)) -> None:
    """The report's file exists, is a regular file of bounded size, and its bytes match the sha256 recorded."""
    file = root / rep.file
    if not file.exists():
        raise TertialError(f"the manifest names {rep.file}, which does not exist", display)
    if not file.is_file():
        raise TertialError(f"the manifest names {rep.file}, which is not a regular file (a folder, FIFO or "
                           "device)", display)
    if file.stat().st_size > MAX_REPORT_BYTES:
        raise TertialError(f"larger than {MAX_REPORT_BYTES // (1024 * 1024)} MB; not a report", file)
    data = file.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual == rep.sha256:
        return
    if hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest() == rep.sha256:
        raise TertialError(
            "sha256 mismatch: the file's line ends were changed to CRLF since it was published, most likely by a "
            "git clone with core.autocrlf (Git for Windows' default); the project's .gitattributes keeps "
            "sources/reports/ as committed: with it in place (git pull), run `git checkout HEAD -- sources/reports`",
            file)
    raise TertialError(
        f"sha256 mismatch: the manifest records {rep.sha256[:12]}…, the file has {actual[:12]}…; "
        "the report changed since it was published (re-add it with --replace)", file)


def load_manifest(root: Path, verify: bool = True, skip: str | None = None) -> list[SourceReport]:
    """Load the manifest; check ids, fields and types, that each file lies under sources/ and (with
    verify) every file's sha256, but that of report `skip` (the report `add-report --replace` replaces)."""
    path = root / MANIFEST
    display = str(path)
    data = yamlfile.load(path, display)
    entries = data.get("reports") or []
    if not isinstance(entries, list):
        raise TertialError("'reports' must be a list of report entries", display, data.get(yamlfile.LINE))
    reports = []
    for i, entry in enumerate(entries):
        rep = _entry(entry, i, display)
        line = entry.get(yamlfile.LINE)
        try:
            ids.check_id(rep.district_id, "district")
            expected = ids.report_id(rep.district_id, rep.year, rep.report_type)
        except TertialError as exc:
            raise TertialError(exc.message, display, line) from None
        if rep.report_id != expected:
            raise TertialError(f"report_id {rep.report_id!r} does not match its district, year and type", display,
                               line)
        _inside_sources(root, rep, display, line)
        if verify and rep.report_id != skip:
            verify_file(root, rep, display)
        reports.append(rep)
    ids_seen = [r.report_id for r in reports]
    dupes = sorted({r for r in ids_seen if ids_seen.count(r) > 1})
    if dupes:
        raise TertialError(f"report {dupes[0]} is listed twice", path)
    return reports


def dump_manifest(reports: list[SourceReport]) -> str:
    entries = [asdict(r) for r in sorted(reports, key=lambda r: r.report_id)]
    header = ("# The reports as received. Maintained by `tertial add-report`; each file's sha256 is\n"
              "# checked on every build.\n")
    return header + yaml.safe_dump({"reports": entries}, allow_unicode=True, sort_keys=False, width=1000)
