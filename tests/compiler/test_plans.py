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


async def plans(seeded: Target, query: str) -> list[tuple[str, list[str]]]:
    """Each statement ``query`` sends, with the lines of its plan (EXPLAIN)."""
    executed: list[tuple[str, Any]] = []

    def record(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        executed.append((statement, parameters))

    async with serving(seeded) as api:
        assert api.engine is not None
        event.listen(api.engine.sync_engine, "before_cursor_execute", record)
        assert "errors" not in await api.post(query)
    explain = "EXPLAIN QUERY PLAN " if seeded.backend == "sqlite" else "EXPLAIN "
    engine = seeded.engine()
    found = []
    try:
        async with engine.connect() as conn:
            for statement, parameters in executed:
                rows = (await conn.exec_driver_sql(explain + statement, parameters)).all()
                found.append((statement, [str(row[-1]).strip() for row in rows]))
    finally:
        await engine.dispose()
    return found


async def test_a_page_of_one_sector_reads_the_sector_index_in_name_order(seeded: Target) -> None:
    ((_, lines),) = [
        (s, lines)
        for s, lines in await plans(seeded, BENCHMARK["W3"])
        if "aangeboden_opleiding" in s
    ]
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


async def test_a_radius_search_reads_only_the_box_and_the_page(seeded: Target) -> None:
    """W2: the candidates come from the point index (on PostgreSQL from the index alone), and
    the page's rows by their code; neither statement reads the whole locatie table."""
    found = [
        (s, lines) for s, lines in await plans(seeded, BENCHMARK["W2"]) if "onderwijslocatie" in s
    ]
    assert len(found) == 2, [s for s, _ in found]
    (candidates, page) = [lines for _, lines in found]
    for lines in (candidates, page):
        plan = "\n".join(lines)
        assert not re.search(r"(SCAN|Seq Scan on) onderwijslocatie\b", plan), plan
    index = "ix_onderwijslocatie_latitude_longitude"
    if seeded.backend == "sqlite":
        assert any(f"SEARCH onderwijslocatie USING INDEX {index}" in line for line in candidates)
        assert any(
            "SEARCH onderwijslocatie USING INDEX sqlite_autoindex_onderwijslocatie_1 (code=?)"
            in line
            for line in page
        ), "\n".join(page)
        return
    assert any(f"Index Only Scan using {index} on onderwijslocatie" in line for line in candidates)
    assert any("using pk_onderwijslocatie on onderwijslocatie" in line for line in page), page
