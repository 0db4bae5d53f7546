"""``meta``: where the data comes from, under which licence, and what is derived."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from resolvers import meta as resolve
from resolvers import wijzigingen
from schema.context import Context
from schema.types.wijziging import Gegevensversie

AFGELEID_UITLEG = (
    "Elk object heeft `bron` (het bronbestand), `afgeleid` (de velden die Onderwijsgraaf "
    "zelf afleidt; `*` = het hele object is gegenereerd, zoals MBO-aanbod, cohorten en private "
    "contactpunten) en `velden` (de velden uit een ander bronbestand, elk met het zijne); "
    "`meta.tabellen` telt ze per tabel en veld. Afgeleide RIO-codes beginnen met 9. / Every "
    "object names its source file, the fields Onderwijsgraaf derived and the fields read from "
    "another file; meta.tabellen counts them per table and field; derived RIO codes start with 9."
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


@strawberry.type(
    description="Hoeveel waarden (of rijen) één bron gaf: zoals gelezen en afgeleid. / How many "
    "values (or rows) one source gave: as read and derived."
)
class Bronaantal:
    bron: str = strawberry.field(description="Het bronbestand (zie bronnen). / Source file.")
    echt: int = strawberry.field(description="Zoals de bron ze geeft. / As the source gives them.")
    afgeleid: int = strawberry.field(
        description="Door Onderwijsgraaf afgeleid (bij rijen: het hele object gegenereerd). / "
        "Derived by Onderwijsgraaf (for rows: the whole object generated)."
    )

    @classmethod
    def of(cls, aantal: resolve.Bronaantal) -> Bronaantal:
        return cls(bron=aantal.bron, echt=aantal.echt, afgeleid=aantal.afgeleid)


@strawberry.type(
    description="De waarden van één veld van een tabel: hoeveel niet-lege, echt of afgeleid, per "
    "bron. / The non-empty values of one field of a table, real or derived, per source."
)
class Herkomstveld:
    veld: str = strawberry.field(
        description="Het veld zoals de API het noemt, als in herkomst.velden. / The field as the "
        "API names it, as in herkomst.velden."
    )
    kolom: str = strawberry.field(
        description="De kolom in de database, als in herkomst.afgeleid. / The database column."
    )
    echt: int = strawberry.field(description="Waarden zoals gelezen. / Values as read.")
    afgeleid: int = strawberry.field(description="Afgeleide waarden. / Derived values.")
    bronnen: list[Bronaantal] = strawberry.field(
        description="Per bron (die van het veld als het uit een ander bestand komt dan de rij). "
        "/ Per source (the field's own where it comes from another file than its row)."
    )

    @classmethod
    def of(cls, telling: resolve.Veldtelling) -> Herkomstveld:
        return cls(
            veld=telling.veld,
            kolom=telling.kolom,
            echt=telling.echt,
            afgeleid=telling.afgeleid,
            bronnen=[Bronaantal.of(b) for b in telling.bronnen],
        )


@strawberry.type(
    description="Eén tabel: haar rijen en velden per bron, echt of afgeleid. / One table: its "
    "rows and fields per source, real or derived."
)
class Herkomsttabel:
    tabel: str = strawberry.field(description="De tabel in de database. / The database table.")
    rijen: int = strawberry.field(description="Aantal rijen. / Rows.")
    bronnen: list[Bronaantal] = strawberry.field(
        description="De rijen per bron; afgeleid: door Onderwijsgraaf gegenereerd. / Rows per "
        "source; afgeleid: generated whole."
    )
    velden: list[Herkomstveld] = strawberry.field(
        description="Elk veld met een waarde, in de volgorde van de tabel; niet de "
        "boekhouding (bron, afgeleid, veldbronnen, id, zoeknaam). / Every field with a value."
    )

    @classmethod
    def of(cls, telling: resolve.Tabeltelling) -> Herkomsttabel:
        return cls(
            tabel=telling.tabel,
            rijen=telling.rijen,
            bronnen=[Bronaantal.of(b) for b in telling.bronnen],
            velden=[Herkomstveld.of(v) for v in telling.velden],
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

    @strawberry.field(
        description="Per tabel hoeveel rijen en waarden echt zijn en hoeveel afgeleid, per bron "
        "(geteld door de seed). / Per table, how many rows and values are real and how many "
        "derived, per source (counted by the seed)."
    )
    async def tabellen(self, info: Info[Context, None]) -> list[Herkomsttabel]:
        return [Herkomsttabel.of(t) for t in await resolve.tabellen(info.context.reads)]

    @strawberry.field(
        description="De versies van de gegevens die de database bewaart, oudste eerst: de "
        "wijzigingen sinds elk ervan zijn op te vragen (wijzigingen). De seed bewaart versies "
        "WIJZIGINGEN_BEWAARDAGEN dagen (standaard 90), en altijd de versie die hij vervangt. / "
        "The data versions held, oldest first; kept WIJZIGINGEN_BEWAARDAGEN days (default 90)."
    )
    async def versies(self, info: Info[Context, None]) -> list[Gegevensversie]:
        return [Gegevensversie.of(v) for v in await wijzigingen.versies(info.context.reads)]


async def resolve_meta(info: Info[Context, None]) -> Meta:
    bronnen = [Bron.from_row(row) for row in await resolve.bronnen(info.context.reads)]
    return Meta(
        licentie=LICENTIE,
        afgeleid=AFGELEID_UITLEG,
        bronnen=bronnen,
        bijgewerkt_op=max((bron.peildatum for bron in bronnen), default=None),
        versie=await resolve.versie(info.context.reads),
    )
