"""Opleidingseenheid (WAT), aangeboden opleiding (WIE-WAT-WAAR-HOE) and its cohorten."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base, Geldigheid, Herkomst, in_list_order


class Opleidingseenheid(Geldigheid, Herkomst, Base):
    """A recognised programme (CROHO, PO/VO onderwijsprogramma, ...); code ``NNNNONNNN``.

    ``type`` is RIO's Opleidingseenheidtype (HOOPLEIDING, BOOPLEIDING, ...); ``sector`` is ours.
    """

    __tablename__ = "opleidingseenheid"

    code: Mapped[str] = mapped_column(String(9), primary_key=True)
    type: Mapped[str] = mapped_column(String(40))
    sector: Mapped[str] = mapped_column(String(10), index=True)
    soort: Mapped[str | None] = mapped_column(String(20))
    naam_lang: Mapped[str] = mapped_column(String(225))
    naam_kort: Mapped[str | None] = mapped_column(String(60))
    internationale_naam: Mapped[str | None] = mapped_column(String(225))
    zoeknaam: Mapped[str] = mapped_column(String(225), index=True)
    niveau: Mapped[str | None] = mapped_column(String(20), index=True)
    graad: Mapped[str | None] = mapped_column(String(20))
    studielast: Mapped[int | None] = mapped_column(Integer)
    studielasteenheid: Mapped[str | None] = mapped_column(String(20))
    eqf: Mapped[str | None] = mapped_column(String(2))
    nlqf: Mapped[str | None] = mapped_column(String(2))
    isced: Mapped[str | None] = mapped_column(String(4))
    waardedocumentsoort: Mapped[str | None] = mapped_column(String(30))
    erkende_opleidingscode: Mapped[str | None] = mapped_column(String(8), index=True)
    opleidingsstelsel: Mapped[str | None] = mapped_column(String(20))
    variant_van: Mapped[str | None] = mapped_column(String(8))
    eigenaar_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijsbestuur.code"), index=True
    )
    opleidingserkenning_id: Mapped[int | None] = mapped_column(
        ForeignKey("erkenning.id"), index=True
    )


class AangebodenOpleiding(Geldigheid, Herkomst, Base):
    """An opleidingseenheid offered by an aanbieder, optionally at a locatie; code is a UUID.

    Sector-specific attributes are nullable columns: ``vorm`` and the HO kenmerken for HO,
    ``onderwijsconcept`` for PO/SO/VSO/VO, ``leertraject`` for MBO.
    """

    __tablename__ = "aangeboden_opleiding"
    __table_args__ = (
        in_list_order("aangeboden_opleiding", "sector"),
        in_list_order("aangeboden_opleiding", "sector", "zoeknaam", "code"),
        in_list_order("aangeboden_opleiding", "onderwijsaanbieder_code", "zoeknaam", "code"),
        in_list_order("aangeboden_opleiding", "onderwijslocatie_code", "zoeknaam", "code"),
        in_list_order("aangeboden_opleiding", "opleidingseenheid_code", "zoeknaam", "code"),
    )

    code: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(40))
    sector: Mapped[str] = mapped_column(String(10))
    onderwijsaanbieder_code: Mapped[str] = mapped_column(
        ForeignKey("onderwijsaanbieder.code"), index=True
    )
    opleidingseenheid_code: Mapped[str] = mapped_column(
        ForeignKey("opleidingseenheid.code"), index=True
    )
    onderwijslocatie_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijslocatie.code"), index=True
    )
    onderwijslicentie_code: Mapped[str | None] = mapped_column(
        ForeignKey("licentie.code"), index=True
    )
    eigen_naam: Mapped[str | None] = mapped_column(String(225))
    eigen_naam_engels: Mapped[str | None] = mapped_column(String(225))
    eigen_naam_duits: Mapped[str | None] = mapped_column(String(225))
    zoeknaam: Mapped[str] = mapped_column(String(225), index=True)
    omschrijving: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(300))
    vorm: Mapped[str | None] = mapped_column(String(10), index=True)
    onderwijsconcept: Mapped[str | None] = mapped_column(String(40), index=True)
    leertraject: Mapped[str | None] = mapped_column(String(10))
    propedeutische_fase: Mapped[str | None] = mapped_column(String(40))
    studiekeuzecheck: Mapped[str | None] = mapped_column(String(40))
    deficientie: Mapped[str | None] = mapped_column(String(30))
    eisen_werkzaamheden: Mapped[str | None] = mapped_column(String(20))
    versneld_traject: Mapped[str | None] = mapped_column(String(30))
    samenwerkend_met: Mapped[str | None] = mapped_column(String(100))
    eigen_sleutel: Mapped[str | None] = mapped_column(String(60))
    eerste_instroomdatum: Mapped[dt.date | None] = mapped_column(Date, index=True)
    laatste_instroomdatum: Mapped[dt.date | None] = mapped_column(Date)


class AangebodenOpleidingVoertaal(Base):
    """The voertalen (ISO 639-2, RIO Taalcode) of an aangeboden opleiding; several are allowed."""

    __tablename__ = "aangeboden_opleiding_voertaal"

    aangeboden_opleiding_code: Mapped[str] = mapped_column(
        ForeignKey("aangeboden_opleiding.code"), primary_key=True
    )
    voertaal: Mapped[str] = mapped_column(String(3), primary_key=True, index=True)


class Cohort(Geldigheid, Herkomst, Base):
    """One intake of an aangeboden opleiding with its aanmeldperiode; code unique per offering."""

    __tablename__ = "cohort"
    __table_args__ = (UniqueConstraint("aangeboden_opleiding_code", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    aangeboden_opleiding_code: Mapped[str] = mapped_column(
        ForeignKey("aangeboden_opleiding.code"), index=True
    )
    code: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(1))
    begin_aanmeldperiode: Mapped[dt.date] = mapped_column(Date)
    einde_aanmeldperiode: Mapped[dt.date | None] = mapped_column(Date)
    instroommoment: Mapped[dt.date | None] = mapped_column(Date, index=True)
    toestemming_vereist: Mapped[str] = mapped_column(String(3))
    opleidingsvorm: Mapped[str | None] = mapped_column(String(30))
