"""Onderwijslocatiegebruik: an aanbieder (of a bestuur) teaching at a locatie, in a period of its
own, optionally under a vestigingserkenning (BRIN6)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.described import described, link
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.bestuur import Onderwijsbestuur
    from schema.types.erkenning import Vestigingserkenning
    from schema.types.locatie import Onderwijslocatie


@described
@strawberry.type(
    description="Onderwijslocatiegebruik: een aanbieder van een bestuur die onderwijs geeft op een "
    "locatie, van begindatum tot einddatum, eventueel onder een vestigingserkenning (BRIN6). / "
    "An institution teaching at a location, in a period of its own."
)
class Onderwijslocatiegebruik(Geldigheid):
    onderwijsbestuur: (
        Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None
    ) = link("Het bestuur dat de locatie gebruikt. / The governing body using it.")
    onderwijsaanbieder: (
        Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")] | None
    ) = link("De aanbieder die er onderwijs geeft. / The institution teaching there.")
    onderwijslocatie: (
        Annotated[Onderwijslocatie, strawberry.lazy("schema.types.locatie")] | None
    ) = link("De locatie. / The location.")
    vestigingserkenning: (
        Annotated[Vestigingserkenning, strawberry.lazy("schema.types.erkenning")] | None
    ) = link(
        "De vestigingserkenning (BRIN6) waaronder de locatie wordt gebruikt. / The branch "
        "recognition it is used under."
    )
