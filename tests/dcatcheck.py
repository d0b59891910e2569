"""The data catalogue of the committed packages, as the site stage writes it, for the DCAT tests."""

from __future__ import annotations

from pathlib import Path

import yaml
from rdflib import RDF, Graph, URIRef

from tertial import changelog, news
from tertial.package import catalog
from tertial.site.load import find_packages

ROOT = Path(__file__).resolve().parents[1]
VENDOR = Path(__file__).parent / "vendor"
SHAPES = VENDOR / "dcat-ap-3.0.0-SHACL.ttl"
MANDATORY = VENDOR / "dcat-ap-se-mandatory.yml"


def committed_facts(data_dir: Path | None = None) -> list[catalog.PackageFacts]:
    entries = changelog.load_entries(ROOT)
    return [catalog.package_facts(p.name, p.folder, p.descriptor, entries, data_dir, news.site_url(ROOT))
            for p in find_packages(ROOT / "datapackages")]


def committed_graph() -> Graph:
    """The catalogue as published: its RDF/XML bytes parsed back."""
    return Graph().parse(data=catalog.files(committed_facts())[catalog.CATALOG_RDF], format="xml")


def mandatory() -> dict[URIRef, list[URIRef]]:
    spec = yaml.safe_load(MANDATORY.read_text(encoding="utf-8"))

    def uri(curie: str) -> URIRef:
        prefix, local = curie.split(":", 1)
        return URIRef(spec["prefixes"][prefix] + local)

    return {uri(cls): [uri(p) for p in props] for cls, props in spec["mandatory"].items()}


def missing_mandatory(g: Graph) -> list[str]:
    """'<node> lacks <property>' for each DCAT-AP-SE mandatory property missing, and a line for each
    class with no node at all."""
    out = []
    for cls, props in mandatory().items():
        nodes = sorted(set(g.subjects(RDF.type, cls)))
        if not nodes:
            out.append(f"no {cls}")
        out += [f"{n} lacks {p}" for n in nodes for p in props if (n, p, None) not in g]
    return out
