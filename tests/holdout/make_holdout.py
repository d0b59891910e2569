"""Variants of the Hägersten-Liljeholmen 2020 T1 text report, each with its expected reference.

An independent examiner's hold-out set for issue 13 (built from the report and its gold, never seen by the
extractor's developer), copied here unchanged in substance and now no longer hold-out: it is a regression
test (tests/test_holdout_variants.py). Only the paths differ: it reads the project's own copy of the report
(sources/reports/) and of its reference (tests/gold/).

    python tests/holdout/make_holdout.py OUT_DIR

Deterministic: the same input always gives byte-identical output. Writes, per variant, OUT_DIR/<name>.txt
and OUT_DIR/<name>.json (the gold format of /work/shared/gold/SCHEMA.md, plus "variant_changes": the rows
the variant touched and how). Variants:

  original    the unmodified report and its gold (sanity: must score 100 %)
  spacing     every indicator value line re-rendered with one space after every cell (an empty cell is one
              more space); text cells and long units keep their wrapped lines, the period keeps its wrap
  pagebreaks  page furniture + the repeated, word-split table header inserted in 13 rows: 8 inside the name
              (after the row's values; the rest of the name follows the header), 5 between name and values
  thousands   7 rows rescaled to thousands groups ('1 150', '11 000'), units dropped on some cells of full rows
  units       3 rows given long units that wrap over several lines ('1,6 kg' / 'CO2 ' / 'per kg ' / ...)
  hyphen      5 names whose last line is a bare number after a hyphenated line ('... dag 1-' / '14')
  all         all of the above at once (spacing convention everywhere), district Farsta, year 2023 (every year
              in the text shifted by +3: VB 2019 -> VB 2022, Tertial 1 2020 -> Tertial 1 2023, dates)
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

from tertial.schema import VALUE_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "sources" / "reports" / "hagersten-liljeholmen-2020-t1.txt"
GOLD = ROOT / "tests" / "gold" / "hagersten-liljeholmen-2020-t1.json"
COLS = VALUE_COLUMNS

# rows whose name and first value share a line in the original
INLINE = {895, 3878, 3952, 3955, 3970}

# ---------------------------------------------------------------- variant definitions (gold line numbers)
# page breaks: line -> ("A", k) split the name after k lines, break after the values; ("B",) break between
# the (whole) name and its values
PAGEBREAKS = {
    270: ("A", 2), 1544: ("A", 3), 1429: ("A", 4), 1584: ("A", 5), 2631: ("A", 3), 2793: ("A", 4),
    3471: ("A", 6), 1697: ("A", 3),
    1459: ("B",), 585: ("B",), 1505: ("B",), 2667: ("B",), 3294: ("B",),
}


def N(v, unit=None):
    return {"value": v, "unit": unit}


TAS = {"text": "Tas fram av nämnd"}
# thousands: line -> new cells (7); units dropped on some cells of full rows (unambiguous: 7 cells)
THOUSANDS = {
    333: [N(1150, "st"), N(540, "st"), N(610, "st"), N(2300, "st"), N(1900), N(1900, "st"), N(11000, "st")],
    392: [N(0, "st"), N(0, "st"), N(0, "st"), N(1284, "st"), N(985), N(1300, "st"), N(12500)],
    342: [N(0, "st"), None, None, N(1368, "st"), N(1185, "st"), N(1360, "st"), TAS],
    358: [N(1016, "st"), None, None, N(1028, "st"), N(1030, "st"), N(1045, "st"), TAS],
    373: [N(1100, "st"), None, None, N(1050, "st"), N(1000, "st"), N(1000, "st"), TAS],
    3566: [None, None, None, None, None, N(1040, "st"), N(14500, "st")],
    3529: [None, None, None, N(3.13, "GWh"), None, N(3.3, "GWh"), N(1945, "GWh")],   # printed '1 945'
}
# in the 'all' variant (spacing convention: the column count is visible) some rows drop more units
THOUSANDS_ALL = {
    342: [N(0), None, None, N(1368), N(1185), N(1360, "st"), TAS],
    373: [N(1100), None, None, N(1050), N(1000), N(1000), TAS],
}
CO2 = "kg CO2 per kg livsmedel"
UNITS = {
    3501: [None, None, None, N(1.6, CO2), None, N(1.9, CO2), N(1.9, CO2)],
    944: [N(5.5, "barn per årsarbetare"), None, None, N(5.5, "barn per årsarbetare"),
          N(5.5, "barn per årsarbetare"), N(4.9), N(4.9)],
    895: [N(17.3, "barn per avdelning"), None, None, N(16.5, "barn per avdelning"), N(16, "st"), N(16), N(16)],
}
# hyphen: line -> (replacement for the name's last line(s), the bare number line, new full name)
HYPHEN = {
    3970: (["Sjukfrånvaro dag 1-"], "14", "Sjukfrånvaro dag 1-14"),
    3955: (["Sjukfrånvaro dag 15-"], "90", "Sjukfrånvaro dag 15-90"),
    1625: (None, "9", None),
    1633: (None, "9", None),
    1641: (None, "9", None),
}

WRAP_TEXT = {
    "Tas fram av nämnd": ["Tas ", "fram av ", "nämnd"],
    "Tas fram av nämnd/styrelse": ["Tas ", "fram av ", "nämnd/", "styrelse"],
    "Fastställs 2020": ["Faststäl", "ls 2020"],
    "Max 10 personer": ["Max 10 ", "person", "er"],
}
LONG_UNITS = {
    CO2: lambda n: [f"{n} kg ", "CO2 ", "per kg ", "livsmed", "el"],
    "% energieffektivisering relativt 2018": lambda n: [f"{n} % ", "energie", "ffektivis", "ering ",
                                                      "relativt ", "2018"],
    "barn per årsarbetare": lambda n: [f"{n} barn ", "per ", "årsarbet", "are"],
    "barn per avdelning": lambda n: [f"{n} barn ", "per ", "avdelnin", "g"],
    "GWh": lambda n: [f"{n} ", "GWh"],
}

FURNITURE = ["", "", "", "Tjänsteutlåtande", "Sid @@ (81)", ""]


def blank(s: str) -> bool:
    return s.strip() == ""


def fmt(v, group: bool) -> str:
    if isinstance(v, int):
        s = str(v)
    else:
        s = repr(v)
    ip, _, dec = s.partition(".")
    if group and len(ip) > 3:
        ip = f"{int(ip):,}".replace(",", " ")
    return ip + ("," + dec if dec else "")


def fragments(cell, group: bool) -> list[str]:
    if "text" in cell:
        return WRAP_TEXT.get(cell["text"], [cell["text"]])
    n = fmt(cell["value"], group)
    unit = cell["unit"]
    if unit in LONG_UNITS:
        return LONG_UNITS[unit](n)
    return [n + (" " + unit if unit else "")]


def render(cells, period: str, spacing: bool, group_all: bool) -> list[str]:
    out: list[str] = []
    cur = ""
    for c in cells:
        if c is None:
            if spacing:
                cur += " "
            continue
        group = group_all or not ("value" in c and c["value"] == 1945)
        fr = fragments(c, group)
        if len(fr) == 1:
            cur += fr[0] + " "
        else:
            cur += fr[0]
            out.append(cur)
            out.extend(fr[1:-1])
            out.append(fr[-1] + (" " if spacing else ""))
            out.append("")
            cur = ""
    if period.startswith("Tertial"):
        cur += period[:-4]
        out.append(cur)
        out.append(period[-4:])
    else:
        cur += period
        out.append(cur)
    return out


def fold_name(lines: list[str]) -> str:
    out, prev = "", ""
    for ln in lines:
        if out and re.search(r"\w-$", prev) and not ln.startswith(" "):
            out += ln.strip()
        else:
            out = (out + " " + ln.strip()).strip() if out else ln.strip()
        prev = ln
    return " ".join(out.split())


class Report:
    def __init__(self):
        self.text = SRC.read_text(encoding="utf-8")
        self.L = self.text.split("\n")
        self.gold = json.loads(GOLD.read_text(encoding="utf-8"))
        # the repeated table header as the report prints it (page 21)
        i = self.L.index("Sid 21 (81)")
        j = i + 2
        k = j
        while not self.L[k].startswith("årsmål Period"):
            k += 1
        self.header = self.L[j:k + 1]
        assert self.header[0].strip().startswith("Indikator") and len(self.header) == 23
        self.rows = {r["line"]: self.extent(r) for r in self.gold["indicators"]}

    def extent(self, r):
        L = self.L
        s = r["line"] - 1
        if r["line"] in INLINE:
            ne = s
            k = s
            assert L[s].startswith(r["name"] + " "), r["line"]
        else:
            ne = s
            while not blank(L[ne + 1]):
                ne += 1
            k = ne + 1
            assert blank(L[k]) and not blank(L[k + 1]), r["line"]
            k += 1
            assert fold_name(L[s:ne + 1]) == " ".join(r["name"].split()), (r["line"], fold_name(L[s:ne + 1]))
        vs = k
        stop = ("Indikator ", "Aktivitet ")
        while True:
            while k + 1 < len(L) and not blank(L[k + 1]) and not L[k + 1].strip().startswith(stop):
                k += 1
            last = L[k].rstrip()
            if (last == "2020" or re.search(r"(^|\s)2020$", last)) and last != "ls 2020":
                break
            k += 1
            assert blank(L[k]), (r["line"], k)
            k += 1
        return {"s": s, "ne": ne, "vs": vs, "ve": k}


def build(rep: Report, name: str, *, spacing=False, pagebreaks=False, thousands=False, units=False,
          hyphen=False, farsta=False):
    L = rep.L
    gold = copy.deepcopy(rep.gold)
    changes: dict[int, list[str]] = {}
    edits = []  # (s, e_inclusive, new_lines)
    new_rows = {}
    for r in gold["indicators"]:
        ln = r["line"]
        ext = rep.rows[ln]
        s, ne, vs, ve = ext["s"], ext["ne"], ext["vs"], ext["ve"]
        cells = [r[c] for c in COLS]
        touched = []
        rerender = spacing
        group_all = False
        if thousands and ln in THOUSANDS:
            cells = copy.deepcopy((THOUSANDS_ALL if spacing and ln in THOUSANDS_ALL else THOUSANDS)[ln])
            rerender, group_all = True, True
            touched.append("thousands")
        if units and ln in UNITS:
            cells = copy.deepcopy(UNITS[ln])
            rerender = True
            touched.append("units")
        # name lines
        inline = ln in INLINE
        if inline:
            name_lines = [r["name"]]
            first_vals = L[s][len(r["name"]) + 1:]
        else:
            name_lines = L[s:ne + 1]
        newname = r["name"]
        if hyphen and ln in HYPHEN:
            repl, num, full = HYPHEN[ln]
            if repl is not None:
                name_lines = repl + [num]
                inline = False
                newname = full
            else:
                name_lines = name_lines[:-1] + [name_lines[-1] + " i åk 7-", num]
                newname = r["name"] + " i åk 7-9"
            touched.append("hyphen")
        # value lines
        if rerender:
            vals = render(cells, r["period"], spacing, group_all)
        elif ln in INLINE:
            vals = [first_vals] + L[s + 1:ve + 1]
        else:
            vals = L[vs:ve + 1]
        if spacing:
            touched.append("spacing")
        # assemble
        pb = PAGEBREAKS.get(ln) if pagebreaks else None
        if inline:
            block = [name_lines[0] + " " + vals[0]] + vals[1:]
            assert pb is None
        elif pb and pb[0] == "A":
            k = pb[1]
            assert 0 < k < len(name_lines)
            block = name_lines[:k] + [""] + vals + FURNITURE + rep.header + [""] + name_lines[k:]
            touched.append(f"pagebreak-in-name-after-line-{k}")
        elif pb:
            block = name_lines + FURNITURE + rep.header + [""] + vals
            touched.append("pagebreak-between-name-and-values")
        else:
            block = name_lines + [""] + vals
        if block != L[s:ve + 1]:
            edits.append((s, ve, block))
        for c, v in zip(COLS, cells):
            r[c] = v
        if newname != r["name"]:
            r["name"] = newname
        if spacing and r["ambiguous"]:
            r["ambiguous"] = False
            r["note"] = "spacing convention decides the columns; was: " + r["note"]
        r["orig_line"] = ln
        r["changes"] = [t for t in touched if t != "spacing"]
        if r["changes"]:
            changes[ln] = r["changes"]
        new_rows[ln] = r
    # apply edits, build the line map
    edits.sort()
    out: list[str] = []
    linemap: dict[int, int] = {}
    starts: dict[int, int] = {}
    i = 0
    for s, e, block in edits:
        while i < s:
            linemap[i] = len(out)
            out.append(L[i])
            i += 1
        starts[s] = len(out)
        out.extend(block)
        i = e + 1
    while i < len(L):
        linemap[i] = len(out)
        out.append(L[i])
        i += 1
    # page numbers: inserted pages are numbered in sequence, later pages move on
    inserted = sum(1 for x in out if x == "Sid @@ (81)")
    last, offset = 0, 0
    for idx, x in enumerate(out):
        m = re.fullmatch(r"Sid (\d+|@@) \(81\)", x)
        if not m:
            continue
        if m.group(1) == "@@":
            offset += 1
            last += 1
        else:
            last = int(m.group(1)) + offset
        out[idx] = f"Sid {last} ({81 + inserted})"
    # expected lines
    for r in gold["indicators"]:
        s = rep.rows[r["line"]]["s"]
        r["line"] = (starts[s] if s in starts else linemap[s]) + 1
    for g in gold["goals"]:
        g["line"] = linemap[g["line"] - 1] + 1
    for a in gold["activities"]:
        a["line"] = linemap[a["line"] - 1] + 1
    text = "\n".join(out)
    if farsta:
        text, gold = shift(text, gold)
    gold["report"] = f"{name}.txt"
    gold["variant"] = name
    gold["variant_changes"] = {str(k): v for k, v in sorted(changes.items())}
    return text, gold


YEAR = re.compile(r"\b(201[5-9]|202[0-2])\b(?!,\d)")
DISTRICT = re.compile(r"Hägersten ?- ?Liljeholmen")


def _sub(s: str) -> str:
    s = YEAR.sub(lambda m: str(int(m.group(1)) + 3), s)
    return DISTRICT.sub("Farsta", s)


def _walk(x):
    if isinstance(x, str):
        return _sub(x)
    if isinstance(x, list):
        return [_walk(v) for v in x]
    if isinstance(x, dict):
        return {k: (_walk(v) if k not in ("value",) else v) for k, v in x.items()}
    return x


def shift(text: str, gold: dict):
    for r in gold["indicators"]:
        for c in COLS:
            v = r[c]
            assert not (v and "value" in v and 2015 <= v["value"] <= 2022), (r["line"], c)
    text = "\n".join(_sub(x) for x in text.split("\n"))
    gold = _walk(gold)
    gold["district"] = "Farsta"
    gold["year"] = 2023
    return text, gold


VARIANTS = {
    "original": {},
    "spacing": {"spacing": True},
    "pagebreaks": {"pagebreaks": True},
    "thousands": {"thousands": True},
    "units": {"units": True},
    "hyphen": {"hyphen": True},
    "all": {"spacing": True, "pagebreaks": True, "thousands": True, "units": True, "hyphen": True,
            "farsta": True},
}


def check(text: str, gold: dict):
    """Every expected line points at what it says."""
    L = text.split("\n")
    for g in gold["goals"]:
        words = g["title"].split()[:3]
        window = " ".join(L[g["line"] - 1:g["line"] + 2])
        assert all(w in window for w in words), (gold["variant"], g["line"], g["title"][:40], window[:80])
    for r in gold["indicators"]:
        first = r["name"].split()[0]
        assert L[r["line"] - 1].startswith(first), (gold["variant"], r["line"], r["name"][:40], L[r["line"] - 1])
        k = r["line"] - 1
        while not blank(L[k]):
            k += 1
        got = fold_name(L[r["line"] - 1:k])
        name = " ".join(r["name"].split())
        if got.startswith(name + " "):          # name and first values on one line
            continue
        if any(c.startswith("pagebreak-in-name") for c in r.get("changes", [])):
            # the rest of the name follows the repeated header after the values
            j = k
            while not L[j].startswith("årsmål Period"):
                j += 1
            j += 2
            e = j
            while not blank(L[e]):
                e += 1
            got = fold_name(L[r["line"] - 1:k] + L[j:e])
        assert got == name, (gold["variant"], r["line"], got, name)
    for a in gold["activities"]:
        first = a["text"].split()[0]
        assert L[a["line"] - 1].lstrip().startswith(first), (gold["variant"], a["line"], L[a["line"] - 1])


def main(out_dir: Path, quiet: bool = False) -> list[str]:
    """Write every variant's <name>.txt and <name>.json into out_dir; returns the variant names."""
    rep = Report()
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, opts in VARIANTS.items():
        if name == "original":
            text, gold = rep.text, copy.deepcopy(rep.gold)
            gold["variant"], gold["variant_changes"] = "original", {}
            gold["report"] = "original.txt"
        else:
            text, gold = build(rep, name, **opts)
        check(text, gold)
        (out_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        (out_dir / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
        if not quiet:
            print(f"{name:11s} {len(text.splitlines()):5d} lines, {len(gold['goals'])} goals, "
                  f"{len(gold['indicators'])} rows ({len(gold['variant_changes'])} changed beyond spacing), "
                  f"{len(gold['activities'])} activities")
    return list(VARIANTS)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
