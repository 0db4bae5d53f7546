"""Samenwerkingsverband: aanbieders working together by law (RIO: a Samenwerkingserkenning,
Erkenning type ERKENDE_SAMENWERKING), with its soort and deelnemers, and the filter of its root
list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from resolvers.samenwerkingsverbanden import SamenwerkingsverbandFilter as Filter
from schema.connection import Connection
from schema.described import described, listing
from schema.enums import _enum, codes
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder

    ErkendeSamenwerkingssoort = Any
else:
    # RIO LOD API v2.13.0: ErkendeSamenwerkingssoort; RIO publishes the codes without labels
    ErkendeSamenwerkingssoort = _enum(
        "ErkendeSamenwerkingssoort",
        {
            "EOZ": "Samenwerkingssoort EOZ",
            "PAPO": "Samenwerkingsverband passend onderwijs po (PAPO)",
            "PAVO": "Samenwerkingsverband passend onderwijs vo (PAVO)",
            "REC": "Regionaal expertisecentrum (REC)",
            "RMC": "Regionale meld- en coördinatiefunctie voortijdig schoolverlaten (RMC)",
            "SWC": "Samenwerkingssoort SWC",
            "SWOP": "Samenwerkingssoort SWOP",
            "SWPO": "Samenwerkingsverband po (SWPO)",
            "SWVO": "Samenwerkingsverband vo (SWVO)",
            "ZWV": "Samenwerkingssoort ZWV",
        },
        "Soort erkende samenwerking (RIO ErkendeSamenwerkingssoort). / Kind of partnership.",
    )


@described
@strawberry.type(
    description="Samenwerkingsverband: aanbieders die volgens de wet samenwerken, zoals een "
    "RMC-regio (in RIO een samenwerkingserkenning, ERKENDE_SAMENWERKING). / A partnership of "
    "institutions required by law, such as an RMC region."
)
class Samenwerkingsverband(Geldigheid):
    code: str = strawberry.field(description="Code, bv. RMC01. / Code.")
    soort: ErkendeSamenwerkingssoort = strawberry.field(
        description="Soort samenwerking. / Kind of partnership."
    )
    naam: str = strawberry.field(description="Naam. / Name.")
    deelnemers: Connection[
        Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")]
    ] = listing(
        "De deelnemende aanbieders: wie op de peildatum deelneemt (de deelname en de aanbieder "
        "gelden dan beide). / The institutions taking part on the peildatum."
    )


@strawberry.input(description="Filter op samenwerkingsverbanden. / Filter on partnerships.")
class SamenwerkingsverbandFilter:
    soort: list[ErkendeSamenwerkingssoort] | None = strawberry.field(
        default=None, description="Soort(en) samenwerking. / Kind(s) of partnership."
    )

    def to_filter(self, gebieden: object = None) -> Filter:
        return Filter(soort=codes(self.soort))
