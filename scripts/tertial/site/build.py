"""The site stage: published packages -> Markdown pages and SVG charts -> MkDocs Material site.

Reads only `packages_dir` (datapackages/) and the hand-written `docs/` and `mkdocs.yml`; writes only
the build folder (`build/docs/` for the generated sources, `build/site/` for the site).
"""

from __future__ import annotations

import json
import logging
import shutil
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import charts as ch
from .datapage import data_page
from .load import Package, SiteData, load, resource_schema
from .pagecache import PageCache
from .pages import Page, View, all_pages

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# --- process ------------------------------------------------------------------------------------
def generate(data: SiteData, cache: PageCache | None = None) -> list[Page]:
    v = View(data)
    return all_pages(v, cache) + [data_page(v)]


# --- save ----------------------------------------------------------------------------------------
def _write(path: Path, content: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def write_pages(pages: list[Page], docs_dir: Path, cache: Path | None = None) -> int:
    """Markdown, chart SVG + spec and extra files per page; returns the number of charts."""
    jobs = []
    for page in pages:
        folder = docs_dir / page.path
        _write(folder / "index.md", page.markdown())
        for name, blob in page.files.items():
            _write(folder / name, blob)
        jobs.extend((c, folder) for c in page.charts)
    with ThreadPoolExecutor(max_workers=2) as pool:  # vl-convert releases the GIL while rendering
        list(pool.map(lambda job: ch.save(*job, cache=cache), jobs))
    return len(jobs)


def write_zip(pkg: Package, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(p for p in pkg.folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{pkg.name}/{f.relative_to(pkg.folder).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, f.read_bytes())


def write_excel(pkg: Package, dest: Path) -> None:
    """One sheet per table; number and integer columns as numbers, everything else as text."""
    import csv

    import xlsxwriter

    dest.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(dest), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    import datetime as dt

    created = str(pkg.descriptor.get("created", ""))[:10]  # never the clock: same inputs, same bytes
    try:
        when = dt.datetime.strptime(created, "%Y-%m-%d")
    except ValueError:
        when = dt.datetime(2000, 1, 1)
    wb.set_properties({"title": pkg.descriptor.get("title", pkg.name), "created": when})
    wb.set_calc_mode("manual")
    bold = wb.add_format({"bold": True})
    for res in pkg.descriptor.get("resources", []):
        path = pkg.folder / res.get("path", "")
        if not path.is_file():
            continue
        types = {f["name"]: f.get("type", "string") for f in resource_schema(pkg, res).get("fields", [])}
        ws = wb.add_worksheet(str(res.get("name", path.stem))[:31])
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            ws.write_row(0, 0, header, bold)
            for i, row in enumerate(reader, start=1):
                for j, cell in enumerate(row):
                    kind = types.get(header[j] if j < len(header) else "", "string")
                    if cell != "" and kind in ("number", "integer"):
                        try:
                            ws.write_number(i, j, float(cell))
                            continue
                        except ValueError:
                            pass
                    ws.write_string(i, j, cell)
        ws.freeze_panes(1, 0)
    wb.close()


def ready_downloads(root: Path, pkg: Package) -> tuple[Path, Path] | None:
    """The package stage's zip and workbook of this very package (build/downloads/), when its cache entry
    says they were made from exactly these package files by the current code; else None."""
    from ..package import DOWNLOADS
    from ..package import cache as pcache

    entry = pcache.get(root, "downloads", pkg.name)
    if not entry:
        return None
    zip_path, xlsx_path = root / DOWNLOADS / f"{pkg.name}.zip", root / DOWNLOADS / f"{pkg.name}.xlsx"
    files = {p.relative_to(pkg.folder).as_posix(): p.read_bytes() for p in pkg.folder.rglob("*") if p.is_file()}
    if (entry.get("key") == pcache.downloads_key(files) and entry.get("zip") == pcache.file_sha256(zip_path)
            and entry.get("xlsx") == pcache.file_sha256(xlsx_path)):
        return zip_path, xlsx_path
    return None


def write_downloads(data: SiteData, docs_dir: Path, root: Path | None = None) -> None:
    """/data/<package>/, /data/<package>.zip and .xlsx: the package stage's downloads when they are
    fresh for these packages (made once per build, not twice), else made here."""
    for pkg in data.packages:
        shutil.copytree(pkg.folder, docs_dir / "data" / pkg.name, dirs_exist_ok=True)
        ready = ready_downloads(root, pkg) if root is not None else None
        if ready:
            shutil.copyfile(ready[0], docs_dir / "data" / f"{pkg.name}.zip")
            shutil.copyfile(ready[1], docs_dir / "data" / f"{pkg.name}.xlsx")
            continue
        write_zip(pkg, docs_dir / "data" / f"{pkg.name}.zip")
        write_excel(pkg, docs_dir / "data" / f"{pkg.name}.xlsx")


def run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, strict: bool = True) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("mkdocs", "material"):
        logging.getLogger(name).setLevel(logging.WARNING)
    cfg = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=strict)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()


def build_site(root: Path, packages_dir: Path | None = None, out_dir: Path | None = None,
               docs_dir: Path | None = None, strict: bool = True) -> dict:
    """Build the site from the packages. Defaults: root/datapackages -> root/build/docs -> root/build/site.
    Returns figures: pages, charts, generate_s, mkdocs_s."""
    root = Path(root)
    packages_dir = Path(packages_dir or root / "datapackages")
    out_dir = Path(out_dir or root / "build" / "site")
    docs_dir = Path(docs_dir or out_dir.parent / "docs")
    t0 = time.perf_counter()
    data = load(packages_dir)                                 # load
    cache = PageCache(out_dir.parent / "cache" / "site-pages")
    pages = generate(data, cache)                             # process (unchanged pages from the cache)
    cache.prune()
    shutil.rmtree(docs_dir, ignore_errors=True)               # save
    shutil.copytree(root / "docs", docs_dir)
    n_charts = write_pages(pages, docs_dir, cache=out_dir.parent / "chart-cache")
    write_downloads(data, docs_dir, root)
    t1 = time.perf_counter()
    shutil.rmtree(out_dir, ignore_errors=True)
    run_mkdocs(root / "mkdocs.yml", docs_dir, out_dir, strict=strict)
    t2 = time.perf_counter()
    figures = {"pages": len(pages) + sum(1 for p in (root / "docs").rglob("*.md")),
               "charts": n_charts, "pages_cached": cache.hits, "pages_made": cache.misses,
               "pages_made_by_kind": cache.made, "generate_s": round(t1 - t0, 3), "mkdocs_s": round(t2 - t1, 3)}
    (out_dir.parent / "site-build.json").write_text(json.dumps(figures) + "\n", encoding="utf-8")
    return figures
