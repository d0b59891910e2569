"""Issue 15: /stadsdelar/ lists every district (the 13 current and the 2 merged in 2020), each with its
reports or a line saying none is published yet; merged districts say when they ended and where they went."""

import re

import pytest

from siteutil import FIXTURE_PACKAGES
from tertial.site.build import generate
from tertial.site.load import load


@pytest.fixture(scope="module")
def md():
    return next(p for p in generate(load(FIXTURE_PACKAGES)) if p.path == "stadsdelar/").markdown()


def test_every_district_is_listed_current_ones_first_in_swedish_order(md):
    names = [re.sub(r"<[^>]+>", "", n) for n in re.findall(r'<p class="tertial-district-name">(.*?)</p>', md)]
    assert names == ["Bromma", "Enskede-Årsta-Vantör", "Farsta", "Hägersten-Älvsjö", "Hässelby-Vällingby",
                     "Kungsholmen", "Norrmalm", "Rinkeby-Kista", "Skarpnäck", "Skärholmen", "Spånga-Tensta",
                     "Södermalm", "Östermalm", "Hägersten-Liljeholmen", "Älvsjö"]
    assert "Stockholms 13 stadsdelsnämnder och de 2 som gick upp i andra" in md


def test_each_district_has_its_reports_or_says_none_is_published(md):
    items = re.findall(r"<li>(.*?)</li>", md[md.index('<ul class="tertial-districts">'):])
    by_name = {re.sub(r"<[^>]+>", "", re.search(r'tertial-district-name">(.*?)</p>', i).group(1)): i for i in items}
    assert '<a href="norrmalm/2024-vp/">Verksamhetsplan 2024</a> · <a href="norrmalm/2023-t2/">Tertialrapport 2 2023</a>' \
        in by_name["Norrmalm"]
    assert '<a href="norrmalm/">Norrmalm</a>' in by_name["Norrmalm"]
    for name in ("Bromma", "Östermalm", "Hägersten-Liljeholmen", "Älvsjö"):
        assert "Ingen rapport från nämnden är publicerad här ännu." in by_name[name], name
        assert "<a " not in by_name[name].split("</p>")[0]  # no page of its own to link to
    assert ('Fanns till 2020-06-30 och gick sedan upp i <a href="hagersten-alvsjo/">Hägersten-Älvsjö</a>.'
            in by_name["Älvsjö"])
