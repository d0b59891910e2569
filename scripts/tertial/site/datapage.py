"""Process: the data page (/data/): downloads, a data dictionary generated from the schemas,
licence, how to cite, examples for Excel, pandas and R."""

from __future__ import annotations

from .load import Package, resource_schema
from .markup import Page, crumbs, link, table
from .text import esc
from .view import View

TYPE_SV = {"string": "text", "number": "tal", "integer": "heltal", "boolean": "sant/falskt",
           "date": "datum", "year": "år"}


def data_page(v: View) -> Page:
    path = "data/"
    p = Page(path, "Data")
    p.add(crumbs(path, [(path, "Data")]), "# Öppna data",
          "<p>Allt på webbplatsen kommer ur de här datapaketen, och du kan ladda ner samma data. "
          "Varje paket är ett <a href=\"#hur-du-laser-data\">Frictionless-datapaket</a>: en fil "
          "<code>datapackage.json</code> som beskriver tabellerna, och tabellerna som CSV (UTF-8, komma "
          "som avgränsare, punkt som decimaltecken, tom cell när inget redovisats).</p>",
          "## Datapaket")
    rows = []
    for pkg in v.d.packages:
        label = "Hela staden" if pkg.name == "stockholm" else v.district_name(pkg.name)
        rows.append([esc(label), link(path, f"data/{pkg.name}.zip", f"{pkg.name}.zip"),
                     link(path, f"data/{pkg.name}.xlsx", f"{pkg.name}.xlsx"),
                     link(path, f"data/{pkg.name}/datapackage.json", "datapackage.json")])
    p.add(table(["Paket", "Zip (alla CSV-filer)", "Excel", "Beskrivning"], rows, "Datapaket", raw=True))
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
    p.add("## Så citerar du",
          "<p>Ange källan som: <q>Stockholms stadsdelsnämnders verksamhetsplaner, tertialrapporter och "
          "verksamhetsberättelser, bearbetade av tertial (datapaket stockholm)</q>, och nämn vilken rapport "
          "och vilken rad du hänvisar till; varje värde har sin rad i kolumnen <code>source_line</code>.</p>",
          "## Hur du läser data",
          "**Excel:** ladda ner Excel-filen ovan; varje tabell är ett eget blad. Vill du hellre öppna CSV-filen, "
          "välj *Data → Från text/CSV* och filursprung *65001: Unicode (UTF-8)*.",
          "**Python (pandas):**",
          "```python\nimport pandas as pd\n\nres = pd.read_csv(\"indicator_results.csv\")\n"
          "print(res[res.indicator_id == \"sjukfranvaro\"][[\"report_id\", \"period_outcome\", \"annual_target\"]])\n```",
          "**R:**",
          "```r\nres <- read.csv(\"indicator_results.csv\", encoding = \"UTF-8\")\n"
          "subset(res, indicator_id == \"sjukfranvaro\", c(report_id, period_outcome, annual_target))\n```")
    return p


def dictionary(pkg: Package) -> str:
    out = []
    for res in pkg.descriptor.get("resources", []):
        schema = resource_schema(pkg, res)
        rows = [[f"<code>{esc(f.get('name'))}</code>", esc(TYPE_SV.get(f.get("type"), f.get("type", ""))),
                 esc(f.get("title", "")), esc(f.get("description", ""))] for f in schema.get("fields", [])]
        title = res.get("title") or res.get("name")
        out.append(f"<h3 id=\"tabell-{esc(res.get('name'))}\">{esc(title)} "
                   f"(<code>{esc(res.get('name'))}.csv</code>)</h3>")
        if res.get("description"):
            out.append(f"<p>{esc(res['description'])}</p>")
        out.append(table(["Kolumn", "Typ", "Rubrik", "Beskrivning"], rows, f"Kolumner i {res.get('name')}", raw=True,
                         search=True))
    return "\n\n".join(out)
