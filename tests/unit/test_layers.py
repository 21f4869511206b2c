"""The layers of design §2 hold in the source: db knows nothing of Qt or the desktop, documents nothing of Qt,
and no view under desktop/ui builds a query, opens a transaction or touches a session — it calls db."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _imports(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module


def _parsed(path: Path) -> ast.AST:
    return ast.parse(path.read_text("utf-8"), str(path))


@pytest.mark.parametrize(("folder", "forbidden"), [
    ("db", ("desktop", "PySide6", "reportlab", "openpyxl")),
    ("desktop/documents", ("PySide6", "desktop.ui", "desktop.cli")),
])
def test_a_lower_layer_imports_nothing_above_it(folder: str, forbidden: tuple[str, ...]) -> None:
    found = [f"{path.relative_to(ROOT)}:{line} imports {name}" for path in _sources(folder)
             for line, name in _imports(_parsed(path))
             if any(name == f or name.startswith(f + ".") for f in forbidden)]
    assert not found, "\n".join(found)


def _data_access(path: Path) -> Iterator[str]:
    """What in a view's source reaches into the database itself."""
    tree = _parsed(path)
    for line, name in _imports(tree):
        if name.startswith("sqlalchemy") and name != "sqlalchemy.exc":  # catching a driver's error is fine
            yield f"{line}: imports {name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "transaction", "execute", "scalar", "scalars", "query", "commit", "flush"):
            yield f"{node.lineno}: calls .{node.func.attr}()"
        elif isinstance(node, ast.Name) and node.id in ("select", "Session", "session"):
            yield f"{node.lineno}: uses {node.id}"
        elif isinstance(node, ast.arg) and node.arg == "session":
            yield f"{node.lineno}: takes a session"


def test_no_view_builds_a_query_or_opens_a_transaction() -> None:
    found = [f"{path.relative_to(ROOT)}:{what}" for path in _sources("desktop/ui") for what in _data_access(path)]
    assert not found, "\n".join(found)


def test_the_check_finds_a_view_that_queries(tmp_path: Path) -> None:
    view = tmp_path / "view.py"
    view.write_text("from sqlalchemy import select\n"
                    "def rows(store):\n"
                    "    with store.transaction() as session:\n"
                    "        return session.scalars(select(1))\n", "utf-8")
    assert len(list(_data_access(view))) >= 5  # the import, .transaction(), session (twice), select
