"""Process: the data page (/data/): each package's version, publication date and downloads with their
sizes, the data catalogue (DCAT-AP-SE), a data dictionary generated from the schemas, licence, how to
cite a package or an indicator, and examples for Excel, pandas and R that read every column as the
type its schema declares (tests/test_data_page_examples.py runs them)."""

from __future__ import annotations

from ..package import catalog
from ..package.downloads import TEXTS_NOTE
from ..package.metadata import PUBLISHER
from .load import Package, resource_schema
from .markup import Page, crumbs, deferred, link, table, url_indicator
from .text import esc
from .view import View

TYPE_SV = {"string": "text", "number": "tal", "integer": "heltal", "boolean": "sant/falskt",
           "date": "datum", "year": "år"}

# The reading examples, shown on the page as they are run by the tests (the unpacked zip's folder).
PANDAS_EXAMPLE = '''import json

import pandas as pd

# pandas types for the Table Schema's types (dates are read as text, then parsed)
PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean",
                "date": "string"}


def read_table(package, table):
    """One table of an unpacked package (the folder with datapackage.json), each column as declared."""
    with open(f"{package}/datapackage.json", encoding="utf-8") as fh:
        resource = next(r for r in json.load(fh)["resources"] if r["name"] == table)
    fields = resource["schema"]["fields"]
    df = pd.read_csv(f"{package}/{resource['path']}", encoding="utf-8",
                     dtype={f["name"]: PANDAS_TYPES[f["type"]] for f in fields},
                     keep_default_na=False, na_values=[""], true_values=["true"], false_values=["false"])
    for f in fields:
        if f["type"] == "date":
            df[f["name"]] = pd.to_datetime(df[f["name"]], format="%Y-%m-%d")
    return df


city_goals = read_table("stockholm", "city_goals")
print(city_goals[["code", "title"]].head())  # code is text: 1.1 stays 1.1
'''
FRICTIONLESS_EXAMPLE = '''from frictionless import Package

package = Package("stockholm/datapackage.json")
city_goals = package.get_table_resource("city_goals").to_pandas()  # the primary key as the index
'''
R_EXAMPLE = '''library(jsonlite)  # install.packages(c("jsonlite", "readr"))
library(readr)

# readr's column type for each of the Table Schema's types
column_type <- function(type) {
  switch(type, string = col_character(), number = col_double(), integer = col_integer(),
         boolean = col_logical(), date = col_date(), year = col_integer(),
         stop("a type this example does not know: ", type))
}

# One table of an unpacked package (the folder with datapackage.json), each column as declared
read_table <- function(package, table) {
  descriptor <- fromJSON(file.path(package, "datapackage.json"), simplifyVector = FALSE)
  resource <- Find(function(r) r$name == table, descriptor$resources)
  fields <- resource$schema$fields
  types <- lapply(fields, function(f) column_type(f$type))
  names(types) <- vapply(fields, function(f) f$name, "")
  read_csv(file.path(package, resource$path), col_types = do.call(cols, types), na = "",
           locale = locale(encoding = "UTF-8"))
}

city_goals <- read_table("stockholm", "city_goals")
print(head(city_goals[c("code", "title")]))  # code is text: 1.1 stays 1.1
'''
ZIP_NOTE = ("Zip-filen packas upp i en mapp med paketets namn (till exempel <code>stockholm/</code>) som "
            "innehåller <code>datapackage.json</code> och mappen <code>data/</code> med en CSV-fil per tabell.")


def size_sv(n: int | None) -> str:
    """A file size as a Swedish reader writes it: '850 byte', '12 kB', '1,4 MB'."""
    if n is None:
        return ""
    if n < 1000:
        return f"{n} byte"
    if n < 1_000_000:
        return f"{round(n / 1000)} kB"
    return f"{n / 1_000_000:.1f} MB".replace(".", ",")


def _download(path: str, dist: catalog.Distribution, text: str) -> str:
    size = size_sv(dist.bytes)
    return link(path, f"data/{dist.files[0]}", text) + (f" ({esc(size)})" if size else "")


def package_citation(facts: catalog.PackageFacts) -> str:
    """Publisher, title, version, date and address of a package, as one line of text."""
    parts = [f"{PUBLISHER['title']}: {facts.descriptor.get('title') or facts.name}",
             f"datapaket {facts.name}, version {facts.version}"]
    if facts.modified:
        parts.append(f"publicerad {facts.modified}")
    return ", ".join(parts) + "." + (f" {facts.url}" if facts.url else "")


def indicator_citation(facts: catalog.PackageFacts, iid: str, name: str) -> str:
    """An indicator's citation: its name and id, then its package's citation, then its page's address."""
    text = (f"{PUBLISHER['title']}: ”{name}” (indikator {iid}, tabellen indicator_results), i "
            f"{facts.descriptor.get('title') or facts.name}, datapaket {facts.name}, version {facts.version}")
    text += f", publicerad {facts.modified}." if facts.modified else "."
    return text + (f" {facts.base}{url_indicator(iid)}" if facts.base else "")


def data_page(v: View, facts: list[catalog.PackageFacts] | None = None) -> Page:
    path = "data/"
    if facts is None:
        facts = [catalog.package_facts(p.name, p.folder, p.descriptor, []) for p in v.d.packages]
    p = Page(path, "Data")
    p.add(crumbs(path, [(path, "Data")]), "# Öppna data",
          "<p>Allt på webbplatsen kommer ur de här datapaketen, och du kan ladda ner samma data. "
          "Varje paket är ett <a href=\"#hur-du-laser-data\">Frictionless-datapaket</a> (Data Package 2): en fil "
          "<code>datapackage.json</code> som beskriver tabellerna, och tabellerna som CSV (UTF-8, komma "
          "som avgränsare, punkt som decimaltecken, tom cell när inget redovisats).</p>",
          "## Datapaket")
    rows = []
    for f in facts:
        label = "Hela staden" if f.name == "stockholm" else v.district_name(f.name)
        dist = {d.format.key: d for d in f.distributions}
        rows.append([esc(label), esc(f.version), esc(f.modified or ""),
                     _download(path, dist["zip"], f"{f.name}.zip"), _download(path, dist["xlsx"], f"{f.name}.xlsx"),
                     _download(path, dist["datapackage"], "datapackage.json")])
    p.add(table(["Paket", "Version", "Publicerad", "Zip (alla CSV-filer)", "Excel", "Beskrivning"], rows,
                "Datapaket", raw=True))
    p.add(f"<p>{ZIP_NOTE} {esc(TEXTS_NOTE)} En ny version publiceras bara när paketets data ändras; vad som ändrats står under "
          f"{link(path, 'nyheter/', 'Nyheter')}.</p>")
    if any(f.url for f in facts):
        p.add("## Katalog för dataportaler",
              f"<p>Paketen beskrivs också i en datakatalog enligt DCAT-AP-SE, så att "
              f"<a href=\"https://www.dataportal.se/\">Sveriges dataportal</a> kan hitta dem: "
              f"{link(path, 'data/' + catalog.CATALOG_RDF, catalog.CATALOG_RDF)} (RDF/XML) och "
              f"{link(path, 'data/' + catalog.CATALOG_JSONLD, catalog.CATALOG_JSONLD)} (JSON-LD).</p>")
    p.add("## Tabeller och kolumner",
          "<p>Datakatalogen nedan är skapad ur paketens scheman. Namnen på tabeller och kolumner ändras "
          "aldrig; nya kan tillkomma.</p>")
    p.add(dictionary(v.d.package))
    lic = v.d.package.descriptor.get("licenses") or []
    p.add("## Licens")
    if lic:
        items = "".join(f"<li>{esc(x.get('title') or x.get('name'))}"
                        + (f" (<code>{esc(x.get('path'))}</code>)" if x.get("path") else "") + "</li>"
                        for x in lic)
        p.add(f"<ul>{items}</ul>")
    else:
        p.add("<p>Paketet anger ingen licens.</p>")
    p.add(*citations(v, facts), *reading())
    return p


def citations(v: View, facts: list[catalog.PackageFacts]) -> list[str]:
    """The section on citing: one citation per package, one per indicator of the city-wide package."""
    items = "".join(f'<li id="citera-{esc(f.name)}">{esc(package_citation(f))}</li>' for f in facts)
    out = ["## Så citerar du",
           "<p>Ange utgivaren, paketets titel, version och publiceringsdatum och adressen, till exempel:</p>",
           f"<ul>{items}</ul>",
           "<p>Nämn också vilken rapport och vilken rad du hänvisar till; varje värde har sin rad i kolumnen "
           "<code>source_line</code>.</p>"]
    city = facts[0] if facts else None
    indicators = v.d.indicators
    if city is not None and indicators is not None and len(indicators):
        rows = [[esc(name), esc(indicator_citation(city, iid, name))]
                for iid, name in sorted(zip(indicators["indicator_id"], indicators["name"]))]
        out += ["### Citera en indikator",
                deferred("<details class=\"tertial-data\"><summary>Visa en källhänvisning för varje indikator"
                         "</summary>" + table(["Indikator", "Källhänvisning"], rows, "Källhänvisning per indikator",
                                              raw=True, search=True) + "</details>")]
    return out


def reading() -> list[str]:
    return ["## Hur du läser data",
            "**Excel:** ladda ner Excel-filen ovan; varje tabell är ett eget blad, med tal som tal, datum som "
            "datum och text som text (målkoden 1.1 förblir texten 1.1). Öppnar du hellre en CSV-fil, välj "
            "*Data → Från text/CSV*, filursprung *65001: Unicode (UTF-8)*, och ange kolumnernas typer enligt "
            "tabellerna ovan (välj *Text* för koder som <code>code</code>).",
            f"**Python (pandas)**, med typerna ur paketets schema (i mappen som zip-filen packas upp i):",
            f"```python\n{PANDAS_EXAMPLE}```",
            "**Python (frictionless)** läser schemat själv:",
            f"```python\n{FRICTIONLESS_EXAMPLE}```",
            "**R**, med paketen readr och jsonlite och typerna ur paketets schema (i samma mapp):",
            f"```r\n{R_EXAMPLE}```",
            "Paketet <code>frictionless</code> på CRAN är ett alternativ som läser schemat själv."]


def dictionary(pkg: Package) -> str:
    out = []
    for res in pkg.descriptor.get("resources", []):
        schema = resource_schema(pkg, res)
        rows = [[f"<code>{esc(f.get('name'))}</code>", esc(TYPE_SV.get(f.get("type"), f.get("type", ""))),
                 esc(f.get("title", "")), esc(f.get("description", ""))] for f in schema.get("fields", [])]
        title = res.get("title") or res.get("name")
        size = f", {size_sv(res['bytes'])} i hela staden" if isinstance(res.get("bytes"), int) else ""
        out.append(f"<h3 id=\"tabell-{esc(res.get('name'))}\">{esc(title)} "
                   f"(<code>{esc(res.get('name'))}.csv</code>{esc(size)})</h3>")
        if res.get("description"):
            out.append(f"<p>{esc(res['description'])}</p>")
        out.append(table(["Kolumn", "Typ", "Rubrik", "Beskrivning"], rows, f"Kolumner i {res.get('name')}", raw=True,
                         search=True))
    return "\n\n".join(out)
