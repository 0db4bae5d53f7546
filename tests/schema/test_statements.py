"""A popular query costs a fixed number of SQL statements, whatever the size of its answer: one
per root field compiled, one per edge type resolved field by field."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.conftest import Api, Target, serving

QUERY = """
query($first: Int!) {
  onderwijsaanbieders(filter: {provincie: ["Utrecht"]}, first: $first, peildatum: "2025-10-01") {
    edges { node {
      naam sectoren
      onderwijsbestuur { naam onderwijsaanbieders(first: 3) { totalCount } }
      onderwijslocaties(first: 3) { edges { node { adres { gemeente { naam provincie { naam } } } aangebodenOpleidingen(first: 2) { totalCount } } } }
      aangebodenOpleidingen(first: 3) { edges { node { opleidingseenheid { naamLang } cohorten { totalCount } } } }
      erkenningen { edges { node { code ... on Vestigingserkenning { onderwijsinstellingserkenning { code } } } } }
      communicatiecontexten { totalCount }
    } }
  }
}
"""


@pytest.fixture
async def resolving(seeded: Target) -> AsyncIterator[Api]:
    """The API with the query compiler off: every field resolved through the loaders."""
    async with serving(seeded, query_compiler=False) as api:
        yield api


@pytest.mark.parametrize("first", [1, 10, 100])
async def test_a_compiled_query_is_one_statement(api: Api, first: int) -> None:
    data, statements = await api.counted(QUERY, {"first": first})
    assert len(data["onderwijsaanbieders"]["edges"]) == first
    assert statements == 1


@pytest.mark.parametrize("first", [1, 10, 100])
async def test_resolved_statements_do_not_grow_with_the_page(resolving: Api, first: int) -> None:
    data, statements = await resolving.counted(QUERY, {"first": first})
    assert len(data["onderwijsaanbieders"]["edges"]) == first
    # the rows at the root (no count: totalCount is not asked there), then one per edge type:
    # sectoren, bestuur, bestuur.aanbieders, locaties, gemeenten, provincies, locatie.aanbod,
    # aanbod, opleidingseenheden, cohorten, erkenningen, contexten
    assert statements == 13


NEAR = """
query($first: Int!, $straal: Float!) {
  onderwijslocaties(filter: {nabij: {postcode: "3511AB", straalKm: $straal}}, first: $first) {
    edges { node { code afstandKm onderwijsaanbieders(first: 2) { edges { node { naam } } } } }
    geojson { features { geometry { coordinates } properties { adres { gemeente { naam } } } } }
  }
  aangebodenOpleidingen(filter: {nabij: {postcode: "3511AB", straalKm: $straal}}, first: $first) {
    geojson { features { id geometry { coordinates } properties { afstandKm } } }
  }
  onderwijsaanbieders(filter: {nabij: {punt: {lat: 52.09, lon: 5.12}, straalKm: $straal}}, first: $first) {
    edges { node { naam afstandKm } }
  }
}
"""


@pytest.mark.parametrize(("first", "straal"), [(1, 1.0), (100, 10.0)])
async def test_radius_search_costs_the_same_for_any_radius_and_page(
    api: Api, resolving: Api, first: int, straal: float
) -> None:
    variables = {"first": first, "straal": straal}
    data, statements = await api.counted(NEAR, variables)
    assert len(data["onderwijslocaties"]["edges"]) == first
    assert len(data["aangebodenOpleidingen"]["geojson"]["features"]) == first
    assert len(data["onderwijsaanbieders"]["edges"]) == first
    # per list: the candidates in the box and the page's JSON; the postcode's point once
    assert statements <= 2 + 2 + 2 + 2
    # field by field: per list postcode (not for a punt), candidates, rows; then the loaders:
    # locatie.aanbieders, gemeenten, and the locaties of the aanbod's features
    _, statements = await resolving.counted(NEAR, variables)
    assert statements == 3 + 3 + 2 + 3
