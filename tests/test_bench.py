"""`tertial bench` at a small scale: the contract's JSON keys, real counts, and nothing changed outside
its temporary folder (the project it reads its templates from is left byte for byte, mtime for mtime)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACT_KEYS = {"pages", "cold_s", "mkdocs_s", "cold_stages_s", "incremental_s", "incremental_stages_s",
                 "site_bytes", "search_index_bytes", "peak_rss_mb"}


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_bench_small(tmp_path):
    project = tmp_path / "project"
    for name in ("sources", "curation", "changelog", "datapackages", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    before = _snapshot(project)
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    out = tmp_path / "out" / "bench.json"
    env = dict(os.environ, TMPDIR=str(tmpdir), PYTHONPATH=str(ROOT / "scripts"))
    proc = subprocess.run([sys.executable, "-m", "tertial", "--root", str(project), "bench",
                           "--districts", "2", "--years", "1", "--json", str(out)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert CONTRACT_KEYS <= figures.keys()
    assert {"stages_cold", "stages_incremental", "machine", "reports", "rows", "extract_5000_lines_s"} <= figures.keys()
    assert {k.split("_")[0] for k in figures["extract_5000_lines_s"]} == {"tabular", "pdftext"}
    assert figures["reports"] == 8 and figures["reports_after_add"] == 9
    assert figures["rows"] > 100  # extraction did real work on the synthetic reports
    assert {"extract", "curate", "changelog", "package"} <= figures["stages_cold"].keys()
    assert figures["stages_cold"].keys() == figures["stages_incremental"].keys()
    assert figures["cold_stages_s"] > 0 and figures["incremental_s"] > 0 and figures["peak_rss_mb"] > 0
    assert figures["peak_rss_mb"] == figures["peak_rss_tree_mb"] > figures["peak_rss_self_mb"] * 0.5  # /proc here
    if not figures["site_stage"]:  # not measured is null, never a made-up figure
        assert figures["pages"] is figures["mkdocs_s"] is figures["site_bytes"] is None
        assert any("site" in n for n in figures["notes"])
    else:
        assert figures["pages"] > 0 and figures["site_bytes"] > 0
        # the bytes one more report adds, by kind: its own report page and source page at least
        added = figures["site_bytes_added_by_kind"]
        assert figures["site_bytes_added_per_report"] == sum(added.values()) > 0
        assert added["report page"] > 0 and added["source page"] > 0 and added["source original"] > 0
        assert list(added.values()) == sorted(added.values(), reverse=True)
        assert "one more report added" in proc.stdout
    assert figures["machine"]["cpu_count"] and figures["machine"]["python"]
    # nothing outside the temporary folder changed, and the temporary folder is gone
    assert _snapshot(project) == before
    assert list(tmpdir.iterdir()) == []
