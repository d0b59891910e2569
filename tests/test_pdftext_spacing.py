"""Rule (spacing): in a report that follows every cell with one space, an empty cell shows as one more
space and the spacing places every cell; whether a report does so is read from the report itself."""

import hl_rewrite
from pdftext_fixture import CITY_GOAL, HEADER, parse, table, values

from tertial.extract import spacing
from tertial.extract.model import VALUE_COLUMNS

SPACED_ROWS = [
    "Andel brukare som upplever att ", "de får stöd i rätt tid", "   85 %  90 %  2020 ", "",
    "Antal hembesök per brukare", "   4  3,7  2020 ", "",
    "Andel nöjda brukare", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 ", "",
]


def test_spaces_place_every_cell():
    ex = table(SPACED_ROWS)
    first, second, third = ex.rows
    assert values(first) == {"previous_year": (85, "%"), "annual_target": (90, "%")}
    assert values(second) == {"previous_year": 4, "annual_target": 3.7}
    assert values(third) == {"period_outcome": (54, "%"), "outcome_men": (39, "%"), "outcome_women": (65, "%"),
                             "forecast": (50, "%"), "annual_target": (50, "%")}
    assert not any(r.needs_review for r in ex.rows)
    assert all("rule spacing" in line for r in ex.rows for line in r.explain)


def test_a_name_sharing_its_line_with_the_cells_counts_the_spaces_after_it():
    ex = table(SPACED_ROWS + ["Sjukfrånvaro  7,1 % 7,7 % 7,5 % 8,5 %   Tertial 1 2020 ", ""])
    assert values(ex.rows[-1]) == {"outcome_men": (7.1, "%"), "outcome_women": (7.7, "%"),
                                   "previous_year": (7.5, "%"), "forecast": (8.5, "%")}


def test_spaces_that_do_not_add_up_are_flagged():
    ex = table(SPACED_ROWS + ["Antal besök", "   4  3,7   2020 ", ""])
    assert ex.rows[-1].needs_review and "spacing_mismatch" in ex.rows[-1].review_code


def test_detection_threshold_is_read_from_the_report():
    spaced = ["   85 %  90 %  2020"] * spacing.MIN_SPACED_LINES
    plain = ["85 % 90 % 2020"]
    assert spacing.uses_cell_spacing(spaced)  # just inside
    assert not spacing.uses_cell_spacing(spaced[1:])  # just outside: one spaced line too few
    share = int(len(spaced) / spacing.MIN_SPACED_SHARE)
    assert spacing.uses_cell_spacing(spaced + plain * (share - len(spaced)))  # just inside the share
    assert not spacing.uses_cell_spacing(spaced + plain * (share - len(spaced) + 1))  # just outside


def test_slots_boundary():
    assert spacing.slots([3, 2, 1], 1, 7).columns == (3, 5, 6)  # '   85 %  90 % 90 % 2020': just inside
    assert spacing.slots([3, 2, 1], 2, 7).mismatch  # one empty cell too many before the period
    assert spacing.slots([3, 2, 2], None, 7).mismatch  # the last cell falls beyond the columns
    # rule spacing_later_line: a cell opening a later line is placed by the period cell on its line
    assert spacing.slots([3, 2, None], 1, 7).columns == (3, 5, 6)  # just inside: the last column left
    assert spacing.slots([3, 2, None], 2, 7).mismatch  # just outside: it would stand on the cell above
    # the period on a line of its own: placed when one column only is left after the cells above
    assert spacing.slots([3, 2, None], None, 7).columns == (3, 5, 6)  # just inside: one start fits
    assert spacing.slots([3, 1, None], None, 7).columns is None  # just outside: two starts fit, left open
    assert not spacing.slots([3, 1, None], None, 7).mismatch
    assert spacing.slots([3, 2, None, 1], None, 7).mismatch  # two cells where one column is left


def test_a_report_without_the_convention_keeps_its_reading():
    # Hägersten-Liljeholmen 2020 prints an extra space now and then: it does not follow the convention
    lines, ex = hl_rewrite.original()
    assert not spacing.uses_cell_spacing(lines)


def _print_by_the_convention(names, cells, line):
    gold = hl_rewrite.gold_rows().get(line)
    if gold is None:
        return None
    printed = "".join(hl_rewrite.printed(gold[c]) + " " for c in VALUE_COLUMNS)
    return names + [printed + gold["period"] + " ", ""]


def test_the_given_report_printed_by_the_convention_reads_as_the_reference_without_flags():
    lines, line_map, changed = hl_rewrite.rewritten(_print_by_the_convention)
    assert spacing.uses_cell_spacing(lines) and len(changed) >= 60
    ex = parse(lines)
    assert hl_rewrite.differences(ex, line_map) == []
    rewritten = {line_map[n] for n in changed}
    flagged = [r.name for r in ex.rows if r.source_line in rewritten and r.needs_review]
    assert flagged == []  # the spacing settles even the rows the reference marks ambiguous


def test_cells_followed_by_a_space_are_no_wrap_clue():
    # an export that ends only its value lines with a space (each cell followed by one) does not mark
    # wraps by trailing spaces: names are glued by the other clues ('att' + 'de' stays two words)
    rows = ["Andel brukare som upplever att", "de får stöd i rätt tid", "   85 %  90 %  2020 ", "",
            "Antal hembesök per", "brukare", "   4  3,7  2020 ", "", "Andel nöjda", "54 % 39 % 65 %  50 % 50 %  Tertial 1 2020 "]
    ex = parse([line.rstrip() for line in CITY_GOAL + HEADER] + rows)
    assert ex.rows[0].name == "Andel brukare som upplever att de får stöd i rätt tid"
    assert ex.rows[1].name == "Antal hembesök per brukare"


def test_a_row_whose_only_cell_is_a_text_target_indented_by_its_empty_cells():
    ex = table(SPACED_ROWS + ["Andel nya brukare", "      Tas fram av nämnd 2020 ", "", "Antal hembesök", "   4  3,7  2020 "])
    assert [r.name for r in ex.rows[-2:]] == ["Andel nya brukare", "Antal hembesök"]
    assert values(ex.rows[-2]) == {"city_target": "Tas fram av nämnd"} and not ex.rows[-2].needs_review


def test_an_indented_name_line_is_no_cell_line():
    # just outside: indented, but it opens no cell
    ex = table(SPACED_ROWS + ["Andel nya ", " brukare i hemtjänst", "   85 %  90 %  2020 "])
    assert ex.rows[-1].name == "Andel nya brukare i hemtjänst"
