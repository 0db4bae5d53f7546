"""The history of the data: every version a seed swapped in (``Versielog``) and what changed per
object from one version to the next (``Wijziging``). Written by the seed, which carries the
history of the data it replaces into the new database (``seed/wijzigingen.py``) and prunes what
is older than the retention; derived, not a source.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base
from onderwijsgraaf.db.models.locatie import Onderwijslocatie
from onderwijsgraaf.db.models.opleiding import AangebodenOpleiding, Opleidingseenheid
from onderwijsgraaf.db.models.organisatie import (
    Onderwijsaanbieder,
    Onderwijsaanbiedersgroep,
    Onderwijsbegeleidingsaanbieder,
    Onderwijsbestuur,
)
from onderwijsgraaf.db.models.referentie import Gemeente, Provincie
from onderwijsgraaf.db.models.samenwerking import Samenwerkingsverband

# the objects the changes are about: objecttype (as the API names the type) → model, by ``code``
GEVOLGD: dict[str, type[Base]] = {
    "Onderwijsbestuur": Onderwijsbestuur,
    "Onderwijsaanbieder": Onderwijsaanbieder,
    "Onderwijsaanbiedersgroep": Onderwijsaanbiedersgroep,
    "Onderwijsbegeleidingsaanbieder": Onderwijsbegeleidingsaanbieder,
    "Onderwijslocatie": Onderwijslocatie,
    "Opleidingseenheid": Opleidingseenheid,
    "AangebodenOpleiding": AangebodenOpleiding,
    "Samenwerkingsverband": Samenwerkingsverband,
    "Gemeente": Gemeente,
    "Provincie": Provincie,
}


class Versielog(Base):
    """One version of the data (``gegevensversie.versie``) that was swapped in at ``datum``
    (UTC), after ``vorige`` (None: the first this database knows), with ``wijzigingen`` changes;
    ``volgnummer``: the last change's number then (the changes since this version have higher
    ones)."""

    __tablename__ = "versielog"

    versie: Mapped[str] = mapped_column(String(64), primary_key=True)
    vorige: Mapped[str | None] = mapped_column(String(64))
    datum: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    wijzigingen: Mapped[int] = mapped_column(Integer)
    volgnummer: Mapped[int] = mapped_column(Integer)


class Wijziging(Base):
    """What changed to one object (``objecttype`` as the API names it, ``code``) when
    ``versie`` was swapped in at ``datum``: ``soort`` AANGEMAAKT, GEWIJZIGD, BEEINDIGD (its
    einddatum was set) or VERWIJDERD; ``velden`` a JSON list of ``[veld, oud, nieuw]`` (values as
    JSON: dates as ``YYYY-MM-DD``), every field for AANGEMAAKT and VERWIJDERD. ``volgnummer``
    orders the changes: oldest first."""

    __tablename__ = "wijziging"

    volgnummer: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    versie: Mapped[str] = mapped_column(String(64), index=True)
    datum: Mapped[dt.datetime] = mapped_column(DateTime)
    objecttype: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(40))
    soort: Mapped[str] = mapped_column(String(12))
    velden: Mapped[str] = mapped_column(Text)
