"""The classes of issue 13 together, as a report of the unseen kind would print them: the given PDF-text
report rewritten so that every row follows the one-space-per-cell convention with thousands grouped,
rows follow each other without blank lines, and names whose last line opens in lower case end after a
page break below their cells; with and without the trailing spaces that tell a wrap. Every row must
read as the reference says, none of the rewritten ones flagged."""

import hl_rewrite
import pytest
from pdftext_fixture import HEADER, PAGE_BREAK, parse

from tertial.extract.model import VALUE_COLUMNS

FURNITURE_AND_HEADER = PAGE_BREAK + HEADER


def _unseen_shape(names, cells, line):
    gold = hl_rewrite.gold_rows().get(line)
    if gold is None:
        return None
    printed = "".join(hl_rewrite.printed(gold[c], thousands=True) + " " for c in VALUE_COLUMNS)
    values = [printed + gold["period"] + " "]
    if len(names) >= 2 and hl_rewrite.TAIL_OPENS(names[-1]):
        return names[:-1] + values + FURNITURE_AND_HEADER + [names[-1]]
    return names + values


@pytest.mark.parametrize("trailing_spaces", [True, False], ids=["wrap-spaces", "no-trailing-spaces"])
def test_the_given_report_in_the_unseen_shapes_reads_as_the_reference(trailing_spaces):
    lines, line_map, changed = hl_rewrite.rewritten(_unseen_shape)
    assert len(changed) >= 60
    ex = parse(lines if trailing_spaces else [line.rstrip() for line in lines])
    assert hl_rewrite.differences(ex, line_map) == []
    rewritten = {line_map[n] for n in changed}
    assert [r.name for r in ex.rows if r.source_line in rewritten and r.needs_review] == []
    assert ex.census.fragments_flagged == 0
