"""One writer at a time: every command that writes the project holds an exclusive lock on it.

The lock is `fcntl.flock` on the project folder itself (so taking it creates no file). The kernel drops it
when the holding process ends, however it ends (exit, Ctrl-C, kill -9), so a dead holder's lock is free by
construction: there is no stale lock to take over. While it holds the lock, the holder says who it is (pid,
command, since when) in `.tertial-lock` (removed when it lets go; a killed holder's is overwritten by the
next), so that a second writer can say whom it waited for. A second writer waits up to WAIT seconds
(TERTIAL_LOCK_WAIT overrides), then refuses in one line (exit 2).
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .errors import TertialError

LOCK_FILE = Path(".tertial-lock")  # who holds the lock (not the lock itself)
WAIT = 5.0
POLL = 0.05
# What makes a folder a tertial project: a writer refuses any other folder (and creates nothing in it).
PROJECT_MARKERS = (Path("sources"), Path("curation"), Path("datapackages"), Path("changelog"))


def is_project(root: Path) -> bool:
    return any((root / marker).is_dir() for marker in PROJECT_MARKERS)


def check_project(root: Path) -> None:
    if not root.is_dir():
        raise TertialError("not a folder (give --root the project folder)", root)
    if not is_project(root):
        raise TertialError("not a tertial project: none of sources/, curation/, datapackages/, changelog/ "
                           "is here (give --root the project folder)", root)


def _holder(root: Path) -> str:
    try:
        text = (root / LOCK_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    return text or "another tertial process (it has not said who yet)"


def _wait() -> float:
    try:
        return float(os.environ.get("TERTIAL_LOCK_WAIT", WAIT))
    except ValueError:
        return WAIT


@contextmanager
def held(root: Path, command: str):
    """Hold the project's lock for the duration of the block (waiting up to WAIT seconds for it)."""
    root = Path(root)
    check_project(root)
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    info = root / LOCK_FILE
    me = ""
    try:
        deadline = time.monotonic() + _wait()
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TertialError(f"the project is being written by {_holder(root)}; try again when it has "
                                       "finished", root) from None
                time.sleep(POLL)
        since = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        me = f"tertial {command} (pid {os.getpid()}) since {since}\n"
        info.write_text(me, encoding="utf-8")
        yield
    finally:
        if me:
            info.unlink(missing_ok=True)
        os.close(fd)  # closing the folder releases the lock
