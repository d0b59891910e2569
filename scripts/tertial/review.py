"""`tertial review`: every indicator row flagged needs_review, after the corrections already made, with
its report, source lines, the text printed and what was read, so a maintainer can settle it in
curation/corrections.yml. Which rule put which number in which column: `tertial extract REPORT --explain`."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from . import curate, sources
from .schema import VALUE_COLUMNS
from .extract.pdf import report_lines

CONTEXT = 6


def flagged_rows(root: Path) -> list[dict]:
    """Load the extracted tables, apply the curation in memory, return the rows still needing review."""
    reports = sources.load_manifest(root)
    curated = curate.curate(curate.load_extracted(root, reports), reports, curate.load_curation(root))
    return [r for r in curated.tables["indicator_results"] if r["needs_review"] == "true"]


def render(root: Path, rows: list[dict]) -> list[str]:
    reports = {r.report_id: r for r in sources.load_manifest(root, verify=False)}
    lines_of: dict[str, list[str]] = {}
    out = []
    for row in rows:
        rep = reports[row["report_id"]]
        if rep.report_id not in lines_of:
            lines_of[rep.report_id] = report_lines(root / rep.file)  # a PDF: its text as read
        text = lines_of[rep.report_id]
        first, last = int(row["source_line"]), int(row["source_line_end"] or row["source_line"])
        page = f" (page {row['source_page']})" if row.get("source_page") else ""
        out.append(f"{rep.file}:{first}-{last}{page}  {row['report_id']}  {row['name']}")
        if row["review_reason"]:
            code = row.get("review_code") or ""
            out.append(f"  why: {'[' + code + '] ' if code else ''}{row['review_reason']}")
        out += [f"  rule: {line}" for line in explained(root, rep.report_id).get(str(first), [])]
        out.append("  printed:")
        shown = last if last > first else first + CONTEXT  # one line known: show what follows it too
        out += [f"    {n:>5} | {text[n - 1]}" for n in range(first, min(shown, len(text)) + 1)]
        read = {"period": row["period"]}
        for c in VALUE_COLUMNS:
            if row[c]:
                read[c] = float(row[c]) if "." in row[c] else int(row[c])
            elif row[c + "_text"]:
                read[c + "_text"] = row[c + "_text"]
        flow = yaml.safe_dump(read, allow_unicode=True, default_flow_style=True, sort_keys=False, width=10_000)
        out.append(f"  read: {flow.strip()}  unit: {row['unit']!r}")
        if row["analysis"]:
            out.append(f"  analysis: {row['analysis'][:300]}")
        out += ["  settle it in curation/corrections.yml (the row as read; fix what is wrong):",
                f"    - report_id: {row['report_id']}",
                f"      source_line: {first}",
                f"      row: {flow.strip()}",
                "      reason: \"...\""]
        out.append("")
    out.append(f"{len(rows)} rows need review")
    return out


def explained(root: Path, report_id: str) -> dict[str, list[str]]:
    """Which rule put which cell in which column, per flagged row's first line, as the build's extract
    stage recorded it (build/extracted/<report_id>/census.json); empty when not built."""
    from .extract.stage import EXTRACTED
    from .extract.write import CENSUS

    path = root / EXTRACTED / report_id / CENSUS
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("explain", {})


def run(root: Path) -> list[str]:
    return render(root, flagged_rows(root))
