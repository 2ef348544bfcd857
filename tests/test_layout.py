"""The package layout stays honest: no import cycle in rag/, and the edges (app, CLI) stay on the facade."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAG = ROOT / "rag"
FACADE = {"rag.corpus", "rag.schemas", "rag.config", "rag.errors"}
# Imports the edges make around the facade; add none: grow the facade instead.
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()
# Product code never imports the eval harness, with one exception: `jiedao eval` is a product command, and the
# facade's `evaluate` is how the CLI reaches it; the runner is handed the Corpus class instead of importing it
# (no cycle).
EVAL_HARNESS_USERS = {("rag.corpus", "rag.evals.runner")}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path, known: set[str]) -> set[str]:
    """rag modules `path` imports anywhere (module level or inside functions), except under TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and _is_type_checking(node)
            for child in node.body for n in ast.walk(child)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "rag")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.split(".")[0] == "rag":
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                found.add(sub if sub in known else node.module)  # `from rag.summary import batch` is a module
    return {m for m in found if m in known}


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in RAG.rglob("*.py")}
    return {name: _imports(path, set(files)) - {name} for name, path in files.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_cycle_finder_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_rag_has_no_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_product_code_does_not_import_tests_or_the_eval_harness() -> None:
    graph = _graph()
    found = {(name, d) for name, deps in graph.items() if not name.startswith("rag.evals")
             for d in deps if d.startswith("rag.evals")}
    assert found <= EVAL_HARNESS_USERS, f"product code imports the eval harness: {sorted(found - EVAL_HARNESS_USERS)}"
    assert found == EVAL_HARNESS_USERS, f"exemptions no longer needed: {sorted(EVAL_HARNESS_USERS - found)}"
    for path in RAG.rglob("*.py"):
        assert "from tests" not in path.read_text(encoding="utf-8"), f"{path} imports test code"


def test_edges_import_only_the_facade() -> None:
    known = set(_graph())
    extra = set()
    for rel in ("app.py", "rag/cli.py"):
        for module in _imports(ROOT / rel, known):
            if module not in FACADE:
                extra.add((rel, module))
    assert extra <= KNOWN_EXCEPTIONS, f"new imports around the facade: {sorted(extra - KNOWN_EXCEPTIONS)}"
    assert not KNOWN_EXCEPTIONS - extra, f"exceptions no longer needed, delete them: {sorted(KNOWN_EXCEPTIONS - extra)}"
