"""Rule (units_over_lines): cells printed side by side whose units wrap in their columns come out as
lines repeating one piece per unit cell ('CO2 CO2 CO2'); each piece continues its own cell's unit."""

import re

import hl_rewrite
from pdftext_fixture import parse, table, values

from tertial.extract.units_over_lines import stack_width, unstack
from tertial.extract.values import fold

CO2 = "kg CO2 per kg livsmedel"


def test_three_units_wrapped_over_four_lines_below_the_period():
    ex = table([
        "Klimatpåverkan från ", "livsmedel", "", "1,7 1,6 kg 1,5 kg 1,4 kg 2020", "CO2 CO2 CO2 ",
        "per kg per kg per kg ", "livsmed livsmed livsmed", "el el el", "",
        "Antal hembesök", "", "12 st 14 st 14 st 2020", "",
    ])
    first, second = ex.rows
    assert first.period == "2020" and first.name == "Klimatpåverkan från livsmedel"
    units = [c.unit for c in first.cells.values() if c.value is not None]
    assert units == [None, CO2, CO2, CO2]
    assert second.name == "Antal hembesök"
    assert ex.census.fragments_joined == 4


def test_one_unit_wrapped_below_the_period_cell():
    ex = table(["Klimatpåverkan från ", "livsmedel", "", "1,9 1,9 kg 2020", "CO2 ", "per kg", "", ])
    (row,) = ex.rows
    assert values(row) == {"annual_target": 1.9, "city_target": (1.9, "kg CO2 per kg")}


def test_units_wrapped_cell_after_cell_need_no_stacking():
    ex = table(["Klimatpåverkan från ", "livsmedel", "", "1,6 kg ", "CO2 ", "per kg ", "livsmed", "el",
                "1,5 kg ", "CO2 ", "per kg ", "livsmed", "el", "2020", ""])
    (row,) = ex.rows
    assert [c.unit for c in row.cells.values() if c.value is not None] == [CO2, CO2]


def test_piece_count_must_match_the_unit_cells():
    # just inside: three unit cells, three pieces; just outside: two pieces, or pieces that differ
    anchor = "1,7 1,6 kg 1,5 kg 1,4 kg 2020"
    assert stack_width(anchor, "CO2 CO2 CO2") == 3
    assert stack_width(anchor, "CO2 CO2") == 0
    assert stack_width(anchor, "CO2 CO2 CO3") == 0
    assert stack_width(anchor, "Antal Antal Antal") == 0  # a capitalised word opens a row or a text cell
    assert stack_width("1,9 1,9 kg 2020", "CO2") == 1
    assert stack_width("1,9 1,9 kg", "CO2") == 0  # no period yet: the cells simply go on


def test_word_cut_inside_a_stacked_unit_is_glued_by_the_line_end():
    lines, merged = unstack(["1 kg 2 kg 2020", "livsmed livsmed", "el el"],
                            lambda before, after, above: above is not None and above == above.rstrip())
    assert lines == ["1 kg livsmedel 2 kg livsmedel 2020"] and merged == 2


_ONLY_UNITS = re.compile(r"^(?:\d+(?:,\d+)? (?:%|st) )+(?:Tertial 1 2020|2020)$")


def _stack_the_units(names, cells, line):
    """The report's own rows whose cells all carry '%' or 'st': printed on one line, each unit then
    wrapped over two more lines in its column ('av alla' / 'invånare')."""
    line = fold(" ".join(cells))
    if not _ONLY_UNITS.match(line):
        return None
    k = line.count("%") + line.count(" st ")
    if k < 2:
        return None
    return names + [""] + [line, " ".join(["av alla"] * k) + " ", " ".join(["invånare"] * k)]


def test_the_given_report_with_units_stacked_below_the_cells_reads_as_the_reference():
    lines, line_map, changed = hl_rewrite.rewritten(_stack_the_units)
    assert len(changed) >= 8
    ex = parse(lines)
    assert hl_rewrite.differences(ex, line_map) == []
    for row in ex.rows:
        if row.source_line in {line_map[n] for n in changed}:
            assert {c.unit for c in row.cells.values() if c.unit} <= {"% av alla invånare", "st av alla invånare"}


def test_two_text_targets_wrapped_side_by_side():
    ex = table(["Andel nöjda brukare", "", "85 % 90 % Tas Tas 2020", "fram av fram av ", "nämnd nämnd", ""])
    (row,) = ex.rows
    assert row.cells["annual_target"].text == row.cells["city_target"].text == "Tas fram av nämnd"
    assert [c.raw for c in row.cells.values() if c.value is not None] == ["85 %", "90 %"]


def test_one_text_cell_wrapped_after_a_unit_cell_is_no_stack():
    # just outside: 'fram av' is one piece for two open cells ('st' and 'Tas'): the plain reading stays
    ex = table(["Antal platser", "", "0 368 185 360 st Tas ", "fram av ", "nämnd", "", "Tertial 1 ", "2020", ""])
    (row,) = ex.rows
    assert row.cells["city_target"].text == "Tas fram av nämnd" and row.cells["previous_year"].value == 368
