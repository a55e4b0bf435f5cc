"""Every module, class and public function in the package says what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent.parent / "tui"


def _missing(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    missing = [] if ast.get_docstring(tree) else [f"{path.name}: module"]
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            public = not node.name.startswith("_") or node.name == "__init__"
            if node.name == "__init__" or not public:
                continue
            if ast.get_docstring(node) is None:
                missing.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}")
    return missing


def test_every_module_class_and_public_function_has_a_docstring() -> None:
    missing = [item for path in sorted(PACKAGE.rglob("*.py")) for item in _missing(path)]
    assert missing == []
