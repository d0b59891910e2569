"""Downloads of each package: a zip (datapackage.json and data/*.csv) and an Excel workbook (one sheet
per table, numbers as numbers, dates as dates, a sheet explaining every column in Swedish).

The workbook leaves out the goals' texts (goal_texts: at 13 districts x 4 years 33 of the city's 47 MB of
CSV, 56 % of its workbook and 1.4 s of its 5 s to write; a text can be longer than an Excel cell's 32,767
characters); its first sheet says they are in the zip and the CSV file.

Both are byte-for-byte reproducible: fixed zip timestamps and permissions, fixed workbook properties.
A text cell is always written as text; one starting with =, +, - or @ is also marked with Excel's
quote prefix, so it is never taken for a formula, not even when a user edits the cell.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import xlsxwriter


ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# zlib's default level: on the packages' CSV text 0.6 % bigger than level 9 and a third faster (measured on
# the 13-district bench's goal_texts: 9.07 MB in 1.65 s against 9.01 MB in 2.43 s).
ZIP_LEVEL = 6
FORMULA_START = ("=", "+", "-", "@")
SHEET_HELP = "Kolumner"
SHEET_ABOUT = "Om"
NOT_IN_WORKBOOK = ("goal_texts",)  # too long for a workbook's cells: in the zip and as CSV
TEXTS_NOTE = ("Målens texter (tabellen goal_texts) finns inte i Excel-filen: de är för långa för Excels celler. "
              "De finns i zip-filen och som CSV-fil (data/goal_texts.csv).")
TYPE_SV = {"string": "text", "integer": "heltal", "number": "tal", "date": "datum (ÅÅÅÅ-MM-DD)",
           "boolean": "sant/falskt"}


def write_zip(package_dir: Path, out: Path) -> None:
    files = [package_dir / "datapackage.json"] + sorted((package_dir / "data").glob("*.csv"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as zf:
        for f in files:
            info = zipfile.ZipInfo(f"{package_dir.name}/{f.relative_to(package_dir).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, f.read_bytes(), compresslevel=ZIP_LEVEL)


def _created(descriptor: dict) -> dt.datetime | None:
    created = descriptor.get("created") or ""
    return dt.datetime.strptime(created[:10], "%Y-%m-%d") if created else None


def write_xlsx(package_dir: Path, tables: dict[str, list[dict]], out: Path) -> None:
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    # any valid package can be written; ours always carry every property read here
    descriptor = {"title": package_dir.name, "description": "", "keywords": [], "version": "",
                  "created": "", "licenses": [], "sources": [], **descriptor}
    out.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(out), {"strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    props = {"title": descriptor["title"], "subject": descriptor["description"][:250],
             "author": "tertial", "keywords": ", ".join(descriptor["keywords"])}
    if _created(descriptor):
        props["created"] = _created(descriptor)
    wb.set_properties(props)
    formats = {"bold": wb.add_format({"bold": True}), "quoted": wb.add_format({"quote_prefix": True}),
               "date": wb.add_format({"num_format": "yyyy-mm-dd"}),
               "wrap": wb.add_format({"text_wrap": True, "valign": "top"})}
    _about_sheet(wb, descriptor, formats)
    resources = [r for r in descriptor["resources"] if r["name"] not in NOT_IN_WORKBOOK]
    for resource in resources:
        _table_sheet(wb, resource, tables[resource["name"]], formats)
    _help_sheet(wb, resources, formats)
    wb.close()


def _about_sheet(wb, descriptor: dict, formats: dict) -> None:
    """The first sheet: the package's title, description, version, date, licence and sources."""
    about = wb.add_worksheet(SHEET_ABOUT)
    about.set_column(0, 0, 18)
    about.set_column(1, 1, 100)
    info = [("Titel", descriptor["title"]), ("Beskrivning", descriptor["description"]),
            ("Version", descriptor["version"]), ("Skapad", descriptor["created"][:10]),
            *[("Licens", f"{lic.get('title', lic.get('name', ''))} ({lic.get('path', '')})")
              for lic in descriptor["licenses"][:1]],
            ("Kolumner", f"Bladet {SHEET_HELP} förklarar varje kolumn i varje tabell."), ("Texter", TEXTS_NOTE)]
    info += [("Källa", f"{s.get('title', '')} ({s.get('path', '')}, SHA-256 {s.get('sha256', '')})")
             for s in descriptor["sources"]]
    for r, (k, v) in enumerate(info):
        about.write_string(r, 0, k, formats["bold"])
        about.write_string(r, 1, v, formats["wrap"])


def _table_sheet(wb, resource: dict, rows: list[dict], formats: dict) -> None:
    """One sheet per table: a header row, then the rows, each cell by its column's type."""
    table = resource["name"]
    fields = resource["schema"]["fields"]
    ws = wb.add_worksheet(table[:31])
    for c, f in enumerate(fields):
        ws.write_string(0, c, f["name"], formats["bold"])
    writers = [(c, f["name"], _cell_writer(ws, f.get("type", "string"), formats["quoted"], formats["date"]))
               for c, f in enumerate(fields)]
    for r, row in enumerate(rows, start=1):  # row by row, one writer per column
        for c, name, write in writers:
            value = row.get(name)
            if value:
                write(r, c, value)
    ws.freeze_panes(1, 0)
    if rows:
        ws.autofilter(0, 0, len(rows), len(fields) - 1)


def _help_sheet(wb, resources: list[dict], formats: dict) -> None:
    """The last sheet: every column of every table, in Swedish, with its type and keys."""
    help_ws = wb.add_worksheet(SHEET_HELP)
    heads = ["Tabell", "Tabellens innehåll", "Kolumn", "Rubrik", "Typ", "Förklaring", "Nyckel"]
    for c, h in enumerate(heads):
        help_ws.write_string(0, c, h, formats["bold"])
    widths = [18, 40, 24, 28, 16, 90, 30]
    for c, w in enumerate(widths):
        help_ws.set_column(c, c, w, formats["wrap"] if c in (1, 5) else None)
    r = 1
    for resource in resources:
        s = resource["schema"]
        refs = {tuple(fk["fields"]): fk["reference"] for fk in s.get("foreignKeys", [])}
        for f in s["fields"]:
            key = []
            if f["name"] in s.get("primaryKey", []):
                key.append("primärnyckel")
            ref = refs.get((f["name"],))
            if ref:
                key.append(f"pekar på {ref.get('resource') or resource['name']}.{ref['fields'][0]}")
            allowed = f.get("constraints", {}).get("enum")
            text = f.get("description", "") + (f" Tillåtna värden: {', '.join(allowed)}." if allowed else "")
            ftype = f.get("type", "string")
            for c, v in enumerate([resource["name"], resource.get("title", ""), f["name"], f.get("title", ""),
                                   TYPE_SV.get(ftype, ftype), text, ", ".join(key)]):
                _write_text(help_ws, r, c, v, formats["quoted"])
            r += 1
    help_ws.freeze_panes(1, 0)


def _write_text(ws, r: int, c: int, value: str, quoted) -> None:
    if value.startswith(FORMULA_START):
        ws.write_string(r, c, value, quoted)
    else:
        ws.write_string(r, c, value)


def _cell_writer(ws, ftype: str, quoted, date):
    """The function writing a non-empty cell of this type, chosen once per column: numbers as numbers,
    dates as dates, text as text (quote-prefixed when it could be taken for a formula)."""
    if ftype == "integer":
        return lambda r, c, value: ws.write_number(r, c, int(value))
    if ftype == "number":
        return lambda r, c, value: ws.write_number(r, c, float(value))
    if ftype == "boolean":
        return lambda r, c, value: ws.write_boolean(r, c, value == "true")
    if ftype == "date":
        def write_date(r, c, value):
            if len(value) == 10 and value[4] == "-" and value[7] == "-":  # YYYY-MM-DD, as validated
                day = dt.datetime(int(value[:4]), int(value[5:7]), int(value[8:10]))
            else:
                day = dt.datetime.strptime(value, "%Y-%m-%d")
            ws.write_datetime(r, c, day, date)
        return write_date

    def write_text(r, c, value):
        if value.startswith(FORMULA_START):
            ws.write_string(r, c, value, quoted)
        else:
            ws.write_string(r, c, value)
    return write_text

