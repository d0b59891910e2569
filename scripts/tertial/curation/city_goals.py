"""One `city_goal_id` per city goal (KF inriktningsmål or KF mål för verksamhetsområdet) and mandate period.

Every district follows up the same KF goals during a budget mandate (2019-2022, 2023-2026, ...), but the
titles are retyped in each report, with typos ('svenskunskaper' for 'svenskkunskaper'). Goals of the same
level and mandate are the same city goal when their normalized titles are at least `threshold` similar
(difflib ratio) and their codes do not disagree. `curation/city_goals.yml` settles the rest by hand:

    threshold: 0.9               # optional
    goals:
      - city_goal_id: 2019-1-1   # optional; default from mandate and code
        mandate: 2019            # first year of the mandate
        level: verksamhetsmal
        title: "I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort"
        aliases: ["..."]         # other printings that are this goal

The id is `<mandate>-<code>` (`2019-1-1`), or `<mandate>-<slug of the title>` for a goal printed without a
code; should two different goals claim the same id, the smaller gets a short hash of its title appended.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from collections import Counter
from pathlib import Path

from .. import ids
from ..errors import TertialError
from ..extract.model import CITY_LEVELS
from ..extract.values import fold
from . import yamlfile

FILE = Path("curation") / "city_goals.yml"
DEFAULT_THRESHOLD = 0.9
_KEYS = {"city_goal_id", "mandate", "level", "title", "aliases"}
_TYPES = {"city_goal_id": yamlfile.TEXT, "mandate": (int,), "level": yamlfile.TEXT, "title": yamlfile.TEXT,
          "aliases": yamlfile.NAMES}


def normalize_title(title: str) -> str:
    text = fold(title).lower().rstrip(" .…")
    return re.sub(r"[^0-9a-zåäöéü]+", " ", text).strip()


def load(root: Path) -> dict:
    """Load: curation/city_goals.yml as {'threshold': float, 'overrides': {(mandate, level, norm): entry}}."""
    display = str(FILE)
    data = yamlfile.load(root / FILE, display)
    threshold = data.get("threshold", DEFAULT_THRESHOLD)
    if not isinstance(threshold, (int, float)) or not 0.5 <= threshold <= 1:
        raise TertialError("threshold must be a number between 0.5 and 1", display, data.get(yamlfile.LINE))
    overrides: dict[tuple, dict] = {}
    for e in yamlfile.entries(data, "goals", display):
        line = e.get(yamlfile.LINE)
        yamlfile.check_keys(e, _KEYS, display, "city goal")
        yamlfile.check_types(e, _TYPES, display, "city goal")
        for key in ("mandate", "level", "title"):
            if not e.get(key):
                raise TertialError(f"city goal lacks '{key}'", display, line)
        if e["level"] not in CITY_LEVELS:
            raise TertialError(f"level must be one of {', '.join(CITY_LEVELS)}", display, line)
        if not isinstance(e["mandate"], int) or ids.mandate_start(e["mandate"]) != e["mandate"]:
            raise TertialError("mandate must be the first year of a mandate period (2019, 2023, ...)",
                               display, line)
        cid = e.get("city_goal_id")
        if cid is not None:
            try:
                ids.check_id(str(cid), "city goal")
            except TertialError as exc:
                raise TertialError(exc.message, display, line) from None
        entry = {"city_goal_id": cid, "title": fold(e["title"]), "line": line}
        for title in [e["title"], *(e.get("aliases") or [])]:
            overrides[(e["mandate"], e["level"], normalize_title(str(title)))] = entry
    return {"threshold": float(threshold), "overrides": overrides}


@functools.lru_cache(maxsize=65536)  # pure; the same titles meet again in every report
def _similar(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def assign(goals: list[dict], reports: dict[str, dict], rules: dict) -> list[dict]:
    """Process: set city_goal_id on every KF goal row (in place; empty on namndmal rows) and return the
    city_goals table (city_goal_id, level, code, title, mandate_start, mandate_end, parent_city_goal_id)."""
    clusters: list[dict] = []
    by_goal: dict[str, dict] = {}
    ordered = sorted((g for g in goals if g["level"] in CITY_LEVELS),
                     key=lambda g: (g["report_id"], int(g["source_line"])))
    for g in ordered:
        mandate = ids.mandate_start(int(reports[g["report_id"]]["year"]))
        norm = normalize_title(g["title"])
        override = rules["overrides"].get((mandate, g["level"], norm))
        cluster = None
        for c in clusters:
            if c["mandate"] != mandate or c["level"] != g["level"]:
                continue
            if override is not None or c["override"] is not None:
                if c["override"] is override:
                    cluster = c
                    break
                continue
            codes_agree = not g["code"] or not c["codes"] or g["code"] in c["codes"]
            if codes_agree and _similar(norm, c["norm"]) >= rules["threshold"]:
                cluster = c
                break
        if cluster is None:
            cluster = {"mandate": mandate, "level": g["level"], "norm": norm, "override": override,
                       "codes": Counter(), "titles": Counter(), "members": []}
            clusters.append(cluster)
        if g["code"]:
            cluster["codes"][g["code"]] += 1
        cluster["titles"][fold(g["title"])] += 1
        cluster["members"].append(g)
        by_goal[g["goal_id"]] = cluster
    _name_clusters(clusters)
    for g in goals:
        g["city_goal_id"] = by_goal[g["goal_id"]]["id"] if g["goal_id"] in by_goal else ""
    parent_of = {g["goal_id"]: g["parent_goal_id"] for g in goals}
    table = []
    for c in sorted(clusters, key=lambda c: c["id"]):
        parents = Counter(by_goal[parent_of[m["goal_id"]]]["id"] for m in c["members"]
                          if parent_of.get(m["goal_id"]) in by_goal)
        table.append({
            "city_goal_id": c["id"], "level": c["level"], "code": _top(c["codes"]), "title": c["title"],
            "mandate_start": c["mandate"], "mandate_end": c["mandate"] + 3,
            "parent_city_goal_id": _top(parents),
        })
    return table


def _top(counter: Counter) -> str:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counter else ""


def _name_clusters(clusters: list[dict]) -> None:
    for c in clusters:
        c["title"] = c["override"]["title"] if c["override"] else _top(c["titles"])
        if c["override"] and c["override"]["city_goal_id"]:
            c["base"], c["fixed"] = c["override"]["city_goal_id"], True
        else:
            code = _top(c["codes"])
            c["base"] = ids.city_goal_id(c["mandate"], code or None, c["title"])
            c["fixed"] = False
    by_base: dict[str, list[dict]] = {}
    for c in clusters:
        by_base.setdefault(c["base"], []).append(c)
    for base, group in by_base.items():
        fixed = [c for c in group if c["fixed"]]
        if len({id(c["override"]) for c in fixed}) > 1:
            raise TertialError(f"city_goal_id {base!r} is given to two different goals", str(FILE),
                               fixed[1]["override"]["line"])
        group.sort(key=lambda c: (not c["fixed"], -len(c["members"]), c["norm"]))
        for i, c in enumerate(group):
            if i == 0 or c["fixed"]:
                c["id"] = base
            else:
                digest = hashlib.sha256(c["norm"].encode("utf-8")).hexdigest()[:4]
                c["id"] = f"{base}-{digest}"
