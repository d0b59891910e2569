"""Horizontal rules and shaded boxes in the PDF mark the line under them (`rule_above`), so a table with no
padding still has its rows apart; an underline under a line's own letters is no rule."""

from __future__ import annotations

from tertial.extract.pdfwords import Line, Word, _mark_rules


def line(top: float) -> Line:
    return Line(1, [Word("ord", 50, 80, top, top + 10, 10, "Regular")])


def test_a_rule_between_two_lines_marks_the_lower_one():
    upper, lower = line(100), line(112)  # baselines 108 and 120
    _mark_rules([upper, lower], [(110.5, 40, 500)])
    assert lower.rule_above and not upper.rule_above


def test_an_underline_just_under_the_baseline_is_not_a_rule():
    upper, lower = line(100), line(112)
    _mark_rules([upper, lower], [(108.5, 40, 500)])  # 0.05 font sizes under the upper baseline
    assert not lower.rule_above


def test_a_rule_beside_the_line_is_not_above_it():
    upper, lower = line(100), line(112)
    _mark_rules([upper, lower], [(110.5, 300, 500)])  # under another column only
    assert not lower.rule_above
