"""Stage 3, package: curated tables -> Frictionless data packages in datapackages/, validated, and their
downloads (zip, Excel) in build/downloads/.

Reads:  build/curated/*.csv, sources/reports.yml (and each report's heading, for the `created` date),
        changelog/ (the data version), the Table Schemas in package/schema/*.yml
Writes: datapackages/<package>/datapackage.json + data/<table>.csv and datapackages/README.md
        (committed; a readable diff), build/downloads/<package>.zip and <package>.xlsx (not committed;
        the site serves them as /data/<package>.zip and /data/<package>.xlsx, after asking
        `ready_downloads(root, name, folder)` whether they are of these very package files).

Each distinct line is validated row by row by Frictionless once: the city package's lines not validated
before (hashes in build/cache/package/, see cache.py; safe to delete), while each district package is
proven a part of the city package (a district whose files are the ones proven before: by the digests of
its lines, a subset of the city table's); keys are checked over whole tables (see proof.py). Downloads made
before from the same bytes are not made again.

Packages are written to build/datapackages.staging/ first and checked; only when every package is valid
do they replace datapackages/ (the downloads of changed packages are made meanwhile, in
build/downloads.staging/, and moved into build/downloads/ after). Same inputs, same bytes: no clock, sorted rows,
LF line ends, stable number text.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .. import changelog, schema, sources
from ..curate import CURATED, load_curated
from ..errors import TertialError
from ..extract.write import to_csv
from ..workers import process_pool
from . import cache, downloads, metadata, proof, tables, validate

OUT = Path("datapackages")
STAGING = Path("build") / "datapackages.staging"
DOWNLOADS = Path("build") / "downloads"
DOWNLOADS_NEW = Path("build") / "downloads.staging"  # made while the packages are checked
README = "README.md"
READS = (CURATED, Path("sources"), Path("changelog"), OUT, DOWNLOADS, cache.CACHE)
WRITES = (OUT, STAGING, DOWNLOADS, DOWNLOADS_NEW, cache.CACHE)


class PackageInvalid(TertialError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} validation errors; nothing was published (first: {problems[0]})")


@dataclass
class Published:
    packages: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    downloads: list[Path] = field(default_factory=list)

    def summary(self) -> list[str]:
        city = self.packages.get(tables.CITY, {})
        counts = ", ".join(f"{len(rows)} {t}" for t, rows in city.items())
        return [f"packages: {len(self.packages)} valid ({', '.join(self.packages)}); stockholm: {counts}",
                f"downloads: {len(self.downloads)} files in {DOWNLOADS}/"]


# --- process ----------------------------------------------------------------------------------------

def csv_text(table: str, rows: list[dict], memo: dict[int, str] | None = None) -> str:
    """The CSV file of one table. With `memo` ({id(row): its CSV record}), a row is written once per run:
    a district's rows are the very row objects of the city package (tables.packages), so their records
    are the ones already written for the city. The same bytes as `to_csv` (one csv writer, record by
    record)."""
    cols = schema.columns(table)
    if memo is None:
        return to_csv(cols, rows)
    todo = [r for r in rows if id(r) not in memo]
    if todo:
        recs = proof.records(to_csv(cols, todo))[1:]
        if len(recs) != len(todo):  # cannot happen with the csv module's quoting; never guess
            return to_csv(cols, rows)
        for r, rec in zip(todo, recs):
            memo[id(r)] = rec + "\n"
    return to_csv(cols, []) + "".join(memo[id(r)] for r in rows)


def resource(table: str, data: bytes) -> dict:
    meta = schema.table_meta(table)
    return {
        "name": table, "type": "table", "path": f"data/{table}.csv", "scheme": "file", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8", "title": meta["title"], "description": meta["description"],
        "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": schema.table_schema(table),
    }


def render(root: Path, name: str, pkg: dict[str, list[dict]], reports,
           memo: dict[int, str] | None = None, data_version: str | None = None) -> dict[str, bytes]:
    """{relative path: bytes} of one package (`memo`: see csv_text)."""
    files: dict[str, bytes] = {}
    resources = []
    for table in schema.table_names():
        data = csv_text(table, pkg[table], memo).encode("utf-8")
        files[f"data/{table}.csv"] = data
        resources.append(resource(table, data))
    held = {r["report_id"] for r in pkg["reports"]}
    desc = metadata.descriptor(root, name, [r for r in reports if r.report_id in held], data_version)
    desc["resources"] = resources
    files["datapackage.json"] = (json.dumps(desc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


# --- save -------------------------------------------------------------------------------------------

def _write(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _publish(staging: Path, out: Path, names: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for old in sorted(p for p in out.iterdir() if p.is_dir()):
        if old.name not in names and (old / "datapackage.json").exists():
            shutil.rmtree(old)
    for name in names:
        target, old = out / name, out / f".{name}.old"
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            target.rename(old)
        (staging / name).rename(target)
        if old.exists():
            shutil.rmtree(old)
    (out / README).write_text(readme(names), encoding="utf-8", newline="")


def check(root: Path, staging: Path, names: list[str]) -> list[str]:
    """Every problem of the staged packages (see proof.py): each package's metadata by Frictionless, the
    city package's new lines row by row by Frictionless and its keys by sets, each district package
    proven a part of it (by sets of line digests alone when its files are the ones proven before). The
    line hashes and the districts' proofs are cached when all is valid."""
    files = {name: _files(staging / name) for name in names}
    key = cache.checked_key(files)
    if (cache.get(root, "checked", "packages") or {}).get("key") == key:
        return []  # these very files were checked, by this code, and found valid
    problems: list[str] = []
    valid_descriptors: dict[str, str] = {}
    for name in names:  # a district's schemas are the city's (proven below), validated with it
        schemas = name == tables.CITY
        dkey = cache.descriptor_key(name, files[name].get("datapackage.json", b""), schemas)
        if (cache.get(root, "descriptors", name) or {}).get("key") == dkey:
            continue  # these very bytes were found valid before
        found = validate.descriptor_problems(staging / name / "datapackage.json", schemas=schemas)
        problems += found
        if not found:
            valid_descriptors[name] = dkey
    found, lines, city, _ = proof.check_city(staging / tables.CITY, cache.get_lines(root), staging / ".rows")
    problems += found
    city_digests = {table: set(digests) for table, (_, digests) in lines.items()}
    proven: dict[str, tuple[str, dict]] = {}
    for name in names:
        if name == tables.CITY:
            continue
        dkey = cache.district_key(name, staging / name, files[name])
        seen = cache.get(root, "districts", name)
        seen = seen if isinstance(seen, dict) else {}
        if dkey and seen.get("key") == dkey and proof.known_district(staging / name, city, city_digests,
                                                                     seen.get("tables")):
            continue  # these very files were proven before; still a part of the city package
        found, record = proof.prove_district(staging / name, city)
        problems += found
        if dkey and not found:
            proven[name] = (dkey, record)
    shutil.rmtree(staging / ".rows", ignore_errors=True)
    if not problems:
        cache.put_lines(root, lines)
        for name, (dkey, record) in proven.items():
            cache.put(root, "districts", name, {"key": dkey, "tables": record})
        for name, dkey in valid_descriptors.items():
            cache.put(root, "descriptors", name, {"key": dkey})
        cache.put(root, "checked", "packages", {"key": key})
    return problems


def version_problem(published: Path, files: dict[str, bytes]) -> str | None:
    """A package published with a version keeps it only while its data stay the same (users rely on an
    unchanged version meaning unchanged data): the problem (one line, after the published descriptor's
    path) when the staged files break that promise, i.e. the changelog stage recorded no entry naming
    this package though its tables' bytes changed."""
    try:
        old = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # nothing (readable) published: no promise made

    def data(desc) -> list:
        resources = desc.get("resources") if isinstance(desc, dict) else None
        return sorted((str(r.get("path")), str(r.get("hash"))) for r in resources or [] if isinstance(r, dict))

    new = json.loads(files["datapackage.json"])
    if not isinstance(old, dict) or new.get("version") != old.get("version") or data(new) == data(old):
        return None
    return (f"its data would change but keep version {new.get('version')}, as no changelog entry names the "
            f"package '{published.name}' (a bug in tertial's changelog; nothing was published)")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def ready_downloads(root: Path, name: str, folder: Path) -> tuple[Path, Path] | None:
    """The zip and workbook this stage made of the package published in `folder` (build/downloads/), when
    they were made from exactly its files by the current code; else None (the caller makes its own)."""
    entry = cache.get(root, "downloads", name)
    if not entry:
        return None
    zip_path, xlsx_path = root / DOWNLOADS / f"{name}.zip", root / DOWNLOADS / f"{name}.xlsx"
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    if (entry.get("key") == cache.downloads_key(files) and entry.get("zip") == cache.file_sha256(zip_path)
            and entry.get("xlsx") == cache.file_sha256(xlsx_path)):
        return zip_path, xlsx_path
    return None


def run(root: Path, ctx=None) -> list[str]:
    """The stage; its summary lines."""
    return publish(root).summary()


def publish(root: Path) -> Published:
    """Load the curated tables, build and validate every package, then publish."""
    reports = sources.load_manifest(root)
    if not reports:
        raise TertialError("no reports in the manifest: nothing to package", root / sources.MANIFEST)
    pkgs = tables.packages(load_curated(root), reports)
    staging = root / STAGING
    if staging.exists():
        shutil.rmtree(staging)
    memo: dict[int, str] = {}
    versions = changelog.package_versions(changelog.load_entries(root))
    # each package's downloads, when changed, are made from its staged files in the background as soon
    # as it is staged (the city's, the biggest, first), while the others are rendered and all are checked
    keys, made_dir = {}, root / DOWNLOADS_NEW
    unversioned: list[TertialError] = []  # raised once the packages are known valid (their errors first)
    shutil.rmtree(made_dir, ignore_errors=True)
    with _Downloads() as pending:
        try:
            for name, pkg in pkgs.items():
                files = render(root, name, pkg, reports, memo, changelog.version_of_package(versions, name))
                problem = version_problem(root / OUT / name, files)
                if problem:
                    unversioned.append(TertialError(problem, root / OUT / name / "datapackage.json"))
                _write(staging / name, files)
                zip_path, xlsx_path = root / DOWNLOADS / f"{name}.zip", root / DOWNLOADS / f"{name}.xlsx"
                key = keys[name] = cache.downloads_key(files)
                seen = cache.get(root, "downloads", name)
                if not (seen and seen.get("key") == key and seen.get("zip") == cache.file_sha256(zip_path)
                        and seen.get("xlsx") == cache.file_sha256(xlsx_path)):
                    pending.submit((name, "xlsx", staging / name, made_dir / xlsx_path.name))
                    pending.submit((name, "zip", staging / name, made_dir / zip_path.name))
            problems = check(root, staging, list(pkgs))
            if problems:
                raise PackageInvalid(problems)
            if unversioned:
                raise unversioned[0]
            made = pending.result()  # before the staged folders move
        except BaseException:
            pending.cancel()
            shutil.rmtree(made_dir, ignore_errors=True)
            raise
    _publish(staging, root / OUT, list(pkgs))
    shutil.rmtree(staging)
    (root / DOWNLOADS).mkdir(parents=True, exist_ok=True)
    for path in made:
        path.replace(root / DOWNLOADS / path.name)
    shutil.rmtree(made_dir, ignore_errors=True)
    written = []
    for name in pkgs:
        zip_path, xlsx_path = root / DOWNLOADS / f"{name}.zip", root / DOWNLOADS / f"{name}.xlsx"
        if any(p.name in (zip_path.name, xlsx_path.name) for p in made):
            cache.put(root, "downloads", name, {"key": keys[name], "zip": cache.file_sha256(zip_path),
                                                "xlsx": cache.file_sha256(xlsx_path)})
        written += [zip_path, xlsx_path]
    return Published(pkgs, written)


def _package_tables(folder: Path) -> dict[str, list[dict]]:
    """The tables of the package in `folder`, as written (the strings the rows were written from): as
    csv.DictReader reads them (empty records skipped), a row short of cells lacking those columns."""
    out = {}
    for path in sorted((folder / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            out[path.stem] = [dict(zip(header, row)) for row in reader if row]
    return out


def _download(job) -> Path:
    _, kind, folder, path = job
    if kind == "zip":
        downloads.write_zip(folder, path)
    else:
        downloads.write_xlsx(folder, _package_tables(folder), path)
    return path


class _Downloads:
    """Make these zips and workbooks in the background, each as soon as it is submitted, in two worker
    processes (the workbook writer is pure Python, so threads would not help; the pool starts with the
    first job, so a build with no changed package starts none). Each file is written by one worker alone,
    from its own package files, so the bytes are the same as one by one. The city package comes first,
    so its workbook, the biggest job (about as big as all districts' together), starts first."""

    def __init__(self):
        self.pool = None
        self.futures = []

    def __enter__(self):
        return self

    def submit(self, job) -> None:
        if self.pool is None:
            self.pool = process_pool(2)
        self.futures.append(self.pool.submit(_download, job))

    def result(self) -> list[Path]:
        return [f.result() for f in self.futures]

    def cancel(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        return False


def readme(names: list[str]) -> str:
    lines = [
        "# Datapaket / data packages",
        "",
        "Genereras av `tertial build`; ändra inte för hand. / Generated by `tertial build`; do not edit.",
        "",
        "Varje mapp är ett Frictionless-datapaket (`datapackage.json` och `data/<tabell>.csv`):",
        "`stockholm/` har alla stadsdelar och rapporter, `<district_id>/` en stadsdel.",
        "Tabellernas kolumner förklaras på svenska i varje `datapackage.json` (title, description).",
        "",
        "Packages: " + ", ".join(f"`{n}/`" for n in names) + ".",
        "",
        "## Format",
        "",
        "Each `datapackage.json` is a Data Package v2 (`$schema`: the v2 profile, declared once at the root;",
        "`frictionless validate` reads it as v2).",
        "",
        "CSV in UTF-8, comma separated, LF line ends, a header row, `.` as the decimal point, an empty cell",
        "for \"not reported\". Rows are sorted by each table's primary key, so a new report shows as a clean",
        "diff. Text cells are published exactly as printed in the report, even when they start with `=`,",
        "`+`, `-` or `@`; the Excel downloads mark such cells as text so they never run as formulas.",
        "",
        "## Downloads",
        "",
        "Each package is also built as `build/downloads/<package>.zip` (this folder's files) and",
        "`build/downloads/<package>.xlsx` (one sheet per table, numbers as numbers, a sheet `Kolumner`",
        "explaining every column in Swedish). They are binary, so they are not committed; the site serves",
        "them as `/data/<package>.zip` and `/data/<package>.xlsx`.",
        "",
        "## Licence: CC0 1.0",
        "",
        "The data are published under CC0 1.0 (public domain dedication). The reports are public records",
        "(allmänna handlingar) of Stockholm's district councils; decisions and statements of Swedish",
        "authorities carry no copyright (upphovsrättslagen 9 §), and the extracted facts, numbers and",
        "goal titles are not creative works of ours either. CC0 says so plainly and lets journalists and",
        "researchers reuse, merge and republish the tables without conditions. We still ask, as a",
        "courtesy, that you name the source: the district council's report and period.",
        "",
        "## Provenance",
        "",
        "`reports` names each source file with its SHA-256; every goal, indicator row and activity has",
        "`source_line`, the line in that file where it starts. Hand corrections are listed, with their",
        "reasons, in the `corrections` table. `version` is the data version (`1.0.0` for the first",
        "publication, `1.1.0` for the next, ...; each has an entry in `changelog/NNNN.json` saying what",
        "changed and which packages it changed): `stockholm/` has the newest, a district's package the",
        "version of the newest publication that changed its data, so an unchanged version means unchanged",
        "data (any cell of any table; the build refuses to publish changed data under an old version);",
        "`publication` is the newest report in the package (e.g. `2023-T2`); `created` is that",
        "report's date as printed in its heading (else the last day of its period), never the time of",
        "the build.",
        "",
    ]
    return "\n".join(lines)
