"""Onderwijslocatie and its adres."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.connection import Connection
from schema.described import Rij, connection_of, described, link, listing
from schema.node import Node
from schema.types.common import AFSTAND_KM, Coordinaten
from schema.types.geldigheid import Geldigheid
from schema.types.gemeente import Gemeente, Provincie
from schema.types.geojson import FeatureCollection, GeoJsonPoint
from schema.types.leerlingaantal import Leerlingaantal, leerlingaantal, leerlingaantallen

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.aanbod import AangebodenOpleidingConnection
    from schema.types.code import Code
    from schema.types.locatiegebruik import Onderwijslocatiegebruik


@described
@strawberry.type(description="Het adres van een onderwijslocatie. / The address of a location.")
class Adres(Rij):
    straatnaam: str | None = strawberry.field(description="Straat. / Street.")
    huisnummer: int | None = strawberry.field(description="Huisnummer. / House number.")
    huisnummertoevoeging: str | None = strawberry.field(
        description="Huisletter en toevoeging (NEN 5825). / House letter and suffix."
    )
    postcode: str | None = strawberry.field(description="Postcode (1234AB). / Postcode.")
    plaatsnaam: str | None = strawberry.field(description="Plaats. / Place.")
    gemeente: Gemeente | None = link("De gemeente (CBS). / The municipality.")
    provincie: Provincie | None = link("De provincie (CBS). / The province.")


@described
@strawberry.type(
    description="Onderwijslocatie: een adres met een punt, gedeeld door wie er onderwijs geeft (code NNNXNNN). / "
    "A location where education is given."
)
class Onderwijslocatie(Node, Geldigheid):
    code: str = strawberry.field(description="RIO-onderwijslocatiecode, bv. 113X626. / RIO code.")
    adres: Adres = strawberry.field(description="Adres. / Address.")
    bag_id: str | None = strawberry.field(
        description="BAG-id van het adresseerbaar object. / BAG id."
    )
    coordinaten: Coordinaten | None = strawberry.field(description="Punt (WGS84). / Point (WGS84).")
    geometrie: GeoJsonPoint | None = strawberry.field(
        description="Het punt als GeoJSON Point ([lon, lat]). / The point as GeoJSON."
    )
    afstand_km: float | None = strawberry.field(description=AFSTAND_KM)
    onderwijsaanbieders: Connection[
        Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")]
    ] = listing("Aanbieders die deze locatie gebruiken. / Who teaches here.")
    aangeboden_opleidingen: Annotated[
        AangebodenOpleidingConnection, strawberry.lazy("schema.types.aanbod")
    ] = listing("Het aanbod op deze locatie. / The offering at this location.")
    codes: Connection[Annotated[Code, strawberry.lazy("schema.types.code")]] = listing(
        "Alle codes van dit object op de peildatum: "
        "RIO-code, BRIN6 van de vestigingen, BAG-id. "
        "/ Every code of this location on the peildatum."
    )
    onderwijslocatiegebruiken: Connection[
        Annotated[Onderwijslocatiegebruik, strawberry.lazy("schema.types.locatiegebruik")]
    ] = listing(
        "Het gebruik van deze locatie door aanbieders, elk met zijn eigen periode en "
        "vestigingserkenning. / Who uses this location, each use with its own period."
    )
    leerlingaantallen: list[Leerlingaantal] = leerlingaantallen(
        "de som van alle tellingen op deze locatie (een vestiging met meer locaties telt op haar eerste)",
        "the sum of all counts at this location (a vestiging with several locations counts at its first)",
    )
    leerlingaantal: Leerlingaantal | None = leerlingaantal(
        "de som van alle tellingen op deze locatie (een vestiging met meer locaties telt op haar eerste)",
        "the sum of all counts at this location (a vestiging with several locations counts at its first)",
    )


@connection_of("Onderwijslocatie")
@strawberry.type(
    description="Een pagina onderwijslocaties, ook als GeoJSON. / A page of locations, also as GeoJSON."
)
class OnderwijslocatieConnection(Connection[Onderwijslocatie]):
    @strawberry.field(
        description="Deze pagina als GeoJSON FeatureCollection: elke locatie een Feature met haar "
        "punt. / This page as a GeoJSON FeatureCollection."
    )
    def geojson(self) -> FeatureCollection[Onderwijslocatie]:
        return FeatureCollection.of(
            [(edge.node.code, edge.node.geometrie, edge.node) for edge in self.edges]
        )
