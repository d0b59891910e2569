"""Reading a report file: bytes to lines of text, whatever the encoding and line ends.

Line numbers are 1-based and count lines as a text editor shows them, so `source_line` points at the
same line in the file as received, whether it has LF or CRLF line ends.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import TertialError


def decode(data: bytes, path: str | Path = "<report>") -> str:
    if not data.strip():
        raise TertialError("the file is empty", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise TertialError("the file is binary, not a report in text form", path) from None
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise TertialError("the file is binary, not a report in text form", path)
    return text


def read_lines(path: str | Path) -> list[str]:
    """Load a report as a list of lines without line ends (CRLF, CR and LF all end a line)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TertialError(f"cannot read the file ({exc.strerror})", path) from None
    text = decode(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
