"""Stage 5, site: the published packages -> pages and charts in build/docs/ -> `mkdocs build --strict` into
build/site/ (`tertial.site.build_site`).

Reads:  datapackages/, build/downloads/ (the downloads and the package stage's record of what they were
        made from, through `package.ready_downloads`), sources/ (the reports' texts
        for /kallor/), changelog/ (the news), curation/synonyms.yml, docs/, overrides/, mkdocs.yml
Writes: build/docs/, build/site/, build/chart-cache/, build/cache/site-pages/, build/site-build.json
"""

from __future__ import annotations

from pathlib import Path

READS = (Path("datapackages"), Path("build") / "downloads", Path("sources"), Path("changelog"),
         Path("curation") / "synonyms.yml", Path("docs"), Path("overrides"), Path("mkdocs.yml"))
WRITES = (Path("build") / "docs", Path("build") / "site", Path("build") / "chart-cache",
          Path("build") / "site-build.json", Path("build") / "cache" / "site-pages", Path("build") / ".site.staging")


def run(root: Path, ctx) -> list[str]:
    """The stage. A project without mkdocs.yml (e.g. a test project of packages only) has no site. MkDocs'
    own build time is reported as ctx.timings['mkdocs'] (part of the stage's time)."""
    if not (root / "mkdocs.yml").is_file():
        return ["site: no mkdocs.yml in the project, no site built"]
    from .build import build_site

    figures = build_site(root)
    ctx.timings["mkdocs"] = float(figures["mkdocs_s"])
    return [f"site: {figures['pages']} pages, {figures['charts']} charts in build/site/ "
            f"(pages and charts {figures['generate_s']} s, MkDocs {figures['mkdocs_s']} s)"]
