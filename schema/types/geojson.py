"""GeoJSON (RFC 7946) as GraphQL types: a list page as a FeatureCollection of its objects.

Select ``type``, ``features { type id geometry { type coordinates } properties { ... } }`` and
the JSON under that field is a FeatureCollection ready for Leaflet or OpenLayers; the fields
selected under ``properties`` are the properties. Coordinates are ``[lon, lat]`` in WGS84.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import strawberry

from schema.described import Rij, described

T = TypeVar("T")


@described
@strawberry.type(
    description="Een GeoJSON Point (RFC 7946): `coordinates` is [lon, lat] in WGS84. / "
    "A GeoJSON Point, coordinates in longitude, latitude order."
)
class GeoJsonPoint(Rij):
    type: str = strawberry.field(description='Altijd "Point". / Always "Point".')
    coordinates: list[float] = strawberry.field(
        description="[lengtegraad, breedtegraad]. / [longitude, latitude]."
    )


@strawberry.type(
    description="Een GeoJSON Feature: het object als `properties`, zijn punt als `geometry`. / "
    "A GeoJSON Feature."
)
class Feature(Generic[T]):
    type: str = strawberry.field(description='Altijd "Feature". / Always "Feature".')
    id: str = strawberry.field(description="De RIO-code van het object. / The RIO code.")
    geometry: GeoJsonPoint | None = strawberry.field(
        description="Het punt; null als het onbekend is. / The point; null when unknown."
    )
    properties: T = strawberry.field(
        description="Het object, met de velden die je selecteert. / The object, as selected."
    )


@strawberry.type(
    description="Een GeoJSON FeatureCollection (RFC 7946) van de objecten van deze pagina. / "
    "This page's objects as a GeoJSON FeatureCollection."
)
class FeatureCollection(Generic[T]):
    type: str = strawberry.field(
        description='Altijd "FeatureCollection". / Always "FeatureCollection".'
    )
    features: list[Feature[T]] = strawberry.field(description="De features. / The features.")

    @classmethod
    def of(cls, features: list[tuple[str, GeoJsonPoint | None, T]]) -> FeatureCollection[T]:
        return cls(
            type="FeatureCollection",
            features=[
                Feature(type="Feature", id=code, geometry=geometry, properties=node)
                for code, geometry, node in features
            ],
        )
