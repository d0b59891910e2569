"""Subcommands beyond `extract`, each delegating to its stage module."""

from __future__ import annotations

from .errors import TertialError


# The commands that read or write the project: each holds the project's lock (tertial.lock) and first
# settles what an interrupted run left (tertial.journal.recover).
PROJECT_COMMANDS = ("build", "add-report", "check", "review")


def run(args) -> int:
    if args.command not in PROJECT_COMMANDS:
        return _run(args)
    import sys

    from . import faults, journal, lock

    with lock.held(args.root, args.command):
        faults.point("lock-held")
        said = journal.recover(args.root)
        if said:
            print(f"tertial: note: {said}", file=sys.stderr)
        return _run(args)


def _run(args) -> int:
    root = args.root
    if args.command == "build":
        import sys

        from . import build
        from .package import PackageInvalid
        try:
            build.build(root)
        except PackageInvalid as exc:  # the readable list, then the one-line error
            print("\n".join(exc.problems[:200]), file=sys.stderr)
            raise
        return 0
    if args.command == "check":
        from . import check
        print("\n".join(check.run(root)))
        return 0
    if args.command == "review":
        from . import review
        print("\n".join(review.run(root)))
        return 0
    if args.command == "bench":
        from .bench import main as bench

        return bench(args)
    if args.command == "add-report":
        from .add_report import main as add_report

        return add_report(args)
    raise TertialError(f"'tertial {args.command}' is not a command")
