"""Samenwerkingsverband (RIO ErkendeSamenwerking) and the aanbieders taking part in it."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base, Geldigheid, Herkomst


class Samenwerkingsverband(Geldigheid, Herkomst, Base):
    """``soort`` is RIO's ErkendeSamenwerkingssoort (e.g. RMC)."""

    __tablename__ = "samenwerkingsverband"

    code: Mapped[str] = mapped_column(String(22), primary_key=True)
    soort: Mapped[str] = mapped_column(String(10), index=True)
    naam: Mapped[str] = mapped_column(String(200))


class SamenwerkingsverbandDeelname(Geldigheid, Herkomst, Base):
    __tablename__ = "samenwerkingsverband_deelname"

    samenwerkingsverband_code: Mapped[str] = mapped_column(
        ForeignKey("samenwerkingsverband.code"), primary_key=True
    )
    onderwijsaanbieder_code: Mapped[str] = mapped_column(
        ForeignKey("onderwijsaanbieder.code"), primary_key=True, index=True
    )
