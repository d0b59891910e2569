"""What the data catalogue says of each package: distributions, sizes, dates from the changelog, version,
the controlled vocabularies; and the same packages give the same bytes."""

import json
import os
import subprocess
import sys

from dcatcheck import ROOT, committed_facts, committed_graph
from rdflib import RDF, Literal, URIRef
from rdflib import namespace as ns

from tertial import changelog
from tertial.package import catalog

BASE = "https://tertial.github.io/"


def test_one_dataset_per_package_with_four_distributions():
    g = committed_graph()
    datasets = {str(d).rsplit("#", 1)[1]: d for d in g.subjects(RDF.type, ns.DCAT.Dataset)}
    assert sorted(datasets) == ["hagersten-alvsjo", "hagersten-liljeholmen", "norrmalm", "stockholm"]
    city = datasets["stockholm"]
    dists = {str(d).rsplit("-", 1)[1]: d for d in g.objects(city, ns.DCAT.distribution)}
    assert sorted(dists) == ["csv", "datapackage", "xlsx", "zip"]
    assert g.value(dists["zip"], ns.DCAT.downloadURL) == URIRef(f"{BASE}data/stockholm.zip")
    assert g.value(dists["zip"], ns.DCAT.mediaType) == URIRef("https://www.iana.org/assignments/media-types/application/zip")
    assert g.value(dists["xlsx"], ns.DCTERMS["format"]) == URIRef(
        "http://publications.europa.eu/resource/authority/file-type/XLSX")
    desc = json.loads((ROOT / "datapackages/stockholm/datapackage.json").read_text(encoding="utf-8"))
    csvs = sorted(str(u) for u in g.objects(dists["csv"], ns.DCAT.downloadURL))
    assert csvs == sorted(f"{BASE}data/stockholm/{r['path']}" for r in desc["resources"])
    assert g.value(dists["csv"], ns.DCAT.byteSize).toPython() == sum(r["bytes"] for r in desc["resources"])
    size = (ROOT / "datapackages/stockholm/datapackage.json").stat().st_size
    assert g.value(dists["datapackage"], ns.DCAT.byteSize) == Literal(size, datatype=ns.XSD.nonNegativeInteger)


def test_dates_and_versions_come_from_the_changelog():
    g = committed_graph()
    entries = changelog.load_entries(ROOT)
    versions = changelog.package_versions(entries)
    for facts in committed_facts():
        node = URIRef(f"{BASE}data/{catalog.CATALOG_RDF}#{facts.name}")
        assert str(g.value(node, catalog.DCAT_VERSION)) == changelog.version_of_package(versions, facts.name)
        changed = [e for e in entries if facts.name == "stockholm" or facts.name in e.get("packages", [facts.name])]
        assert g.value(node, ns.DCTERMS.issued) == Literal(changed[0]["date"], datatype=ns.XSD.date)
        assert g.value(node, ns.DCTERMS.modified) == Literal(changed[-1]["date"], datatype=ns.XSD.date)
        period = g.value(node, ns.DCTERMS.temporal)
        years = sorted({int(r) for r in _years(facts.name)})
        assert str(g.value(period, ns.DCAT.startDate)) == f"{years[0]}-01-01"
        assert str(g.value(period, ns.DCAT.endDate)) == f"{years[-1]}-12-31"


def _years(package):
    import csv
    with (ROOT / "datapackages" / package / "data" / "reports.csv").open(encoding="utf-8", newline="") as fh:
        return [r["year"] for r in csv.DictReader(fh)]


def test_vocabularies():
    g = committed_graph()
    city = URIRef(f"{BASE}data/{catalog.CATALOG_RDF}#stockholm")
    eu = "http://publications.europa.eu/resource/authority/"
    assert set(g.objects(city, ns.DCAT.theme)) == {URIRef(eu + "data-theme/GOVE"), URIRef(eu + "data-theme/SOCI")}
    assert g.value(city, ns.DCTERMS.language) == URIRef(eu + "language/SWE")
    assert g.value(city, ns.DCTERMS.spatial) == catalog.STOCKHOLM
    publisher = g.value(city, ns.DCTERMS.publisher)
    assert (publisher, RDF.type, ns.FOAF.Agent) in g and g.value(publisher, ns.DCTERMS.type) == catalog.PUBLISHER_TYPE
    assert str(g.value(publisher, ns.FOAF.name)) == "Stockholms stad, stadsdelsnämnderna"
    contact = g.value(city, ns.DCAT.contactPoint)
    assert g.value(contact, URIRef("http://www.w3.org/2006/vcard/ns#fn")) is not None
    licence = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")  # as dataportal.se spells it
    assert all(o == licence for o in g.objects(None, ns.DCTERMS.license))
    assert g.value(licence, ns.DCTERMS.type) == catalog.LICENCE_EU


def test_same_packages_same_bytes_whatever_the_hash_seed():
    code = ("import sys, hashlib; sys.path[:0] = ['scripts', 'tests']; from dcatcheck import committed_facts;"
            "from tertial.package import catalog;"
            "print({k: hashlib.sha256(v).hexdigest() for k, v in sorted(catalog.files(committed_facts()).items())})")
    outs = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1 and "katalog.rdf" in outs.pop()


def test_no_catalogue_without_a_public_address():
    facts = committed_facts()
    for f in facts:
        f.base = ""
    assert catalog.files(facts) == {}
