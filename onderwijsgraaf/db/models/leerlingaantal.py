"""Leerlingaantal: the pupils DUO counted at one vestiging (BRIN6) on one teldatum (1 October),
with the graph objects that BRIN6 leads to. The seed builds the table (``seed/leerlingaantallen.py``);
the API sums its rows per aanbieder, locatie or aangeboden opleiding (``loaders/leerlingaantallen.py``).

One grain per (vestiging, teldatum): either the detail rows of one source (VO 2019: one row per
onderwijstype and elementcode) or one total, never both, so a sum never counts a pupil twice.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base, Herkomst


class Leerlingaantal(Herkomst, Base):
    """One count: ``aantal`` pupils at BRIN6 ``vestiging`` on ``teldatum``; ``gemaskeerd`` when
    its source gave it rounded or masked ("<5"). The parent codes are NULL where the graph has no
    such object for the BRIN6 (``aangeboden_opleiding_code`` also where the count is not of one
    aanbod); ``onderwijstype`` and ``afdeling`` as the source names them, on detail rows only."""

    __tablename__ = "leerlingaantal"
    __table_args__ = (
        Index(
            "ix_leerlingaantal_onderwijsaanbieder_code_teldatum",
            "onderwijsaanbieder_code",
            "teldatum",
        ),
        Index(
            "ix_leerlingaantal_onderwijslocatie_code_teldatum", "onderwijslocatie_code", "teldatum"
        ),
        Index(
            "ix_leerlingaantal_aangeboden_opleiding_code_teldatum",
            "aangeboden_opleiding_code",
            "teldatum",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    teldatum: Mapped[dt.date] = mapped_column(Date)
    vestiging: Mapped[str] = mapped_column(String(6))
    onderwijsaanbieder_code: Mapped[str | None] = mapped_column(
        ForeignKey("onderwijsaanbieder.code")
    )
    onderwijslocatie_code: Mapped[str | None] = mapped_column(ForeignKey("onderwijslocatie.code"))
    aangeboden_opleiding_code: Mapped[str | None] = mapped_column(
        ForeignKey("aangeboden_opleiding.code")
    )
    onderwijstype: Mapped[str | None] = mapped_column(String(60))
    afdeling: Mapped[str | None] = mapped_column(String(80))
    aantal: Mapped[int] = mapped_column(Integer)
    gemaskeerd: Mapped[bool] = mapped_column(Boolean, default=False)
