"""Package metadata (datapackage.json apart from the resources): name, Swedish title and description,
version (the data version of the newest changelog entry that changed this package's data, e.g. `1.0.0`:
the city-wide package follows every entry, a district's only those that touch its reports; the newest
report as the custom property `publication`, e.g. `2023-T2`), `created`: the date of the newest report
(`tertial.reports.report_date`, the changelog's rule; never the clock), licence,
sources (each report's original file on the site), contributors, keywords.

Reads changelog/ (through `tertial.changelog.current_version`): the changelog stage runs before this one."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .. import ids
from ..reports import date_of, newest
from .tables import CITY

LICENSE = {
    "name": "CC0-1.0",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    "title": "CC0 1.0 Universal (Public Domain Dedication)",
}
# The publisher of the data (the district councils, whose reports these are): named once, in every package's
# contributors, the DCAT catalogue, the citations on the data page and the news feed's author.
# Data Package v2: declared at the root only; the resources and schemas inherit it (frictionless 5.x refuses a
# `$schema` below the root).
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PUBLISHER = {"title": "Stockholms stad, stadsdelsnämnderna", "path": "https://start.stockholm/"}
HOMEPAGE_NOTE = ("Uppgifterna är lästa ur stadsdelsnämndernas verksamhetsplaner, tertialrapporter och "
                 "verksamhetsberättelser, som är allmänna handlingar. Varje värde har en rad i källfilen "
                 "(source_line) och varje källfil en kontrollsumma (SHA-256).")
# A synthetic project (`tertial bench`) carries this file; its packages say so in their title.
SYNTHETIC_MARKER = Path("sources") / "SYNTETISKA_DATA.txt"


def publication(reports) -> str:
    """The newest report's year and type, e.g. '2023-T2' (the `publication` property)."""
    rep = newest(reports)
    return f"{rep.year}-{rep.report_type}"


def source_path(report) -> str:
    """Where the report's original file is published: beside its source page on the site,
    /kallor/<report_id>/<file>, relative to the package's datapackage.json there (/data/<package>/): one
    copy on the site for every package, wherever the site is served, and no address in the data."""
    return f"../../kallor/{report.report_id}/{PurePosixPath(report.file).name}"


def version(root: Path, name: str = CITY) -> str:
    """The package's data version: of the newest changelog entry that changed its data (`1.<n-1>.0` for
    entry n; the city-wide package: the newest entry)."""
    from .. import changelog

    return changelog.version_of_package(changelog.package_versions(changelog.load_entries(root)), name)


def descriptor(root: Path, name: str, reports, data_version: str | None = None) -> dict:
    """The package's metadata; `reports` are the reports it holds (SourceReport); `data_version` is
    `version(root, name)`, when the caller has it already."""
    district = ids.district_name(name) if name != CITY else None
    if district:
        title = f"Mål och resultat för {district} stadsdelsnämnd"
        scope = f"{district} stadsdelsnämnds"
    else:
        title = "Mål och resultat för Stockholms stadsdelsnämnder"
        scope = "Stockholms stadsdelsnämnders"
    rep = newest(reports)
    synthetic = (root / SYNTHETIC_MARKER).is_file()
    if synthetic:
        title = f"SYNTETISKA DATA – {title}"
    description = ("SYNTETISKA DATA (benchmark, inte riktiga värden). " if synthetic else "") + (f"{scope} mål, bedömningar, indikatorer och aktiviteter ur verksamhetsplaner, "
                   f"tertialrapporter och verksamhetsberättelser ({len(reports)} "
                   f"{'rapport' if len(reports) == 1 else 'rapporter'}, den senaste {rep.title}). "
                   f"{HOMEPAGE_NOTE} Data är fria att använda (CC0 1.0); ange gärna källan "
                   "(stadsdelsnämndens rapport och tertial).")
    keywords = ["Stockholm", "stadsdelsnämnd", "mål", "indikatorer", "måluppfyllelse", "verksamhetsplan",
                "tertialrapport", "verksamhetsberättelse", "öppna data"]
    if district:
        keywords.append(district)
    return {
        "$schema": PROFILE,
        "name": name,
        "title": title,
        "description": description,
        "version": data_version or version(root, name),
        "publication": publication(reports),
        "created": f"{date_of(root, rep.report_id, rep.year, rep.report_type, rep.file)}T00:00:00Z",
        "language": "sv",
        "keywords": keywords,
        "licenses": [dict(LICENSE)],
        "contributors": [
            {"title": PUBLISHER["title"], "role": "publisher", "roles": ["publisher"], "path": PUBLISHER["path"]},
            {"title": "tertial", "role": "wrangler", "roles": ["wrangler"]},
        ],
        "sources": [
            {"title": f"{r.district}: {r.title}", "path": source_path(r), "sha256": r.sha256}
            for r in sorted(reports, key=lambda r: r.report_id)
        ],
    }
