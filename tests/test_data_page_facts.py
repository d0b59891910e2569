"""The data page gives each package's version, publication date (from the changelog) and the size of each
download, a citation per package and per indicator (publisher, title, version, date, address), and says
how the zips unpack (into the package's own folder, as they do)."""

import re
import zipfile

from dcatcheck import ROOT, committed_facts

from tertial import changelog
from tertial.site import datapage
from tertial.site.load import load
from tertial.site.pages import View


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_version_date_and_sizes_per_package(fixture_site):
    site = fixture_site[0]
    text = _text((site / "data" / "index.html").read_text(encoding="utf-8"))
    for folder in sorted((site / "data").glob("*/datapackage.json")):
        name = folder.parent.name
        for path in (site / "data" / f"{name}.zip", site / "data" / f"{name}.xlsx", folder):
            label = path.name if path != folder else "datapackage.json"
            assert f"{label} ({datapage.size_sv(path.stat().st_size)})" in text, (name, label)


def test_committed_packages_page_has_versions_dates_and_citations():
    facts = committed_facts()
    page = datapage.data_page(View(load(ROOT / "datapackages")), facts).markdown()
    versions = changelog.package_versions(changelog.load_entries(ROOT))
    text = _text(page)
    for f in facts:
        assert f.modified and f.version == changelog.version_of_package(versions, f.name)
        citation = datapage.package_citation(f)
        assert citation in text
        for part in ("Stockholms stad, stadsdelsnämnderna", f.descriptor["title"], f"version {f.version}",
                     f"publicerad {f.modified}", f"https://tertial.github.io/data/{f.name}/datapackage.json"):
            assert part in citation, (f.name, part)
    for res in city_resources(facts):
        assert f"{res['name']}.csv</code>, {datapage.size_sv(res['bytes'])} i hela staden" in page
    city = facts[0]
    assert "https://tertial.github.io/indikatorer/sjukfranvaro/" in datapage.indicator_citation(city, "sjukfranvaro",
                                                                                                "Sjukfrånvaro")
    n_indicators = len(load(ROOT / "datapackages").indicators)
    assert page.count("(indikator ") == n_indicators > 100


def city_resources(facts):
    return next(f for f in facts if f.name == "stockholm").descriptor["resources"]


def test_size_in_swedish():
    assert [datapage.size_sv(n) for n in (850, 12_400, 1_449_999, None)] == ["850 byte", "12 kB", "1,4 MB", ""]


def test_zip_unpacks_into_the_package_folder_as_the_page_says(fixture_site):
    site = fixture_site[0]
    assert "packas upp i en mapp med paketets namn" in datapage.ZIP_NOTE
    for path in sorted((site / "data").glob("*.zip")):
        names = zipfile.ZipFile(path).namelist()
        assert names and all(n.startswith(f"{path.stem}/") for n in names), path
        assert f"{path.stem}/datapackage.json" in names
