"""The data catalogue conforms to the DCAT-AP 3.0 SHACL shapes (pySHACL, 0 violations)."""

import pytest
from dcatcheck import SHAPES, committed_graph
from pyshacl import validate
from rdflib import RDF, Graph, URIRef
from rdflib import namespace as ns



@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(SHAPES)


def violations(g: Graph, shapes: Graph, inference: str = "rdfs") -> list[tuple]:
    _, report, _ = validate(g, shacl_graph=shapes, inference=inference)
    return [(report.value(r, ns.SH.focusNode), report.value(r, ns.SH.resultPath), report.value(r, ns.SH.resultMessage))
            for r in report.subjects(RDF.type, ns.SH.ValidationResult)]


def test_catalogue_has_no_violation(shapes):
    g = committed_graph()
    assert len(set(g.subjects(RDF.type, ns.DCAT.Dataset))) == 4
    assert violations(g, shapes) == []


def test_without_rdfs_entailment_only_rdfs_resource_is_missing(shapes):
    """The shapes ask addresses (accessURL, downloadURL) to be of class rdfs:Resource, which every
    resource is under RDFS entailment: validated without it, that is all that is reported."""
    found = violations(committed_graph(), shapes, inference="none")
    assert found
    assert {str(msg) for _, _, msg in found} == {"Value does not have class rdfs:Resource"}


def test_a_dataset_without_title_is_a_violation(shapes):
    g = committed_graph()
    dataset = sorted(g.subjects(RDF.type, ns.DCAT.Dataset))[0]
    g.remove((dataset, ns.DCTERMS.title, None))
    assert [(f, p) for f, p, _ in violations(g, shapes)] == [(dataset, ns.DCTERMS.title)]


def test_a_distribution_without_address_is_a_violation(shapes):
    g = committed_graph()
    dist = URIRef(str(sorted(g.subjects(RDF.type, ns.DCAT.Distribution))[0]))
    g.remove((dist, ns.DCAT.accessURL, None))
    assert [(f, p) for f, p, _ in violations(g, shapes)] == [(dist, ns.DCAT.accessURL)]
