"""Root-list resolvers are plain async functions: one statement for the rows, one for the total
(only when it is asked for)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from onderwijsgraaf.db.reads import Reads
from resolvers.aanbieders import AanbiederFilter, onderwijsaanbieders
from tests.conftest import Target

PEILDATUM = dt.date(2025, 10, 1)


async def test_a_page_and_the_next_cost_two_statements_each(seeded: Target) -> None:
    engine = seeded.engine()
    statements: list[str] = []
    event.listen(
        engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2])
    )
    filter = AanbiederFilter(gemeentecode=["0363"], sector=["PO"])
    try:
        async with Reads(engine) as reads:
            first = await onderwijsaanbieders(reads, filter, "CODE", 50, None, PEILDATUM)
            assert len(statements) == 2
            second = await onderwijsaanbieders(
                reads, filter, "CODE", 50, first.cursors[-1], PEILDATUM
            )
            assert len(statements) == 4
            # without its total a page costs one statement
            third = await onderwijsaanbieders(
                reads, filter, "CODE", 50, second.cursors[-1], PEILDATUM, with_total=False
            )
            assert len(statements) == 5
    finally:
        await engine.dispose()
    assert first.total == second.total
    assert first.total is not None
    assert first.total > 100
    assert third.total is None
    assert second.rows[-1].code < third.rows[0].code
    assert [r.code for r in first.rows] == sorted(r.code for r in first.rows)
    assert first.rows[-1].code < second.rows[0].code
    # the second page starts after the cursor's key (keyset), not at an offset
    assert ") > (" in statements[3]
