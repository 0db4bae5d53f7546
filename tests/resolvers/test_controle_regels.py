"""Each controle rule on a small test database, built by the seed from the fixture folder
``tests/fixtures/small``: a clean bestuur of it has no finding, and one fault planted in its rows
(in a transaction that is rolled back, so the database is left as it was) gives exactly that
rule's finding, in that bestuur and in the whole database. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, insert, literal, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Cohort,
    Erkenning,
    JuridischeRelatie,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
    geldig_op,
)
from resolvers.controle import uitvoeren
from resolvers.controle.regel import REGELS
from tests.conftest import Target

P = dt.date(2026, 10, 1)
# the id of a planted row: above every id the seed writes
NIEUW_ID = 2_000_000_000
A, O, G, L = Onderwijsaanbieder, AangebodenOpleiding, Onderwijslocatiegebruik, Onderwijslocatie  # noqa: E741 (RIO's "O" of opleiding)


@dataclass(frozen=True)
class Klein:
    """A bestuur with one aanbieder, one aanbod at one locatie used by it alone, on P."""

    b: str
    a: str
    o: str
    l: str  # noqa: E741 (the locatie, beside a, o and g)
    g: int
    eenheid: str
    brin4_id: int
    brin4: str
    brin6_id: int


async def kandidaten(conn: AsyncConnection) -> list[Klein]:
    een = (
        select(A.onderwijsbestuur_code)
        .where(geldig_op(A, P))
        .group_by(A.onderwijsbestuur_code)
        .having(func.count() == 1)
    )
    rows = (
        await conn.execute(
            select(
                A.onderwijsbestuur_code,
                A.code,
                O.code.label("o"),
                O.onderwijslocatie_code,
                O.opleidingseenheid_code,
                G.id,
                G.vestigingserkenning_id,
            )
            .join(O, O.onderwijsaanbieder_code == A.code)
            .join(
                G,
                (G.onderwijsaanbieder_code == A.code)
                & (G.onderwijslocatie_code == O.onderwijslocatie_code),
            )
            .where(
                A.onderwijsbestuur_code.in_(een), geldig_op(A, P), geldig_op(O, P), geldig_op(G, P)
            )
            .where(G.vestigingserkenning_id.is_not(None))
            .order_by(A.onderwijsbestuur_code)
            .limit(400)
        )
    ).all()
    found = []
    for r in rows:
        counts = (
            await conn.execute(
                select(
                    select(func.count()).where(O.onderwijsaanbieder_code == r[1]).scalar_subquery(),
                    select(func.count()).where(G.onderwijsaanbieder_code == r[1]).scalar_subquery(),
                    select(func.count()).where(G.onderwijslocatie_code == r[3]).scalar_subquery(),
                )
            )
        ).one()
        if tuple(counts) != (1, 1, 1):
            continue
        brin4 = (
            await conn.execute(
                select(Erkenning.id, Erkenning.code)
                .join(JuridischeRelatie, JuridischeRelatie.erkenning_id == Erkenning.id)
                .where(JuridischeRelatie.onderwijsaanbieder_code == r[1])
            )
        ).all()
        if len(brin4) != 1:
            continue
        assert r[3] is not None  # joined on it
        assert r[6] is not None
        found.append(Klein(r[0], r[1], r[2], r[3], r[5], r[4], brin4[0][0], brin4[0][1], r[6]))
    return found


async def findings(
    conn: AsyncConnection, regel: str, bestuur: str
) -> set[tuple[str, str, str | None]]:
    statement = uitvoeren.statement([REGELS[regel]], P, bestuur)
    rows = (await conn.execute(select(statement))).all()
    return {(r.objecttype, r.objectcode, r.waarde) for r in rows}


async def all_findings(conn: AsyncConnection, regel: str) -> set[tuple[str, str, str, str | None]]:
    """Every finding of ``regel`` in the whole database: (rule, objecttype, objectcode,
    waarde)."""
    statement = uitvoeren.statement([REGELS[regel]], P, None)
    rows = (await conn.execute(select(statement))).all()
    return {(r.regel, r.objecttype, r.objectcode, r.waarde) for r in rows}


@pytest.fixture
async def klein(small: Target) -> AsyncIterator[tuple[AsyncConnection, Klein]]:
    engine = small.engine()
    try:
        async with engine.connect() as conn:
            for k in await kandidaten(conn):
                alle = uitvoeren.statement(uitvoeren.gekozen(None, None), P, k.b)
                if not (await conn.execute(select(alle))).all():
                    yield conn, k
                    return
            raise AssertionError("no clean small bestuur in the seeded data")
    finally:
        await engine.dispose()


def _kopie(model: Any, where: Any, **values: Any) -> Any:
    """An INSERT … SELECT copying one row of ``model`` with ``values`` changed (a numeric id
    among them: the seed writes ids itself, so PostgreSQL's sequence does not follow them)."""
    table = model.__table__
    columns = list(table.c)
    chosen = [literal(values[c.name], c.type) if c.name in values else c for c in columns]
    return insert(table).from_select([c.name for c in columns], select(*chosen).where(where))


def plants(k: Klein) -> dict[str, tuple[list[Any], set[tuple[str, str, str | None]]]]:
    """Per rule: the statements that plant its fault, and the findings they must give."""
    gebruik = f"{k.a}/{k.l}"
    return {
        "C01": (
            [update(O).where(O.code == k.o).values(einddatum=P)],
            {("Onderwijsaanbieder", k.a, None)},
        ),
        "C02": (
            [update(O).where(O.code == k.o).values(onderwijslocatie_code=None)],
            {("Onderwijslocatiegebruik", gebruik, None)},
        ),
        "C03": (
            [_kopie(L, L.code == k.l, code="999X999")],
            {("Onderwijslocatie", k.l, "999X999")},
        ),
        "C04": (
            [update(L).where(L.code == k.l).values(huisnummertoevoeging="ABCDEFG")],
            {("Onderwijslocatie", k.l, "ABCDEFG")},
        ),
        "C05": (
            [
                update(O)
                .where(O.code == k.o)
                .values(begindatum=dt.date(2020, 1, 1), einddatum=dt.date(2020, 1, 1))
            ],
            {("AangebodenOpleiding", k.o, "2020-01-01/2020-01-01")},
        ),
        "C06": (
            [
                update(L).where(L.code == k.l).values(einddatum=dt.date(2030, 1, 1)),
                update(G).where(G.id == k.g).values(einddatum=None),
            ],
            {("Onderwijslocatiegebruik", gebruik, f"onderwijslocatie/{k.l}")},
        ),
        "C07": (
            [
                update(A).where(A.code == k.a).values(einddatum=dt.date(2030, 1, 1)),
                update(O).where(O.code == k.o).values(einddatum=None),
            ],
            {("AangebodenOpleiding", k.o, k.a)},
        ),
        "C08": (
            [
                # a copy of its eenheid of its own: others offer the eenheid too
                _kopie(
                    Opleidingseenheid,
                    Opleidingseenheid.code == k.eenheid,
                    code="9999O9999",
                    einddatum=dt.date(2030, 1, 1),
                ),
                update(O)
                .where(O.code == k.o)
                .values(opleidingseenheid_code="9999O9999", einddatum=None),
            ],
            {("AangebodenOpleiding", k.o, "9999O9999")},
        ),
        "C09": (
            [
                update(O)
                .where(O.code == k.o)
                .values(eerste_instroomdatum=dt.date(2031, 1, 1), einddatum=dt.date(2030, 1, 1))
            ],
            {("AangebodenOpleiding", k.o, "2031-01-01")},
        ),
        "C10": (
            [
                insert(Cohort).values(
                    id=NIEUW_ID,
                    aangeboden_opleiding_code=k.o,
                    code="X1",
                    status="O",
                    begin_aanmeldperiode=dt.date(2026, 1, 1),
                    einde_aanmeldperiode=dt.date(2025, 12, 1),
                    toestemming_vereist="NEE",
                    bron="afgeleid",
                    afgeleid="*",
                    veldbronnen="",
                )
            ],
            {("Cohort", f"{k.o}/X1", "2026-01-01/2025-12-01/2026-01-01")},
        ),
        "C12": ([_kopie(G, G.id == k.g, id=NIEUW_ID)], {("Onderwijslocatiegebruik", gebruik, k.b)}),
        "C13": (
            [
                update(Onderwijsbestuur)
                .where(Onderwijsbestuur.code == k.b)
                .values(einddatum=dt.date(2027, 1, 1)),
                update(A).where(A.code == k.a).values(einddatum=None),
            ],
            {("Onderwijsaanbieder", k.a, "2027-01-01")},
        ),
        "C14": (
            [
                update(Erkenning)
                .where(Erkenning.id == k.brin4_id)
                .values(begindatum=dt.date(2026, 9, 1)),
                update(A).where(A.code == k.a).values(begindatum=dt.date(2000, 1, 1)),
            ],
            {("Onderwijsaanbieder", k.a, k.brin4)},
        ),
        "C15": (
            [
                update(JuridischeRelatie)
                .where(JuridischeRelatie.onderwijsaanbieder_code == k.a)
                .values(einddatum=P)
            ],
            {("Onderwijsaanbieder", k.a, None)},
        ),
        "C16": (
            [update(O).where(O.code == k.o).values(onderwijsconcept="XYZ")],
            {("AangebodenOpleiding", k.o, "onderwijsconcept/XYZ")},
        ),
        "C17": (
            [update(O).where(O.code == k.o).values(samenwerkend_met=f"{k.a},{k.a}")],
            {("AangebodenOpleiding", k.o, f"{k.a},{k.a}")},
        ),
        "C19": (
            [
                update(Erkenning)
                .where(Erkenning.id == k.brin6_id)
                .values(einddatum=dt.date(2026, 1, 1))
            ],
            {("Onderwijslocatiegebruik", gebruik, None)},
        ),
        "C20": (
            [
                _kopie(L, L.code == k.l, code="999X998", huisnummer=99999),
                _kopie(G, G.id == k.g, id=NIEUW_ID, onderwijslocatie_code="999X998"),
            ],
            set(),
        ),
        "C21": (
            [
                text(
                    "DELETE FROM communicatiecontext WHERE onderwijsaanbieder_code = :a AND soort = 'TOEZICHT'"
                ).bindparams(a=k.a)
            ],
            {("Onderwijsaanbieder", k.a, "TOEZICHT")},
        ),
    }


def test_every_rule_is_planted() -> None:
    assert sorted(plants(Klein("b", "a", "o", "l", 1, "e", 1, "x", 2))) == sorted(REGELS)


async def test_the_clean_bestuur_has_no_finding_and_each_planted_fault_its_own(
    klein: tuple[AsyncConnection, Klein],
) -> None:
    conn, k = klein
    await conn.rollback()  # the reads so far began a transaction of their own
    before = {regel: await all_findings(conn, regel) for regel in REGELS}
    for regel, (statements, expected) in plants(k).items():
        await conn.rollback()
        transaction = await conn.begin()
        try:
            assert await findings(conn, regel, k.b) == set(), regel
            for statement in statements:
                await conn.execute(statement)
            if regel == "C20":
                # the shared vestiging: the erkenning code of the gebruik, at both locaties
                brin6 = await conn.scalar(select(Erkenning.code).where(Erkenning.id == k.brin6_id))
                expected = {
                    ("Onderwijslocatiegebruik", f"{k.a}/{k.l}", brin6),
                    ("Onderwijslocatiegebruik", f"{k.a}/999X998", brin6),
                }
            if regel == "C19":
                brin6 = await conn.scalar(select(Erkenning.code).where(Erkenning.id == k.brin6_id))
                expected = {("Onderwijslocatiegebruik", f"{k.a}/{k.l}", brin6)}
            assert await findings(conn, regel, k.b) == expected, regel
            # in the whole database, the rule finds just that fault more (another rule may
            # find it too: an aanbod ended also leaves its locatiegebruik without aanbod)
            after = await all_findings(conn, regel)
            assert after - before[regel] == {(regel, *finding) for finding in expected}, regel
            assert before[regel] - after == set(), regel
        finally:
            await transaction.rollback()
