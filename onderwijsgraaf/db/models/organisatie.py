"""Organisatorische eenheden: onderwijsbestuur, onderwijsaanbiedersgroep, onderwijsaanbieder."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base, Geldigheid, Herkomst, in_list_order


class Onderwijsbestuur(Geldigheid, Herkomst, Base):
    """Bevoegd gezag as RIO registers it; code ``NNNBNNN``."""

    __tablename__ = "onderwijsbestuur"

    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    zoeknaam: Mapped[str] = mapped_column(String(200), index=True)
    bevoegd_gezag_nummer: Mapped[str | None] = mapped_column(String(5), unique=True)
    kvk_nummer: Mapped[str | None] = mapped_column(String(8))
    rsin: Mapped[str | None] = mapped_column(String(9))


class Onderwijsaanbiedersgroep(Geldigheid, Herkomst, Base):
    """Aanbieders of one bestuur that belong together; code ``NNNGNNN``."""

    __tablename__ = "onderwijsaanbiedersgroep"

    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    onderwijsbestuur_code: Mapped[str] = mapped_column(
        ForeignKey("onderwijsbestuur.code"), index=True
    )


class Onderwijsaanbieder(Geldigheid, Herkomst, Base):
    """A school or institution as it presents itself; code ``NNNANNN``.

    ``denominatie`` holds RIO Denominatie codes, comma-separated (``PC,RK``).
    """

    __tablename__ = "onderwijsaanbieder"
    __table_args__ = (
        in_list_order("onderwijsaanbieder", "onderwijsbestuur_code", "zoeknaam", "code"),
    )

    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    zoeknaam: Mapped[str] = mapped_column(String(200), index=True)
    internationale_naam: Mapped[str | None] = mapped_column(String(225))
    onderwijsbestuur_code: Mapped[str] = mapped_column(
        ForeignKey("onderwijsbestuur.code"), index=True
    )
    onderwijsaanbiedersgroep_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijsaanbiedersgroep.code"), index=True
    )
    denominatie: Mapped[str | None] = mapped_column(String(40), index=True)
    eigen_sleutel: Mapped[str | None] = mapped_column(String(60))


class Onderwijsbegeleidingsaanbieder(Geldigheid, Herkomst, Base):
    """An organisation giving specialist support to schools (RIO Onderwijsbegeleidingsaanbieder,
    code ``NNNTNNN``). ``expertise`` holds RIO Onderwijsbegeleidingsaanbiedersexpertise codes,
    comma-separated."""

    __tablename__ = "onderwijsbegeleidingsaanbieder"

    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    zoeknaam: Mapped[str] = mapped_column(String(200), index=True)
    internationale_naam: Mapped[str | None] = mapped_column(String(225))
    onderwijsbestuur_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijsbestuur.code"), index=True
    )
    expertise: Mapped[str] = mapped_column(String(400), default="")
