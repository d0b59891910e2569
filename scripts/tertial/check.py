"""`tertial check`: validate sources, manifest and curation without writing anything.

Checks every report's sha256, the form of every curation file, and (where the reports have been
extracted into build/extracted/) that every correction points at a row that exists, and warns about every
indicator whose direction curation/indicators.yml does not give.
"""

from __future__ import annotations

from pathlib import Path

from . import curate, sources
from . import schema


def run(root: Path) -> list[str]:
    reports = sources.load_manifest(root)
    lines = [f"sources: {len(reports)} reports, every sha256 matches"]
    curation = curate.load_curation(root)
    lines.append(f"curation: {len(curation.corrections)} corrections, "
                 f"{len(curation.indicators['entries'])} indicators, {len(curation.indicators['units'])} unit "
                 f"rules, {len({id(v) for v in curation.city_goals['overrides'].values()})} city goal overrides")
    schema.load()
    lines.append(f"schemas: {len(schema.table_names())} tables")
    missing = [r.report_id for r in reports if not (root / curate.EXTRACTED / r.report_id / "goals.csv").exists()]
    if missing:
        lines.append(f"corrections not checked against rows: not yet extracted: {', '.join(missing)} "
                     "(run `tertial build`)")
    else:
        curated = curate.curate(curate.load_extracted(root, reports), reports, curation)
        lines.append(f"corrections: all {len(curated.applied)} changes point at existing rows")
        lines.extend(curated.warnings)
    return lines
