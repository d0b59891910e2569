"""The site serves the data catalogue at /data/katalog.rdf (and .jsonld), beside the files it describes,
with their real sizes, after `mkdocs build --strict`; the data page links it."""

import json

from rdflib import RDF, Graph
from rdflib import namespace as ns

from tertial.package import catalog


def test_catalogue_is_served_with_the_sizes_of_the_served_files(fixture_site):
    site = fixture_site[0]
    g = Graph().parse(site / "data" / catalog.CATALOG_RDF, format="xml")
    datasets = set(g.subjects(RDF.type, ns.DCAT.Dataset))
    assert len(datasets) == len(list((site / "data").glob("*/datapackage.json"))) > 0
    checked = 0
    for dist in g.subjects(RDF.type, ns.DCAT.Distribution):
        urls = list(g.objects(dist, ns.DCAT.downloadURL))
        if len(urls) != 1:
            continue
        path = site / str(urls[0]).split("https://tertial.github.io/", 1)[1]
        assert g.value(dist, ns.DCAT.byteSize).toPython() == path.stat().st_size, path
        checked += 1
    assert checked == 3 * len(datasets)  # zip, xlsx, datapackage.json


def test_json_ld_holds_the_same_graph(fixture_site):
    site = fixture_site[0]
    rdf = Graph().parse(site / "data" / catalog.CATALOG_RDF, format="xml")
    jsonld = Graph().parse(data=(site / "data" / catalog.CATALOG_JSONLD).read_text(encoding="utf-8"),
                           format="json-ld")
    assert len(rdf) == len(jsonld) and set(rdf) == set(jsonld)
    json.loads((site / "data" / catalog.CATALOG_JSONLD).read_text(encoding="utf-8"))


def test_data_page_links_the_catalogue(fixture_site):
    html = (fixture_site[0] / "data" / "index.html").read_text(encoding="utf-8")
    assert f'href="{catalog.CATALOG_RDF}"' in html and f'href="{catalog.CATALOG_JSONLD}"' in html
