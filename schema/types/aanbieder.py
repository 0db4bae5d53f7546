"""Onderwijsaanbieder and onderwijsaanbiedersgroep."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from schema.audit import record
from schema.connection import After, Connection, First, nested, nested_page
from schema.context import Context
from schema.enums import Denominatie, Sector
from schema.node import Node
from schema.types.common import Herkomst, afstand_km
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbod import AangebodenOpleidingConnection
    from schema.types.bestuur import Onderwijsbestuur
    from schema.types.contact import Communicatiecontext
    from schema.types.erkenning import Erkenning
    from schema.types.locatie import OnderwijslocatieConnection


@strawberry.type(
    description="Onderwijsaanbiedersgroep: aanbieders van één bestuur die bij elkaar horen. / "
    "A group of schools of one governing body."
)
class Onderwijsaanbiedersgroep(Geldigheid):
    code: str = strawberry.field(description="RIO-code NNNGNNN. / RIO code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    onderwijsbestuur_code: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: Any, peildatum: dt.date) -> Onderwijsaanbiedersgroep:
        return cls(
            code=row.code,
            naam=row.naam,
            onderwijsbestuur_code=row.onderwijsbestuur_code,
            begindatum=row.begindatum,
            einddatum=row.einddatum,
            herkomst=Herkomst.from_row(row),
            peildatum=peildatum,
        )

    @strawberry.field(description="Het bestuur van de groep. / Its governing body.")
    async def onderwijsbestuur(
        self, info: Info[Context, None]
    ) -> Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None:
        from schema.types.bestuur import Onderwijsbestuur

        return await Onderwijsbestuur.load(info, self.onderwijsbestuur_code, self.peildatum)


@strawberry.type(
    description="Onderwijsaanbieder: een school of instelling zoals zij zich presenteert (code NNNANNN). / "
    "A school or institution."
)
class Onderwijsaanbieder(Node, Geldigheid):
    code: str = strawberry.field(description="RIO-onderwijsaanbiedercode, bv. 113A881. / RIO code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    internationale_naam: str | None = strawberry.field(
        description="Internationale naam. / International name."
    )
    eigen_sleutel: str | None = strawberry.field(
        description="Eigen sleutel van de aanbieder (bij PO/VO de BRIN6). / The institution's own key."
    )
    denominatie: list[Denominatie] = strawberry.field(
        description="Richting(en). / Denomination(s)."
    )
    afstand_km: float | None = strawberry.field(
        description="Afstand in km (geodetisch, WGS84) van de dichtstbijzijnde locatie tot het "
        "middelpunt van `filter.nabij`; null buiten een nabij-zoekvraag. / Geodesic distance in "
        "km from the nearest location to the centre of the list's `nabij` filter; null elsewhere."
    )
    onderwijsbestuur_code: strawberry.Private[str]
    groep_code: strawberry.Private[str | None]

    def node_type(self) -> str:
        return "Onderwijsaanbieder"

    def node_code(self) -> str:
        return self.code

    @classmethod
    def from_row(cls, row: Any, peildatum: dt.date) -> Onderwijsaanbieder:
        return cls(
            code=row.code,
            naam=row.naam,
            internationale_naam=row.internationale_naam,
            eigen_sleutel=row.eigen_sleutel,
            denominatie=[Denominatie(c) for c in (row.denominatie or "").split(",") if c],
            afstand_km=afstand_km(row),
            onderwijsbestuur_code=row.onderwijsbestuur_code,
            groep_code=row.onderwijsaanbiedersgroep_code,
            begindatum=row.begindatum,
            einddatum=row.einddatum,
            herkomst=Herkomst.from_row(row),
            peildatum=peildatum,
        )

    @strawberry.field(
        description="Sectoren van het aanbod op de peildatum. / Sectors of its offering."
    )
    async def sectoren(self, info: Info[Context, None]) -> list[Sector]:
        return [
            Sector(s)
            for s in await info.context.loaders.sectoren_by_aanbieder.load(
                (self.code, self.peildatum)
            )
        ]

    @strawberry.field(description="Het onderwijsbestuur. / Its governing body.")
    async def onderwijsbestuur(
        self, info: Info[Context, None]
    ) -> Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None:
        from schema.types.bestuur import Onderwijsbestuur

        return await Onderwijsbestuur.load(info, self.onderwijsbestuur_code, self.peildatum)

    @strawberry.field(description="De groep waartoe de aanbieder hoort. / Its group, if any.")
    async def onderwijsaanbiedersgroep(
        self, info: Info[Context, None]
    ) -> Onderwijsaanbiedersgroep | None:
        if self.groep_code is None:
            return None
        row = await info.context.loaders.groepen_by_code.load((self.groep_code, self.peildatum))
        return Onderwijsaanbiedersgroep.from_row(row, self.peildatum) if row else None

    @strawberry.field(description="Locaties waar de aanbieder onderwijs geeft. / Where it teaches.")
    async def onderwijslocaties(
        self, info: Info[Context, None], first: First = None, after: After = None
    ) -> Annotated[OnderwijslocatieConnection, strawberry.lazy("schema.types.locatie")]:
        from schema.types.locatie import Onderwijslocatie, OnderwijslocatieConnection

        page = await nested_page(
            info.context.loaders.locaties_by_aanbieder, self.code, self.peildatum, first, after
        )
        return OnderwijslocatieConnection.of(
            page, lambda row: Onderwijslocatie.from_row(row, self.peildatum)
        )

    @strawberry.field(description="Het aanbod van de aanbieder. / Its offering.")
    async def aangeboden_opleidingen(
        self, info: Info[Context, None], first: First = None, after: After = None
    ) -> Annotated[AangebodenOpleidingConnection, strawberry.lazy("schema.types.aanbod")]:
        from schema.types.aanbod import AangebodenOpleidingConnection, aanbod_from_row

        page = await nested_page(
            info.context.loaders.aanbod_by_aanbieder, self.code, self.peildatum, first, after
        )
        return AangebodenOpleidingConnection.of(
            page, lambda row: aanbod_from_row(row, self.peildatum)
        )

    @strawberry.field(
        description="Erkenningen waarop de aanbieder rust (BRIN4). / Its recognitions."
    )
    async def erkenningen(
        self, info: Info[Context, None], first: First = None, after: After = None
    ) -> Connection[Annotated[Erkenning, strawberry.lazy("schema.types.erkenning")]]:
        from schema.types.erkenning import erkenning_from_row

        return await nested(
            info.context.loaders.erkenningen_by_aanbieder,
            self.code,
            self.peildatum,
            first,
            after,
            lambda row: erkenning_from_row(row, self.peildatum),
        )

    @strawberry.field(description="Contactgegevens per doel. / Contact details per purpose.")
    async def communicatiecontexten(
        self, info: Info[Context, None], first: First = None, after: After = None
    ) -> Connection[Annotated[Communicatiecontext, strawberry.lazy("schema.types.contact")]]:
        from schema.types.contact import Communicatiecontext

        loader = info.context.loaders.contexten_by_aanbieder
        page = await loader.load(loader.page_key(self.code, self.peildatum, first, after))
        record(info.context, "onderwijsaanbieder", self.code, page.rows)
        return Connection.of(page, lambda row: Communicatiecontext.from_row(row, self.peildatum))
