"""Why a row is flagged needs_review: a stable code in the data (`review_code`), and its Swedish text that the
site and `tertial review` show (`review_reason` holds that text, with the row's particulars). The table from
code to text is `labels.REVIEW_REASONS`, with every other code's label."""

from __future__ import annotations

from ..labels import REVIEW_REASONS, column_name



def label(code: str) -> str:
    """The Swedish text of a review code; a code without one is a bug (KeyError), never shown in English."""
    return REVIEW_REASONS[code]


def columns_sv(columns) -> str:
    return ", ".join(column_name(c) for c in columns)


def text(reasons: list[tuple[str, str]]) -> str:
    """The Swedish review_reason of (code, particulars) pairs."""
    return "; ".join(f"{label(code)} ({detail})" if detail else label(code) for code, detail in reasons)


def codes(reasons: list[tuple[str, str]]) -> str:
    """The review_code cell: the codes, in order, without repeats, separated by ';'."""
    return ";".join(dict.fromkeys(code for code, _ in reasons))
