"""AangebodenOpleiding: an interface with one concrete type per sector."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from schema.connection import After, Connection, First, nested
from schema.context import Context
from schema.enums import Leertraject, Onderwijsconcept, Sector, Voertaal, Vorm
from schema.node import Node
from schema.types.common import AFSTAND_KM, Herkomst, afstand_km
from schema.types.geldigheid import Geldigheid
from schema.types.geojson import FeatureCollection, GeoJsonPoint

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.cohort import Cohort
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
    aanbieder_code: strawberry.Private[str]
    eenheid_code: strawberry.Private[str]
    locatie_code: strawberry.Private[str | None]

    def node_type(self) -> str:
        return "AangebodenOpleiding"

    def node_code(self) -> str:
        return self.code

    @strawberry.field(
        description="De opleidingseenheid die wordt aangeboden. / The programme offered."
    )
    async def opleidingseenheid(
        self, info: Info[Context, None]
    ) -> Annotated[Opleidingseenheid, strawberry.lazy("schema.types.opleidingseenheid")] | None:
        from schema.types.opleidingseenheid import opleidingseenheid_from_row

        row = await info.context.loaders.opleidingseenheden_by_code.load(
            (self.eenheid_code, self.peildatum)
        )
        return opleidingseenheid_from_row(row, self.peildatum) if row else None

    @strawberry.field(description="De aanbieder. / The institution offering it.")
    async def onderwijsaanbieder(
        self, info: Info[Context, None]
    ) -> Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")] | None:
        from schema.types.aanbieder import Onderwijsaanbieder

        row = await info.context.loaders.aanbieders_by_code.load(
            (self.aanbieder_code, self.peildatum)
        )
        return Onderwijsaanbieder.from_row(row, self.peildatum) if row else None

    @strawberry.field(description="De locatie. / The location.")
    async def onderwijslocatie(
        self, info: Info[Context, None]
    ) -> Annotated[Onderwijslocatie, strawberry.lazy("schema.types.locatie")] | None:
        from schema.types.locatie import Onderwijslocatie

        if self.locatie_code is None:
            return None
        row = await info.context.loaders.locaties_by_code.load((self.locatie_code, self.peildatum))
        return Onderwijslocatie.from_row(row, self.peildatum) if row else None

    @strawberry.field(description="Instroommomenten (cohorten). / Intakes.")
    async def cohorten(
        self, info: Info[Context, None], first: First = None, after: After = None
    ) -> Connection[Annotated[Cohort, strawberry.lazy("schema.types.cohort")]]:
        from schema.types.cohort import Cohort

        return await nested(
            info.context.loaders.cohorten_by_aanbod,
            self.code,
            self.peildatum,
            first,
            after,
            lambda row: Cohort.from_row(row, self.peildatum),
        )


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

    @strawberry.field(description="Voertalen. / Languages of instruction.")
    async def voertalen(self, info: Info[Context, None]) -> list[Voertaal]:
        return [
            Voertaal(t)
            for t in await info.context.loaders.voertalen_by_aanbod.load(
                (self.code, self.peildatum)
            )
        ]


@strawberry.type(description="Aanbod in het mbo. / An MBO offering.")
class AangebodenMboOpleiding(AangebodenOpleiding):
    leertraject: Leertraject | None = strawberry.field(description="BOL of BBL. / Pathway.")


@strawberry.type(description="Basisonderwijs op een locatie. / Primary education offered.")
class AangebodenBoOpleiding(AangebodenOpleiding):
    onderwijsconcept: Onderwijsconcept | None = strawberry.field(
        description="Concept. / Educational concept."
    )


@strawberry.type(description="Speciaal onderwijs op een locatie. / Special education offered.")
class AangebodenSoOpleiding(AangebodenOpleiding):
    onderwijsconcept: Onderwijsconcept | None = strawberry.field(
        description="Concept. / Educational concept."
    )


@strawberry.type(
    description="Voortgezet speciaal onderwijs op een locatie. / Secondary special education."
)
class AangebodenVsoOpleiding(AangebodenOpleiding):
    onderwijsconcept: Onderwijsconcept | None = strawberry.field(
        description="Concept. / Educational concept."
    )


@strawberry.type(description="Voortgezet onderwijs op een locatie. / Secondary education offered.")
class AangebodenVoOpleiding(AangebodenOpleiding):
    onderwijsconcept: Onderwijsconcept | None = strawberry.field(
        description="Concept. / Educational concept."
    )


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
        keys = list({(n.locatie_code, n.peildatum) for n in nodes if n.locatie_code is not None})
        rows = await info.context.loaders.locaties_by_code.load_many(keys)
        points: dict[tuple[str | None, dt.date], GeoJsonPoint | None] = {
            key: GeoJsonPoint.at(row.latitude, row.longitude) if row else None
            for key, row in zip(keys, rows, strict=True)
        }
        return FeatureCollection.of(
            [(node.code, points.get((node.locatie_code, node.peildatum)), node) for node in nodes]
        )


def aanbod_from_row(row: Any, peildatum: dt.date) -> AangebodenOpleiding:
    common: dict[str, Any] = dict(
        code=row.code,
        eigen_naam=row.eigen_naam,
        sector=Sector(row.sector),
        website=row.website,
        omschrijving=row.omschrijving,
        eerste_instroomdatum=row.eerste_instroomdatum,
        laatste_instroomdatum=row.laatste_instroomdatum,
        afstand_km=afstand_km(row),
        aanbieder_code=row.onderwijsaanbieder_code,
        eenheid_code=row.opleidingseenheid_code,
        locatie_code=row.onderwijslocatie_code,
        begindatum=row.begindatum,
        einddatum=row.einddatum,
        herkomst=Herkomst.from_row(row),
        peildatum=peildatum,
    )
    if row.type == "AANGEBODENHOOPLEIDING":
        return AangebodenHoOpleiding(
            **common,
            vorm=Vorm(row.vorm) if row.vorm else None,
            eigen_naam_engels=row.eigen_naam_engels,
            eigen_naam_duits=row.eigen_naam_duits,
            propedeutische_fase=row.propedeutische_fase,
            studiekeuzecheck=row.studiekeuzecheck,
            deficientie=row.deficientie,
            eisen_werkzaamheden=row.eisen_werkzaamheden,
            versneld_traject=row.versneld_traject,
        )
    if row.type == "AANGEBODENMBOOPLEIDING":
        return AangebodenMboOpleiding(
            **common, leertraject=Leertraject(row.leertraject) if row.leertraject else None
        )
    concrete: Callable[..., AangebodenOpleiding] = {
        "AANGEBODENBOOPLEIDING": AangebodenBoOpleiding,
        "AANGEBODENSOOPLEIDING": AangebodenSoOpleiding,
        "AANGEBODENVSOOPLEIDING": AangebodenVsoOpleiding,
        "AANGEBODENVOOPLEIDING": AangebodenVoOpleiding,
    }[row.type]
    concept = Onderwijsconcept(row.onderwijsconcept) if row.onderwijsconcept else None
    return concrete(**common, onderwijsconcept=concept)


CONCRETE_TYPES = (
    AangebodenHoOpleiding,
    AangebodenMboOpleiding,
    AangebodenBoOpleiding,
    AangebodenSoOpleiding,
    AangebodenVsoOpleiding,
    AangebodenVoOpleiding,
)
