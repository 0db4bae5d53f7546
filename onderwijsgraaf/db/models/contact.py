"""Communicatiecontext: contact details of an organisatie per purpose (soort).

Public soorten (ALGEMEEN, AANMELDEN, FACTURATIE, CENTRAAL_AANMELDEN_MBO) may be shown to anyone;
the others only to the party they are meant for. ``gemeente_code`` records the gemeente of the
organisatie the context belongs to, so authorisation for a gemeente is one indexed comparison.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base, Geldigheid, Herkomst


class Communicatiecontext(Geldigheid, Herkomst, Base):
    __tablename__ = "communicatiecontext"
    __table_args__ = (
        CheckConstraint(
            "(onderwijsbestuur_code IS NULL) <> (onderwijsaanbieder_code IS NULL)",
            name="precies_een_organisatie",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    soort: Mapped[str] = mapped_column(String(30), index=True)
    openbaar: Mapped[bool]
    onderwijsbestuur_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijsbestuur.code"), index=True
    )
    onderwijsaanbieder_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijsaanbieder.code"), index=True
    )
    gemeente_code: Mapped[str | None] = mapped_column(ForeignKey("gemeente.code"), index=True)
    contactnaam: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    telefoon: Mapped[str | None] = mapped_column(String(20))
    website: Mapped[str | None] = mapped_column(String(300))
    straatnaam: Mapped[str | None] = mapped_column(String(80))
    huisnummer: Mapped[int | None] = mapped_column(Integer)
    huisnummertoevoeging: Mapped[str | None] = mapped_column(String(10))
    postcode: Mapped[str | None] = mapped_column(String(6))
    plaatsnaam: Mapped[str | None] = mapped_column(String(80))
