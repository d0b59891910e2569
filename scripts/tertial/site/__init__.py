"""The site stage: pages and charts generated from the published packages only.

The stage's entry point is `tertial.site.stage.run(root, ctx)` (as every stage's), which calls
`tertial.site.build_site(root, packages_dir, out_dir)`.
Modules: load (package -> DataFrames), text (safe text, Swedish numbers), status (computed status),
charts (Altair -> SVG + Vega-Lite JSON), pages + datapage (Markdown pages), build (save + MkDocs).
"""

from .build import build_site

__all__ = ["build_site"]
