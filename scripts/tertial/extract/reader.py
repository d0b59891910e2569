"""Reading a report file: bytes to lines of text, whatever the encoding and line ends.

Reports arrive from many offices, exported by many tools, so the bytes are checked before anything is
parsed. Every refusal is a TertialError naming the file (and the line, where there is one).

- Size: at most MAX_BYTES (20 MB). The largest real report is about 0.25 MB, so the cap is some 80 times
  that: no real report comes near it, while a wrong file (a database dump, a disk image, /dev/zero) is
  refused at once instead of being read into memory. Only MAX_BYTES + 1 bytes are ever read.
- Encoding, in this order: a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); UTF-16 without a mark
  when every other byte is NUL (as in text with Latin letters); UTF-8; else Windows-1252 (a superset of
  Latin-1 for every printable character, so Latin-1 files read the same). A file that is mostly UTF-8 with
  a few invalid bytes is refused (mixed encodings: decoding it either way would garble letters).
- Binary: known signatures (PDF, ZIP/Office, old Office, images, gzip) are named; NUL bytes and other
  control characters (beyond tab, line ends and form feed) are refused naming the first line they are on.
- Line ends: LF, CRLF and CR all end a line. Line numbers are 1-based and count lines as a text editor
  shows them, so `source_line` points at the same line in the file as received, whatever its line ends.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import TertialError

MAX_BYTES = 20 * 1024 * 1024  # 20 MB; real reports are ~0.25 MB (see the module docstring)

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_SIGNATURES = (
    (b"%PDF-", "a PDF file; export its text first (e.g. pdftotext -layout)"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel .docx/.xlsx file); save the report as text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls); save the report as text first"),
    (b"{\\rtf", "an RTF document; save the report as plain text first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not a report"),
    (b"\xff\xd8\xff", "a JPEG image, not a report"),
    (b"GIF8", "a GIF image, not a report"),
    (b"\x1f\x8b", "a gzip archive, not a report"),
    (b"\x7fELF", "a program, not a report"),
)

# Control characters that have no place in a report's text. Allowed: tab, LF, CR, form feed (page breaks
# in text from PDF). The C1 range (U+0080-U+009F) is included: it only appears from a wrong decoding.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
# A valid UTF-8 sequence for a letter outside ASCII: two to four bytes.
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _line_at(data: bytes, offset: int, encoding: str = "latin-1") -> int:
    """1-based line of a byte offset into data in the given encoding."""
    return _line_of_char(data[:offset].decode(encoding, errors="replace"), offset + 1)


def _line_of_char(text: str, index: int) -> int:
    head = text[:index]
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like UTF-16 text without a mark, else None.

    Text in UTF-16 with mostly Latin letters has a NUL in every other byte: the high bytes (odd offsets in
    LE, even in BE) are nearly all NUL, the low bytes nearly never are.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[: 1 << 16]
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.6 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.6 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def _decode_strict(data: bytes, encoding: str, label: str, path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = _line_at(data, exc.start, encoding)
        raise TertialError(f"the file starts as {label} text but is not valid {label} here "
                           f"(byte {exc.start}): damaged or mixed encodings", path, line) from None


def decode(data: bytes, path: str | Path = "<report>") -> str:
    """Bytes of a report -> its text (see the module docstring for the rules). Raises TertialError."""
    if len(data) > MAX_BYTES:
        raise TertialError(_too_large(len(data)), path)
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom):], encoding, label, path)
            return _check_text(text, path, f"{label} with a byte order mark")
    if not data.strip():
        raise TertialError("the file is empty", path)
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise TertialError(f"the file is {what}", path)
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _decode_strict(data, utf16, "UTF-16", path)
        return _check_text(text, path, "UTF-16 without a byte order mark")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise TertialError("the file holds NUL bytes: it is binary (or damaged), not a report in text form",
                           path, _line_at(data, nul))
    try:
        text = data.decode("utf-8")
        encoding = "UTF-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTI.search(data):
            # Valid UTF-8 letters elsewhere in the file: it is UTF-8 with damaged bytes, or two encodings
            # pasted together. Either decoding would garble some letters, so refuse.
            raise TertialError(
                f"the file is UTF-8 but byte {exc.start} is not valid UTF-8 (damaged, or two encodings "
                "mixed); save the report again as UTF-8", path, _line_at(data, exc.start)) from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")  # five bytes cp1252 leaves undefined; _check_text refuses them
        encoding = "Windows-1252"
    return _check_text(text, path, encoding)


def _check_text(text: str, path, encoding: str) -> str:
    if not text.strip():
        raise TertialError("the file is empty", path)
    m = _CONTROL.search(text)
    if m:
        what = "a NUL character" if m.group() == "\x00" else f"the control character U+{ord(m.group()):04X}"
        raise TertialError(f"the text ({encoding}) holds {what}: the file is binary or damaged, "
                           "not a report in text form", path, _line_of_char(text, m.start()))
    return text


def _too_large(size: int) -> str:
    return (f"the file is {size / 1e6:.1f} MB, larger than the {MAX_BYTES // (1024 * 1024)} MB limit; "
            "a district council report is about 0.25 MB as text: is this the right file?")


def read_bytes(path: str | Path) -> bytes:
    """Load at most MAX_BYTES + 1 bytes (so a huge or endless file is refused without reading it all)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise TertialError("this is a folder, not a report file", path) from None
    except OSError as exc:
        raise TertialError(f"cannot read the file ({exc.strerror or exc})", path) from None
    if len(data) > MAX_BYTES:
        try:
            size = Path(path).stat().st_size
        except OSError:
            size = len(data)
        raise TertialError(_too_large(max(size, len(data))), path)
    return data


def split_lines(text: str) -> list[str]:
    """Text -> lines without line ends (CRLF, CR and LF each end one line; nothing else does)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_lines(path: str | Path) -> list[str]:
    """Load a report as a list of lines without line ends (CRLF, CR and LF all end a line)."""
    return split_lines(decode(read_bytes(path), path))
