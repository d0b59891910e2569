"""`tertial build`: every stage, in order, from sources/ and curation/ to datapackages/ (and the site).

The stages are listed in STAGES; each is a module with the same entry point, `run(root, ctx) -> list of
summary lines`, that reads the files it declares (READS) and writes only its own (WRITES); a new stage is
added to the list here. `ctx` carries options shared by the stages (e.g. the extractor to use, for tests).
"""

from __future__ import annotations

import importlib
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import faults, sources



@dataclass
class Context:
    extractor: Callable | None = None  # (path, ReportMeta) -> Extraction; default tertial.extract.extract_file
    out: Callable[[str], None] = print
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class Stage:
    name: str
    module: str  # the stage's module: run(root, ctx) -> list[str], READS, WRITES

    def load(self):
        return importlib.import_module(self.module)

    def run(self, root: Path, ctx: Context) -> list[str]:
        return self.load().run(root, ctx)


# Each stage is a module with `run(root, ctx) -> list of summary lines`, and READS and WRITES: the paths
# (below root) it reads and the only ones it writes. Imported when it runs: `tertial extract` alone
# does not load pandas or MkDocs.
STAGES: list[Stage] = [
    Stage("extract", "tertial.extract.stage"),
    Stage("curate", "tertial.curate"),
    Stage("changelog", "tertial.changelog"),  # an entry in changelog/ when the curated tables differ from the published
    Stage("package", "tertial.package"),
    Stage("site", "tertial.site.stage"),
]


# What a build publishes. A build is all or nothing: a transaction (tertial.journal) keeps these aside
# before the first stage runs and puts them back, exactly as they were, when any stage fails or the run is
# interrupted (or, after a kill, at the next command).
PUBLISHED = (Path("datapackages"), Path("changelog"), Path("build") / "site", Path("build") / "downloads")
# folders only ever replaced by renaming a new folder into place: kept aside as hard links (no copying)
_RENAMED_ONLY = (Path("build") / "site",)


@contextmanager
def all_or_nothing(root: Path):
    from . import journal
    from .package import DOWNLOADS_NEW, STAGING

    paths = [(rel, "link" if rel in _RENAMED_ONLY else "copy") for rel in PUBLISHED]
    paths += [(rel, "move") for rel in (STAGING, DOWNLOADS_NEW)]  # the package stage's scratch: gone on failure
    with journal.transaction(root, "build", paths):
        yield


def build(root: Path, ctx: Context | None = None, until: str | None = None) -> Context:
    """Run the stages in order (up to and including `until`). A failing stage raises TertialError;
    nothing after it runs, and the published outputs (PUBLISHED) are left exactly as they were."""
    ctx = ctx or Context()
    sources.load_manifest(root)  # every sha256 checked before anything runs
    with all_or_nothing(root):
        for stage in list(STAGES):
            start = time.perf_counter()
            for line in stage.run(root, ctx):
                ctx.out(line)
            ctx.timings[stage.name] = time.perf_counter() - start
            faults.point(f"build-stage-{stage.name}")
            if stage.name == until:
                break
    return ctx
