"""The change feed's types: one change to one object, and the versions of the data held."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry
from strawberry.scalars import JSON

from resolvers import wijzigingen as resolve
from schema.connection import Connection


@strawberry.enum(description="Wat er met een object gebeurde. / What happened to an object.")
class WijzigingSoort(Enum):
    AANGEMAAKT = strawberry.enum_value(
        "AANGEMAAKT", description="Nieuw in deze versie. / New in this version."
    )
    GEWIJZIGD = strawberry.enum_value(
        "GEWIJZIGD", description="Velden veranderd. / Fields changed."
    )
    BEEINDIGD = strawberry.enum_value(
        "BEEINDIGD",
        description="De einddatum is gezet (met alle velden). / Its einddatum was set (with "
        "every field).",
    )
    VERWIJDERD = strawberry.enum_value(
        "VERWIJDERD",
        description="Niet meer in de gegevens (de bron noemt het niet meer). / No longer in the "
        "data (its source no longer lists it).",
    )


@strawberry.type(description="Eén veranderd veld. / One changed field.")
class Veldwijziging:
    veld: str = strawberry.field(
        description="Het veld zoals de API het noemt (bv. naamLang, adres.straatnaam). / The "
        "field as the API names it."
    )
    kolom: str = strawberry.field(
        description="De kolom, zoals de bulkexport en de JSON Lines-feed haar noemen. / The "
        "column, as the bulk export and the JSON Lines feed name it."
    )
    oud: JSON | None = strawberry.field(
        description="De oude waarde (JSON; datums als YYYY-MM-DD); null bij AANGEMAAKT. / The "
        "old value (JSON); null for AANGEMAAKT."
    )
    nieuw: JSON | None = strawberry.field(
        description="De nieuwe waarde; null bij VERWIJDERD. / The new value; null for VERWIJDERD."
    )


@strawberry.type(
    description="Wat er met één object veranderde toen een versie van de gegevens werd "
    "ingeladen (afgeleid: de seed vergelijkt elke versie met de vorige). / What changed to one "
    "object when a version of the data was loaded (derived by the seed)."
)
class Wijziging:
    volgnummer: int = strawberry.field(
        description="Volgorde van de wijzigingen, oplopend. / The changes' order, ascending."
    )
    versie: str = strawberry.field(
        description="De versie van de gegevens waarin dit inging (meta.versie). / The data "
        "version this took effect in."
    )
    datum: dt.datetime = strawberry.field(
        description="Wanneer die versie werd ingeladen (UTC). / When that version was loaded (UTC)."
    )
    objecttype: str = strawberry.field(
        description="Onderwijsbestuur, Onderwijsaanbieder, Onderwijsaanbiedersgroep, "
        "Onderwijsbegeleidingsaanbieder, Onderwijslocatie, Opleidingseenheid, "
        "AangebodenOpleiding, Samenwerkingsverband, Gemeente of Provincie. / The object's type, "
        "as the API names it."
    )
    code: str = strawberry.field(
        description="De code van het object (RIO; CBS voor gemeente en provincie). / Its code "
        "(RIO; CBS for a gemeente or provincie)."
    )
    soort: WijzigingSoort = strawberry.field(description="Wat er gebeurde. / What happened.")
    velden: list[Veldwijziging] = strawberry.field(
        description="De veranderde velden; alle velden bij AANGEMAAKT en VERWIJDERD, en als "
        "begindatum of einddatum veranderde (de ongewijzigde met oud gelijk aan nieuw). / The "
        "changed fields; every field for AANGEMAAKT and VERWIJDERD, and when begindatum or "
        "einddatum changed (the unchanged ones with oud equal to nieuw)."
    )

    @classmethod
    def of(cls, v: resolve.Verandering) -> Wijziging:
        return cls(
            volgnummer=v.volgnummer,
            versie=v.versie,
            datum=v.datum,
            objecttype=v.objecttype,
            code=v.code,
            soort=WijzigingSoort[v.soort],
            velden=[
                Veldwijziging(veld=f.veld, kolom=f.kolom, oud=f.oud, nieuw=f.nieuw)
                for f in v.velden
            ],
        )


@strawberry.type(description="Een pagina wijzigingen, oudste eerst. / A page of changes.")
class WijzigingConnection(Connection[Wijziging]):
    pass


@strawberry.type(
    description="Een versie van de gegevens die de database bewaart. / A data version held."
)
class Gegevensversie:
    versie: str = strawberry.field(description="De versie (SHA-256). / The version.")
    vorige: str | None = strawberry.field(
        description="De versie ervoor; null voor de eerste. / The version before; null for "
        "the first."
    )
    datum: dt.datetime = strawberry.field(
        description="Wanneer ze werd ingeladen (UTC). / When it was loaded (UTC)."
    )
    wijzigingen: int = strawberry.field(
        description="Aantal wijzigingen ten opzichte van de vorige. / Changes from the one before."
    )

    @classmethod
    def of(cls, v: resolve.Versie) -> Gegevensversie:
        return cls(versie=v.versie, vorige=v.vorige, datum=v.datum, wijzigingen=v.wijzigingen)
