"""Small value types shared by the object types: herkomst, coördinaten and contactadres."""

from __future__ import annotations

import strawberry

from schema.described import Rij, described


@described
@strawberry.type(description="Waar een object vandaan komt. / Provenance of an object.")
class Herkomst(Rij):
    bron: str = strawberry.field(
        description="Het bronbestand (zie meta.bronnen); `afgeleid` = door Onderwijsgraaf gegenereerd. / Source file."
    )
    afgeleid: list[str] = strawberry.field(
        description="Velden die Onderwijsgraaf afleidt; `*` = het hele object. / Derived fields; `*` = all."
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
    postcode: str | None = strawberry.field(description="Postcode (1234AB). / Postcode.")
    plaatsnaam: str | None = strawberry.field(description="Plaats. / Place.")
