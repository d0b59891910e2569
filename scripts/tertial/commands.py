"""Subcommands beyond `extract`, each delegating to its stage module."""

from __future__ import annotations

from .errors import TertialError


def run(args) -> int:
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
