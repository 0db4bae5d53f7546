"""How many rows of a root list are valid on a peildatum, without counting them: the seed counts
the rows of each list's table per validity period, unfiltered and per value of each column a
filter selects on with one ``IN`` (``SAMENGEVAT``), and a list's total is the sum over the
periods that hold the peildatum (``totaal``).

A period is stored without NULLs, so it can be part of the primary key on SQLite and
PostgreSQL alike: ``begindatum`` is the first day (an open begin is 0001-01-01, which every
peildatum is on or after, as ``geldig_op`` reads it) and ``laatste_dag`` the last day, inclusive
(the day before ``einddatum``; an open end is 9999-12-31). A row with ``einddatum``
9999-12-31 thus ends on 9999-12-30 and an open one does not, as ``geldig_op`` has it. Rows that
are valid on no day at all (``einddatum`` on or before ``begindatum``) are not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ColumnClause,
    Connection,
    Date,
    Integer,
    Select,
    String,
    column,
    delete,
    func,
    insert,
    inspect,
    select,
    table,
)
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base

ONGEFILTERD = ""  # ``kolom`` and ``waarde`` of a list's rows counted without a filter
OPEN_BEGIN, OPEN_EINDE = dt.date.min, dt.date.max

# table → the columns whose values are counted apart (a filter field of the same name selects
# the rows whose column is one of its values); every table is also counted unfiltered
SAMENGEVAT: dict[str, tuple[str, ...]] = {
    "onderwijsbestuur": (),
    "onderwijsaanbieder": (),
    "onderwijslocatie": (),
    "aangeboden_opleiding": ("sector", "onderwijsconcept", "vorm"),
    "opleidingseenheid": (),
    "onderwijsaanbiedersgroep": (),
    "samenwerkingsverband": (),
    "onderwijsbegeleidingsaanbieder": (),
}


class Lijsttelling(Base):
    """The number of rows (``aantal``) of ``tabel`` valid from ``begindatum`` through
    ``laatste_dag`` whose ``kolom`` holds ``waarde`` (both empty: every row). Written by the
    seed from the rows it writes; rows whose ``kolom`` is NULL are in no count of that column."""

    __tablename__ = "lijsttelling"

    tabel: Mapped[str] = mapped_column(String(60), primary_key=True)
    kolom: Mapped[str] = mapped_column(String(60), primary_key=True)
    waarde: Mapped[str] = mapped_column(String(40), primary_key=True)
    begindatum: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    laatste_dag: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    aantal: Mapped[int] = mapped_column(Integer)


def periode(
    begindatum: dt.date | None, einddatum: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """A validity period as the summary stores it: (first day, last day); None for a period
    that holds no day."""
    eerste = begindatum or OPEN_BEGIN
    if einddatum is None:
        return eerste, OPEN_EINDE
    if einddatum <= eerste:
        return None
    return eerste, einddatum - dt.timedelta(days=1)


def tellingen(rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """The ``lijsttelling`` rows (as column → value, sorted by primary key) of the rows of each
    table of ``SAMENGEVAT`` (``rows``: table → its rows, each with ``begindatum``, ``einddatum``
    and the table's summarised columns). The seed writes them with the data; migration 0010
    counts the data it finds."""
    telling: Counter[tuple[str, str, str, dt.date, dt.date]] = Counter()
    for tabel, kolommen in SAMENGEVAT.items():
        for row in rows.get(tabel, ()):
            dagen = periode(row["begindatum"], row["einddatum"])
            if dagen is None:
                continue
            telling[(tabel, ONGEFILTERD, ONGEFILTERD, *dagen)] += 1
            for kolom in kolommen:
                if row[kolom] is not None:
                    telling[(tabel, kolom, row[kolom], *dagen)] += 1
    return [
        {
            "tabel": tabel,
            "kolom": kolom,
            "waarde": waarde,
            "begindatum": begindatum,
            "laatste_dag": laatste_dag,
            "aantal": aantal,
        }
        for (tabel, kolom, waarde, begindatum, laatste_dag), aantal in sorted(telling.items())
    ]


def tel_opnieuw(connection: Connection) -> None:
    """Counts ``lijsttelling`` again from the rows stored (a table not there yet counts as
    empty): migration 0010 fills it so for the data it finds, and data written by other means
    than the seed must be counted so before its totals are asked."""
    present = set(inspect(connection).get_table_names())
    rows: dict[str, list[dict[str, Any]]] = {}
    for tabel, kolommen in SAMENGEVAT.items():
        if tabel in present:
            columns: list[ColumnClause[Any]] = [
                column(name, Date()) for name in ("begindatum", "einddatum")
            ]
            columns += [column(kolom, String()) for kolom in kolommen]
            found = connection.execute(select(*columns).select_from(table(tabel)))
            rows[tabel] = [dict(r._mapping) for r in found]
    connection.execute(delete(Lijsttelling))
    counted = tellingen(rows)
    if counted:
        connection.execute(insert(Lijsttelling), counted)


def totaal(tabel: str, kolom: str, waarden: Sequence[str], peildatum: dt.date) -> Select[Any]:
    """The number of rows of ``tabel`` valid on ``peildatum`` whose ``kolom`` is one of
    ``waarden`` (``kolom`` ``ONGEFILTERD`` and no ``waarden``: every row), as one integer."""
    t = Lijsttelling
    waarde = t.waarde == ONGEFILTERD if kolom == ONGEFILTERD else t.waarde.in_(waarden)
    return select(func.coalesce(func.sum(t.aantal), 0)).where(
        t.tabel == tabel,
        t.kolom == kolom,
        waarde,
        t.begindatum <= peildatum,
        t.laatste_dag >= peildatum,
    )
