"""Publishing as a transaction: a run's changes to the project become visible all at once, or not at all.

A run that publishes (`tertial build`, `tertial add-report`) names every path it will change, then:

1. writes the journal `build/.tertial-journal/journal.json` (which paths, whether each existed, who);
2. keeps each existing path aside under `build/.tertial-journal/keep/` (a copy, hard links, or the path
   itself moved there, as the caller says; a copy is made under another name and renamed when whole);
3. changes the project in place;
4. removes the journal: the **commit point**. The kept copies are then deleted.

A failure or an interrupt (Ctrl-C, SIGTERM) before the commit point puts every kept path back (a rollback);
a kill (SIGKILL, power cut) leaves the journal on disk, and the next command that takes the project's
lock (tertial.lock) rolls it back before doing anything else (`recover`). Each step of a rollback can be
interrupted and done again, so the project always ends byte for byte as it was before the run, or (after
the commit point) as the run left it. Named fault points (tertial.faults) let the tests kill a run at
each step.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from . import faults
from .errors import TertialError

JOURNAL_DIR = Path("build") / ".tertial-journal"
JOURNAL = JOURNAL_DIR / "journal.json"
KEEP = JOURNAL_DIR / "keep"
TRASH = JOURNAL_DIR / "trash"
LEGACY = (Path("build") / ".rollback",)  # the rollback folder of earlier versions
STAGING_PREFIX = ".tertial-add-"  # add-report's staging copies (tertial.add_report)
MODES = ("copy", "link", "move")  # how a path is kept aside: copied, hard-linked, or moved whole

# {project root: 'published' | 'rolled back'}: what the last transaction of this process did to a project,
# so that an interrupted command can say truthfully which state it left.
OUTCOME: dict[Path, str] = {}


def _remove(path: Path) -> None:
    """Remove a file or folder, even one whose folders were made read-only."""
    def writable_again(func, p, _exc):
        os.chmod(os.path.dirname(p), stat.S_IRWXU)
        func(p)

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, onerror=writable_again)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _discard(root: Path, live: Path) -> None:
    """Move `live` out of the way (one rename) into the trash; the trash is emptied at the end."""
    if live.exists() or live.is_symlink():
        trash = root / TRASH
        trash.mkdir(parents=True, exist_ok=True)
        os.rename(live, trash / uuid.uuid4().hex)


def _keep(root: Path, rel: Path, mode: str) -> None:
    live, kept = root / rel, root / KEEP / rel
    kept.parent.mkdir(parents=True, exist_ok=True)
    if mode == "move":
        os.rename(live, kept)
        return
    partial = kept.with_name(kept.name + ".partial")
    _remove(partial)
    if live.is_dir() and not live.is_symlink():
        _copy_tree(live, partial, os.link if mode == "link" else shutil.copy2)
    elif mode == "link" and not live.is_symlink():
        os.link(live, partial)
    else:
        shutil.copy2(live, partial, follow_symlinks=False)
    os.rename(partial, kept)


def _copy_tree(src: Path, dst: Path, copy) -> None:
    """shutil.copytree, but the first error (a full disk) is raised as it is, not gathered into a list."""
    for dirpath, dirnames, filenames in os.walk(src):
        here = dst / Path(dirpath).relative_to(src)
        here.mkdir(parents=True, exist_ok=True)
        links = [d for d in dirnames if Path(dirpath, d).is_symlink()]  # os.walk does not go into them
        for name in filenames + links:
            source = Path(dirpath, name)
            if source.is_symlink():
                os.symlink(os.readlink(source), here / name)
            else:
                copy(source, here / name)


def _unwritable(root: Path, rel: Path, mode: str) -> Path | None:
    """The first folder the run would have to write in but may not (None when all may be written)."""
    live = root / rel
    parent = live.parent
    while not parent.exists():
        parent = parent.parent
    if not os.access(parent, os.W_OK):
        return parent
    if mode != "move" and live.is_dir():
        for dirpath, _, _ in os.walk(live):
            if not os.access(dirpath, os.W_OK):
                return Path(dirpath)
    return None


def _new_folders(root: Path, rels: list[Path]) -> list[str]:
    """The folders that do not exist yet and would be made to hold `rels`."""
    out = set()
    for rel in rels:
        for parent in rel.parents:
            if parent == Path(".") or (root / parent).exists():
                break
            out.add(parent.as_posix())
    return sorted(out)


def _write_journal(root: Path, record: dict) -> None:
    path = root / JOURNAL
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _restore(root: Path, record: dict) -> None:
    """Put every kept path back and remove what the run created; safe to run again if interrupted."""
    for i, item in enumerate(record["paths"]):
        rel = Path(item["path"])
        live, kept = root / rel, root / KEEP / rel
        if item["existed"]:
            if not (kept.exists() or kept.is_symlink()):
                continue  # not kept yet (so never changed), or put back already
            _discard(root, live)
            live.parent.mkdir(parents=True, exist_ok=True)
            os.rename(kept, live)
        else:
            _discard(root, live)
        if i == 0:
            faults.point("rollback-midway")
    for rel in sorted(record.get("new_folders", []), key=lambda r: -len(Path(r).parts)):
        folder = root / rel  # a folder the run made for a new path: removed when left empty
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    (root / JOURNAL).unlink()
    _remove(root / JOURNAL_DIR)


@contextmanager
def transaction(root: Path, command: str, paths: list[tuple[Path, str]]):
    """Change `paths` (relative to root, each with how it is kept aside: MODES) in the block; they all
    change, or (on any exception, or a kill and the next `recover`) none does."""
    root = Path(root)
    for rel, mode in paths:
        bad = (root / rel).exists() and _unwritable(root, rel, mode)
        if bad:
            raise TertialError("cannot publish: this folder is not writable (nothing was changed)", bad)
    recover(root, staging=False)  # a journal left by a killed run is settled before a new one is written
    since = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    record = {"command": command, "pid": os.getpid(), "since": since,
              "paths": [{"path": rel.as_posix(), "existed": (root / rel).exists() or (root / rel).is_symlink()}
                        for rel, _ in paths],
              "new_folders": _new_folders(root, [rel for rel, _ in paths])}
    try:
        _write_journal(root, record)
        faults.point(f"{command}-journal-written")
        for (rel, mode), item in zip(paths, record["paths"]):
            if item["existed"]:
                _keep(root, rel, mode)
        faults.point(f"{command}-kept-aside")
        yield
        faults.point(f"{command}-before-commit")
    except BaseException:
        if (root / JOURNAL).exists():
            _restore(root, record)
        OUTCOME[root.resolve()] = "rolled back"
        raise
    (root / JOURNAL).unlink()  # the commit point
    OUTCOME[root.resolve()] = "published"
    faults.point(f"{command}-after-commit")
    _remove(root / JOURNAL_DIR)


def recover(root: Path, staging: bool = True) -> str | None:
    """Settle what an interrupted run left (call with the project's lock held): roll back a transaction
    whose journal is still there, and remove kept copies, staging copies and old rollback folders.
    `staging=False` leaves add-report's staging copies (one may be in use by this process).
    Returns a line saying what was done, or None when there was nothing to do."""
    root = Path(root)
    said = None
    path = root / JOURNAL
    if path.exists():
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise TertialError("the journal of an interrupted run cannot be read; restore the project from "
                               "git (git status shows what changed) and remove build/.tertial-journal",
                               path) from None
        _restore(root, record)
        said = (f"an interrupted `tertial {record['command']}` (pid {record['pid']}, since {record['since']}) "
                "was rolled back: the project is as it was before that run")
    copies = list(root.glob(f"{STAGING_PREFIX}*")) if staging else []
    for leftover in [root / JOURNAL_DIR, *(root / p for p in LEGACY), *copies]:
        if leftover.exists():
            _remove(leftover)
    return said
