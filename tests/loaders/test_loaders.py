"""Every loader batches: N keys, however many, cost one SQL statement, and the answers are
the rows the database holds for each key."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Select, event, func, select

from loaders import Loaders
from onderwijsgraaf import graph
from onderwijsgraaf.auth import ANONYMOUS
from onderwijsgraaf.db.models import AangebodenOpleiding, Onderwijsbestuur
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.graph import rio
from onderwijsgraaf.graph.model import Link, Values, table
from onderwijsgraaf.graph.sql import child_rows
from resolvers.lookups import FORMATS
from tests.conftest import Target

PEILDATUM = dt.date(2025, 10, 1)
N = 12

# every type a link or a lookup by code reads by key, and every listing and list of values
LINKED = sorted(
    {f.target for t in rio.TYPES.values() for f in t.fields.values() if isinstance(f, Link)}
    | set(FORMATS)
)
EDGES = {edge.kind: edge for edge in graph.edges()}
VALUES = {
    f"{t.name}.{name}": f
    for t in rio.TYPES.values()
    for name, f in t.fields.items()
    if isinstance(f, Values)
}
# The source files hold no onderwijsbegeleidingsaanbieders, so this edge is empty in the data;
# its parents are sampled from the besturen and every page must be empty, as the data is.
EMPTY_IN_DATA = {
    "onderwijsbestuur.onderwijsbegeleidingsaanbieders": Onderwijsbestuur.code,
}


async def sample(target: Target, column: Any, *where: Any, rows: Any = None) -> list[Any]:
    """The first N distinct values of ``column`` (of the query ``rows`` if given)."""
    query: Select[Any] = select(column) if rows is None else rows.with_only_columns(column)
    query = query.where(column.is_not(None), *where).distinct().order_by(column).limit(N)
    engine = target.engine()
    async with engine.connect() as conn:
        values = (await conn.scalars(query)).all()
    await engine.dispose()
    return list(values)


async def load_counting(
    target: Target, loader_of: Callable[[Loaders], Any], keys: list[Any]
) -> tuple[list[Any], int]:
    engine = target.engine()
    statements: list[str] = []
    event.listen(
        engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2])
    )
    try:
        async with Reads(engine) as reads:
            loader = loader_of(Loaders(reads))
            results = await asyncio.gather(*(loader.load(key) for key in keys))
    finally:
        await engine.dispose()
    return list(results), len(statements)


def test_the_graph_has_the_edges_it_serves() -> None:
    # 12 linked types (three of them erkenningen: Code.erkenning links the interface) and
    # AangebodenOpleiding; the 20 edges and the codes of each of the five node types with codes
    assert len(LINKED) == 13
    assert len(EDGES) == 25
    assert sorted(VALUES) == ["AangebodenHoOpleiding.voertalen", "Onderwijsaanbieder.sectoren"]


@pytest.mark.parametrize("type_name", LINKED)
async def test_by_key_loaders_batch(seeded: Target, type_name: str) -> None:
    table_name, key = graph.table_of(type_name)
    keys = await sample(seeded, table(table_name).c[key])
    missing = -1 if isinstance(keys[0], int) else "missing"
    results, statements = await load_counting(
        seeded,
        lambda loaders: loaders.of_type(type_name),
        [(key, PEILDATUM) for key in keys] + [(missing, PEILDATUM)],
    )
    assert statements == 1
    assert results[-1] is None
    found = [row for row in results[:-1] if row is not None]
    assert found
    assert all(
        row.lookup_key == key
        for row, key in zip(results[:-1], keys, strict=True)
        if row is not None
    )


@pytest.mark.parametrize("kind", list(EDGES))
async def test_paged_loaders_batch_and_page_per_parent(seeded: Target, kind: str) -> None:
    edge = EDGES[kind]
    rows = child_rows(edge.listing, PEILDATUM, ANONYMOUS)
    if kind in EMPTY_IN_DATA:
        parents = await sample(seeded, EMPTY_IN_DATA[kind])
    else:  # parents with children on the peildatum (that anyone may see)
        public = [rows.child.c.openbaar.is_(True)] if edge.listing.visible else []
        parents = await sample(seeded, rows.parent, *public, rows=rows.select)
    loader = Loaders(Reads(seeded.engine())).listing(edge)  # for page_key and the sort key
    keys = [loader.page_key(parent, PEILDATUM, 2, None) for parent in parents]
    pages, statements = await load_counting(seeded, lambda loaders: loaders.listing(edge), keys)
    assert statements == 1
    assert any(page.total > 0 for page in pages) is (kind not in EMPTY_IN_DATA)
    for page in pages:
        assert len(page.rows) == min(2, page.total)
        assert page.has_next == (page.total > 2)
        assert all(getattr(row, "edge_parent", None) is not None for row in page.rows)
    # the second page of every parent starts after the first, in one statement again
    second = [
        loader.page_key(parent, PEILDATUM, 2, page.cursors[-1])
        for parent, page in zip(parents, pages, strict=True)
        if page.has_next
    ]
    if second:
        next_pages, statements = await load_counting(
            seeded, lambda loaders: loaders.listing(edge), second
        )
        for first_page, next_page in zip([p for p in pages if p.has_next], next_pages, strict=True):
            assert next_page.total == first_page.total
            assert not {loader.spec.key(r) for r in first_page.rows} & {
                loader.spec.key(r) for r in next_page.rows
            }
        assert statements == 1


@pytest.mark.parametrize("name", list(VALUES))
async def test_list_loaders_batch(seeded: Target, name: str) -> None:
    values = VALUES[name]
    parents = await sample(seeded, table(values.table).c[values.parent])
    results, statements = await load_counting(
        seeded,
        lambda loaders: loaders.values(values),
        [(parent, PEILDATUM) for parent in parents],
    )
    assert statements == 1
    assert all(found == sorted(set(found)) for found in results)
    assert any(results)


async def test_paged_totals_match_the_database(seeded: Target) -> None:
    parents = await sample(seeded, AangebodenOpleiding.onderwijsaanbieder_code)
    engine = seeded.engine()
    async with Reads(engine) as reads:
        loader = Loaders(reads).listing(EDGES["onderwijsaanbieder.aangebodenOpleidingen"])
        pages = await asyncio.gather(
            *(loader.load(loader.page_key(p, PEILDATUM, 5, None)) for p in parents)
        )
    async with engine.connect() as conn:
        for parent, page in zip(parents, pages, strict=True):
            expected = await conn.scalar(
                select(func.count()).where(
                    AangebodenOpleiding.onderwijsaanbieder_code == parent,
                    (AangebodenOpleiding.begindatum.is_(None))
                    | (AangebodenOpleiding.begindatum <= PEILDATUM),
                    (AangebodenOpleiding.einddatum.is_(None))
                    | (AangebodenOpleiding.einddatum > PEILDATUM),
                )
            )
            assert page.total == expected
    await engine.dispose()
