"""Subcommands beyond `extract`, each delegating to its stage module."""

from __future__ import annotations

from .errors import TertialError


def run(args) -> int:
    if args.command == "add-report":
        from .add_report import main as add_report

        return add_report(args)
    raise TertialError(f"'tertial {args.command}' is not built yet")
