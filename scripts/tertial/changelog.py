"""Release diff: what changed between two publications, kept as one changelog entry per publication.

A publication is the set of tables in `datapackages/stockholm/data/` at one point. Each time the
tables change (a report added or replaced, a correction), one entry is written to `changelog/NNNN.json`:
the reports added, replaced and removed and, per indicator, the values and targets that are new,
dropped or changed against the previous publication; for each added report also what changed against
the district's previous report. In reports that were published before, changed goals (the council's
verdict, title, code, level, city goal: each change listed) and activities (counted) are recorded too,
so a correction of a verdict or an activity's date gives a new data version. Every other difference in
the published data gives one too, counted: indicator rows changed in other columns (a review flag, a
name, the analysis), a report's title, the analysis texts (`goal_texts`) of a report, and the reference
tables (indicators, city goals, districts, corrections). Entries carry no clock time: the
entry's date is the newest date of an added report (`tertial.reports.report_date`: printed in its title
block, or else the end of its period), so the same inputs always give the same changelog. The data version is `1.<n-1>.0` for
entry n; an entry names the packages whose data it changes (`packages`: the city-wide one and the
districts touched), and each package's `datapackage.json` `version` is that of the newest entry naming
it (`package_versions`).

Seams for other stages:
  - `update(root, new_tables)` before the package stage overwrites `datapackages/stockholm/data/`:
    appends an entry when the tables differ from the published ones (idempotent).
  - `current_version(root)`: the version string to write into every `datapackage.json`.
The date of an entry, the order of reports and the rows of the reports and districts tables are
`tertial.reports`' (shared with the package stage); the news pages are `tertial.news`'.

Blocks: load (`load_entries`, `published_tables`) / process (`diff`, `make_entry`) / save (`save_entry`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

from . import schema
from .curate import CURATED  # the curate stage's output, which this stage reads
from .errors import TertialError
from .releasediff import CITY_PACKAGE, COLUMNS, DIFF_TABLES, MORE_TABLES, canonical, diff, is_empty, row_text
# public names of this stage before the diff had its own module (add_report compares a report with the
# district's previous one through them)
from .releasediff import compare_reports, previous_report  # noqa: F401
from .reports import date_of, district_rows, report_rows


CHANGELOG_DIR = Path("changelog")
PUBLISHED_DATA = Path("datapackages") / "stockholm" / "data"
# as a stage: what it reads (the curated tables, the published ones, the reports' texts for their dates)
READS = (CURATED, PUBLISHED_DATA, Path("sources"), CHANGELOG_DIR)
WRITES = (CHANGELOG_DIR,)
# an entry's `tables_sha256` fingerprints the first two (as it always has), `goals_sha256` the other two
MAIN_TABLES, TEXT_TABLES = DIFF_TABLES[:2], DIFF_TABLES[2:]
# the rest of the published tables (MORE_TABLES), compared as text: an entry's `more_sha256`
ALL_TABLES = DIFF_TABLES + MORE_TABLES
# optional fingerprints (entries written before them lack them) and the tables each one covers
LATER_FINGERPRINTS = {"goals_sha256": TEXT_TABLES, "more_sha256": MORE_TABLES}
_ENTRY_FILE = re.compile(r"^(\d{4})\.json$")


# ---------------------------------------------------------------------------------------------- load

def read_csv_rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    from .curate import read_csv

    return read_csv(path)


def published_tables(root: Path) -> dict[str, list[dict]]:
    """The tables of the current publication (empty lists before the first one), with their columns
    (COLUMNS: each published CSV's header)."""
    tables: dict = {name: read_csv_rows(root / PUBLISHED_DATA / f"{name}.csv") for name in ALL_TABLES}
    headers = {}
    for path in sorted((root / PUBLISHED_DATA).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            headers[path.stem] = next(csv.reader(fh), [])
    tables[COLUMNS] = headers
    return tables


def load_entries(root: Path) -> list[dict]:
    """Every changelog entry, oldest first."""
    folder = root / CHANGELOG_DIR
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if _ENTRY_FILE.match(p.name))
    entries = []
    for number, path in enumerate(files, start=1):
        if int(_ENTRY_FILE.match(path.name).group(1)) != number:  # a deleted entry would lower the version
            raise TertialError(f"changelog entry {number:04d}.json is missing (the entries must be numbered "
                               "1, 2, 3, ... without a gap); restore it from git", path)
        entries.append(_read_entry(path))
    return entries


def _read_entry(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    try:
        entry = json.loads(text)
    except ValueError as exc:
        marker = next((i for i, line in enumerate(text.splitlines(), 1) if line.startswith(("<<<<<<<", ">>>>>>>"))),
                      None)
        if marker:
            raise TertialError("a git merge conflict is left in it; keep one side (or restore it from git)",
                               path, marker) from None
        raise TertialError(f"not valid JSON ({exc.msg})", path, getattr(exc, "lineno", None)) from None
    if not isinstance(entry, dict) or not isinstance(entry.get("version"), str):
        raise TertialError("not a changelog entry (a JSON object with a version)", path)
    return entry


def version_of(number: int) -> str:
    return f"1.{number - 1}.0"


def curated_tables(root: Path) -> dict[str, list[dict]]:
    """The tables about to be published: reports from the manifest, districts from tertial.ids, the others
    from build/curated/."""
    from . import sources

    curated = {name: read_csv_rows(root / CURATED / f"{name}.csv") for name in ALL_TABLES
               if name not in ("reports", "districts")}
    columns = {name: schema.columns(name) for name in schema.table_names()}
    return {"reports": report_rows(sources.load_manifest(root, verify=False)),
            "districts": district_rows(), **curated, COLUMNS: columns}


def current_version(root: Path) -> str:
    """The data version: follows the newest changelog entry ('0.0.0' before any)."""
    entries = load_entries(root)
    return entries[-1]["version"] if entries else "0.0.0"


def package_versions(entries: list[dict]) -> dict[str, str]:
    """{package: version} for `datapackage.json`: the version of the newest entry that changed the package's
    data (entry['packages']). The city-wide package changes with every entry; an entry written before
    entries named their packages changed them all (the key '*' gives that version)."""
    out: dict[str, str] = {}
    for e in entries:
        names = e.get("packages")
        if names is None:
            out = {"*": e["version"]}
        else:
            out.update({name: e["version"] for name in names})
        out[CITY_PACKAGE] = e["version"]
    return out


def version_of_package(versions: dict[str, str], name: str) -> str:
    return versions.get(name) or versions.get("*") or "0.0.0"


# ------------------------------------------------------------------------------------------- process

def tables_sha256(tables: dict[str, list[dict]], names: tuple[str, ...] = MAIN_TABLES) -> str:
    """A fingerprint of these tables, independent of row and column order and of value types."""
    h = hashlib.sha256()
    for name in names:
        rows = tables.get(name) or []
        if name in TEXT_TABLES or name in MORE_TABLES:  # compared as text: no number spellings to fold
            lines = sorted(row_text(row) for row in rows)
        else:
            lines = sorted(json.dumps({k: canonical(v) for k, v in row.items()}, sort_keys=True,
                                      ensure_ascii=False) for row in rows)
        h.update(f"{name}\n".encode())
        for line in lines:
            h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()


def make_entry(number: int, body: dict, date: str, fingerprint: str, goals_fingerprint: str | None = None,
               more_fingerprint: str | None = None, columns_fingerprint: str | None = None) -> dict:
    head = {"number": number, "version": version_of(number), "date": date, "tables_sha256": fingerprint}
    if goals_fingerprint is not None:
        head["goals_sha256"] = goals_fingerprint
    if more_fingerprint is not None:
        head["more_sha256"] = more_fingerprint
    if columns_fingerprint is not None:
        head["columns_sha256"] = columns_fingerprint
    return {**head, **body}


def columns_sha256(tables: dict) -> str | None:
    """A fingerprint of the tables' columns as written (None when not known)."""
    columns = tables.get(COLUMNS)
    return hashlib.sha256(json.dumps(columns, sort_keys=True).encode()).hexdigest() if columns else None


def fingerprints(tables: dict[str, list[dict]]) -> dict[str, str]:
    """The fingerprints an entry keeps: `tables_sha256`, each of LATER_FINGERPRINTS and, when the tables
    come with their columns, `columns_sha256`."""
    out = {"tables_sha256": tables_sha256(tables),
           **{key: tables_sha256(tables, names) for key, names in LATER_FINGERPRINTS.items()}}
    columns = columns_sha256(tables)
    if columns is not None:
        out["columns_sha256"] = columns
    return out


def unchanged(last: dict | None, prints: dict[str, str], published) -> bool:
    """Do the newest entry's fingerprints say these tables were published already? An entry written before
    a fingerprint existed lacks it: the tables published now stand in for it (`published(key)`, the
    fingerprint of the published tables, None when none are published: nothing to compare with)."""
    if last is None or last.get("tables_sha256") != prints["tables_sha256"]:
        return False
    for key in prints.keys() - {"tables_sha256"}:
        known = last[key] if key in last else published(key)
        if known is not None and known != prints[key]:
            return False
    return True


# ---------------------------------------------------------------------------------------------- save

def entry_path(root: Path, number: int) -> Path:
    return root / CHANGELOG_DIR / f"{number:04d}.json"


def dump_entry(entry: dict) -> str:
    return json.dumps(entry, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def save_entry(root: Path, entry: dict) -> Path:
    path = entry_path(root, entry["number"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(dump_entry(entry), encoding="utf-8")
    tmp.replace(path)
    return path


def _date(root: Path, report: dict) -> str:
    return date_of(root, report.get("report_id", ""), report["year"], report["report_type"],
                   report.get("source_file"))


def update(root: Path, new_tables: dict[str, list[dict]],
           old_tables: dict[str, list[dict]] | None = None) -> dict | None:
    """Append a changelog entry if `new_tables` differ from the published ones; return it (else None).

    Idempotent: when the newest entry already describes these tables, nothing is written.
    `old_tables` defaults to what is in `datapackages/stockholm/data/` now.
    """
    entries = load_entries(root)
    prints = fingerprints(new_tables)
    last = entries[-1] if entries else None
    old: dict[str, list[dict]] | None = None

    def published(key: str) -> str | None:
        nonlocal old
        if old is None:
            old = published_tables(root) if old_tables is None else old_tables
        if key == "columns_sha256":
            return columns_sha256(old)
        names = LATER_FINGERPRINTS[key]
        return tables_sha256(old, names) if any(old.get(n) for n in names) else None

    if unchanged(last, prints, published):
        return None
    if old is None:
        old = published_tables(root) if old_tables is None else old_tables
    body = diff(old, new_tables)
    if is_empty(body) and entries:
        return None
    dated = body["reports_added"] + body["reports_replaced"]
    dates = [_date(root, r) for r in dated]
    if not dates:  # a correction: date it by the newest report in the publication
        dates = [_date(root, r) for r in new_tables.get("reports", [])]
    if not dates and entries:
        dates = [entries[-1]["date"]]
    entry = make_entry(len(entries) + 1, body, max(dates) if dates else "1970-01-01", prints["tables_sha256"],
                       prints["goals_sha256"], prints["more_sha256"], prints.get("columns_sha256"))
    save_entry(root, entry)
    return entry


def run(root: Path, ctx=None) -> list[str]:
    """The build stage between curate and package (`tertial.build.STAGES`).

    Compares the curated tables with the published ones (still on disk) and records an entry when they
    differ, so that the package stage can write `current_version(root)` and the site its news.
    """
    entry = update(root, curated_tables(root))
    if entry is None:
        return [f"changelog: no change, data version {current_version(root)}"]
    added = ", ".join(r["report_id"] for r in entry["reports_added"]) or "none"
    return [f"changelog: entry {entry['number']}, data version {entry['version']} "
            f"(reports added: {added}; {len(entry['indicators']['changed'])} changed values or targets; "
            f"{len(entry['goals']['changed'])} changed goal cells; {len(entry['indicators']['other'])} indicator rows "
            f"changed in other columns)"]

