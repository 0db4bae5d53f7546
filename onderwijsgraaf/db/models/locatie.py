"""Onderwijslocatie (an address with a point) and onderwijslocatiegebruik (who uses it)."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base, Geldigheid, Herkomst


class Onderwijslocatie(Geldigheid, Herkomst, Base):
    """One physical address, shared by everybody teaching there; code ``NNNXNNN``."""

    __tablename__ = "onderwijslocatie"
    __table_args__ = (
        # a radius search's candidates from the index alone (PostgreSQL; migration 0011)
        Index(
            "ix_onderwijslocatie_latitude_longitude",
            "latitude",
            "longitude",
            postgresql_include=["code", "begindatum", "einddatum"],
        ),
    )

    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    straatnaam: Mapped[str | None] = mapped_column(String(80))
    huisnummer: Mapped[int | None] = mapped_column(Integer)
    huisnummertoevoeging: Mapped[str | None] = mapped_column(String(10))
    postcode: Mapped[str | None] = mapped_column(String(6), index=True)
    plaatsnaam: Mapped[str | None] = mapped_column(String(80), index=True)
    gemeente_code: Mapped[str | None] = mapped_column(ForeignKey("gemeente.code"), index=True)
    provincie_code: Mapped[str | None] = mapped_column(ForeignKey("provincie.code"), index=True)
    bag_id: Mapped[str | None] = mapped_column(String(16), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)


class Onderwijslocatiegebruik(Geldigheid, Herkomst, Base):
    """An aanbieder (of a bestuur) teaching at a locatie, optionally under a vestigingserkenning."""

    __tablename__ = "onderwijslocatiegebruik"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    onderwijsbestuur_code: Mapped[str] = mapped_column(
        ForeignKey("onderwijsbestuur.code"), index=True
    )
    onderwijsaanbieder_code: Mapped[str] = mapped_column(
        ForeignKey("onderwijsaanbieder.code"), index=True
    )
    onderwijslocatie_code: Mapped[str] = mapped_column(
        ForeignKey("onderwijslocatie.code"), index=True
    )
    vestigingserkenning_id: Mapped[int | None] = mapped_column(
        ForeignKey("erkenning.id"), index=True
    )
