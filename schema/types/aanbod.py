"""AangebodenOpleiding: an interface with one concrete type per sector."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from schema.connection import Connection
from schema.context import Context
from schema.described import build, connection_of, described, link, listing, values
from schema.enums import Leertraject, Onderwijsconcept, Sector, Voertaal, Vorm
from schema.node import Node
from schema.types.common import AFSTAND_KM
from schema.types.geldigheid import Geldigheid
from schema.types.geojson import FeatureCollection, GeoJsonPoint
from schema.types.leerlingaantal import Leerlingaantal, leerlingaantal, leerlingaantallen

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.code import Code
    from schema.types.cohort import Cohort
    from schema.types.licentie import Onderwijslicentie
    from schema.types.locatie import Onderwijslocatie
    from schema.types.opleidingseenheid import Opleidingseenheid


@strawberry.interface(
    description="Aangeboden opleiding: een opleidingseenheid die een aanbieder aanbiedt, op een locatie "
    "(code: UUID). / A programme as offered by an institution."
)
class AangebodenOpleiding(Node, Geldigheid):
    code: str = strawberry.field(description="RIO-code (UUID). / RIO code.")
    eigen_naam: str | None = strawberry.field(description="Eigen naam van het aanbod. / Own name.")
    sector: Sector = strawberry.field(description="Sector. / Sector.")
    website: str | None = strawberry.field(description="Website. / Website.")
    omschrijving: str | None = strawberry.field(description="Omschrijving. / Description.")
    eerste_instroomdatum: dt.date | None = strawberry.field(
        description="Eerste instroom. / First intake."
    )
    laatste_instroomdatum: dt.date | None = strawberry.field(
        description="Laatste instroom. / Last intake."
    )
    afstand_km: float | None = strawberry.field(description=AFSTAND_KM)
    leerlingaantallen: list[Leerlingaantal] = leerlingaantallen(
        "de som van de tellingen van dit aanbod (een VO-opleiding per onderwijstype, of de hele vestiging als die alleen dit aanbod heeft)",
        "the sum of the counts of this offering (a VO programme per onderwijstype, or the whole vestiging when this is its only offering)",
    )
    leerlingaantal: Leerlingaantal | None = leerlingaantal(
        "de som van de tellingen van dit aanbod (een VO-opleiding per onderwijstype, of de hele vestiging als die alleen dit aanbod heeft)",
        "the sum of the counts of this offering (a VO programme per onderwijstype, or the whole vestiging when this is its only offering)",
    )
    opleidingseenheid: (
        Annotated[Opleidingseenheid, strawberry.lazy("schema.types.opleidingseenheid")] | None
    ) = link("De opleidingseenheid die wordt aangeboden. / The programme offered.")
    onderwijsaanbieder: (
        Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")] | None
    ) = link("De aanbieder. / The institution offering it.")
    onderwijslocatie: (
        Annotated[Onderwijslocatie, strawberry.lazy("schema.types.locatie")] | None
    ) = link("De locatie. / The location.")
    onderwijslicentie: (
        Annotated[Onderwijslicentie, strawberry.lazy("schema.types.licentie")] | None
    ) = link(
        "De onderwijslicentie waaronder de opleiding wordt aangeboden; null als de bron haar niet "
        "noemt. / The teaching licence it is offered under; null where the source names none."
    )
    cohorten: Connection[Annotated[Cohort, strawberry.lazy("schema.types.cohort")]] = listing(
        "Instroommomenten (cohorten). / Intakes."
    )
    codes: Connection[Annotated[Code, strawberry.lazy("schema.types.code")]] = listing(
        "Alle codes van dit object op de peildatum: "
        "de RIO-code (UUID). / Every code of this offering on the peildatum."
    )


@described
@strawberry.type(description="Aanbod in het hoger onderwijs. / A higher-education offering.")
class AangebodenHoOpleiding(AangebodenOpleiding):
    vorm: Vorm | None = strawberry.field(description="Voltijd, deeltijd of duaal. / Mode of study.")
    eigen_naam_engels: str | None = strawberry.field(
        description="Eigen naam in het Engels. / English name."
    )
    eigen_naam_duits: str | None = strawberry.field(
        description="Eigen naam in het Duits. / German name."
    )
    propedeutische_fase: str | None = strawberry.field(
        description="Propedeutische fase. / Propaedeutic phase."
    )
    studiekeuzecheck: str | None = strawberry.field(
        description="Studiekeuzecheck. / Study choice check."
    )
    deficientie: str | None = strawberry.field(description="Deficiënties mogelijk. / Deficiencies.")
    eisen_werkzaamheden: str | None = strawberry.field(
        description="Eisen aan werkzaamheden. / Work requirements."
    )
    versneld_traject: str | None = strawberry.field(
        description="Versneld traject. / Accelerated track."
    )
    voertalen: list[Voertaal] = values("Voertalen. / Languages of instruction.")


@described
@strawberry.type(description="Aanbod in het mbo. / An MBO offering.")
class AangebodenMboOpleiding(AangebodenOpleiding):
    leertraject: Leertraject | None = strawberry.field(description="BOL of BBL. / Pathway.")


@described
@strawberry.type(description="Basisonderwijs op een locatie. / Primary education offered.")
class AangebodenBoOpleiding(AangebodenOpleiding):
    onderwijsconcept: Onderwijsconcept | None = strawberry.field(
        description="Concept. / Educational concept."
    )


@described
@strawberry.type(description="Speciaal onderwijs op een locatie. / Special education offered.")
class AangebodenSoOpleiding(AangebodenOpleiding):
    onderwijsconcept: Onderwijsconcept | None = strawberry.field(
        description="Concept. / Educational concept."
    )


@described
@strawberry.type(
    description="Voortgezet speciaal onderwijs op een locatie. / Secondary special education."
)
class AangebodenVsoOpleiding(AangebodenOpleiding):
    onderwijsconcept: Onderwijsconcept | None = strawberry.field(
        description="Concept. / Educational concept."
    )


@described
@strawberry.type(description="Voortgezet onderwijs op een locatie. / Secondary education offered.")
class AangebodenVoOpleiding(AangebodenOpleiding):
    onderwijsconcept: Onderwijsconcept | None = strawberry.field(
        description="Concept. / Educational concept."
    )


@connection_of("AangebodenOpleiding")
@strawberry.type(
    description="Een pagina aangeboden opleidingen, ook als GeoJSON. / A page of offerings, also as GeoJSON."
)
class AangebodenOpleidingConnection(Connection[AangebodenOpleiding]):
    @strawberry.field(
        description="Deze pagina als GeoJSON FeatureCollection: elk aanbod een Feature met het "
        "punt van zijn locatie. / This page as a GeoJSON FeatureCollection."
    )
    async def geojson(self, info: Info[Context, None]) -> FeatureCollection[AangebodenOpleiding]:
        nodes = [edge.node for edge in self.edges]
        keys = list(
            {
                (n.row.onderwijslocatie_code, n.peildatum)
                for n in nodes
                if n.row.onderwijslocatie_code is not None
            }
        )
        rows = await info.context.loaders.of_type("Onderwijslocatie").load_many(keys)
        points: dict[tuple[str | None, dt.date], GeoJsonPoint | None] = {
            key: build("Onderwijslocatie", row, key[1]).geometrie if row else None
            for key, row in zip(keys, rows, strict=True)
        }
        return FeatureCollection.of(
            [
                (node.code, points.get((node.row.onderwijslocatie_code, node.peildatum)), node)
                for node in nodes
            ]
        )


CONCRETE_TYPES = (
    AangebodenHoOpleiding,
    AangebodenMboOpleiding,
    AangebodenBoOpleiding,
    AangebodenSoOpleiding,
    AangebodenVsoOpleiding,
    AangebodenVoOpleiding,
)
