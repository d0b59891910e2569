"""Helper for the tab-separated layout tests: parse an inline report text."""

from tertial.extract.model import ReportMeta
from tertial.extract.tabular import parse

META = ReportMeta("Hägersten-Älvsjö", "hagersten-alvsjo", "T2", 2023, "hagersten-alvsjo-2023-t2")


def extract(text: str, meta: ReportMeta = META):
    """Parse a fixture written with '→' for a tab (so the tests stay readable)."""
    return parse(text.replace("→", "\t").split("\n"), meta, "<fixture>")


def line_of(text: str, needle: str, after: int = 0) -> int:
    """1-based number of the first fixture line after line `after` containing needle."""
    for number, line in enumerate(text.split("\n"), 1):
        if number > after and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in fixture")
