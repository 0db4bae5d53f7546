"""Onderwijslocatie and its adres."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from schema.connection import After, Connection, First, nested, nested_page
from schema.context import Context
from schema.node import Node
from schema.types.common import AFSTAND_KM, Coordinaten, Herkomst, afstand_km
from schema.types.geldigheid import Geldigheid
from schema.types.gemeente import Gemeente, Provincie
from schema.types.geojson import FeatureCollection, GeoJsonPoint

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.aanbod import AangebodenOpleidingConnection


@strawberry.type(description="Het adres van een onderwijslocatie. / The address of a location.")
class Adres:
    straatnaam: str | None = strawberry.field(description="Straat. / Street.")
    huisnummer: int | None = strawberry.field(description="Huisnummer. / House number.")
    huisnummertoevoeging: str | None = strawberry.field(
        description="Huisletter en toevoeging (NEN 5825). / House letter and suffix."
    )
    postcode: str | None = strawberry.field(description="Postcode (1234AB). / Postcode.")
    plaatsnaam: str | None = strawberry.field(description="Plaats. / Place.")
    gemeente_code: strawberry.Private[str | None]
    provincie_code: strawberry.Private[str | None]
    peildatum: strawberry.Private[dt.date]

    @strawberry.field(description="De gemeente (CBS). / The municipality.")
    async def gemeente(self, info: Info[Context, None]) -> Gemeente | None:
        if self.gemeente_code is None:
            return None
        row = await info.context.loaders.gemeenten_by_code.load(
            (self.gemeente_code, self.peildatum)
        )
        return Gemeente.from_row(row, self.peildatum) if row else None

    @strawberry.field(description="De provincie (CBS). / The province.")
    async def provincie(self, info: Info[Context, None]) -> Provincie | None:
        if self.provincie_code is None:
            return None
        row = await info.context.loaders.provincies_by_code.load(
            (self.provincie_code, self.peildatum)
        )
        return Provincie.from_row(row) if row else None


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

    def node_type(self) -> str:
        return "Onderwijslocatie"

    def node_code(self) -> str:
        return self.code

    @classmethod
    def from_row(cls, row: Any, peildatum: dt.date) -> Onderwijslocatie:
        punt = None
        if row.latitude is not None and row.longitude is not None:
            punt = Coordinaten(lat=row.latitude, lon=row.longitude)
        return cls(
            code=row.code,
            adres=Adres(
                straatnaam=row.straatnaam,
                huisnummer=row.huisnummer,
                huisnummertoevoeging=row.huisnummertoevoeging,
                postcode=row.postcode,
                plaatsnaam=row.plaatsnaam,
                gemeente_code=row.gemeente_code,
                provincie_code=row.provincie_code,
                peildatum=peildatum,
            ),
            bag_id=row.bag_id,
            coordinaten=punt,
            geometrie=GeoJsonPoint.at(row.latitude, row.longitude),
            afstand_km=afstand_km(row),
            begindatum=row.begindatum,
            einddatum=row.einddatum,
            herkomst=Herkomst.from_row(row),
            peildatum=peildatum,
        )

    @strawberry.field(description="Aanbieders die deze locatie gebruiken. / Who teaches here.")
    async def onderwijsaanbieders(
        self, info: Info[Context, None], first: First = None, after: After = None
    ) -> Connection[Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")]]:
        from schema.types.aanbieder import Onderwijsaanbieder

        return await nested(
            info.context.loaders.aanbieders_by_locatie,
            self.code,
            self.peildatum,
            first,
            after,
            lambda row: Onderwijsaanbieder.from_row(row, self.peildatum),
        )

    @strawberry.field(description="Het aanbod op deze locatie. / The offering at this location.")
    async def aangeboden_opleidingen(
        self, info: Info[Context, None], first: First = None, after: After = None
    ) -> Annotated[AangebodenOpleidingConnection, strawberry.lazy("schema.types.aanbod")]:
        from schema.types.aanbod import AangebodenOpleidingConnection, aanbod_from_row

        page = await nested_page(
            info.context.loaders.aanbod_by_locatie, self.code, self.peildatum, first, after
        )
        return AangebodenOpleidingConnection.of(
            page, lambda row: aanbod_from_row(row, self.peildatum)
        )


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
