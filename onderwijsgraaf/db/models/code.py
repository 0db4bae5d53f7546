"""The code crosswalk: every identifier that leads to an object of the graph, one row per
(soort, code, object), with the period in which the code leads there.

``soort`` is one of ``CODESOORTEN``. A row names exactly one object (one of the five object
columns); ``erkenning_id`` is set on a row whose code is an erkenning's code (BRIN4, BRIN6,
bevoegd-gezagnummer, erkende opleidingscode), ``hoofd_neven_vestiging`` for a BRIN6.
The seed builds the table from the rest of the graph (``seed/crosswalk.py``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base, Herkomst

# RIO names where RIO has one (its attribute or ErkendeOrganisatietype, Opleidingssamenhangsoort).
CODESOORTEN: dict[str, str] = {
    "ONDERWIJSBESTUURCODE": "RIO-code van een onderwijsbestuur (NNNBNNN)",
    "ONDERWIJSAANBIEDERCODE": "RIO-code van een onderwijsaanbieder (NNNANNN)",
    "ONDERWIJSLOCATIECODE": "RIO-code van een onderwijslocatie (NNNXNNN)",
    "OPLEIDINGSEENHEIDCODE": "RIO-code van een opleidingseenheid (NNNNONNNN)",
    "AANGEBODENOPLEIDINGCODE": "RIO-code van een aangeboden opleiding (UUID)",
    "BEVOEGD_GEZAG": "Bevoegd-gezagnummer (5 cijfers): de bevoegd-gezagerkenning van een bestuur",
    "ERKENDE_ONDERWIJSINSTELLING": "Instellingscode (BRIN4): de onderwijsinstellingserkenning",
    "ERKENDE_VESTIGING": "Vestigingscode (BRIN6; in het ho het vestigingsnummer): de vestigingserkenning",
    "ERKENDEOPLEIDINGSCODE": "Erkende opleidingscode (CROHO of CREBO) van de opleiding zelf",
    "VARIANT_VAN": "Erkende opleidingscode (CROHO of CREBO) waarvan de opleiding een variant is",
    "KVKNUMMER": "KvK-nummer (8 cijfers)",
    "RSIN": "RSIN (9 cijfers)",
    "BAG_ID": "BAG-id van het adresseerbaar object",
}


class Code(Herkomst, Base):
    """One code of one object, valid from ``begindatum`` (inclusive) to ``einddatum``
    (exclusive). The table is read by code or by object only, so the validity period has no
    index of its own (unlike ``Geldigheid``); and as the seed builds it from the very rows it
    points to, the object columns carry no foreign keys (the seed writes it faster)."""

    __tablename__ = "code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    soort: Mapped[str] = mapped_column(String(30))
    code: Mapped[str] = mapped_column(String(36), index=True)
    hoofd_neven_vestiging: Mapped[str | None] = mapped_column(String(20))
    erkenning_id: Mapped[int | None] = mapped_column(Integer)
    onderwijsbestuur_code: Mapped[str | None] = mapped_column(String(7), index=True)
    onderwijsaanbieder_code: Mapped[str | None] = mapped_column(String(7), index=True)
    onderwijslocatie_code: Mapped[str | None] = mapped_column(String(7), index=True)
    opleidingseenheid_code: Mapped[str | None] = mapped_column(String(9), index=True)
    aangeboden_opleiding_code: Mapped[str | None] = mapped_column(String(36), index=True)
    begindatum: Mapped[dt.date | None] = mapped_column(Date)
    einddatum: Mapped[dt.date | None] = mapped_column(Date)
