"""Named fault points, for the tests of crash safety (tests/test_fault_*.py). Inert unless asked for.

`point(name)` does nothing unless the environment variable TERTIAL_FAULT names it:

    TERTIAL_FAULT=<point>            the process kills itself there (SIGKILL: no clean-up runs)
    TERTIAL_FAULT=<point>:sigint     the process sends itself SIGINT there (Ctrl-C)
    TERTIAL_FAULT=<point>:sigterm    ... SIGTERM
    TERTIAL_FAULT=<point>:enospc     an OSError "No space left on device" is raised there
    TERTIAL_FAULT=<point>:pause      the process writes TERTIAL_FAULT_FILE + ".reached" and waits (up to a
                                     minute) until TERTIAL_FAULT_FILE exists, then goes on

The points are listed in POINTS (each is named where it is called).
"""

from __future__ import annotations

import errno
import os
import signal
import time
from pathlib import Path

POINTS = (
    "lock-held",            # the project's lock is taken, nothing done yet
    # a transaction (tertial.journal) of `build` or `add-report` (<command>-...):
    "build-journal-written", "add-report-journal-written",  # its journal is on disk, nothing kept aside yet
    "build-kept-aside", "add-report-kept-aside",  # every path it changes is kept aside; nothing changed yet
    # build (and add-report's build in its staging copy): after each stage, e.g. build-stage-changelog
    # (its entry written, the packages not yet) and build-stage-package (packages written, the site not yet)
    "build-stage-extract", "build-stage-curate", "build-stage-changelog", "build-stage-package",
    "build-stage-site",
    "add-moving",           # add-report: half of the changed files are moved into the project
    "build-before-commit", "add-report-before-commit",  # every change is in place; the journal not removed
    "build-after-commit", "add-report-after-commit",  # the journal is removed (published); clean-up not done
    "rollback-midway",      # a rollback has put back half of what it keeps
)


def point(name: str) -> None:
    spec = os.environ.get("TERTIAL_FAULT")
    if not spec:
        return
    where, _, action = spec.partition(":")
    if where != name:
        return
    if action in ("", "kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "sigint":
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)  # the handler runs at the next bytecode; give it time
    elif action == "sigterm":
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)
    elif action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"(injected at {name})")
    elif action == "pause":
        flag = Path(os.environ["TERTIAL_FAULT_FILE"])
        Path(f"{flag}.reached").write_text(str(os.getpid()))
        deadline = time.monotonic() + 60
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
