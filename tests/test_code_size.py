"""Modules of at most about 400 lines, functions of at most about 60 (the project's rule), measured with `ast`.

The offenders of the day the rule was first measured are named below; a module or function not named there
that grows past the limit fails. Shrink one below the limit and take it off the list.
`python tests/test_code_size.py [folder]` prints the figures (default: scripts/tertial).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "scripts" / "tertial"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# today's offenders: modules (path below scripts/tertial) and functions (path:qualified name)
ALLOWED_MODULES: set[str] = set()
ALLOWED_FUNCTIONS: set[str] = set()


def _functions(tree: ast.AST, prefix: str = ""):
    """(qualified name, lines) of every function and method, nested ones too."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = f"{prefix}{node.name}"
            yield name, node.end_lineno - node.lineno + 1
            yield from _functions(node, f"{name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")


def offenders(folder: Path = PACKAGE) -> tuple[dict[str, int], dict[str, int]]:
    """({module: lines}, {module:function: lines}) over the limits, below `folder`."""
    modules, functions = {}, {}
    for path in sorted(folder.rglob("*.py")):
        rel = path.relative_to(folder).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            modules[rel] = lines
        for name, n in _functions(ast.parse(text, filename=str(path))):
            if n > MAX_FUNCTION_LINES:
                functions[f"{rel}:{name}"] = n
    return modules, functions


def test_no_new_module_over_the_limit():
    modules, _ = offenders()
    assert sorted(set(modules) - ALLOWED_MODULES) == [], f"modules over {MAX_MODULE_LINES} lines"


def test_no_new_function_over_the_limit():
    _, functions = offenders()
    assert sorted(set(functions) - ALLOWED_FUNCTIONS) == [], f"functions over {MAX_FUNCTION_LINES} lines"


def test_the_measure_finds_a_long_function_and_a_long_module(tmp_path):
    body = "".join(f"        x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    (tmp_path / "m.py").write_text("class C:\n    def f(self):\n" + body + "\n" * MAX_MODULE_LINES)
    modules, functions = offenders(tmp_path)
    assert list(modules) == ["m.py"] and functions == {"m.py:C.f": MAX_FUNCTION_LINES + 1}


if __name__ == "__main__":
    found_modules, found_functions = offenders(Path(sys.argv[1]) if len(sys.argv) > 1 else PACKAGE)
    print(f"modules over {MAX_MODULE_LINES} lines: {len(found_modules)}")
    for key, n in sorted(found_modules.items(), key=lambda kv: -kv[1]):
        print(f"  {n:5d}  {key}")
    print(f"functions over {MAX_FUNCTION_LINES} lines: {len(found_functions)}")
    for key, n in sorted(found_functions.items(), key=lambda kv: -kv[1]):
        print(f"  {n:5d}  {key}")
