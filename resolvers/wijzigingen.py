"""The change feed: what changed per object between the versions of the data the database holds
(``wijziging``, ``versielog``: written by the seed, ``seed/wijzigingen.py``), oldest first.

``sinds`` is a data version (``meta.versie`` or one of ``meta.versies``: the changes made after
it) or a date ``YYYY-MM-DD`` (the changes that took effect on or after that day, UTC). A version
the database no longer holds is refused (BadUserInput, naming the oldest held): the client
starts again from a full export. Paged by ``volgnummer`` (keyset, ``after``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from loaders.paging import Page, PageRequest, check_cursor
from onderwijsgraaf.db.models import GEVOLGD, Versielog, Wijziging
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput
from onderwijsgraaf.graph.veldnamen import veldnaam
from onderwijsgraaf.peildatum import datum

KIND = "Wijziging"
SOORTEN = ("AANGEMAAKT", "GEWIJZIGD", "BEEINDIGD", "VERWIJDERD")
VERSIE = re.compile(r"[0-9a-f]{64}")
TABELLEN = {objecttype: model.__tablename__ for objecttype, model in GEVOLGD.items()}


@dataclass(frozen=True)
class Veldwijziging:
    """One field of a change: its API name, its column, and the old and new value (JSON)."""

    veld: str
    kolom: str
    oud: Any
    nieuw: Any


@dataclass(frozen=True)
class Verandering:
    """One change to one object (a ``wijziging`` row)."""

    volgnummer: int
    versie: str
    datum: dt.datetime
    objecttype: str
    code: str
    soort: str
    velden: list[Veldwijziging]

    @classmethod
    def of(cls, row: Any) -> Verandering:
        tabel = TABELLEN.get(row.objecttype)
        return cls(
            volgnummer=row.volgnummer,
            versie=row.versie,
            datum=row.datum.replace(tzinfo=dt.UTC),
            objecttype=row.objecttype,
            code=row.code,
            soort=row.soort,
            velden=[
                Veldwijziging(veldnaam(tabel, kolom), kolom, oud, nieuw)
                for kolom, oud, nieuw in json.loads(row.velden)
            ],
        )

    def regel(self) -> dict[str, Any]:
        """The change as one line of the JSON Lines feed."""
        return {
            "volgnummer": self.volgnummer,
            "versie": self.versie,
            "datum": self.datum.isoformat(),
            "objecttype": self.objecttype,
            "code": self.code,
            "soort": self.soort,
            "velden": [
                {"veld": v.veld, "kolom": v.kolom, "oud": v.oud, "nieuw": v.nieuw}
                for v in self.velden
            ],
        }


@dataclass(frozen=True)
class Vraag:
    """Which changes: after ``volgnummer`` (a version) or from ``datum`` on, of ``soorten``."""

    volgnummer: Any
    datum: dt.datetime | None
    soorten: tuple[str, ...]

    def waar(self, statement: Select[Any]) -> Select[Any]:
        w = Wijziging
        if self.datum is not None:
            statement = statement.where(w.datum >= self.datum)
        else:
            statement = statement.where(w.volgnummer > self.volgnummer)
        return statement.where(w.soort.in_(self.soorten))


def vraag(sinds: str, soorten: Sequence[str] | None) -> Vraag:
    """Checks ``sinds`` and ``soorten``; BadUserInput naming the argument."""
    chosen = tuple(soorten) if soorten else SOORTEN
    unknown = sorted(set(chosen) - set(SOORTEN))
    if unknown:
        raise BadUserInput(f"soorten: unknown {unknown}; known: {', '.join(SOORTEN)}")
    if VERSIE.fullmatch(sinds):
        held = select(Versielog.volgnummer).where(Versielog.versie == sinds).scalar_subquery()
        return Vraag(held, None, chosen)
    try:
        day = datum(sinds)
    except ValueError:
        raise BadUserInput(
            f"sinds: {sinds!r} is neither a data version (64 hexadecimal characters, "
            "meta.versie) nor a date YYYY-MM-DD"
        ) from None
    return Vraag(None, dt.datetime.combine(day, dt.time()), chosen)


async def wijzigingen(
    reads: Reads,
    sinds: str,
    soorten: Sequence[str] | None,
    first: int | None,
    after: str | None,
    *,
    count: bool,
) -> Page[Verandering]:
    """The page of ``first`` changes after cursor ``after``; the total when ``count``. One
    statement, and one for the total; one more only when the page is empty, to tell a version
    that is not held (BadUserInput) from no changes."""
    gevraagd = vraag(sinds, soorten)
    request = PageRequest.parse(KIND, first, after)
    na = 0
    if request.after is not None:
        check_cursor(request.after, (int,))
        na = int(request.after[0])
    rows = await _gelezen(reads, sinds, gevraagd, na, request.first + 1)
    total = None
    if count:
        total = await reads.scalar(gevraagd.waar(select(func.count()).select_from(Wijziging)))
    return Page.of(request, rows, total, lambda v: (v.volgnummer,))


async def alle(
    reads: Reads, sinds: str, soorten: Sequence[str] | None, na: int
) -> list[Verandering]:
    """Every change after ``sinds`` (as ``wijzigingen``) with a volgnummer above ``na``."""
    return await _gelezen(reads, sinds, vraag(sinds, soorten), na, None)


async def _gelezen(
    reads: Reads, sinds: str, gevraagd: Vraag, na: int, limit: int | None
) -> list[Verandering]:
    """The changes ``gevraagd`` with a volgnummer above ``na``, at most ``limit``, in order;
    BadUserInput when there are none because ``sinds`` is a version not held."""
    statement = gevraagd.waar(select(Wijziging.__table__)).where(Wijziging.volgnummer > na)
    rows = await reads.rows(statement.order_by(Wijziging.volgnummer).limit(limit))
    if not rows and gevraagd.datum is None:
        await _check_held(reads, sinds)
    return [Verandering.of(r) for r in rows]


@dataclass(frozen=True)
class Versie:
    """A version of the data the database holds (``versielog``)."""

    versie: str
    vorige: str | None
    datum: dt.datetime
    wijzigingen: int


async def versies(reads: Reads) -> list[Versie]:
    """The versions held, oldest first."""
    rows = await reads.rows(
        select(Versielog.__table__).order_by(Versielog.volgnummer, Versielog.datum)
    )
    return [Versie(r.versie, r.vorige, r.datum.replace(tzinfo=dt.UTC), r.wijzigingen) for r in rows]


async def _check_held(reads: Reads, sinds: str) -> None:
    held = await reads.rows(select(Versielog.versie).order_by(Versielog.datum))
    if sinds not in {r.versie for r in held}:
        oldest = held[0].versie if held else None
        raise BadUserInput(
            f"sinds: the data version {sinds} is not held (the oldest held is {oldest}); "
            "start again from a full export"
        )
