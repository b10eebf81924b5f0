"""The layer rules of docs/architecture.md, checked on every import in planmonitor/.

Dependencies point one way: entry points (cli, app, smoke) → gui → services → store / exchange →
domain. A module may import its own layer and any layer below it, never one above; store and
exchange are siblings that do not import each other. Inside exchange/, each folder imports only
the folders its ``__init__`` docstring names. Imports inside functions count too (a lazy import
is still a dependency), and so do imports made only for type hints.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "planmonitor"

RANK = {"domain": 0, "paths": 0, "store": 1, "exchange": 1, "services": 2, "gui": 3}
ENTRY = {"cli", "app", "smoke", "__init__"}  # rank 4: they start the program
SIBLINGS = {frozenset({"store", "exchange"})}

# exchange/<folder> -> the exchange folders it may import (besides itself and the domain).
EXCHANGE_FOLDERS: dict[str, set[str]] = {
    "sheets": set(),
    "tables": {"sheets"},
    "templates": {"sheets", "tables"},
    "recognise": {"sheets", "tables", "templates"},
    "reports": {"sheets"},  # sheets.safe_cells: text never becomes a formula
    "planfiles": set(),
    "export": {"sheets"},
    "plandocs": {"sheets", "tables", "planfiles"},
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every planmonitor import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return [(line, m) for line, m in found if m.split(".")[0] == "planmonitor"]


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _rank(layer: str) -> int:
    return 4 if layer in ENTRY else RANK[layer]


def _exchange_folder(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "exchange" else None


def _known(module: str) -> bool:
    """True for a planmonitor module or package (not a name imported from one)."""
    rel = Path(*module.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").exists() or (PACKAGE / rel / "__init__.py").exists()


def test_every_layer_is_known() -> None:
    layers = {_layer(_name(p)) for p in _modules()}
    assert layers <= set(RANK) | ENTRY, layers - set(RANK) - ENTRY


def test_no_import_runs_upwards_or_sideways() -> None:
    bad = []
    for path in _modules():
        me = _name(path)
        mine = _layer(me)
        for line, target in _imports(path):
            if not _known(target):
                continue
            theirs = _layer(target)
            if theirs == mine or (theirs == "__init__" and target == "planmonitor"):
                continue
            if _rank(theirs) > _rank(mine) or frozenset({mine, theirs}) in SIBLINGS:
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} {me} → {target}")
    assert not bad, "imports against the layers:\n" + "\n".join(bad)


def test_exchange_folders_import_only_what_their_docstring_allows() -> None:
    bad = []
    for path in _modules():
        me = _name(path)
        folder = _exchange_folder(me)
        if folder is None:
            continue
        allowed = EXCHANGE_FOLDERS[folder] | {folder}
        for line, target in _imports(path):
            other = _exchange_folder(target)
            if other is not None and _known(target) and other not in allowed:
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} {me} → {target}")
    assert not bad, "exchange folders crossing their rules:\n" + "\n".join(bad)


@pytest.mark.parametrize("folder", sorted(set(EXCHANGE_FOLDERS) - {"recognise"}))
def test_every_exchange_folder_says_what_it_holds(folder: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / "exchange" / folder / "__init__.py").read_text()))
    assert doc and "import" in doc.lower(), f"exchange/{folder}/__init__.py needs its docstring"


def test_no_import_cycles() -> None:
    """Modules read bottom-up: no circle, also not through imports made only for type hints."""
    graph: dict[str, set[str]] = {}
    for path in _modules():
        me = _name(path)
        deps = {t for _, t in _imports(path) if _known(t) and t != me}
        graph[me] = {d for d in deps if not me.startswith(d + ".")}  # a package's own __init__
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                visit(dep, [*stack, dep])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)
