"""One identity per indicator: the same `indicator_id` in every report and district.

`indicator_id` is the slug of the indicator's normalized name (white space folded, case and dashes
ignored); a name longer than 80 characters is cut and given a short hash of the full name, so two long
names never share an id and an id never depends on which other reports exist. Different printings of the
same indicator are joined by hand in `curation/indicators.yml`:

    units:                       # a unit as printed -> the unit published
      "barn/av d.": "barn/avd."
    indicators:
      - name: "Andel legitimerade förskollärare av totalt antal anställda (årsarbetare)"
        indicator_id: andel-legitimerade-forskollarare   # optional; default: slug of name
        aliases: ["Andel legitimerade förskollärare"]    # other printings of the same indicator
        direction: higher                                 # higher | lower | none
        direction_reason: "Varför, med rapport och rad"   # required with direction, published
        unit: "%"                                         # optional
        description: "Svensk beskrivning"                 # optional

Every indicator in the published data should have its direction curated here, with its reason.
`uncurated` names those that have none: the build and `tertial check` warn about each (a new report must
stay publishable) and a test on the committed data fails. Such an indicator is published with the
direction read from the reports themselves: a target printed as `öka` in every report that gives a word
target is `higher`, `minska` is `lower` (the reason then says so, with report and line); otherwise empty.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .. import ids, schema
from ..errors import TertialError
from ..extract.values import fold
from . import yamlfile

FILE = Path("curation") / "indicators.yml"
DIRECTIONS = schema.enum("direction")  # higher, lower, none (fields.yml)
_KEYS = {"name", "indicator_id", "aliases", "direction", "direction_reason", "unit", "description"}
_TYPES = {"name": yamlfile.TEXT, "indicator_id": yamlfile.TEXT, "aliases": yamlfile.NAMES,
          "direction": yamlfile.TEXT, "direction_reason": yamlfile.TEXT, "unit": yamlfile.TEXT,
          "description": yamlfile.TEXT}
_WORD_DIRECTION = {"öka": "higher", "ökning": "higher", "minska": "lower", "minskning": "lower"}


# The name key and the slug live in ids.py, so that `tertial extract` and the curate stage give every
# indicator the same id.
normalize_name = ids.indicator_key
slug_id = ids.indicator_slug


def load(root: Path) -> dict:
    """Load: curation/indicators.yml as {'units': {...}, 'by_name': {normalized: entry}, 'entries': [...]}."""
    display = str(FILE)
    data = yamlfile.load(root / FILE, display)
    yamlfile.check_types(data, {"units": (dict,)}, display, "indicators.yml")
    units = {k: v for k, v in (data.get("units") or {}).items() if k != yamlfile.LINE}
    for printed, unit in units.items():
        if not isinstance(unit, str):
            raise TertialError(f"units: {printed!r} must map to a text", display, data.get(yamlfile.LINE))
    by_name: dict[str, dict] = {}
    entries = yamlfile.entries(data, "indicators", display)
    ids_seen: dict[str, int] = {}
    for e in entries:
        line = e.get(yamlfile.LINE)
        yamlfile.check_keys(e, _KEYS, display, "indicator")
        yamlfile.check_types(e, _TYPES, display, "indicator")
        if not isinstance(e.get("name"), str) or not e["name"].strip():
            raise TertialError("indicator entry lacks 'name'", display, line)
        iid = e.get("indicator_id") or slug_id(e["name"])
        try:
            ids.check_id(str(iid), "indicator")
        except TertialError as exc:
            raise TertialError(exc.message, display, line) from None
        if iid in ids_seen:
            raise TertialError(f"indicator_id {iid!r} is defined twice (first at line {ids_seen[iid]})",
                               display, line)
        ids_seen[iid] = line
        _check_direction(e, display)
        aliases = e.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise TertialError("aliases must be a list of names", display, line)
        entry = {"indicator_id": iid, "name": fold(e["name"]), "direction": e.get("direction") or "",
                 "direction_reason": fold(e.get("direction_reason") or ""), "unit": e.get("unit") or "",
                 "description": fold(e.get("description") or ""), "line": line}
        for name in [e["name"], *aliases]:
            key = normalize_name(name)
            if key in by_name and by_name[key]["indicator_id"] != iid:
                raise TertialError(f"the name {name!r} is given to two indicators "
                                   f"({by_name[key]['indicator_id']} and {iid})", display, line)
            by_name[key] = entry
    return {"units": units, "by_name": by_name, "entries": list({id(v): v for v in by_name.values()}.values())}


def _check_direction(e: dict, display: str) -> None:
    """A direction is one of DIRECTIONS and comes with its reason (a non-empty text); a reason, with one."""
    line, direction, reason = e.get(yamlfile.LINE), e.get("direction"), e.get("direction_reason")
    if direction not in (None, *DIRECTIONS):
        raise TertialError(f"direction must be one of {', '.join(DIRECTIONS)}", display, line)
    if reason is not None and (not isinstance(reason, str) or not reason.strip()):
        raise TertialError("direction_reason must be a text", display, line)
    if direction is not None and reason is None:
        raise TertialError(f"direction {direction!r} without direction_reason (say why, with report and line)",
                           display, line)
    if reason is not None and direction is None:
        raise TertialError("direction_reason without direction", display, line)


def _spaceless(unit: str) -> str:
    return re.sub(r"\s+", "", unit)


def normalize_unit(unit: str, units: dict[str, str], published: dict[str, str] | None = None) -> str:
    """The unit published for a unit as printed: the rule in `units` for it, else the published unit it
    equals but for white space (text from PDF breaks units over lines: 'barn/a vd.', 'livsmed el'),
    else the unit as printed with white space folded. `published` is `published_units(units)`, when the
    caller has it already."""
    unit = fold(unit or "")
    if unit in units:
        return fold(units[unit])
    if published is None:
        published = published_units(units)
    return published.get(_spaceless(unit), unit)


def published_units(units: dict[str, str]) -> dict[str, str]:
    """{unit without white space: unit as published} of the units named in `units`."""
    return {_spaceless(u): fold(u) for u in units.values()}


def assign(results: list[dict], rules: dict) -> list[dict]:
    """Process: set indicator_id and the normalized unit on every result row (in place); return the
    indicators table (indicator_id, name, unit, direction, direction_reason, description), sorted by id."""
    published = published_units(rules["units"])
    identities: dict[str, dict] = {}  # {indicator_id: {what made it: a row}}, to find two things on one id
    for row in results:
        key = normalize_name(row["name"])
        entry = rules["by_name"].get(key)
        row["indicator_id"] = entry["indicator_id"] if entry else slug_id(row["name"])
        row["unit"] = normalize_unit(row.get("unit", ""), rules["units"], published)
        identities.setdefault(row["indicator_id"], {}).setdefault(f"entry {id(entry)}" if entry else key, row)
    _refuse_collisions(identities)
    by_id: dict[str, list[dict]] = {}
    for row in results:
        by_id.setdefault(row["indicator_id"], []).append(row)
    entries = {e["indicator_id"]: e for e in rules["entries"]}
    table = []
    for iid in sorted(by_id):
        rows = by_id[iid]
        entry = entries.get(iid, {})
        direction, reason = ((entry["direction"], entry["direction_reason"]) if entry.get("direction")
                             else _direction_from_targets(rows))
        table.append({
            "indicator_id": iid,
            "name": entry.get("name") or _most_common(fold(r["name"]) for r in rows),
            "unit": entry.get("unit") or _most_common(r["unit"] for r in rows if r["unit"]),
            "direction": direction,
            "direction_reason": reason,
            "description": entry.get("description", ""),
        })
    return table


def uncurated(table: list[dict], rules: dict) -> list[str]:
    """One warning per indicator of `table` whose direction curation/indicators.yml does not give."""
    curated = {e["indicator_id"] for e in rules["entries"] if e["direction"]}
    return [f"warning: {FILE}: no direction for indicator {t['indicator_id']} ({t['name']!r}); published "
            + (f"with {t['direction']!r} read from its printed target" if t["direction"] else "without one")
            for t in table if t["indicator_id"] not in curated]


def _refuse_collisions(identities: dict[str, dict]) -> None:
    """Two different indicators (names that are not one indicator by their key or by indicators.yml) that
    would get one id are refused, never merged into one trend."""
    for iid, made_by in identities.items():
        if len(made_by) > 1:
            a, b = sorted(made_by.values(), key=lambda r: (r["name"], r.get("report_id", "")))[:2]
            raise TertialError(
                f"two different indicators would get the id {iid!r}: {a['name']!r} ({a.get('report_id')} line "
                f"{a.get('source_line')}) and {b['name']!r} ({b.get('report_id')} line {b.get('source_line')}); "
                "give one its own indicator_id here, or list one as an alias of the other if they are the same",
                str(FILE))


def _most_common(values) -> str:
    counts = Counter(values)
    if not counts:
        return ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _direction_from_targets(rows: list[dict]) -> tuple[str, str]:
    """(direction, reason) from the word targets of an indicator's rows, when they all say one direction."""
    directions, places = set(), []
    for r in rows:
        for col in ("annual_target_text", "city_target_text"):
            word = fold(r.get(col, "")).lower()
            if word in _WORD_DIRECTION:
                directions.add(_WORD_DIRECTION[word])
                places.append(f"'{word}' ({r.get('report_id', '')} rad {r.get('source_line', '')})")
    if len(directions) != 1:
        return "", ""
    return (directions.pop(),
            f"Läst ur rapporterna, inte granskat för hand: målet är tryckt som {', '.join(dict.fromkeys(places))}.")
