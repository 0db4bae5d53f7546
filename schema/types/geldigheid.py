"""The interface of every object with a validity period and provenance."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.described import Rij
from schema.types.common import Herkomst


@strawberry.interface(
    description="Een object dat geldt van begindatum (inclusief) tot einddatum (exclusief). / "
    "An object valid from begindatum (inclusive) to einddatum (exclusive)."
)
class Geldigheid(Rij):
    begindatum: dt.date | None = strawberry.field(
        description="Geldig vanaf (inclusief). / Valid from."
    )
    einddatum: dt.date | None = strawberry.field(
        description="Geldig tot (exclusief). / Valid until."
    )
    herkomst: Herkomst = strawberry.field(description="Bron en afgeleide velden. / Provenance.")
