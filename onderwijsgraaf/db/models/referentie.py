"""Reference tables: the source files, provincies, gemeenten and PC4 postcode areas."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base


class Bron(Base):
    """One source file the database was built from, with its publisher and licence."""

    __tablename__ = "bron"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    titel: Mapped[str] = mapped_column(String(200))
    uitgever: Mapped[str] = mapped_column(String(80))
    licentie: Mapped[str] = mapped_column(String(200))
    bestand: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    peildatum: Mapped[dt.date] = mapped_column(Date)
    rijen: Mapped[int] = mapped_column(Integer)


class Gegevensversie(Base):
    """The version of the data: a SHA-256 over every row the seed wrote (one row). It changes
    exactly when the content changes; HTTP caching (ETag) is keyed on it."""

    __tablename__ = "gegevensversie"

    versie: Mapped[str] = mapped_column(String(64), primary_key=True)


class Provincie(Base):
    __tablename__ = "provincie"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    naam: Mapped[str] = mapped_column(String(40), unique=True)
    bron: Mapped[str] = mapped_column(String(40), ForeignKey("bron.code"))


class Gemeente(Base):
    __tablename__ = "gemeente"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    naam: Mapped[str] = mapped_column(String(80), index=True)
    provincie_code: Mapped[str] = mapped_column(ForeignKey("provincie.code"), index=True)
    bron: Mapped[str] = mapped_column(String(40), ForeignKey("bron.code"))


class Postcodegebied(Base):
    """A PC4 area: its gemeente (``bron``: DUO) and an approximate point with its place name
    (``coordinaten_bron``: GeoNames) for postcode search."""

    __tablename__ = "postcodegebied"

    postcodecijfers: Mapped[str] = mapped_column(String(4), primary_key=True)
    gemeente_code: Mapped[str] = mapped_column(ForeignKey("gemeente.code"), index=True)
    plaatsnaam: Mapped[str | None] = mapped_column(String(80))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    bron: Mapped[str] = mapped_column(String(40), ForeignKey("bron.code"))
    coordinaten_bron: Mapped[str | None] = mapped_column(String(40), ForeignKey("bron.code"))


class Herkomsttelling(Base):
    """How many values of a field of a table come from a source, real or derived: the seed counts
    them from the rows it writes (``veld`` = ``*`` counts the rows). ``meta`` reports them."""

    __tablename__ = "herkomsttelling"

    tabel: Mapped[str] = mapped_column(String(60), primary_key=True)
    veld: Mapped[str] = mapped_column(String(60), primary_key=True)
    bron: Mapped[str] = mapped_column(String(40), ForeignKey("bron.code"), primary_key=True)
    afgeleid: Mapped[bool] = mapped_column(primary_key=True)
    aantal: Mapped[int] = mapped_column(Integer)
