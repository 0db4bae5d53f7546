"""Declarative base and the two column groups every RIO table shares.

- ``Geldigheid``: the validity period, ``begindatum`` inclusive and ``einddatum`` exclusive
  (``NULL`` = open). A peildatum selects rows with ``geldig_op``.
- ``Herkomst``: provenance. ``bron`` names the source file (table ``bron``); ``afgeleid`` lists
  the fields of the row that are derived by the seed rather than read from that source
  (comma-separated, empty when the row is taken from the source as it is); ``veldbronnen``
  names the source of each field read from another file than ``bron``
  (``veld=bron,veld=bron``, empty when every field comes from ``bron``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Date, ForeignKey, Index, MetaData, String, and_, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Geldigheid:
    begindatum: Mapped[dt.date | None] = mapped_column(Date, index=True)
    einddatum: Mapped[dt.date | None] = mapped_column(Date, index=True)


class Herkomst:
    @declared_attr
    def bron(self) -> Mapped[str]:
        return mapped_column(String(40), ForeignKey("bron.code"))

    afgeleid: Mapped[str] = mapped_column(String(200), default="")
    veldbronnen: Mapped[str] = mapped_column(String(400), default="")


def in_list_order(table: str, *columns: str) -> Index:
    """An index of ``table`` that reads a list in its order: the parent's key (or the filter's
    column), then the sort key (e.g. the aanbod of an aanbieder by name). On PostgreSQL it also
    holds the validity period, so a list's total is counted from the index alone."""
    name = f"ix_{table}_{'_'.join(columns)}" if len(columns) > 1 else f"ix_{table}_{columns[0]}"
    return Index(name, *columns, postgresql_include=["begindatum", "einddatum"])


def geldig_op(columns: Any, peildatum: dt.date) -> ColumnElement[bool]:
    """Rows valid on ``peildatum``: begindatum <= peildatum < einddatum, open ends allowed.

    ``columns``: a model with ``Geldigheid``, a table's ``.c`` or an aliased subquery's ``.c``.
    Written with ``coalesce`` rather than ``IS NULL OR``: almost every row is valid, and the OR
    form leads SQLite to read whole tables through the begindatum index (then sort them) where
    an index in the list's order would have stopped after one page.
    """
    begin, end = columns.begindatum, columns.einddatum
    # on the last date there is, only an open end is later
    ends_later = (
        end.is_(None) if peildatum >= dt.date.max else func.coalesce(end, dt.date.max) > peildatum
    )
    return and_(func.coalesce(begin, dt.date.min) <= peildatum, ends_later)
