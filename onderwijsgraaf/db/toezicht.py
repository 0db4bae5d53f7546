"""The Inspectie's objecten van toezicht as stored: user data beside the register
(``onderwijsgraaf.db.userdata``), keyed by RIO codes only, never by a register row, so a new
seed neither loses nor breaks them.

Tables (in the user data's ``METADATA``, made by ``UserData.create``):

- ``toezichtobject``: ``code`` (the object's code, primary key), ``onderwijsbestuur_code`` (the
  RIO code of the bestuur it belongs to), ``notitie`` (the Inspectie's note, or empty).
- ``toezichtobject_versie``: one version of an object: ``object_code``, ``begindatum``
  (inclusive) and ``einddatum`` (exclusive; empty: open). Nothing is overwritten: a change ends
  the current version (``einddatum`` = the first day of the next one) and adds a new one.
- ``toezichtobject_combinatie``: the combinations of a version: ``versie_id``,
  ``onderwijsaanbieder_code``, ``onderwijslocatie_code``, ``aangeboden_opleiding_code``.
- ``toezicht_mutatie``: the answer of every mutation that carried a ``clientMutationId``
  (per ``subject``, the token's subject): the mutation's name, a SHA-256 of its input and the
  codes of the objects it answered with, so a retry gets the same answer and changes nothing.

Every function takes a connection in a transaction the caller holds (all-or-nothing).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    and_,
    delete,
    exists,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from onderwijsgraaf.db.userdata import METADATA

# the code of an object van toezicht: capitals, digits and hyphens (a proposal's codes fit)
CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,79}$")

toezichtobject = Table(
    "toezichtobject",
    METADATA,
    Column("code", String(80), primary_key=True),
    Column("onderwijsbestuur_code", String(7), nullable=False, index=True),
    Column("notitie", Text),
)

toezichtobject_versie = Table(
    "toezichtobject_versie",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("object_code", ForeignKey("toezichtobject.code"), nullable=False),
    Column("begindatum", Date, nullable=False),
    Column("einddatum", Date),
    Index("ix_toezichtobject_versie_object_begin", "object_code", "begindatum"),
)

toezichtobject_combinatie = Table(
    "toezichtobject_combinatie",
    METADATA,
    Column("versie_id", ForeignKey("toezichtobject_versie.id"), primary_key=True),
    Column("onderwijsaanbieder_code", String(7), primary_key=True, index=True),
    Column("onderwijslocatie_code", String(7), primary_key=True),
    Column("aangeboden_opleiding_code", String(36), primary_key=True),
)

toezicht_mutatie = Table(
    "toezicht_mutatie",
    METADATA,
    Column("subject", String(200), primary_key=True),
    Column("client_mutation_id", String(200), primary_key=True),
    Column("mutatie", String(40), nullable=False),
    Column("invoer_sha256", String(64), nullable=False),
    Column("codes", Text, nullable=False),
    Column("uitgevoerd_op", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True, order=True)
class Combinatie:
    """One onderwijsaanbieder × onderwijslocatie × aangeboden opleiding, by RIO codes."""

    onderwijsaanbieder_code: str
    onderwijslocatie_code: str
    aangeboden_opleiding_code: str


@dataclass(frozen=True)
class Versie:
    begindatum: dt.date
    einddatum: dt.date | None
    combinaties: tuple[Combinatie, ...]

    def geldig_op(self, peildatum: dt.date) -> bool:
        return self.begindatum <= peildatum and (
            self.einddatum is None or peildatum < self.einddatum
        )


@dataclass(frozen=True)
class ObjectVanToezicht:
    code: str
    onderwijsbestuur_code: str
    notitie: str | None
    versies: tuple[Versie, ...]  # oldest first

    @property
    def huidige(self) -> Versie:
        """The newest version (the one a change continues from)."""
        return self.versies[-1]

    def versie_op(self, peildatum: dt.date) -> Versie | None:
        return next((v for v in self.versies if v.geldig_op(peildatum)), None)


@dataclass(frozen=True)
class Mutatie:
    mutatie: str
    invoer_sha256: str
    codes: tuple[str, ...]


def _valid_on(peildatum: dt.date) -> Any:
    v = toezichtobject_versie.c
    return and_(v.begindatum <= peildatum, or_(v.einddatum.is_(None), v.einddatum > peildatum))


async def objecten(
    conn: AsyncConnection,
    *,
    codes: Iterable[str] | None = None,
    onderwijsbestuur_code: str | None = None,
    onderwijsaanbieder_code: str | None = None,
    peildatum: dt.date | None = None,
) -> list[ObjectVanToezicht]:
    """The stored objects (each with its whole history), by code, ordered by code: those with
    one of ``codes``, of the bestuur, and/or with a version valid on ``peildatum`` (holding a
    combination of the aanbieder, when given). Two statements, whatever their number."""
    o, v, c = toezichtobject.c, toezichtobject_versie.c, toezichtobject_combinatie.c
    query = select(toezichtobject).order_by(o.code)
    if codes is not None:
        query = query.where(o.code.in_(list(codes)))
    if onderwijsbestuur_code is not None:
        query = query.where(o.onderwijsbestuur_code == onderwijsbestuur_code)
    if peildatum is not None:
        current = select(v.id).where(v.object_code == o.code, _valid_on(peildatum))
        if onderwijsaanbieder_code is not None:
            current = current.where(
                exists().where(
                    c.versie_id == v.id, c.onderwijsaanbieder_code == onderwijsaanbieder_code
                )
            )
        query = query.where(current.exists())
    found = (await conn.execute(query)).all()
    if not found:
        return []
    rows = (
        await conn.execute(
            select(v.object_code, v.id, v.begindatum, v.einddatum, *_combination_columns())
            .select_from(toezichtobject_versie.outerjoin(toezichtobject_combinatie))
            .where(v.object_code.in_([row.code for row in found]))
            .order_by(v.object_code, v.begindatum, v.id)
        )
    ).all()
    versies: dict[str, dict[int, tuple[dt.date, dt.date | None, list[Combinatie]]]] = defaultdict(
        dict
    )
    for row in rows:
        versie = versies[row.object_code].setdefault(row.id, (row.begindatum, row.einddatum, []))
        if row.onderwijsaanbieder_code is not None:
            versie[2].append(
                Combinatie(
                    row.onderwijsaanbieder_code,
                    row.onderwijslocatie_code,
                    row.aangeboden_opleiding_code,
                )
            )
    return [
        ObjectVanToezicht(
            row.code,
            row.onderwijsbestuur_code,
            row.notitie,
            tuple(
                Versie(begin, eind, tuple(sorted(combinaties)))
                for begin, eind, combinaties in versies[row.code].values()
            ),
        )
        for row in found
    ]


def _combination_columns() -> list[Any]:
    c = toezichtobject_combinatie.c
    return [c.onderwijsaanbieder_code, c.onderwijslocatie_code, c.aangeboden_opleiding_code]


async def in_gebruik(
    conn: AsyncConnection, combinaties: Iterable[Combinatie], vanaf: dt.date
) -> dict[Combinatie, str]:
    """Per combination of ``combinaties`` held by a version valid on ``vanaf`` or later: the
    code of the object holding it. One statement."""
    wanted = set(combinaties)
    if not wanted:
        return {}
    v, c = toezichtobject_versie.c, toezichtobject_combinatie.c
    rows = await conn.execute(
        select(v.object_code, *_combination_columns())
        .select_from(toezichtobject_combinatie.join(toezichtobject_versie))
        .where(
            c.aangeboden_opleiding_code.in_({w.aangeboden_opleiding_code for w in wanted}),
            or_(v.einddatum.is_(None), v.einddatum > vanaf),
            v.einddatum.is_(None) | (v.einddatum > v.begindatum),
        )
    )
    held: dict[Combinatie, str] = {}
    for row in rows:
        combinatie = Combinatie(
            row.onderwijsaanbieder_code, row.onderwijslocatie_code, row.aangeboden_opleiding_code
        )
        if combinatie in wanted:
            held[combinatie] = row.object_code
    return held


async def bestaande_codes(conn: AsyncConnection, codes: Iterable[str]) -> set[str]:
    rows = await conn.execute(
        select(toezichtobject.c.code).where(toezichtobject.c.code.in_(list(codes)))
    )
    return {row.code for row in rows}


async def nieuw_object(
    conn: AsyncConnection,
    code: str,
    onderwijsbestuur_code: str,
    begindatum: dt.date,
    combinaties: Sequence[Combinatie],
) -> None:
    await conn.execute(
        insert(toezichtobject).values(code=code, onderwijsbestuur_code=onderwijsbestuur_code)
    )
    await nieuwe_versie(conn, code, begindatum, combinaties)


async def nieuwe_versie(
    conn: AsyncConnection, code: str, begindatum: dt.date, combinaties: Sequence[Combinatie]
) -> None:
    """Ends the open version of object ``code`` (if any) on ``begindatum`` and adds a version
    with ``combinaties`` from then on."""
    await beeindig(conn, code, begindatum)
    await _voeg_versie_toe(conn, code, begindatum, None, combinaties)


async def _voeg_versie_toe(
    conn: AsyncConnection,
    code: str,
    begindatum: dt.date,
    einddatum: dt.date | None,
    combinaties: Sequence[Combinatie],
) -> None:
    versie_id = (
        await conn.execute(
            insert(toezichtobject_versie)
            .values(object_code=code, begindatum=begindatum, einddatum=einddatum)
            .returning(toezichtobject_versie.c.id)
        )
    ).scalar_one()
    if combinaties:
        await conn.execute(
            insert(toezichtobject_combinatie),
            [{"versie_id": versie_id, **_combinatie_values(c)} for c in combinaties],
        )


async def beeindig(conn: AsyncConnection, code: str, einddatum: dt.date) -> None:
    """Ends the open version of object ``code`` on ``einddatum`` (exclusive)."""
    v = toezichtobject_versie.c
    await conn.execute(
        update(toezichtobject_versie)
        .where(v.object_code == code, v.einddatum.is_(None))
        .values(einddatum=einddatum)
    )


async def zet_notitie(conn: AsyncConnection, code: str, notitie: str | None) -> None:
    await conn.execute(
        update(toezichtobject).where(toezichtobject.c.code == code).values(notitie=notitie)
    )


async def mutatie(conn: AsyncConnection, subject: str, client_mutation_id: str) -> Mutatie | None:
    """The mutation ``subject`` ran before under ``client_mutation_id``; None when none."""
    m = toezicht_mutatie.c
    row = (
        await conn.execute(
            select(m.mutatie, m.invoer_sha256, m.codes).where(
                m.subject == subject, m.client_mutation_id == client_mutation_id
            )
        )
    ).first()
    if row is None:
        return None
    return Mutatie(row.mutatie, row.invoer_sha256, tuple(json.loads(row.codes)))


async def onthoud_mutatie(
    conn: AsyncConnection, subject: str, client_mutation_id: str, gedaan: Mutatie
) -> None:
    await conn.execute(
        insert(toezicht_mutatie).values(
            subject=subject,
            client_mutation_id=client_mutation_id,
            mutatie=gedaan.mutatie,
            invoer_sha256=gedaan.invoer_sha256,
            codes=json.dumps(list(gedaan.codes)),
            uitgevoerd_op=dt.datetime.now(dt.UTC),
        )
    )


async def alle(conn: AsyncConnection) -> list[ObjectVanToezicht]:
    """Every stored object with its history, by code."""
    return await objecten(conn)


async def vervang_alles(conn: AsyncConnection, nieuw: Sequence[ObjectVanToezicht]) -> None:
    """Replaces every stored object by ``nieuw`` (the answers kept for retries go too: they
    name objects that may no longer be there)."""
    for table in (
        toezichtobject_combinatie,
        toezichtobject_versie,
        toezichtobject,
        toezicht_mutatie,
    ):
        await conn.execute(delete(table))
    for obj in nieuw:
        await conn.execute(
            insert(toezichtobject).values(
                code=obj.code, onderwijsbestuur_code=obj.onderwijsbestuur_code, notitie=obj.notitie
            )
        )
        for versie in obj.versies:
            await _voeg_versie_toe(
                conn, obj.code, versie.begindatum, versie.einddatum, versie.combinaties
            )


def _combinatie_values(c: Combinatie) -> dict[str, str]:
    return {
        "onderwijsaanbieder_code": c.onderwijsaanbieder_code,
        "onderwijslocatie_code": c.onderwijslocatie_code,
        "aangeboden_opleiding_code": c.aangeboden_opleiding_code,
    }
