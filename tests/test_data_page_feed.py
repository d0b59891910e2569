"""The Atom feed names its author (the data's publisher) and links itself at the site's address."""

import xml.etree.ElementTree as ET

from tertial import news
from tertial.package.metadata import PUBLISHER

ATOM = "{http://www.w3.org/2005/Atom}"
ENTRY = {"number": 1, "version": "1.0.0", "date": "2023-09-28", "reports_added": [], "reports_replaced": [],
         "reports_removed": []}


def test_feed_has_author_and_self_link():
    feed = ET.fromstring(news.feed_xml([ENTRY], "https://tertial.github.io/"))
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == PUBLISHER["title"]
    assert feed.findtext(f"{ATOM}author/{ATOM}uri") == PUBLISHER["path"]
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == "https://tertial.github.io/nyheter/feed.xml"


def test_built_site_feed_links_itself(fixture_site):
    feed = ET.parse(fixture_site[0] / "nyheter" / "feed.xml").getroot()
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == PUBLISHER["title"]
    assert any(link.get("rel") == "self" and link.get("href").endswith("/nyheter/feed.xml")
               for link in feed.findall(f"{ATOM}link"))
