"""The top-level packages form a layered graph: no package imports one that imports it back."""

import ast

from tests.conftest import ROOT

PACKAGES = ("zh", "facts", "vectorstore", "ingest", "bot", "study", "ui", "api")


def _imports(package: str) -> set[str]:
    """Top-level packages imported anywhere in ``package`` (lazy imports inside functions too)."""
    found: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found.update(n.split(".")[0] for n in names if n.split(".")[0] in PACKAGES)
    found.discard(package)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path, node, nxt]
            if nxt not in state and (found := visit(nxt, [*path, node])):
                return found
        state[node] = 2
        return None

    for node in graph:
        if node not in state and (found := visit(node, [])):
            return found
    return None


def test_no_cycle_between_top_level_packages():
    graph = {p: _imports(p) for p in PACKAGES}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_zh_is_at_the_bottom():
    assert _imports("zh") == set()


def test_the_walk_sees_real_imports():
    # the test would pass vacuously if it found nothing
    assert {"zh", "vectorstore"} <= _imports("ingest")
    assert "bot" in _imports("study")


def test_facts_imports_only_zh():
    assert _imports("facts") <= {"zh"}
