"""Reading the published city-wide package in tests: one table as a list of dict rows."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HL, NM, HA = "hagersten-liljeholmen-2020-t1", "norrmalm-2022-vp", "hagersten-alvsjo-2023-t2"


def read_table(table: str, root: Path = ROOT, package: str = "stockholm") -> list[dict]:
    with (root / "datapackages" / package / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
