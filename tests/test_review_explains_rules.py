"""Rule: `tertial review` shows, for each flagged row, which rule put which cell in which column (from the
census the build's extract stage records), so a newcomer needs no code to see why."""

import shutil

from cli_harness import ROOT

from tertial import build, review
from tertial.extract import stage as extract_stage


def test_review_names_the_rules_of_each_flagged_row(tmp_path):
    for part in ("sources", "curation"):
        shutil.copytree(ROOT / part, tmp_path / part)
    extract_stage.run(tmp_path, build.Context())
    out = review.run(tmp_path)
    at = out.index(next(line for line in out if line.endswith("Nämndens budgetföljsamhet efter resultatöverföringar")))
    block = out[at:at + 8]
    assert block[1].startswith("  why: [placement_tie] cellerna passar i mer än en kolumnordning")
    assert any(line.startswith("  rule: '100 %' -> forecast: runner-up has '(empty)'; TIED, flagged by rules")
               for line in block)
