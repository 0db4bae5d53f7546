"""The history of the data, carried into each new database: the versions held (``versielog``)
and what changed per object between them (``wijziging``), the change feed's source.

Before a seed writes the new data aside it reads the data now serving. When the new content is
another version (``gegevensversie``), every object of ``GEVOLGD`` (``onderwijsgraaf.db.models``)
is compared field by field with its row now serving, by code:

- AANGEMAAKT: a code the serving data lacks; ``velden`` holds every field (old value None);
- VERWIJDERD: a code the new data lacks; every field (new value None);
- BEEINDIGD: its ``einddatum`` was empty and now is a date;
- GEWIJZIGD: any other change.

BEEINDIGD and GEWIJZIGD hold the changed fields; when ``begindatum`` or ``einddatum`` is one of
them, every field (the unchanged ones with the old value equal to the new): the object may now be
valid on a peildatum where it was not, and a copy that kept only the objects valid there gets it
whole. Objects without a validity (gemeente, provincie) are never BEEINDIGD.

The history of the serving data comes along, without what is older than the retention
(``bewaardagen`` days, counted from the seed): a version stays while it is younger, and always the
version being replaced (so a client that synced from it can go on); changes stay with their
version. A seed of the same content adds nothing. Values are compared and stored as JSON (dates
as ``YYYY-MM-DD``), in the columns both databases have (a database of an earlier schema lacks
the newer ones) except the row ids the seed numbers anew each time (the integer ``id`` and
``…_id`` columns).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Integer, inspect, select
from sqlalchemy.ext.asyncio import AsyncConnection

from onderwijsgraaf.db.models import GEVOLGD, Base, Gegevensversie, Versielog, Wijziging
from seed.dataset import Dataset

GELDIGHEID = ("begindatum", "einddatum")
BEWAARDAGEN = 90
Rij = dict[str, Any]


def waarde(value: Any) -> Any:
    """A value as the history stores it: JSON, dates as ``YYYY-MM-DD``."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


async def geschiedenis(
    live: AsyncConnection | None, dataset: Dataset, nu: dt.datetime, bewaardagen: int
) -> dict[str, list[Rij]]:
    """The ``versielog`` and ``wijziging`` rows of the new database: the history of the data
    now serving (``live``; None: there is none), pruned, and the changes to ``dataset``."""
    (nieuw,) = dataset.rows[Gegevensversie.__tablename__]
    versie = str(nieuw["versie"])
    log: list[Rij] = []
    wijzigingen: list[Rij] = []
    vorige = None
    if live is not None and await _has(live, Versielog.__tablename__):
        log = [dict(r._mapping) for r in await live.execute(select(Versielog.__table__))]
        wijzigingen = [dict(r._mapping) for r in await live.execute(select(Wijziging.__table__))]
    if live is not None and await _has(live, Gegevensversie.__tablename__):
        vorige = await live.scalar(select(Gegevensversie.versie).limit(1))
    if vorige == versie and any(r["versie"] == versie for r in log):
        return _pruned(log, wijzigingen, versie, nu, bewaardagen)
    nieuwe: list[Rij] = []
    if live is not None and vorige is not None:
        for objecttype, model in GEVOLGD.items():
            rows = dataset.rows[model.__tablename__]
            velden, oud = await _live_rows(live, model)
            nieuwe += _verschillen(objecttype, velden, oud, rows)
    volgnummer = max((r["volgnummer"] for r in wijzigingen), default=0)
    if vorige is not None and not any(r["versie"] == vorige for r in log):
        # data seeded before its database kept a history: from now on it is the first version
        log.append(
            {
                "versie": vorige,
                "vorige": None,
                "datum": nu,
                "wijzigingen": 0,
                "volgnummer": volgnummer,
            }
        )
    for change in nieuwe:
        volgnummer += 1
        wijzigingen.append(change | {"volgnummer": volgnummer, "versie": versie, "datum": nu})
    log = [r for r in log if r["versie"] != versie]
    log.append(
        {
            "versie": versie,
            "vorige": vorige,
            "datum": nu,
            "wijzigingen": len(nieuwe),
            "volgnummer": volgnummer,
        }
    )
    return _pruned(log, wijzigingen, vorige, nu, bewaardagen)


def _pruned(
    log: list[Rij], wijzigingen: list[Rij], vervangen: str | None, nu: dt.datetime, dagen: int
) -> dict[str, list[Rij]]:
    grens = nu - dt.timedelta(days=dagen)
    kept = [r for r in log if r["datum"] >= grens or r["versie"] == vervangen]
    held = {r["versie"] for r in kept}
    return {
        Versielog.__tablename__: sorted(kept, key=lambda r: (r["datum"], r["volgnummer"])),
        Wijziging.__tablename__: sorted(
            (r for r in wijzigingen if r["versie"] in held), key=lambda r: r["volgnummer"]
        ),
    }


def _verschillen(
    objecttype: str, velden: Sequence[str], oud: Mapping[str, Rij], nieuw: Sequence[Rij]
) -> list[Rij]:
    """The changes in ``velden`` from the rows ``oud`` (by code) to ``nieuw``, in code order."""
    nieuw_per_code = {str(r["code"]): {v: waarde(r.get(v)) for v in velden} for r in nieuw}
    changes = []
    for code in sorted(oud.keys() | nieuw_per_code.keys()):
        voor, na = oud.get(code), nieuw_per_code.get(code, {})
        if voor is None:
            soort, lijst = "AANGEMAAKT", [[v, None, na[v]] for v in velden]
        elif code not in nieuw_per_code:
            soort, lijst = "VERWIJDERD", [[v, voor[v], None] for v in velden]
        else:
            lijst = [[v, voor[v], na[v]] for v in velden if voor[v] != na[v]]
            if not lijst:
                continue
            if any(v in GELDIGHEID for v, _, _ in lijst):
                lijst = [[v, voor[v], na[v]] for v in velden]
            beeindigd = voor.get("einddatum") is None and na.get("einddatum") is not None
            soort = "BEEINDIGD" if beeindigd else "GEWIJZIGD"
        changes.append(
            {"objecttype": objecttype, "code": code, "soort": soort, "velden": json.dumps(lijst)}
        )
    return changes


async def _live_rows(live: AsyncConnection, model: type[Base]) -> tuple[list[str], dict[str, Rij]]:
    """The columns of ``model`` the serving data has, and its rows by code, as JSON."""
    name = model.__tablename__
    columns = [c for c in model.__table__.columns if not rij_id(c)]
    if not await _has(live, name):
        return [c.name for c in columns], {}
    present = await live.run_sync(lambda sync: {c["name"] for c in inspect(sync).get_columns(name)})
    chosen = [c for c in columns if c.name in present]
    names = [c.name for c in chosen]
    rows: dict[str, Rij] = {}
    for row in await live.execute(select(*chosen)):
        values = {n: waarde(v) for n, v in zip(names, row, strict=True)}
        rows[str(values["code"])] = values
    return names, rows


def rij_id(column: ColumnElement[Any]) -> bool:
    """A row id of the database (the integer ``id`` and ``…_id`` columns, not e.g. ``bag_id``):
    the seed numbers rows anew each time."""
    return isinstance(column.type, Integer) and (column.name == "id" or column.name.endswith("_id"))


async def _has(live: AsyncConnection, name: str) -> bool:
    return bool(await live.run_sync(lambda sync: inspect(sync).has_table(name)))
