"""The data catalogue: every published package described in DCAT-AP-SE (the Swedish profile of DCAT-AP 3.0),
so that dataportal.se can harvest it. Written by the site stage beside the downloads it describes, as
/data/katalog.rdf (RDF/XML, what dataportal.se harvests) and /data/katalog.jsonld (the same graph).

One dcat:Dataset per package; one dcat:Distribution per format (the CSV files, the zip, the Excel workbook,
datapackage.json) with its address under `site_url`, media type, EU file type and size in bytes. Dates come
from the changelog (issued: the first publication that changed the package, modified: the newest), never
from the clock, and every node has an address (no blank nodes), so the same packages give the same bytes.

Vocabularies: EU authority tables (data themes, languages, file types, access rights, licences), IANA media
types, GeoNames for Stockholm, the ADMS publisher types.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from .metadata import LICENSE, PUBLISHER
from .tables import CITY

CATALOG_RDF = "katalog.rdf"
CATALOG_JSONLD = "katalog.jsonld"
TITLE = "Öppna data om Stockholms stadsdelsnämnders mål och resultat"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEMES = {"GOVE": "Regeringen och den offentliga sektorn", "SOCI": "Befolkning och samhälle"}
LANGUAGE = URIRef(EU + "language/SWE")
ACCESS_PUBLIC = URIRef(EU + "access-right/PUBLIC")
LICENCE_EU = URIRef(EU + "licence/CC0")  # the same licence in the EU licence table
# The licence as dataportal.se matches it: http, with the final slash (docs/harvesting.md of DCAT-AP-SE);
# the packages' descriptors keep their own spelling (metadata.LICENSE).
CC0 = URIRef(LICENSE["path"].replace("https://", "http://", 1))
STOCKHOLM = URIRef("https://sws.geonames.org/2673730/")  # GeoNames: Stockholm, the municipality's seat
PUBLISHER_TYPE = URIRef("http://purl.org/adms/publishertype/LocalAuthority")
DATAPACKAGE_V2 = URIRef("https://datapackage.org/profiles/2.0/datapackage.json")
IANA = "https://www.iana.org/assignments/media-types/"
DCAT_VERSION = URIRef("http://www.w3.org/ns/dcat#version")  # DCAT 3; rdflib's DCAT namespace is DCAT 2


@dataclass(frozen=True)
class Format:
    key: str         # the distribution's name in its address
    title: str       # Swedish, as on the data page
    media_type: str  # IANA
    file_type: str   # EU file-type table


CSV = Format("csv", "CSV-filer", "text/csv", "CSV")
ZIP = Format("zip", "Zip (alla CSV-filer och datapackage.json)", "application/zip", "ZIP")
XLSX = Format("xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX")
JSON = Format("datapackage", "Beskrivning (datapackage.json)", "application/json", "JSON")


@dataclass
class Distribution:
    format: Format
    files: list[str]         # paths under /data/
    bytes: int | None        # None: the file is not there (a page built without its downloads)


@dataclass
class PackageFacts:
    """What the data page and the catalogue say of one published package."""
    name: str
    descriptor: dict
    version: str
    issued: str | None       # YYYY-MM-DD of the first publication that changed the package
    modified: str | None     # ... of the newest one (the date of `version`)
    years: tuple[int, int] | None
    distributions: list[Distribution] = field(default_factory=list)
    base: str = ""           # the site's public address (site_url), '' when it has none

    @property
    def url(self) -> str:
        """The package's address: its datapackage.json on the site ('' without a public address)."""
        return f"{self.base}data/{self.name}/datapackage.json" if self.base else ""


def package_dates(entries: list[dict], name: str) -> tuple[str | None, str | None]:
    """(issued, modified) of a package: the dates of the first and the newest changelog entries that changed
    its data (the city package: every entry; an entry naming no packages changed them all)."""
    dates = [e["date"] for e in entries if name == CITY or e.get("packages") is None or name in e["packages"]]
    return (dates[0], dates[-1]) if dates else (None, None)


def _size(path: Path) -> int | None:
    return path.stat().st_size if path.is_file() else None


def _years(folder: Path) -> tuple[int, int] | None:
    try:
        with (folder / "data" / "reports.csv").open(encoding="utf-8", newline="") as fh:
            years = [int(r["year"]) for r in csv.DictReader(fh) if r.get("year", "").isdigit()]
    except OSError:
        return None
    return (min(years), max(years)) if years else None


def package_facts(name: str, folder: Path, descriptor: dict, entries: list[dict],
                  data_dir: Path | None = None, base: str = "") -> PackageFacts:
    """The facts of the package published in `folder`; the sizes of its zip and workbook are read in
    `data_dir` (the site's /data/), when given; `base`: the site's public address."""
    resources = descriptor.get("resources") or []
    csv_files = [f"{name}/{r['path']}" for r in resources if r.get("path")]
    csv_bytes = sum(int(r.get("bytes") or 0) for r in resources) if resources else None
    issued, modified = package_dates(entries, name)
    extra = (lambda ext: _size(data_dir / f"{name}.{ext}")) if data_dir else (lambda ext: None)
    return PackageFacts(name, descriptor, str(descriptor.get("version") or ""), issued, modified, _years(folder), [
        Distribution(CSV, csv_files, csv_bytes),
        Distribution(ZIP, [f"{name}.zip"], extra("zip")),
        Distribution(XLSX, [f"{name}.xlsx"], extra("xlsx")),
        Distribution(JSON, [f"{name}/datapackage.json"], _size(folder / "datapackage.json")),
    ], base)


# --- the graph ----------------------------------------------------------------------------------------

def _typed(g: Graph, node: URIRef, cls: URIRef, label: str | None = None, lang: str = "sv") -> URIRef:
    g.add((node, RDF.type, cls))
    if label:
        g.add((node, SKOS.prefLabel, Literal(label, lang=lang)))
    return node


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def _common(g: Graph, base: str) -> dict[str, URIRef]:
    """The nodes every dataset shares: publisher, contact point, licence, language, place, themes."""
    cat = URIRef(f"{base}data/{CATALOG_RDF}#katalog")
    publisher = URIRef(f"{base}data/{CATALOG_RDF}#utgivare")
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, FOAF.name, Literal(PUBLISHER["title"], lang="sv")))
    g.add((publisher, FOAF.homepage, _typed(g, URIRef(PUBLISHER["path"]), FOAF.Document)))
    g.add((publisher, DCTERMS.type, _typed(g, PUBLISHER_TYPE, SKOS.Concept, "Local Authority", "en")))
    contact = URIRef(f"{base}data/{CATALOG_RDF}#kontakt")
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal(PUBLISHER["title"], lang="sv")))
    g.add((contact, VCARD.hasURL, URIRef(PUBLISHER["path"])))
    licence = _typed(g, CC0, DCTERMS.LicenseDocument)
    g.add((licence, DCTERMS.title, Literal(LICENSE["title"], lang="en")))
    g.add((licence, DCTERMS.type, _typed(g, LICENCE_EU, SKOS.Concept, "Creative Commons CC0 1.0", "en")))
    scheme = _typed(g, URIRef(EU + "data-theme"), SKOS.ConceptScheme)
    g.add((scheme, DCTERMS.title, Literal("Data theme", lang="en")))
    themes = []
    for code, label in THEMES.items():
        theme = _typed(g, URIRef(f"{EU}data-theme/{code}"), SKOS.Concept, label)
        g.add((theme, SKOS.inScheme, scheme))
        themes.append(theme)
    place = _typed(g, STOCKHOLM, DCTERMS.Location)
    g.add((place, SKOS.prefLabel, Literal("Stockholm", lang="sv")))
    return {"catalog": cat, "publisher": publisher, "contact": contact, "licence": licence, "scheme": scheme,
            "place": place, "language": _typed(g, LANGUAGE, DCTERMS.LinguisticSystem),
            "access": _typed(g, ACCESS_PUBLIC, DCTERMS.RightsStatement), "themes": themes}


def _distribution(g: Graph, base: str, facts: PackageFacts, dist: Distribution, c: dict) -> URIRef:
    node = URIRef(f"{base}data/{CATALOG_RDF}#{facts.name}-{dist.format.key}")
    g.add((node, RDF.type, DCAT.Distribution))
    g.add((node, DCTERMS.title, Literal(f"{facts.descriptor.get('title', facts.name)}: {dist.format.title}",
                                        lang="sv")))
    urls = [URIRef(f"{base}data/{path}") for path in dist.files]
    g.add((node, DCAT.accessURL, urls[0] if len(urls) == 1 else URIRef(f"{base}data/")))
    for url in urls:
        g.add((node, DCAT.downloadURL, url))
    g.add((node, DCAT.mediaType, _typed(g, URIRef(IANA + dist.format.media_type), DCTERMS.MediaType)))
    g.add((node, DCTERMS["format"], _typed(g, URIRef(f"{EU}file-type/{dist.format.file_type}"),
                                           DCTERMS.MediaTypeOrExtent)))
    if dist.bytes is not None:
        g.add((node, DCAT.byteSize, Literal(dist.bytes, datatype=XSD.nonNegativeInteger)))
    g.add((node, DCTERMS.license, c["licence"]))
    if dist.format is JSON:
        g.add((node, DCTERMS.conformsTo, _typed(g, DATAPACKAGE_V2, DCTERMS.Standard)))
    if facts.modified:
        g.add((node, DCTERMS.modified, _date(facts.modified)))
    return node


def _dataset(g: Graph, base: str, facts: PackageFacts, c: dict) -> URIRef:
    d = facts.descriptor
    node = URIRef(f"{base}data/{CATALOG_RDF}#{facts.name}")
    g.add((node, RDF.type, DCAT.Dataset))
    g.add((node, DCTERMS.identifier, Literal(facts.url)))
    g.add((node, DCTERMS.title, Literal(d.get("title") or facts.name, lang="sv")))
    g.add((node, DCTERMS.description, Literal(d.get("description") or "", lang="sv")))
    for word in d.get("keywords") or []:
        g.add((node, DCAT.keyword, Literal(word, lang="sv")))
    for pred, key in ((DCTERMS.publisher, "publisher"), (DCAT.contactPoint, "contact"),
                      (DCTERMS.language, "language"), (DCTERMS.accessRights, "access"), (DCTERMS.spatial, "place")):
        g.add((node, pred, c[key]))
    for theme in c["themes"]:
        g.add((node, DCAT.theme, theme))
    g.add((node, DCAT.landingPage, _typed(g, URIRef(f"{base}data/"), FOAF.Document)))
    if facts.version:
        g.add((node, DCAT_VERSION, Literal(facts.version)))
    if facts.issued:
        g.add((node, DCTERMS.issued, _date(facts.issued)))
    if facts.modified:
        g.add((node, DCTERMS.modified, _date(facts.modified)))
    if facts.years:
        period = URIRef(f"{base}data/{CATALOG_RDF}#{facts.name}-period")
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, _date(f"{facts.years[0]}-01-01")))
        g.add((period, DCAT.endDate, _date(f"{facts.years[1]}-12-31")))
        g.add((node, DCTERMS.temporal, period))
    for dist in facts.distributions:
        g.add((node, DCAT.distribution, _distribution(g, base, facts, dist, c)))
    return node


def graph(base: str, packages: list[PackageFacts]) -> Graph:
    """The catalogue of these packages, addresses under `base` (site_url, ending in '/')."""
    g = Graph()
    for prefix, ns in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("skos", SKOS), ("vcard", VCARD)):
        g.bind(prefix, ns)
    c = _common(g, base)
    cat = c["catalog"]
    g.add((cat, RDF.type, DCAT.Catalog))
    g.add((cat, DCTERMS.title, Literal(TITLE, lang="sv")))
    g.add((cat, DCTERMS.description, Literal(
        "Öppna data om Stockholms stadsdelsnämnders mål, bedömningar, indikatorer och aktiviteter, lästa ur "
        "verksamhetsplaner, tertialrapporter och verksamhetsberättelser.", lang="sv")))
    g.add((cat, DCTERMS.publisher, c["publisher"]))
    g.add((cat, DCTERMS.license, c["licence"]))
    g.add((cat, DCTERMS.language, c["language"]))
    g.add((cat, DCTERMS.spatial, c["place"]))
    g.add((cat, DCAT.themeTaxonomy, c["scheme"]))
    g.add((cat, FOAF.homepage, _typed(g, URIRef(base), FOAF.Document)))
    dates = sorted(d for f in packages for d in (f.issued, f.modified) if d)
    if dates:
        g.add((cat, DCTERMS.issued, _date(dates[0])))
        g.add((cat, DCTERMS.modified, _date(dates[-1])))
    for facts in packages:
        g.add((cat, DCAT.dataset, _dataset(g, base, facts, c)))
    return g


def files(packages: list[PackageFacts]) -> dict[str, bytes]:
    """{file name: bytes} of the catalogue under /data/; none without a public address (`site_url`)."""
    base = packages[0].base if packages else ""
    return serialize(graph(base, packages)) if base else {}


def serialize(g: Graph) -> dict[str, bytes]:
    """{file name: bytes}: RDF/XML and JSON-LD, both sorted so the same graph gives the same bytes."""
    ordered = Graph(store="SimpleMemory")  # kept in insertion order (Memory iterates a set): sorted
    for prefix, ns in g.namespaces():
        ordered.bind(prefix, ns, override=True)
    for triple in sorted(g):
        ordered.add(triple)
    g = ordered
    rdf = g.serialize(format="xml", encoding="utf-8")
    jsonld = _sorted_json(json.loads(g.serialize(format="json-ld", encoding="utf-8")))
    return {CATALOG_RDF: rdf, CATALOG_JSONLD: (json.dumps(jsonld, ensure_ascii=False, indent=1, sort_keys=True)
                                              + "\n").encode("utf-8")}


def _sorted_json(value):
    """JSON-LD with every array sorted (its arrays are sets: the catalogue has no rdf:List)."""
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted_json(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value
