"""The data catalogue has every property DCAT-AP-SE makes mandatory (the list, with its source, is
tests/vendor/dcat-ap-se-mandatory.yml), and the check fails when one is removed."""

import pytest
from dcatcheck import committed_graph, mandatory, missing_mandatory
from rdflib import RDF

PAIRS = [(cls, prop) for cls, props in mandatory().items() for prop in props]


def test_the_list_covers_the_primary_classes():
    names = {str(c).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for c in mandatory()}
    assert names == {"Catalog", "Dataset", "Distribution", "Agent"}
    assert len(PAIRS) == 10


def test_catalogue_has_every_mandatory_property():
    assert missing_mandatory(committed_graph()) == []


@pytest.mark.parametrize("cls,prop", PAIRS, ids=[f"{c.n3()}-{p.n3()}" for c, p in PAIRS])
def test_removing_a_mandatory_property_fails(cls, prop):
    g = committed_graph()
    node = sorted(g.subjects(RDF.type, cls))[0]
    g.remove((node, prop, None))
    assert missing_mandatory(g) == [f"{node} lacks {prop}"]
