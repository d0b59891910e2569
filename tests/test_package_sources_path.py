"""A package's `sources` name each report's original file where the site publishes it once: beside its
source page, /kallor/<report_id>/<file>, relative to the package's datapackage.json on the site."""

from urllib.parse import urljoin

from tertial.package import metadata
from tertial.sources import SourceReport

REPORT = SourceReport("farsta-2023-t1", "Farsta", "farsta", "T1", 2023, "sources/reports/farsta-2023-t1.pdf",
                      "0" * 64, "Tertialrapport 1 2023")


def test_relative_to_the_package_on_the_site(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: https://example.org/tertial\n", encoding="utf-8")
    desc = metadata.descriptor(tmp_path, "farsta", [REPORT], "1.0.0")  # the same with any site address
    [path] = [s["path"] for s in desc["sources"]]
    assert urljoin("https://example.org/tertial/data/farsta/datapackage.json", path) == \
        "https://example.org/tertial/kallor/farsta-2023-t1/farsta-2023-t1.pdf"


def test_the_site_copies_no_source_a_package_names_by_its_address(tmp_path):
    from tertial.site.load import Package
    from tertial.site.sources import Source, package_copies

    src = Source(REPORT.report_id, tmp_path / "f.pdf", "farsta-2023-t1.pdf", REPORT.sha256, ())
    paths = ["https://example.org/kallor/farsta-2023-t1/farsta-2023-t1.pdf", "../../kallor/farsta-2023-t1/farsta-2023-t1.pdf"]
    pkgs = [Package("farsta", tmp_path, {"sources": [{"path": path, "sha256": REPORT.sha256}]}) for path in paths]
    assert package_copies(pkgs, {REPORT.report_id: src}) == {}
