"""Root-list resolvers are plain async functions: one statement for the rows, one for the total."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from onderwijsgraaf.db.engine import session_factory
from resolvers.aanbieders import AanbiederFilter, onderwijsaanbieders
from tests.conftest import Target

PEILDATUM = dt.date(2025, 10, 1)


async def test_a_page_and_the_next_cost_two_statements_each(seeded: Target) -> None:
    engine = seeded.engine()
    statements: list[str] = []
    event.listen(
        engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2])
    )
    sessions = session_factory(engine)
    filter = AanbiederFilter(gemeentecode=["0363"], sector=["PO"])
    try:
        first = await onderwijsaanbieders(sessions, filter, "CODE", 50, None, PEILDATUM)
        assert len(statements) == 2
        second = await onderwijsaanbieders(
            sessions, filter, "CODE", 50, first.cursors[-1], PEILDATUM
        )
        assert len(statements) == 4
    finally:
        await engine.dispose()
    assert first.total == second.total > 100
    assert [r.code for r in first.rows] == sorted(r.code for r in first.rows)
    assert first.rows[-1].code < second.rows[0].code
    # the second page starts after the cursor's key (keyset), not at an offset
    assert ") > (" in statements[3]
