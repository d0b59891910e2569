"""Rule (tab-separated layout): which reports read as the tab layout."""

from pathlib import Path

from tabular_fixture import META
from tertial.extract import detect_layout, extract_lines
from tertial.extract.reader import read_lines

HA = Path(__file__).resolve().parents[1] / "sources" / "reports" / "hagersten-alvsjo-2023-t2.txt"


def test_plural_table_headers_are_still_the_tab_layout():
    lines = read_lines(HA)
    plural = [line.replace("Indikator\t", "Indikatorer\t", 1).replace("Aktivitet\t", "Aktiviteter\t", 1)
              for line in lines]
    assert detect_layout(plural) == "tabular"
    ex = extract_lines(plural, META)
    assert len(ex.rows) == 62 and len(ex.activities) == 105
