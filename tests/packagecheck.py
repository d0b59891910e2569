"""Shared by the package-check tests: a build's files, a change fed into the package stage, and a refused
package stage that must leave everything as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tertial import package
from tertial.package import tables


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def altered(monkeypatch, change) -> None:
    """The package stage builds its packages, then `change(pkgs)` alters them before they are written."""
    real = tables.packages

    def packages(curated, reports):
        pkgs = real(curated, reports)
        change(pkgs)
        return pkgs

    monkeypatch.setattr(tables, "packages", packages)


def refused(project: Path) -> list[str]:
    """Run the package stage, which must refuse; nothing published or downloadable changed, no staging is
    left, and every problem is one line. Returns the problems."""
    published = files(project / "datapackages")
    downloads = files(project / "build" / "downloads")
    with pytest.raises(package.PackageInvalid) as err:
        package.run(project)
    assert files(project / "datapackages") == published
    assert files(project / "build" / "downloads") == downloads and downloads
    assert not (project / "build" / "downloads.staging").exists()
    assert all("\n" not in p for p in err.value.problems)
    return err.value.problems
