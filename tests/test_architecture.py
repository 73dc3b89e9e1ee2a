"""The shape of the house, guarded: no import cycle (imports inside functions
count), no function over 80 lines, no language-code comparison outside the
language packages, no private name imported from another module."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "auditor"
MAX_FUNCTION_LINES = 80
LANGUAGE_CODE_TEST = re.compile(r"""(==|!=)\s*["'][a-z]{2}["']|["'][a-z]{2}["']\s*(==|!=)|\bin\s*\(\s*["'][a-z]{2}["']""")


def _modules() -> dict[str, tuple[Path, ast.Module]]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return modules


MODULES = _modules()


def _imported(name: str, path: Path, node: ast.Import | ast.ImportFrom) -> list[tuple[str, str | None]]:
    """(module, imported name) pairs of one import statement, for the package's own modules."""
    if isinstance(node, ast.Import):
        return [(alias.name, None) for alias in node.names]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    base = ".".join(package[:len(package) - node.level + 1] + [node.module] if node.module else
                    package[:len(package) - node.level + 1]) if node.level else node.module or ""
    return [(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base, alias.name)
            for alias in node.names]


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, (path, tree) in MODULES.items():
        targets = {module for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                   for module, _ in _imported(name, path, node)}
        graph[name] = {t for t in targets if t in MODULES and t != name}
    return graph


def _cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports from ``start`` back to itself, if there is one (depth first)."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, path = stack.pop()
        for target in sorted(graph[module]):
            if target == start:
                return path + [start]
            if target not in seen:
                seen.add(target)
                stack.append((target, path + [target]))
    return None


def test_no_import_cycle_even_through_imports_inside_functions() -> None:
    graph = _imports()
    cycles = [cycle for module in graph if (cycle := _cycle_from(module, graph))]
    assert not cycles, "import cycle: " + " -> ".join(cycles[0])


def test_the_cycle_check_finds_a_cycle() -> None:
    # the check itself, on a made-up graph: a -> b -> c -> a
    assert _cycle_from("a", {"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle_from("a", {"a": {"b"}, "b": set()}) is None


def test_no_function_is_longer_than_80_lines() -> None:
    long = [f"{path.relative_to(PACKAGE)}:{node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for path, tree in MODULES.values() for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long


def test_only_language_packages_compare_language_codes() -> None:
    branches = [f"{path.relative_to(PACKAGE)}:{number}" for path, _ in MODULES.values()
                if "lang" not in path.relative_to(PACKAGE).parts[:2]
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if LANGUAGE_CODE_TEST.search(line) and not line.lstrip().startswith("#")]
    assert not branches


def test_no_private_name_is_imported_from_another_module() -> None:
    private = [f"{path.relative_to(PACKAGE)}: {alias} from {module}"
               for name, (path, tree) in MODULES.items() for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom)
               for module, alias in _imported(name, path, node)
               if module in MODULES and alias and alias.startswith("_") and not alias.startswith("__")]
    assert not private
