"""Subcommands beyond `extract`, each delegating to its stage module."""

from __future__ import annotations

from .errors import TertialError


def run(args) -> int:
    raise TertialError(f"'tertial {args.command}' is not built yet")
