"""Small value types shared by the object types: herkomst, coördinaten and contactadres."""

from __future__ import annotations

import strawberry

from schema.described import Rij, described


@described
@strawberry.type(
    description="Een veld dat uit een ander bronbestand komt dan het object. / A field read "
    "from another source file than its object."
)
class Veldherkomst(Rij):
    veld: str = strawberry.field(
        description="Het veld zoals de API het noemt (`bevoegdGezagNummer`; in een deelobject met "
        "punt: `adres.straatnaam`; een koppeling met de naam van het gekoppelde object: "
        "`onderwijsbestuur`); een kolom die geen veld leest met haar eigen naam. / The field as "
        "the API names it (a path through embedded objects; else the column's name)."
    )
    bron: str = strawberry.field(
        description="Het bronbestand van dit veld (zie meta.bronnen). / Its source file."
    )


@described
@strawberry.type(description="Waar een object vandaan komt. / Provenance of an object.")
class Herkomst(Rij):
    bron: str = strawberry.field(
        description="Het bronbestand (zie meta.bronnen); `afgeleid` = door Onderwijsgraaf gegenereerd. / Source file."
    )
    afgeleid: list[str] = strawberry.field(
        description="Velden die Onderwijsgraaf afleidt; `*` = het hele object. / Derived fields; `*` = all."
    )
    velden: list[Veldherkomst] = strawberry.field(
        description="De velden die uit een ander bronbestand komen dan `bron`, elk met het zijne; "
        "leeg als alles uit `bron` komt. / The fields read from another source file than "
        "`bron`, each with its own; empty when every field comes from `bron`."
    )


AFSTAND_KM = (
    "Afstand in km (geodetisch, WGS84) tot het middelpunt van `filter.nabij` van de lijst waarin "
    "dit object staat; null buiten een nabij-zoekvraag. / Geodesic distance in km to the centre "
    "of the list's `nabij` filter; null elsewhere."
)


@described
@strawberry.type(description="Een punt in WGS84. / A point in WGS84.")
class Coordinaten(Rij):
    lat: float = strawberry.field(description="Breedtegraad. / Latitude.")
    lon: float = strawberry.field(description="Lengtegraad. / Longitude.")


@described
@strawberry.type(description="Een adres van contactgegevens. / A contact address.")
class Contactadres(Rij):
    straatnaam: str | None = strawberry.field(description="Straat. / Street.")
    huisnummer: int | None = strawberry.field(description="Huisnummer. / House number.")
    huisnummertoevoeging: str | None = strawberry.field(
        description="Huisletter en toevoeging (NEN 5825). / House letter and suffix."
    )
    postcode: str | None = strawberry.field(description="Postcode (1234AB). / Postcode.")
    plaatsnaam: str | None = strawberry.field(description="Plaats. / Place.")
