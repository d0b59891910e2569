"""The sources manifest (`sources/reports.yml`): every report as received, with its sha256.

A report whose bytes no longer match the sha256 recorded for it stops the build.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from . import ids
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


def load_manifest(root: Path, verify: bool = True) -> list[SourceReport]:
    """Load the manifest; check ids, fields and (with verify) every file's sha256."""
    path = root / MANIFEST
    if not path.exists():
        return []
    try:
        # libyaml's safe loader when PyYAML has it (the same documents, ten times faster), else PyYAML's
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise TertialError("the manifest is not valid YAML", path, None if line is None else line + 1) from None
    reports = []
    for i, entry in enumerate(data.get("reports") or []):
        missing = [f for f in FIELDS if f not in (entry or {})]
        if missing:
            raise TertialError(f"report entry {i + 1} lacks {', '.join(missing)}", path)
        rep = SourceReport(**{f: entry[f] for f in FIELDS})
        rep.year = int(rep.year)
        ids.check_id(rep.district_id, "district")
        if rep.report_id != ids.report_id(rep.district_id, rep.year, rep.report_type):
            raise TertialError(f"report_id {rep.report_id!r} does not match its district, year and type", path)
        if verify:
            file = root / rep.file
            if not file.is_file():
                raise TertialError(f"the manifest names {rep.file}, which does not exist", path)
            actual = sha256_of(file)
            if actual != rep.sha256:
                raise TertialError(
                    f"sha256 mismatch: the manifest records {rep.sha256[:12]}…, the file has {actual[:12]}…; "
                    "the report changed since it was published (re-add it with --replace)", file)
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
