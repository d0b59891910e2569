"""Extraction objects built from the hand-verified reference JSON in tests/gold/.

Lets the curate and package stages be tested end to end before (and independently of) the extractors:
- goals in printed order; parents from the level order (a verksamhetsmal hangs under the last
  inriktningsmal, a namndmal under the last verksamhetsmal, or the last inriktningsmal if none);
- indicator rows and activities attached to the goal with that title (the last such goal printed
  above the row, so a title printed twice resolves to the nearer heading);
- cells as `tertial.extract.values.Cell`, the same objects the extractors produce.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tertial import ids
from tertial.extract.model import VALUE_COLUMNS, Activity, Extraction, Goal, IndicatorRow, ReportMeta
from tertial.extract.values import EMPTY, Cell, format_number

GOLD_DIR = Path(__file__).parent / "gold"
REPO = Path(__file__).resolve().parents[1]
_PARENT_LEVELS = {"inriktningsmal": (), "verksamhetsmal": ("inriktningsmal",),
                  "namndmal": ("verksamhetsmal", "inriktningsmal")}
_TITLES = {"VP": "Verksamhetsplan {year}", "T1": "Tertialrapport 1 {year}", "T2": "Tertialrapport 2 {year}",
           "VB": "Verksamhetsberättelse {year}"}


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def meta_of(gold: dict, source_file: str = "") -> ReportMeta:
    did = ids.district_id(gold["district"])
    rid = ids.report_id(did, gold["year"], gold["report_type"])
    return ReportMeta(gold["district"], did, gold["report_type"], gold["year"], rid,
                      source_file or f"sources/reports/{gold['report']}")


def _cell(value) -> Cell:
    if value is None:
        return EMPTY
    if "value" in value:
        raw = format_number(value["value"]) + (f" {value['unit']}" if value.get("unit") else "")
        return Cell(raw=raw, value=float(value["value"]), unit=value.get("unit"))
    return Cell(raw=value["text"], text=value["text"])


def _goal_for(goals: list[Goal], title: str, line: int) -> int | None:
    """Index of the last goal with this title printed above `line` (else the first with the title)."""
    matches = [i for i, g in enumerate(goals) if g.title == title]
    above = [i for i in matches if goals[i].source_line <= line]
    if above:
        return above[-1]
    return matches[0] if matches else None


def extraction_from_gold(gold: dict, source_file: str = "") -> Extraction:
    ex = Extraction(meta=meta_of(gold, source_file), layout="gold")
    last: dict[str, int] = {}
    for g in sorted(gold["goals"], key=lambda g: g["line"]):
        parent = next((last[lv] for lv in _PARENT_LEVELS[g["level"]] if lv in last), None)
        ex.goals.append(Goal(level=g["level"], code=g["code"], title=g["title"], assessment=g["assessment"],
                             source_line=g["line"], parent=parent))
        last[g["level"]] = len(ex.goals) - 1
        if g["level"] == "inriktningsmal":
            last.pop("verksamhetsmal", None)
    for i in gold["indicators"]:
        cells = {c: _cell(i[c]) for c in VALUE_COLUMNS}
        ex.rows.append(IndicatorRow(goal=_goal_for(ex.goals, i["goal_title"], i["line"]), name=i["name"],
                                    source_line=i["line"], period=i["period"], cells=cells,
                                    needs_review=bool(i["ambiguous"]),
                                    review_reason=i.get("note", "") if i["ambiguous"] else "",
                                    raw_text=i["name"]))
    for a in gold["activities"]:
        ex.activities.append(Activity(goal=_goal_for(ex.goals, a["goal_title"], a["line"]), text=a["text"],
                                      source_line=a["line"], start_date=a["start"], end_date=a["end"]))
    return ex


def gold_extractor(path, meta: ReportMeta) -> Extraction:
    """Drop-in for `tertial.extract.extract_file`: the reference extraction of the report at `path`."""
    gold_path = GOLD_DIR / (Path(path).stem + ".json")
    if not gold_path.exists():
        raise FileNotFoundError(f"no reference extraction for {path}")
    ex = extraction_from_gold(load_gold(gold_path), meta.source_file)
    ex.meta = meta
    return ex


def make_project(root: Path, reports: list[str] | None = None, curation: bool = True) -> Path:
    """A project folder with the gold-covered reports (or `reports`) in sources/ and the repo's curation/."""
    from tertial.sources import SourceReport, dump_manifest, sha256_of

    stems = reports or [p.stem for p in gold_files()]
    (root / "sources" / "reports").mkdir(parents=True, exist_ok=True)
    entries = []
    for stem in stems:
        gold = load_gold(GOLD_DIR / f"{stem}.json")
        src = REPO / "sources" / "reports" / gold["report"]
        dst = root / "sources" / "reports" / gold["report"]
        shutil.copyfile(src, dst)
        meta = meta_of(gold)
        entries.append(SourceReport(meta.report_id, meta.district, meta.district_id, meta.report_type, meta.year,
                                    f"sources/reports/{gold['report']}", sha256_of(dst),
                                    _TITLES[meta.report_type].format(year=meta.year)))
    (root / "sources" / "reports.yml").write_text(dump_manifest(entries), encoding="utf-8")
    if curation and (REPO / "curation").is_dir():
        shutil.copytree(REPO / "curation", root / "curation", dirs_exist_ok=True)
    return root


def build_project(root: Path, reports: list[str] | None = None, until: str | None = "package") -> list[str]:
    """make_project + `tertial build` (the data stages, by default) with the reference extractions; returns
    the build output lines."""
    from tertial import build

    make_project(root, reports)
    lines: list[str] = []
    build.build(root, build.Context(extractor=gold_extractor, out=lines.append), until=until)
    return lines


_BUILT: dict[str, Path] = {}


def built_project(tmp_path_factory) -> Path:
    """One built project per test process (the packages are only read by the tests that use this)."""
    if "root" not in _BUILT:
        root = tmp_path_factory.mktemp("built")
        build_project(root)
        _BUILT["root"] = root
    return _BUILT["root"]
