"""Opleidingseenheid: an interface with one concrete type per sector."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from schema.connection import After, First, nested_page
from schema.context import Context
from schema.enums import Graad, Niveau, Sector
from schema.node import Node
from schema.types.common import Herkomst
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbod import AangebodenOpleidingConnection
    from schema.types.bestuur import Onderwijsbestuur
    from schema.types.erkenning import Opleidingserkenning


@strawberry.interface(
    description="Opleidingseenheid: een erkende opleiding of onderwijsprogramma (code NNNNONNNN). / A programme."
)
class Opleidingseenheid(Node, Geldigheid):
    code: str = strawberry.field(
        description="RIO-opleidingseenheidcode, bv. 1001O2660. / RIO code."
    )
    naam_lang: str = strawberry.field(description="Volledige naam. / Full name.")
    naam_kort: str | None = strawberry.field(description="Korte naam. / Short name.")
    internationale_naam: str | None = strawberry.field(
        description="Internationale naam. / International name."
    )
    niveau: Niveau | None = strawberry.field(description="Niveau. / Level.")
    sector: Sector = strawberry.field(description="Sector. / Sector.")

    def node_type(self) -> str:
        return "Opleidingseenheid"

    def node_code(self) -> str:
        return self.code

    @strawberry.field(description="Wie deze opleiding aanbiedt. / Where it is offered.")
    async def aangeboden_opleidingen(
        self, info: Info[Context, None], first: First = None, after: After = None
    ) -> Annotated[AangebodenOpleidingConnection, strawberry.lazy("schema.types.aanbod")]:
        from schema.types.aanbod import AangebodenOpleidingConnection, aanbod_from_row

        page = await nested_page(
            info.context.loaders.aanbod_by_opleidingseenheid,
            self.code,
            self.peildatum,
            first,
            after,
        )
        return AangebodenOpleidingConnection.of(
            page, lambda row: aanbod_from_row(row, self.peildatum)
        )


@strawberry.type(
    description="Een opleiding in het hoger onderwijs (CROHO). / A higher-education programme."
)
class HoOpleiding(Opleidingseenheid):
    soort: str | None = strawberry.field(
        description="OPLEIDING of VARIANT. / Programme or variant."
    )
    graad: Graad | None = strawberry.field(description="Graad. / Degree.")
    studielast: int | None = strawberry.field(description="Studielast. / Study load.")
    studielasteenheid: str | None = strawberry.field(
        description="Eenheid van de studielast. / Unit."
    )
    eqf: str | None = strawberry.field(description="EQF-niveau. / EQF level.")
    nlqf: str | None = strawberry.field(description="NLQF-niveau. / NLQF level.")
    isced: str | None = strawberry.field(description="ISCED-code. / ISCED code.")
    waardedocumentsoort: str | None = strawberry.field(
        description="Soort waardedocument. / Certificate type."
    )
    erkende_opleidingscode: str | None = strawberry.field(
        description="CROHO-code (ISAT). / CROHO code."
    )
    variant_van: str | None = strawberry.field(
        description="CROHO-code waarvan dit een variant is. / Variant of."
    )
    eigenaar_code: strawberry.Private[str | None]
    opleidingserkenning_id: strawberry.Private[int | None]

    @strawberry.field(description="Het bestuur dat de opleiding heeft geregistreerd. / Its owner.")
    async def eigenaar(
        self, info: Info[Context, None]
    ) -> Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None:
        from schema.types.bestuur import Onderwijsbestuur

        return await Onderwijsbestuur.load(info, self.eigenaar_code, self.peildatum)

    @strawberry.field(description="De opleidingserkenning (NVAO). / Its recognition.")
    async def opleidingserkenning(
        self, info: Info[Context, None]
    ) -> Annotated[Opleidingserkenning, strawberry.lazy("schema.types.erkenning")] | None:
        from schema.types.erkenning import Opleidingserkenning

        if self.opleidingserkenning_id is None:
            return None
        row = await info.context.loaders.erkenningen_by_id.load(
            (self.opleidingserkenning_id, self.peildatum)
        )
        return Opleidingserkenning.from_row(row, self.peildatum) if row else None


@strawberry.type(description="Een mbo-kwalificatie. / An MBO qualification.")
class MboOpleiding(Opleidingseenheid):
    pass


@strawberry.type(description="Basisonderwijs of speciaal basisonderwijs. / Primary education.")
class BoOpleiding(Opleidingseenheid):
    pass


@strawberry.type(description="Speciaal onderwijs. / Special education.")
class SoOpleiding(Opleidingseenheid):
    pass


@strawberry.type(description="Voortgezet speciaal onderwijs. / Secondary special education.")
class VsoOpleiding(Opleidingseenheid):
    pass


@strawberry.type(
    description="Een opleiding in het voortgezet onderwijs. / A secondary-education programme."
)
class VoOpleiding(Opleidingseenheid):
    pass


def opleidingseenheid_from_row(row: Any, peildatum: dt.date) -> Opleidingseenheid:
    common: dict[str, Any] = dict(
        code=row.code,
        naam_lang=row.naam_lang,
        naam_kort=row.naam_kort,
        internationale_naam=row.internationale_naam,
        niveau=Niveau(row.niveau) if row.niveau else None,
        sector=Sector(row.sector),
        begindatum=row.begindatum,
        einddatum=row.einddatum,
        herkomst=Herkomst.from_row(row),
        peildatum=peildatum,
    )
    if row.type == "HOOPLEIDING":
        return HoOpleiding(
            **common,
            soort=row.soort,
            graad=Graad(row.graad) if row.graad else None,
            studielast=row.studielast,
            studielasteenheid=row.studielasteenheid,
            eqf=row.eqf,
            nlqf=row.nlqf,
            isced=row.isced,
            waardedocumentsoort=row.waardedocumentsoort,
            erkende_opleidingscode=row.erkende_opleidingscode,
            variant_van=row.variant_van,
            eigenaar_code=row.eigenaar_code,
            opleidingserkenning_id=row.opleidingserkenning_id,
        )
    concrete: type[Opleidingseenheid] = {
        "MBOKWALIFICATIE": MboOpleiding,
        "BOOPLEIDING": BoOpleiding,
        "SOOPLEIDING": SoOpleiding,
        "VSOOPLEIDING": VsoOpleiding,
        "VOOPLEIDING": VoOpleiding,
    }[row.type]
    return concrete(**common)


CONCRETE_TYPES = (HoOpleiding, MboOpleiding, BoOpleiding, SoOpleiding, VsoOpleiding, VoOpleiding)
