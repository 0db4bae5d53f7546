"""``meta``: where the data comes from, under which licence, and what is derived."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from resolvers import meta as resolve
from schema.context import Context

AFGELEID_UITLEG = (
    "Elk object heeft `bron` (het bronbestand) en `afgeleid` (de velden die Onderwijsgraaf "
    "zelf afleidt; `*` = het hele object is gegenereerd, zoals MBO-aanbod, cohorten en private "
    "contactpunten). Afgeleide RIO-codes beginnen met 9. / Every object names its source file "
    "and the fields Onderwijsgraaf derived; derived RIO codes start with 9."
)
LICENTIE = "Bron: DUO; Bron: CBS; GeoNames (CC BY 4.0). Zie de licentie per bron."


@strawberry.type(description="Een bronbestand van de database. / A source file of the database.")
class Bron:
    code: str = strawberry.field(description="Sleutel van de bron. / Key of the source.")
    titel: str = strawberry.field(description="Titel. / Title.")
    uitgever: str = strawberry.field(description="Uitgever (DUO, CBS, GeoNames). / Publisher.")
    licentie: str = strawberry.field(description="Licentie en naamsvermelding. / Licence.")
    bestand: str = strawberry.field(description="Bestand in seed/data. / File in seed/data.")
    sha256: str = strawberry.field(description="SHA-256 van het bestand. / File checksum.")
    peildatum: dt.date = strawberry.field(description="Stand van de gegevens. / Data as of.")
    rijen: int = strawberry.field(description="Aantal records in het bestand. / Records.")

    @classmethod
    def from_row(cls, row: Any) -> Bron:
        return cls(
            code=row.code,
            titel=row.titel,
            uitgever=row.uitgever,
            licentie=row.licentie,
            bestand=row.bestand,
            sha256=row.sha256,
            peildatum=row.peildatum,
            rijen=row.rijen,
        )


@strawberry.type(description="Herkomst, licentie en actualiteit van de gegevens. / Provenance.")
class Meta:
    licentie: str = strawberry.field(description="Naamsvermelding. / Attribution.")
    afgeleid: str = strawberry.field(description="Wat afgeleid is. / What is derived.")
    bronnen: list[Bron] = strawberry.field(description="De bronbestanden. / The source files.")
    bijgewerkt_op: dt.date | None = strawberry.field(
        description="Peildatum van de nieuwste bron. / Date of the newest source."
    )
    versie: str | None = strawberry.field(
        description="Versie van de gegevens: SHA-256 over alle rijen; verandert precies als de "
        "gegevens veranderen (de ETag hangt ervan af). / Version of the data."
    )


async def resolve_meta(info: Info[Context, None]) -> Meta:
    bronnen = [Bron.from_row(row) for row in await resolve.bronnen(info.context.reads)]
    return Meta(
        licentie=LICENTIE,
        afgeleid=AFGELEID_UITLEG,
        bronnen=bronnen,
        bijgewerkt_op=max((bron.peildatum for bron in bronnen), default=None),
        versie=await resolve.versie(info.context.reads),
    )
