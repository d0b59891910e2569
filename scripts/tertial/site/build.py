"""The site stage: published packages -> Markdown pages and SVG charts -> MkDocs Material site.

Reads only `packages_dir` (datapackages/) and the hand-written `docs/` and `mkdocs.yml`; writes only
the build folder (`build/docs/` for the generated sources, `build/site/` for the site).
"""

from __future__ import annotations

import filecmp
import gc
import json
import logging
import shutil
import time
from pathlib import Path

from . import charts as ch
from .datapage import data_page
from .load import Package, SiteData, load
from .pagecache import PageCache
from .pages import Page, all_pages
from .view import View
from .sources import Source, find_sources, package_copies, source_page

# --- process ------------------------------------------------------------------------------------
def generate(data: SiteData, cache: PageCache | None = None, emit=None, facts=None,
             sources: dict[str, Source] | None = None) -> list[Page]:
    """Every page; with `sources` (report_id -> Source) also each report's source page. `facts`: the
    packages' PackageFacts (version, dates, sizes) for the data page (default: from the packages alone,
    without changelog dates or download sizes)."""
    sources = sources or {}
    v = View(data, frozenset(sources))
    pages = all_pages(v, cache, emit)
    extra = [data_page(v, facts)] + [source_page(v, r, sources[r.report_id])
                                     for r in data.reports.itertuples() if r.report_id in sources]
    for page in extra:
        if emit is not None:
            emit(page)
    return pages + extra


# --- save ----------------------------------------------------------------------------------------
class DocsWriter:
    """Writes build/docs/ without rewriting what is already there: a file or copy whose bytes are
    unchanged is left alone, so a republish writes only what changed. `prune()` then removes every file this build did not produce."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.kept: set[Path] = set()
        self.written = 0

    def __call__(self, path: Path, content: bytes | str | None) -> None:
        """Write content to path (None: the file is produced elsewhere, e.g. by a render worker)."""
        self.kept.add(path)
        if content is None:
            return
        if isinstance(content, str):
            content = content.encode("utf-8")
        try:
            if path.stat().st_size == len(content) and path.read_bytes() == content:
                return
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.written += 1

    def copy(self, src: Path, dst: Path) -> None:
        self.kept.add(dst)
        s = src.stat()
        try:
            d = dst.stat()
            if d.st_size == s.st_size and filecmp.cmp(src, dst, shallow=False):
                return  # the same bytes (compared: a time kept by a copy tool can lie)
        except OSError:
            pass
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        self.written += 1

    def copytree(self, src: Path, dst: Path) -> None:
        for path in sorted(Path(src).rglob("*")):
            if path.is_file():
                self.copy(path, dst / path.relative_to(src))

    def prune(self) -> None:
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.rglob("*"), reverse=True):
            if path.is_dir():
                if not any(path.iterdir()):
                    path.rmdir()
            elif path not in self.kept:
                path.unlink()


def _write(path: Path, content: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


class PageWriter:
    """Writes each page as it is made: Markdown, extra files, and its charts (rendered in worker
    processes when a pool is given; `finish()` waits for them)."""

    def __init__(self, docs_dir: Path, write: DocsWriter, chart_cache: Path | None, pool=None):
        self.docs_dir, self.write, self.chart_cache, self.pool = docs_dir, write, chart_cache, pool
        self.charts = 0
        self.futures = []
        self.used: set[str] = set()  # the chart-cache entries of this build's charts

    def __call__(self, page: Page) -> None:
        folder = self.docs_dir / page.path
        self.write(folder / "index.md", page.markdown())
        for name, blob in page.files.items():
            self.write(folder / name, blob)
        for c in page.charts:
            self.charts += 1
            ch.save(c, folder, cache=self.chart_cache, write=self.write, pool=self.pool, futures=self.futures,
                    used=self.used)

    def finish(self) -> int:
        for f in self.futures:
            f.result()
        return self.charts

    def prune_cache(self) -> int:
        """Remove the chart-cache entries no chart of this build used (after `finish`), so the cache holds
        one build's charts and does not grow with every republish. Returns how many were removed."""
        if self.chart_cache is None or not self.chart_cache.is_dir():
            return 0
        stale = [p for p in self.chart_cache.glob("*.svg") if p.name not in self.used]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)


def render_pool(workers: int = 2):
    """Worker processes for vl-convert (one JavaScript runtime each), started and warmed at once so they
    are ready when the first page's charts arrive."""
    from ..workers import process_pool
    from . import render

    return process_pool(workers, render.warm)


def write_downloads(data: SiteData, docs_dir: Path, root: Path | None = None, write: DocsWriter | None = None,
                    sources: dict[str, Source] | None = None) -> None:
    """/data/<pkg>/ (the package as published, with the source files its `sources` name), /data/<pkg>.zip
    and /data/<pkg>.xlsx.

    The zip and the workbook are the package stage's (build/downloads/, formula-safe Excel with a Swedish
    column sheet) when its cache says they were made from these very package files (made once per build,
    not twice); otherwise the same functions make them here (a site built from packages alone).
    Files already in docs_dir with the source's size and modification time are not copied again.
    """
    from ..package import downloads as dl
    from ..package import ready_downloads

    write = write or DocsWriter(docs_dir)
    for pkg in data.packages:
        out = docs_dir / "data"
        write.copytree(pkg.folder, out / pkg.name)
        ready = ready_downloads(root, pkg.name, pkg.folder) if root is not None else None
        if ready:
            write.copy(ready[0], out / f"{pkg.name}.zip")
            write.copy(ready[1], out / f"{pkg.name}.xlsx")
        else:
            out.mkdir(parents=True, exist_ok=True)
            dl.write_zip(pkg.folder, out / f"{pkg.name}.zip")
            dl.write_xlsx(pkg.folder, _tables_of(pkg), out / f"{pkg.name}.xlsx")
            write(out / f"{pkg.name}.zip", None)
            write(out / f"{pkg.name}.xlsx", None)
    for rel, file in package_copies(data.packages, sources or {}).items():
        write.copy(file, docs_dir / "data" / rel)


def _tables_of(pkg: Package) -> dict[str, list[dict]]:
    import csv

    tables = {}
    for res in pkg.descriptor.get("resources", []):
        path = pkg.folder / res.get("path", "")
        if path.is_file():
            with open(path, encoding="utf-8", newline="") as fh:
                tables[res.get("name", path.stem)] = list(csv.DictReader(fh))
    return tables


def footer_facts(data: SiteData, entries: list[dict]) -> dict:
    """What the footer (overrides/partials/copyright.html) says: the data's licence, and the version of
    the data and the date it was published, from the changelog (never the build time)."""
    lic = (data.package.descriptor.get("licenses") or [{}])[0]
    last = entries[-1] if entries else {}
    return {"licence": lic.get("title") or lic.get("name") or "", "licence_url": lic.get("path") or "",
            "version": last.get("version", ""), "date": last.get("date", "")}


def run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, strict: bool = True,
               facts: dict | None = None) -> None:
    """MkDocs' build; `facts` (footer_facts) go to config.extra.tertial, and the data's publication date
    stands for the build date (the sitemap's lastmod), so a rebuild of the same data is byte-identical."""
    import datetime as dt
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("mkdocs", "material"):
        logging.getLogger(name).setLevel(logging.WARNING)
    cfg = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=strict)
    cfg["extra"]["tertial"] = facts or {}
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if facts and facts.get("date"):
        day = dt.datetime.strptime(facts["date"], "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(day.timestamp()))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


class _Phases(dict):
    """Seconds per phase of making build/docs/, each from the end of the previous one."""

    def __init__(self):
        super().__init__()
        self.since = time.perf_counter()

    def mark(self, name: str) -> None:
        now = time.perf_counter()
        self[name] = round(now - self.since, 3)
        self.since = now


def _make_docs(root: Path, packages_dir: Path, out_dir: Path, docs_dir: Path, phases: _Phases) -> dict:
    """build/docs/: the hand-written pages, the downloads, the generated pages and their charts, the news;
    only what changed is written, and what this build did not produce is removed."""
    from .. import changelog, news
    from ..package import catalog

    pool = render_pool()
    try:
        data = load(packages_dir)                             # load
        sources = find_sources(root, data.reports)
        entries = changelog.load_entries(root)
        phases.mark("load")
        cache = PageCache(out_dir.parent / "cache" / "site-pages")
        write = DocsWriter(docs_dir)                          # save (as pages are made): only what changed
        write.copytree(root / "docs", docs_dir)
        writer = PageWriter(docs_dir, write, out_dir.parent / "chart-cache", pool)
        write_downloads(data, docs_dir, root, write, sources)  # first: the data page and catalogue give their sizes
        base = news.site_url(root)
        facts = [catalog.package_facts(p.name, p.folder, p.descriptor, entries, docs_dir / "data", base)
                 for p in data.packages]
        for name, blob in catalog.files(facts).items():
            write(docs_dir / "data" / name, blob)
        phases.mark("downloads")
        pages = generate(data, cache, emit=writer, facts=facts, sources=sources)  # unchanged pages from the cache
        cache.prune()
        phases.mark("pages")
        writer.finish()
        phases.mark("charts_wait")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for path in news.write_news(root, entries, docs_dir, set(data.reports["report_id"])):
        write(Path(path), None)
    write.prune()                                             # whatever this build did not produce
    phases.mark("news_prune")
    # what the rest of the build needs; the pages, tables and report texts are let go before MkDocs and
    # Pagefind run (they held hundreds of MB at city scale while the build's peak was reached)
    return {"footer": footer_facts(data, entries), "n_pages": len(pages), "cache": cache, "writer": writer,
            "write": write}


def build_site(root: Path, packages_dir: Path | None = None, out_dir: Path | None = None,
               docs_dir: Path | None = None, strict: bool = True) -> dict:
    """Build the site from the packages. Defaults: root/datapackages -> root/build/docs -> root/build/site.
    Returns figures: pages, charts, generate_s, mkdocs_s.

    The site is built into a staging folder beside `out_dir` and only replaces it when MkDocs succeeded,
    so a failure leaves the previous site exactly as it was.
    """
    root = Path(root)
    packages_dir = Path(packages_dir or root / "datapackages")
    out_dir = Path(out_dir or root / "build" / "site")
    docs_dir = Path(docs_dir or out_dir.parent / "docs")
    t0 = time.perf_counter()
    phases = _Phases()
    made = _make_docs(root, packages_dir, out_dir, docs_dir, phases)
    gc.collect()
    t1 = time.perf_counter()
    staging = out_dir.parent / f".{out_dir.name}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    run_mkdocs(root / "mkdocs.yml", docs_dir, staging, strict=strict, facts=made["footer"])
    t2 = time.perf_counter()
    _swap_into_place(staging, out_dir)
    writer, cache = made["writer"], made["cache"]
    writer.prune_cache()  # only once the site is built: a failed build keeps the charts it could reuse
    figures = {"pages": made["n_pages"] + sum(1 for p in (root / "docs").rglob("*.md")),
               "charts": writer.charts, "pages_cached": cache.hits, "pages_made": cache.misses,
               "pages_made_by_kind": cache.made, "pages_remade": [f"{k}:{i}" for k, i in cache.remade],
               "generate_s": round(t1 - t0, 3), "mkdocs_s": round(t2 - t1, 3), "generate_phases_s": dict(phases),
               "charts_rendered": len(writer.futures), "docs_files_written": made["write"].written}
    (out_dir.parent / "site-build.json").write_text(json.dumps(figures) + "\n", encoding="utf-8")
    return figures


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    """Replace out_dir by staging with two renames (the old site is removed only afterwards)."""
    old = out_dir.parent / f".{out_dir.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
