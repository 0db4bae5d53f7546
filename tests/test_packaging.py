"""The repository's top-level folders are imported from the checkout; no installed
distribution may shadow them."""

from __future__ import annotations

import importlib.metadata

import pytest

from onderwijsgraaf.settings import ROOT

TOP_LEVEL = ["schema", "seed", "resolvers", "loaders"]


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_no_installed_distribution_provides(name: str) -> None:
    providers = importlib.metadata.packages_distributions().get(name, [])
    assert providers == [], f"installed distributions {providers} provide a top-level {name!r}"


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_the_folder_is_imported_from_the_repository(name: str) -> None:
    module = __import__(name)
    assert module.__file__ is not None
    assert module.__file__.startswith(str(ROOT / name))
