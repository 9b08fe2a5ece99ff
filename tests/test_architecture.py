"""The dependency rule: botk_core stays free of frameworks, SDKs and the environment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "openai",
    "flask",
    "requests",
    "sqlite3",
    "dotenv",
    "httpx",
    "werkzeug",
    "botk_adapters",
    "botk_web",
}
CORE_FILES = sorted((ROOT / "botk_core").rglob("*.py"))


def imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def reads_environment(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
            return True
        imported = node.names if isinstance(node, ast.ImportFrom) and node.module == "os" else []
        if any(alias.name in ("environ", "getenv") for alias in imported):
            return True
    return False


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_imports_only_stdlib_and_attrs(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not imported_roots(tree) & FORBIDDEN
    assert not reads_environment(tree)


def test_the_checker_catches_a_forbidden_import() -> None:
    assert imported_roots(ast.parse("import openai\nfrom flask import Flask")) == {"openai", "flask"}
    assert reads_environment(ast.parse("import os\nx = os.environ['A']"))
    assert reads_environment(ast.parse("from os import getenv"))


def test_adapters_never_import_the_web_layer() -> None:
    for path in (ROOT / "botk_adapters").rglob("*.py"):
        assert "botk_web" not in imported_roots(ast.parse(path.read_text(encoding="utf-8"))), path
