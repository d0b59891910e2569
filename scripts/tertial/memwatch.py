"""The peak memory of a process tree, measured: the largest sum of the resident memory of a process and all
its descendants at one moment, sampled from /proc (Linux) by a separate watcher process.

Why not ru_maxrss: for children, Linux keeps the largest child's maximum, and a child started by fork+exec
(multiprocessing's spawn) starts that maximum at its parent's size; adding it to the parent's counts the
parent twice. The watcher samples every `interval` seconds, so a peak shorter than that can be missed;
its own memory is left out. Off Linux (no /proc) it measures nothing and says so (None).
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

PROC = Path("/proc")
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _parents() -> dict[int, int]:
    out = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces and brackets, so split after the last ')'
        out[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return out


def tree_rss(root: int, skip: int | None = None) -> int:
    """Bytes resident in `root` and every descendant (not `skip`) now."""
    children: dict[int, list[int]] = {}
    for pid, ppid in _parents().items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        if pid == skip:
            continue
        try:
            total += int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass  # ended meanwhile
    return total


def _watch(root: int, interval: float, conn) -> None:
    me, peak = os.getpid(), 0
    while not conn.poll(interval):
        peak = max(peak, tree_rss(root, skip=me))
    peak = max(peak, tree_rss(root, skip=me))
    conn.send(peak)


class TreePeak:
    """with TreePeak() as peak: ...; then peak.mb is the measured peak of this process and its descendants."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.mb: float | None = None

    def __enter__(self) -> "TreePeak":
        self._proc = None
        if not (PROC / str(os.getpid()) / "statm").exists():
            return self
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_watch, args=(os.getpid(), self.interval, child), daemon=True)
        self._proc.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._proc is None:
            return
        try:
            self._conn.send("stop")
            if self._conn.poll(30):
                self.mb = round(self._conn.recv() / 2**20, 1)
        except (OSError, EOFError):
            self.mb = None  # the watcher ended early: no figure rather than a wrong one
        self._proc.join(5)
