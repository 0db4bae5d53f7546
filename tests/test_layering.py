"""Imports flow one way: entry modules (the app, the endpoint, the compiler, the CLI) → schema →
resolvers → loaders → the base (db, the graph description, auth, geo, errors); the seed uses
only the base's database modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from onderwijsgraaf.settings import ROOT

# The base every layer may use: it imports none of the layers above it.
BASE = (
    "onderwijsgraaf.db",
    "onderwijsgraaf.graph",
    "onderwijsgraaf.auth",
    "onderwijsgraaf.geo",
    "onderwijsgraaf.errors",
    "onderwijsgraaf.peildatum",
    "onderwijsgraaf.settings",
    "onderwijsgraaf.encoding",
)
LAYERS = ("schema", "resolvers", "loaders")
# per layer: the packages it must not import
FORBIDDEN = {
    "loaders": ("schema", "resolvers", "onderwijsgraaf"),
    "resolvers": ("schema", "onderwijsgraaf"),
    "schema": ("onderwijsgraaf",),
    "seed": ("schema", "resolvers", "loaders", "onderwijsgraaf"),
}
SEED_MAY_USE = ("onderwijsgraaf.db", "onderwijsgraaf.geo", "onderwijsgraaf.errors")


def imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from onderwijsgraaf import graph`` imports onderwijsgraaf.graph
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def module_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


@pytest.mark.parametrize("path", sources(*LAYERS, "seed"), ids=module_of)
def test_a_layer_imports_only_what_lies_below_it(path: Path) -> None:
    layer = module_of(path).split(".")[0]
    allowed = SEED_MAY_USE if layer == "seed" else BASE
    wrong = [
        name
        for name in imports(path)
        if within(name, FORBIDDEN[layer]) and not within(name, allowed)
    ]
    assert wrong == [], f"{module_of(path)} imports {wrong} against the layering"


@pytest.mark.parametrize(
    "path",
    [p for p in sources("onderwijsgraaf") if within(module_of(p), BASE)],
    ids=module_of,
)
def test_the_base_imports_no_layer(path: Path) -> None:
    above = (*LAYERS, "seed", "onderwijsgraaf")
    wrong = [name for name in imports(path) if within(name, above) and not within(name, BASE)]
    assert wrong == [], f"{module_of(path)} imports {wrong} from a layer above the base"
