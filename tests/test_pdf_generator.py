"""The test PDF generator (tests/pdfgen) prints what it claims, and the same bytes every time."""

from __future__ import annotations

import re

import pytest
from reportlab.platypus import Table

import pdfgen
from goldfixture import GOLD_DIR, load_gold

GOLD = pdfgen.excerpt(load_gold(GOLD_DIR / "hagersten-liljeholmen-2020-t1.json"), 1200)


@pytest.fixture(scope="module", params=sorted(pdfgen.TEMPLATES))
def printed(request):
    return request.param, pdfgen.render(GOLD, request.param)


def test_same_reference_and_template_give_the_same_bytes(printed):
    template, data = printed
    assert pdfgen.render(GOLD, template) == data


def test_every_page_has_the_running_header_and_its_number_of_all(printed):
    _, data = printed
    texts = pdfgen.page_texts(data)
    assert len(texts) >= 3
    for n, text in enumerate(texts, start=1):
        assert "Tjänsteutlåtande" in text and "Hägersten-Liljeholmen stadsdelsnämnd" in text
        assert f"Sid {n} ({len(texts)})" in text


def test_indicator_header_is_printed_again_after_a_page_break(printed):
    template, data = printed
    tables = [f for f in pdfgen.story(GOLD, pdfgen.TEMPLATES[template])
              if isinstance(f, Table) and "Indikator" in str(f._cellvalues[0][0].text)]
    headers = sum(len(re.findall(r"^Indikator", t, re.MULTILINE)) for t in pdfgen.page_texts(data))
    assert headers > len(tables) > 0


def test_every_value_goal_and_activity_of_the_excerpt_is_printed(printed):
    _, data = printed
    text = " ".join(" ".join(pdfgen.page_texts(data)).split())
    for row in GOLD["indicators"]:
        for col in pdfgen.VALUE_COLUMNS:
            assert pdfgen.cell_text(row[col]) in text
    for goal in GOLD["goals"]:
        assert goal["title"].split()[0] in text
    assert all(a["start"] in text for a in GOLD["activities"])


def test_templates_differ_in_page_size_font_and_heading_label():
    stad, brev = pdfgen.TEMPLATES["stad"], pdfgen.TEMPLATES["brev"]
    assert stad.pagesize != brev.pagesize and stad.font != brev.font and stad.widths != brev.widths
    assert stad.label_own_line and not brev.label_own_line
    assert brev.zebra and brev.grid and not stad.zebra
    texts = {t: " ".join(pdfgen.page_texts(pdfgen.render(GOLD, t))) for t in ("stad", "brev")}
    assert re.search(r"KF:s inriktningsmål:\s*\r?\n1\. ", texts["stad"])
    assert "KF:s inriktningsmål: 1. " in texts["brev"]


def test_swedish_numbers():
    assert pdfgen.sv_number(9000) == "9 000"
    assert pdfgen.sv_number(23.4) == "23,4"
    assert pdfgen.sv_number(0.85) == "0,85"
    assert pdfgen.cell_text({"value": 1150, "unit": None}) == "1 150"
    assert pdfgen.cell_text({"text": "Tas fram av nämnd"}) == "Tas fram av nämnd"
