"""`python -m tertial.site [--root DIR] [--packages DIR] [--out DIR]`: build only the site stage."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import TertialError
from .build import build_site


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tertial.site", description=__doc__.splitlines()[0])
    p.add_argument("--root", type=Path, default=Path("."))
    p.add_argument("--packages", type=Path, help="default: ROOT/datapackages")
    p.add_argument("--out", type=Path, help="default: ROOT/build/site")
    args = p.parse_args(argv)
    try:
        figures = build_site(args.root, args.packages, args.out)
    except TertialError as exc:
        print(f"tertial: error: {exc.render()}", file=sys.stderr)
        return 2
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
