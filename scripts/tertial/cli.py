"""The `tertial` command. Every subcommand acts on the project in the current directory (or --root).

Errors are one line on stderr naming the file (and line), exit status 2, no traceback
(set TERTIAL_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import threading
from pathlib import Path

from . import ids
from .errors import TertialError


def _add_meta_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--district", required=required, help="district name, e.g. 'Hägersten-Älvsjö'")
    p.add_argument("--type", dest="report_type", required=required, choices=ids.REPORT_TYPES,
                   help="VP (verksamhetsplan), T1, T2 (tertialrapport) or VB (verksamhetsberättelse)")
    p.add_argument("--year", type=int, required=required, help="the report's year, e.g. 2023")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tertial", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="parse one report into four CSV files (touches nothing else)")
    p.add_argument("report", type=Path)
    _add_meta_options(p, required=True)
    p.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    p.add_argument("--explain", action="store_true",
                   help="print, per indicator row, which rule put which cell in which column")

    p = sub.add_parser("add-report", help="publish a new report: copy, record, extract, package")
    p.add_argument("report", type=Path)
    _add_meta_options(p, required=False)
    p.add_argument("--replace", action="store_true", help="replace an already published district and period")

    sub.add_parser("build", help="everything from sources/ and curation/ to datapackages/ and build/site/")
    sub.add_parser("check", help="check sources, manifest and curation without writing anything")
    sub.add_parser("review", help="list every row flagged needs_review, with its source lines and text")

    p = sub.add_parser("bench", help="city-scale benchmark in a temporary folder")
    p.add_argument("--districts", type=int, default=13)
    p.add_argument("--years", type=int, default=4)
    p.add_argument("--json", type=Path, required=True, help="where to write the figures")
    p.add_argument("--keep", type=Path, help="build in this (new) folder and keep it, instead of a temporary one")
    return parser


def cmd_extract(args) -> int:
    from .extract import extract_file
    from .extract.model import ReportMeta
    from .extract.write import write_tables

    did = ids.district_id(args.district)
    meta = ReportMeta(args.district, did, args.report_type, args.year,
                      ids.report_id(did, args.year, args.report_type), str(args.report))
    ex = extract_file(args.report, meta)
    try:
        write_tables(ex, args.out)
    except OSError as exc:  # --out is a file, or not writable
        raise TertialError(f"cannot write the tables there ({exc.strerror or exc})", args.out) from None
    from .extract.write import census_lines, census_record

    census, *warnings = census_lines(census_record(ex), str(args.report))
    for line in warnings:  # kept as printed, but the maintainer should look
        print(f"tertial: {line}", file=sys.stderr)
    print(census)
    if args.explain:
        for row in ex.rows:
            print(f"{args.report}:{row.source_line}: {row.name}" + (f"  [review: {row.review_code}]"
                                                                    if row.needs_review else ""))
            for line in row.explain:
                print(f"    {line}")
    from .add_report import disagreements, infer
    from .extract.pdf import report_lines

    for message in disagreements(infer(report_lines(args.report)), meta):  # the options against the text
        print(f"tertial: warning: {args.report}: {message}", file=sys.stderr)
    flagged = sum(r.needs_review for r in ex.rows)
    print(f"{meta.report_id}: {len(ex.goals)} goals, {len(ex.rows)} indicator rows "
          f"({flagged} need review), {len(ex.activities)} activities -> {args.out}")
    return 0


DISK_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM)


def _disk_error(exc: BaseException) -> OSError | None:
    """The full disk or read-only folder behind `exc`, also when a library (or a worker process) wrapped
    it in an error of its own: its cause, its context, and exceptions among its arguments are searched."""
    todo, seen = [exc], 0
    while todo and seen < 20:
        exc, seen = todo.pop(0), seen + 1
        if isinstance(exc, OSError) and exc.errno in DISK_ERRORS:
            return exc
        todo += [e for e in (exc.__cause__, exc.__context__, *exc.args) if isinstance(e, BaseException)]
    return None


def _quiet_unraisable(unraisable) -> None:
    """An error in a finalizer after a failure (e.g. a half-written zip file's on a full disk) is not
    shown: the failure itself is the one line the user gets (TERTIAL_DEBUG=1 shows them)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the run's transaction rolls back, and the command says so."""


def _interrupted(signum, frame):
    # once: a second Ctrl-C or SIGTERM must not break off the rollback the first one started
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _state(root: Path) -> str:
    """What the run left, truthfully: its transaction (tertial.journal) was committed, or it was not."""
    from .journal import OUTCOME

    if OUTCOME.get(Path(root).resolve()) == "published":
        return "the run's changes were published (the project is as the run left it)"
    return "nothing was published (the project is as it was before)"


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"extract": cmd_extract}
    main_thread = threading.current_thread() is threading.main_thread()
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)} if main_thread else {}
    for signum in saved:
        signal.signal(signum, _interrupted)
    hook = sys.unraisablehook
    if not os.environ.get("TERTIAL_DEBUG"):
        sys.unraisablehook = _quiet_unraisable
    try:
        return _main(args, handlers)
    finally:
        sys.unraisablehook = hook
        for signum, handler in saved.items():
            signal.signal(signum, handler)


def _main(args, handlers) -> int:
    try:
        if args.command not in handlers:
            from . import commands  # stages beyond extraction
            return commands.run(args)
        return handlers[args.command](args)
    except TertialError as exc:
        print(f"tertial: error: {exc.render()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"tertial: interrupted; {_state(args.root)}", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the user gets one line; TERTIAL_DEBUG shows the rest
        disk = _disk_error(exc)
        if disk is not None:  # a full disk, a read-only folder
            print(f"tertial: error: {disk.filename or args.root}: {disk.strerror}; {_state(args.root)}",
                  file=sys.stderr)
            return 2
        if os.environ.get("TERTIAL_DEBUG"):
            raise
        print(f"tertial: internal error: {type(exc).__name__}: {exc} (TERTIAL_DEBUG=1 shows more)",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
