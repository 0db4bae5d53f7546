"""A page of a list filtered on a column is read through an index in the list's order, so it
stops after the page however large the table, and its total is read from the summary
(``lijsttelling``) rather than counted: the benchmark's HO aanbod (W3) on both databases."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event

from tests.compiler.test_differential import BENCHMARK
from tests.conftest import Target, serving

INDEX = "ix_aangeboden_opleiding_sector_zoeknaam_code"
# a plan's line that reads the aanbod table or one of its indexes (SQLite, PostgreSQL)
READ_AANBOD = re.compile(r"(SEARCH|SCAN) aangeboden_opleiding\b| on aangeboden_opleiding\b")


async def test_a_page_of_one_sector_reads_the_sector_index_in_name_order(seeded: Target) -> None:
    executed: list[tuple[str, Any]] = []

    def record(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        executed.append((statement, parameters))

    async with serving(seeded) as api:
        assert api.engine is not None
        event.listen(api.engine.sync_engine, "before_cursor_execute", record)
        assert "errors" not in await api.post(BENCHMARK["W3"])
    ((statement, parameters),) = [(s, p) for s, p in executed if "aangeboden_opleiding" in s]
    explain = "EXPLAIN QUERY PLAN " if seeded.backend == "sqlite" else "EXPLAIN "
    engine = seeded.engine()
    try:
        async with engine.connect() as conn:
            rows = (await conn.exec_driver_sql(explain + statement, parameters)).all()
    finally:
        await engine.dispose()
    lines = [str(row[-1]).strip() for row in rows]
    plan = "\n".join(lines)
    assert "SCAN aangeboden_opleiding" not in plan, plan
    assert "Seq Scan" not in plan, plan
    # the total is read from the summary: the aanbod is read once, for the page
    assert any("lijsttelling" in line for line in lines), plan
    assert len([line for line in lines if READ_AANBOD.search(line)]) == 1, plan
    if seeded.backend == "sqlite":
        assert f"SEARCH aangeboden_opleiding USING INDEX {INDEX} (sector=?)" in lines, plan
        return
    # PostgreSQL: the page stops after its rows, read in the index's order (no sort between)
    (at,) = [i for i, line in enumerate(lines) if f"using {INDEX} on aangeboden_opleiding" in line]
    assert lines[at - 1].startswith("->  Limit"), plan
