"""Erkenningen (instellings-, vestigings-, bevoegd-gezag- and opleidingserkenning), the
juridische relaties that tie organisaties to them, and licenties."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base, Geldigheid, Herkomst


class Erkenning(Geldigheid, Herkomst, Base):
    """A formal recognition. ``soort``: RIO ErkendeOrganisatietype (BEVOEGD_GEZAG,
    ERKENDE_ONDERWIJSINSTELLING = BRIN4, ERKENDE_VESTIGING = BRIN6) or OPLEIDINGSERKENNING.
    Codes are unique per soort only (a BGE number and a CROHO code can coincide)."""

    __tablename__ = "erkenning"
    __table_args__ = (UniqueConstraint("soort", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    soort: Mapped[str] = mapped_column(String(30))
    code: Mapped[str] = mapped_column(String(22), index=True)
    naam: Mapped[str | None] = mapped_column(String(200))
    erkenner: Mapped[str | None] = mapped_column(String(20))
    opleidingsstelsel: Mapped[str | None] = mapped_column(String(20))
    denominatie: Mapped[str | None] = mapped_column(String(40))
    bekostiging: Mapped[str | None] = mapped_column(String(30))
    hoofd_neven_vestiging: Mapped[str | None] = mapped_column(String(20))
    postcodecijfers: Mapped[str | None] = mapped_column(String(4))
    plaatsnaam: Mapped[str | None] = mapped_column(String(80))
    instellingserkenning_id: Mapped[int | None] = mapped_column(
        ForeignKey("erkenning.id"), index=True
    )


class JuridischeRelatie(Geldigheid, Herkomst, Base):
    """An onderwijsbestuur or onderwijsaanbieder resting on an erkenning (RIO JuridischeRelatie)."""

    __tablename__ = "juridische_relatie"
    __table_args__ = (
        CheckConstraint(
            "(onderwijsbestuur_code IS NULL) <> (onderwijsaanbieder_code IS NULL)",
            name="precies_een_organisatie",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    onderwijsbestuur_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijsbestuur.code"), index=True
    )
    onderwijsaanbieder_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijsaanbieder.code"), index=True
    )
    erkenning_id: Mapped[int] = mapped_column(ForeignKey("erkenning.id"), index=True)


class Licentie(Geldigheid, Herkomst, Base):
    """The right of an instellingserkenning to offer (or examine) an opleidingseenheid."""

    __tablename__ = "licentie"

    code: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(40))
    instellingserkenning_id: Mapped[int] = mapped_column(ForeignKey("erkenning.id"), index=True)
    opleidingseenheid_code: Mapped[str] = mapped_column(
        ForeignKey("opleidingseenheid.code"), index=True
    )
    stadium: Mapped[str] = mapped_column(String(20))
