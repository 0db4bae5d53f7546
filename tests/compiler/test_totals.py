"""A root list's total is read from the seed's summary (``lijsttelling``) when its filter sets
nothing or one summarised column, and counted otherwise; either way it is the number of rows
valid on the peildatum, here counted again in Python from the rows themselves."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import Row, select

from onderwijsgraaf import graph
from onderwijsgraaf.compiler.roots import LISTS
from onderwijsgraaf.db.models import Base
from onderwijsgraaf.db.models.lijsttelling import (
    ONGEFILTERD,
    OPEN_BEGIN,
    OPEN_EINDE,
    SAMENGEVAT,
    periode,
    totaal,
)
from onderwijsgraaf.graph.model import enum_value_name
from tests.conftest import Target, serving, valid_on

# before most begindata, after many rows ended, today, and the last date there is (on which
# only an open end is later)
DAYS = [dt.date(2000, 1, 1), dt.date(2016, 1, 1), dt.date.today(), dt.date.max]
AANBOD = "aangeboden_opleiding"


async def _rows(target: Target, tabel: str) -> list[Row[Any]]:
    table = Base.metadata.tables[tabel]
    columns = [table.c[k] for k in SAMENGEVAT.get(tabel, ())]
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            query = select(table.c.begindatum, table.c.einddatum, *columns)
            return list((await conn.execute(query)).all())
    finally:
        await engine.dispose()


def test_a_period_is_stored_by_its_first_and_last_day() -> None:
    day = dt.date(2020, 8, 1)
    assert periode(None, None) == (OPEN_BEGIN, OPEN_EINDE)
    assert periode(day, dt.date(2021, 8, 1)) == (day, dt.date(2021, 7, 31))
    # an einddatum on the last date ends the day before; an open end does not end
    assert periode(None, dt.date.max) == (OPEN_BEGIN, dt.date(9999, 12, 30))
    assert periode(day, day) is None
    assert periode(None, dt.date.min) is None


async def test_the_summary_holds_the_count_of_every_column_value_and_date(seeded: Target) -> None:
    engine = seeded.engine()
    try:
        async with engine.connect() as conn:
            for tabel, kolommen in SAMENGEVAT.items():
                rows = await _rows(seeded, tabel)
                for day in DAYS:
                    valid = [r for r in rows if valid_on(r, day)]
                    found = await conn.scalar(totaal(tabel, ONGEFILTERD, [], day))
                    assert found == len(valid), (tabel, day)
                    for kolom in kolommen:
                        counted = Counter(getattr(r, kolom) for r in valid)
                        values = sorted({getattr(r, kolom) for r in rows} - {None})
                        assert values, (tabel, kolom)
                        for waarde in values:
                            found = await conn.scalar(totaal(tabel, kolom, [waarde], day))
                            assert found == counted[waarde], (tabel, kolom, waarde, day)
                        found = await conn.scalar(totaal(tabel, kolom, values, day))
                        assert found == len(valid) - counted[None], (tabel, kolom, day)
    finally:
        await engine.dispose()


def test_every_root_list_is_summarised() -> None:
    tables = {graph.table_of(root.type_name)[0] for root in LISTS.values()}
    assert tables == set(SAMENGEVAT)


async def test_a_total_through_the_api_is_the_count_on_every_date(seeded: Target) -> None:
    """Unfiltered lists, the aanbod of each sector (summarised), and of a sector in one vorm or
    with a name (counted), asked of the compiler and of the resolvers (``serving``)."""
    sectors = Counter[tuple[dt.date, str]]()
    aanbod = await _rows(seeded, AANBOD)
    async with serving(seeded) as api:
        for field, root in LISTS.items():
            rows = await _rows(seeded, graph.table_of(root.type_name)[0])
            for day in DAYS:
                query = f"query($d: Date) {{ {field}(peildatum: $d, first: 1) {{ totalCount }} }}"
                data = await api.data(query, {"d": day.isoformat()})
                assert data[field]["totalCount"] == sum(valid_on(r, day) for r in rows)
        for day in DAYS:
            sectors.update((day, r.sector) for r in aanbod if valid_on(r, day))
        asked = "query($d: Date, $f: AangebodenOpleidingFilter) { aangebodenOpleidingen(filter: $f, peildatum: $d, first: 1) { totalCount } }"
        for (day, sector), aantal in sorted(sectors.items()):
            variables = {"d": day.isoformat(), "f": {"sector": [enum_value_name(sector)]}}
            assert (await api.data(asked, variables))["aangebodenOpleidingen"][
                "totalCount"
            ] == aantal
            both = {"sector": [enum_value_name(sector)], "vorm": ["VOLTIJD"]}
            voltijd = sum(
                1 for r in aanbod if valid_on(r, day) and r.sector == sector and r.vorm == "VOLTIJD"
            )
            data = await api.data(asked, {"d": day.isoformat(), "f": both})
            assert data["aangebodenOpleidingen"]["totalCount"] == voltijd
        assert any(r.vorm == "VOLTIJD" for r in aanbod)


async def test_a_summarised_total_costs_no_statement_of_its_own(seeded: Target) -> None:
    query = "{ aangebodenOpleidingen(filter: {sector: [HO]}, first: 100) { totalCount edges { node { code } } } }"
    async with serving(seeded) as api:
        data, statements = await api.counted(query)
    assert data["aangebodenOpleidingen"]["totalCount"] > 100
    assert statements == 1
