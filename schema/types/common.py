"""Small value types shared by the object types: herkomst, adres and coördinaten."""

from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="Waar een object vandaan komt. / Provenance of an object.")
class Herkomst:
    bron: str = strawberry.field(
        description="Het bronbestand (zie meta.bronnen); `afgeleid` = door Onderwijsgraaf gegenereerd. / Source file."
    )
    afgeleid: list[str] = strawberry.field(
        description="Velden die Onderwijsgraaf afleidt; `*` = het hele object. / Derived fields; `*` = all."
    )

    @classmethod
    def from_row(cls, row: Any) -> Herkomst:
        return cls(bron=row.bron, afgeleid=[f for f in (row.afgeleid or "").split(",") if f])


AFSTAND_KM = (
    "Afstand in km (geodetisch, WGS84) tot het middelpunt van `filter.nabij` van de lijst waarin "
    "dit object staat; null buiten een nabij-zoekvraag. / Geodesic distance in km to the centre "
    "of the list's `nabij` filter; null elsewhere."
)


def afstand_km(row: Any) -> float | None:
    """The distance a radius search attached to the row, if any."""
    value = getattr(row, "afstand_km", None)
    return float(value) if value is not None else None


@strawberry.type(description="Een punt in WGS84. / A point in WGS84.")
class Coordinaten:
    lat: float = strawberry.field(description="Breedtegraad. / Latitude.")
    lon: float = strawberry.field(description="Lengtegraad. / Longitude.")


@strawberry.type(description="Een adres van contactgegevens. / A contact address.")
class Contactadres:
    straatnaam: str | None = strawberry.field(description="Straat. / Street.")
    huisnummer: int | None = strawberry.field(description="Huisnummer. / House number.")
    postcode: str | None = strawberry.field(description="Postcode (1234AB). / Postcode.")
    plaatsnaam: str | None = strawberry.field(description="Plaats. / Place.")
