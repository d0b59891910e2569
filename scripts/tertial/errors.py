"""The one error type a user sees: a single line naming the file (and line)."""

from __future__ import annotations

from pathlib import Path


class TertialError(Exception):
    """Bad input or a failed check. Rendered by the CLI as one line, no traceback."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.render())

    def render(self) -> str:
        where = ""
        if self.path:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"
