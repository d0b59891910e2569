"""Benchmark: how long a 40-page report PDF takes to read (`python tests/pdfbench.py [PAGES]`).

Prints the report's pages, rows and activities and the seconds of `extract_file` (words from PDFium, page
furniture, tables by position, the shared reader), best of three runs, and of its stages. A benchmark,
not a timed test: the figure goes in the README.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pdfgen  # noqa: E402
from goldfixture import GOLD_DIR, load_gold, meta_of  # noqa: E402


def best(fn, runs: int = 5) -> tuple[float, float, object]:
    """Best wall-clock and CPU seconds of `runs` runs (the CPU time is what a loaded machine does not skew)."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus), result


def main(pages: int = 40) -> None:
    from tertial.extract import extract_file
    from tertial.extract.pdf import render
    from tertial.extract.pdfwords import drop_furniture, read_pages

    gold = load_gold(GOLD_DIR / "hagersten-alvsjo-2023-t2.json")
    with tempfile.TemporaryDirectory() as tmp:
        template, n = pdfgen.TEMPLATES["stad"], 0
        while n < pages:  # the report's tables twice, and more analysis text until the pages are there
            pdf = pdfgen.write(gold, template, Path(tmp) / "report.pdf", repeat=2)
            n = len(read_pages(pdf))
            template = replace(template, filler=template.filler + 1)
        wall, cpu, ex = best(lambda: extract_file(pdf, meta_of(gold, str(pdf))))
        _, words, parsed = best(lambda: read_pages(pdf))
        drop_furniture(parsed)
        _, rendering, _ = best(lambda: render(parsed, gold["year"]))
    print(f"{n} pages, {len(ex.rows)} indicator rows, {len(ex.activities)} activities: {wall:.2f} s to extract "
          f"({cpu:.2f} s CPU: words {words:.2f} s, tables and text {rendering:.2f} s, the shared reader the "
          "rest), best of 5")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
