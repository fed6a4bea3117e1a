"""The package's shape: layers import only downwards, and no modules import each other in a circle.

The layers, lowest first: the root's base modules (errors, assets, parallel, exitcodes), text,
model, judge, present, ops, and on top cli and the package's public API (`reviewkit/__init__`).
Every import counts, also those inside functions (they are how heavy modules load late).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "reviewkit"
LAYERS = ("base", "text", "model", "judge", "present", "ops", "top")


def layer(module: str) -> str:
    """The layer a module of the package belongs to."""
    parts = module.split(".")
    if module == "reviewkit" or (len(parts) == 2 and parts[1] in ("cli", "__main__")):
        return "top"
    if len(parts) >= 2 and parts[1] in LAYERS:
        return parts[1]
    return "base"  # reviewkit.errors, reviewkit.assets, ..., and reviewkit.__version__


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (at any depth of its code)."""
    modules = {module_name(p): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if not node.module.startswith("reviewkit"):
                    continue
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if full in modules:
                        graph[name].add(full)
                    elif node.module == "reviewkit" and alias.name == "__version__":
                        graph[name].add("reviewkit.__version__")
                    else:
                        graph[name].add(node.module)
            elif isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name.startswith("reviewkit"))
            elif isinstance(node, ast.ImportFrom) and node.level:
                raise AssertionError(f"{name}: relative import; write `from reviewkit... import`")
    return graph


def upward_imports(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """Every import of a higher layer by a lower one, as 'a (layer) -> b (layer)'."""
    return [
        f"{module} ({layer(module)}) -> {target} ({layer(target)})"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if LAYERS.index(layer(target)) > LAYERS.index(layer(module))
    ]


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_layer_imports_a_higher_one() -> None:
    assert upward_imports(import_graph()) == []


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_every_module_sits_in_a_known_place() -> None:
    for name in import_graph():
        parts = name.split(".")
        assert len(parts) <= 2 or parts[1] in LAYERS, name


@pytest.mark.parametrize(
    ("graph", "problem"),
    [
        (
            {"reviewkit.model.deal": {"reviewkit.judge.engine"}, "reviewkit.judge.engine": set()},
            "reviewkit.model.deal (model) -> reviewkit.judge.engine (judge)",
        ),
        (
            {"reviewkit.text.labels": {"reviewkit.errors", "reviewkit.cli"}},
            "reviewkit.text.labels (text) -> reviewkit.cli (top)",
        ),
    ],
)
def test_the_layer_check_catches_an_upward_import(graph: dict[str, set[str]], problem: str) -> None:
    assert problem in upward_imports(graph)


def test_the_cycle_check_catches_a_circle() -> None:
    graph = {
        "reviewkit.judge.a": {"reviewkit.judge.b"},
        "reviewkit.judge.b": {"reviewkit.judge.c"},
        "reviewkit.judge.c": {"reviewkit.judge.a"},
        "reviewkit.judge.d": {"reviewkit.judge.a"},
    }
    assert cycles(graph) == [["reviewkit.judge.a", "reviewkit.judge.b", "reviewkit.judge.c"]]


def test_the_import_graph_sees_imports_inside_functions() -> None:
    graph = import_graph()
    # The CLI loads its operations late, inside each command; the graph must still see them.
    assert "reviewkit.ops.advance" in graph["reviewkit.cli"]
