"""One peildatum governs the whole answer: objects and nested lists that start or end around it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from onderwijsgraaf.db.models import AangebodenOpleiding, Cohort, Onderwijsaanbieder, geldig_op
from tests.conftest import Api, Target

DAY = dt.timedelta(days=1)


async def first_row(target: Target, query: Any) -> Any:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return (await conn.execute(query.limit(1))).one()
    finally:
        await engine.dispose()


async def scalar(target: Target, query: Any) -> Any:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return await conn.scalar(query)
    finally:
        await engine.dispose()


async def test_an_offering_appears_on_its_begindatum_and_is_gone_on_its_einddatum(
    api: Api, seeded: Target
) -> None:
    a = AangebodenOpleiding
    row = await first_row(
        seeded,
        select(a.code, a.begindatum, a.einddatum)
        .where(a.begindatum.is_not(None), a.einddatum.is_not(None), a.begindatum < a.einddatum)
        .order_by(a.code),
    )
    query = "query($code: String!, $d: Date) { aangebodenOpleiding(code: $code, peildatum: $d) { code begindatum einddatum } }"
    for day, present in [
        (row.begindatum - DAY, False),
        (row.begindatum, True),
        (row.einddatum - DAY, True),
        (row.einddatum, False),
    ]:
        data = await api.data(query, {"code": row.code, "d": day.isoformat()})
        assert (data["aangebodenOpleiding"] is not None) is present, day


async def test_nested_lists_follow_the_root_peildatum(api: Api, seeded: Target) -> None:
    a = AangebodenOpleiding
    start = dt.date(2026, 9, 1)
    aanbieder = await scalar(
        seeded,
        select(a.onderwijsaanbieder_code)
        .where(a.begindatum == start)
        .group_by(a.onderwijsaanbieder_code)
        .order_by(func.count().desc(), a.onderwijsaanbieder_code)
        .limit(1),
    )
    query = (
        "query($code: String!, $d: Date) { onderwijsaanbieder(code: $code, peildatum: $d) "
        "{ aangebodenOpleidingen(first: 0) { totalCount } } }"
    )
    counts = {}
    for day in (start - DAY, start):
        expected = await scalar(
            seeded,
            select(func.count()).where(a.onderwijsaanbieder_code == aanbieder, geldig_op(a, day)),
        )
        data = await api.data(query, {"code": aanbieder, "d": day.isoformat()})
        counts[day] = data["onderwijsaanbieder"]["aangebodenOpleidingen"]["totalCount"]
        assert counts[day] == expected
    assert counts[start] > counts[start - DAY]


async def test_cohorten_below_an_offering_follow_the_peildatum(api: Api, seeded: Target) -> None:
    c = Cohort
    row = await first_row(
        seeded,
        select(c.aangeboden_opleiding_code, c.code, c.begindatum)
        .where(c.code == "2027-09")
        .order_by(c.id),
    )
    query = (
        "query($code: String!, $d: Date) { aangebodenOpleiding(code: $code, peildatum: $d) "
        "{ cohorten { edges { node { code } } } } }"
    )
    before = await api.data(
        query, {"code": row.aangeboden_opleiding_code, "d": (row.begindatum - DAY).isoformat()}
    )
    on = await api.data(
        query, {"code": row.aangeboden_opleiding_code, "d": row.begindatum.isoformat()}
    )
    assert "2027-09" not in cohort_codes(before)
    assert "2027-09" in cohort_codes(on)


def cohort_codes(data: dict[str, Any]) -> list[str]:
    return [e["node"]["code"] for e in data["aangebodenOpleiding"]["cohorten"]["edges"]]


async def test_a_school_is_absent_before_it_was_founded(api: Api, seeded: Target) -> None:
    o = Onderwijsaanbieder
    row = await first_row(
        seeded,
        select(o.code, o.naam, o.begindatum)
        .where(o.begindatum > dt.date(2022, 1, 1))
        .order_by(o.code),
    )
    query = "query($code: String!, $d: Date) { onderwijsaanbieder(code: $code, peildatum: $d) { code } }"
    assert (await api.data(query, {"code": row.code, "d": (row.begindatum - DAY).isoformat()}))[
        "onderwijsaanbieder"
    ] is None
    assert (await api.data(query, {"code": row.code, "d": row.begindatum.isoformat()}))[
        "onderwijsaanbieder"
    ] == {"code": row.code}
    listed = "query($zoek: String!, $d: Date) { onderwijsaanbieders(filter: {zoek: $zoek}, peildatum: $d, first: 100) { edges { node { code } } } }"
    for day, present in [(row.begindatum - DAY, False), (row.begindatum, True)]:
        data = await api.data(listed, {"zoek": row.naam, "d": day.isoformat()})
        assert ({"node": {"code": row.code}} in data["onderwijsaanbieders"]["edges"]) is present


async def test_on_the_last_date_there_is_every_open_ended_object_is_valid(
    api: Api, seeded: Target
) -> None:
    """9999-12-31 is the largest date: the objects valid then are those with no einddatum."""
    a = Onderwijsaanbieder
    last, before = dt.date.max, dt.date.max - DAY
    open_ended = await scalar(seeded, select(func.count()).where(a.einddatum.is_(None)))
    data = await api.data(
        """{ last: onderwijsaanbieders(peildatum: "9999-12-31") { totalCount }
             before: onderwijsaanbieders(peildatum: "9999-12-30") { totalCount } }"""
    )
    assert data["last"]["totalCount"] == open_ended > 0
    assert data["before"]["totalCount"] == await scalar(
        seeded, select(func.count()).where(geldig_op(a, before))
    )
    assert await scalar(seeded, select(func.count()).where(geldig_op(a, last))) == open_ended


async def test_a_date_is_written_jjjj_mm_dd_and_only_so(api: Api) -> None:
    """``20261130`` and ``2026-W48-1`` are dates to Python's ``fromisoformat``, not to the API:
    refused as a literal and as a variable, with the value named."""
    query = "query($p: Date) { onderwijsaanbieders(peildatum: $p, first: 1) { totalCount } }"
    for written in ("20261130", "2026-W48-1", "2026-11-30T00:00", "30-11-2026"):
        for error in (
            await api.error(query, {"p": written}),
            await api.error(
                f'{{ onderwijsaanbieders(peildatum: "{written}", first: 1) {{ totalCount }} }}'
            ),
        ):
            assert error["extensions"]["code"] == "BAD_USER_INPUT"
            assert f"'{written}' is not written JJJJ-MM-DD" in error["message"]
    assert (await api.data(query, {"p": "2026-11-30"}))["onderwijsaanbieders"]["totalCount"] > 0
