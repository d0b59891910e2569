"""The report reader: encodings, line ends, size cap, binary and damaged bytes (unit level, no subprocess)."""

from __future__ import annotations

import codecs
import os
import time

import pytest

from tertial.errors import TertialError
from tertial.extract import reader
from tertial.extract.reader import decode, read_bytes, split_lines

SWEDISH = "Hägersten-Älvsjö: Nämndmål för Östermalm och Årsta – 23,4 % öka\n\tÅrsmål\tKF:s årsmål\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "cp1252"])
def test_swedish_letters_read_the_same_in_every_encoding(encoding):
    assert decode(SWEDISH.encode(encoding)) == SWEDISH


def test_latin1_reads_like_the_utf8_original():
    latin = SWEDISH.replace("–", "-")  # Latin-1 has no en dash
    assert decode(latin.encode("latin-1")) == latin


def test_utf16_be_with_bom_is_not_read_as_le():
    assert decode(codecs.BOM_UTF16_BE + SWEDISH.encode("utf-16-be")) == SWEDISH


def test_line_ends_all_end_a_line_and_count_as_an_editor_counts():
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\r\n\r\nb") == ["a", "", "b"]
    assert split_lines("a\fb\n") == ["a\fb", ""]  # a form feed (page break) does not end a line


@pytest.mark.parametrize("data,line,words", [
    (b"", None, "empty"),
    (b" \r\n\t\n", None, "empty"),
    (codecs.BOM_UTF8 + b"  \n", None, "empty"),
    (b"ett\ntv\xc3\xa5\ntre\x00\n", 3, "NUL"),
    (b"ett\r\ntv\xc3\xa5\r\ntre\x07\n", 3, "U+0007"),
    (b"\xc3\xa5\n\n\xe5\n", 3, "not valid UTF-8"),
    (b"PK\x03\x04rest", None, "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", None, "Office"),
    ("ett\n\u0085två\n".encode("utf-8"), 2, "U+0085"),
])
def test_bad_bytes_are_refused_with_file_and_line(data, line, words):
    with pytest.raises(TertialError) as info:
        decode(data, "r.txt")
    assert info.value.path == "r.txt" and info.value.line == line
    assert words in info.value.message


def test_size_cap_refuses_without_reading_everything(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(TertialError, match="larger than"):
        read_bytes(big)
    ok = tmp_path / "ok.txt"
    ok.write_bytes(b"x" * 1000)
    assert read_bytes(ok) == b"x" * 1000


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_file_is_refused_quickly():
    start = time.perf_counter()
    with pytest.raises(TertialError, match="larger than the 20 MB limit"):
        read_bytes("/dev/zero")
    assert time.perf_counter() - start < 10
