"""A compiled query costs one statement per root field, whatever its page sizes and nesting:
the benchmark workloads, and lists nested two to four deep with pages of 10 and of 100."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.compiler.test_differential import BENCHMARK
from tests.conftest import Api, Target, serving

CHAIN = [
    ("onderwijsbesturen", "code naam"),
    ("onderwijsaanbieders", "code naam"),
    ("aangebodenOpleidingen", "code eigenNaam"),
    ("cohorten", "code status"),
]


def nested(depth: int, first: int) -> str:
    """Lists ``depth`` deep (besturen → aanbieders → aanbod → cohorten), ``first`` each."""
    inner = ""
    for field, scalars in reversed(CHAIN[:depth]):
        inner = f"{field}(first: {first}) {{ totalCount edges {{ node {{ {scalars} {inner}}} }} }}"
    return "{ " + inner + " }"


@pytest.mark.parametrize("name", sorted(BENCHMARK))
async def test_each_workload_is_one_statement(api: Api, name: str) -> None:
    _, statements = await api.counted(BENCHMARK[name])
    # a radius search measures its candidates first, and the first time finds its postcode
    assert statements <= (3 if "nabij" in BENCHMARK[name] else 1)
    # the same question written differently is not answered from the response cache
    _, statements = await api.counted(BENCHMARK[name] + "\n")
    assert statements == (2 if "nabij" in BENCHMARK[name] else 1)


@pytest.fixture
async def unbudgeted(seeded: Target) -> AsyncIterator[Api]:
    """The API with a budget the deepest of these lists fits (their cost is not the point)."""
    async with serving(seeded, cost_budget=10**12) as api:
        yield api


@pytest.mark.parametrize("depth", [2, 3, 4])
@pytest.mark.parametrize("first", [10, 100])
async def test_statements_stay_flat_in_nesting_and_page_size(
    unbudgeted: Api, depth: int, first: int
) -> None:
    data, statements = await unbudgeted.counted(nested(depth, first))
    assert len(data["onderwijsbesturen"]["edges"]) == first
    assert statements == 1
