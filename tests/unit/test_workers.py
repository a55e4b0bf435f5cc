"""Every Textual worker is given a description: without one, Textual writes out the repr of every
argument, which for a corpus, its mentions or its index is hundreds of megabytes and seconds."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "tui" / "ui"


def test_every_work_decorator_has_a_description() -> None:
    missing = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for decorator in node.decorator_list:
                    if (
                        isinstance(decorator, ast.Call)
                        and getattr(decorator.func, "id", "") == "work"
                        and not any(k.arg == "description" for k in decorator.keywords)
                    ):
                        missing.append(f"{path.relative_to(UI)}:{node.lineno} {node.name}")
    assert missing == []
