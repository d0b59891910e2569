"""The one CSV reader and writer of the stages (curate.read_csv, extract.write.to_csv): the same rows and
bytes as csv.DictReader / csv.DictWriter, and a malformed row refused with its file and line."""

import csv
import io

import pytest

from tertial.curate import read_csv
from tertial.errors import TertialError
from tertial.extract.write import to_csv

ROWS = [
    {"id": "a", "text": 'Citat "så här", med komma\noch radbrytning', "n": 3.5},
    {"id": "b", "text": "=SUMMA(A1)", "n": None},
    {"id": "c", "text": ""},  # a missing key is an empty cell
]


def _dictwriter(columns, rows) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def test_to_csv_writes_the_bytes_of_dictwriter():
    assert to_csv(["id", "text", "n"], ROWS) == _dictwriter(["id", "text", "n"], ROWS)


def test_to_csv_refuses_a_key_not_in_the_columns_unless_told():
    with pytest.raises(ValueError, match="extra"):
        to_csv(["id"], [{"id": "a", "extra": 1}])
    assert to_csv(["id"], [{"id": "a", "extra": 1}], ignore_extra=True) == "id\na\n"


def test_read_csv_gives_the_rows_of_dictreader(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(to_csv(["id", "text", "n"], ROWS), encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as fh:
        assert read_csv(path) == list(csv.DictReader(fh))


def test_read_csv_refuses_a_short_row_naming_file_and_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,text\na,"two\nlines"\nb\n', encoding="utf-8", newline="")
    with pytest.raises(TertialError) as err:
        read_csv(path)
    assert str(err.value) == f"{path}:4: 1 cells where the header has 2"
