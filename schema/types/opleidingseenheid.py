"""Opleidingseenheid: an interface with one concrete type per sector."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.connection import Connection
from schema.described import described, link, listing
from schema.enums import Graad, Niveau, Sector
from schema.node import Node
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbod import AangebodenOpleidingConnection
    from schema.types.bestuur import Onderwijsbestuur
    from schema.types.code import Code
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
    aangeboden_opleidingen: Annotated[
        AangebodenOpleidingConnection, strawberry.lazy("schema.types.aanbod")
    ] = listing("Wie deze opleiding aanbiedt. / Where it is offered.")
    codes: Connection[Annotated[Code, strawberry.lazy("schema.types.code")]] = listing(
        "Alle codes van dit object op de peildatum: "
        "RIO-code, erkende opleidingscode (CROHO of CREBO) en die waarvan zij een variant is. "
        "/ Every code of this programme on the peildatum."
    )


@described
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
    eigenaar: Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None = link(
        "Het bestuur dat de opleiding heeft geregistreerd. / Its owner."
    )
    opleidingserkenning: (
        Annotated[Opleidingserkenning, strawberry.lazy("schema.types.erkenning")] | None
    ) = link("De opleidingserkenning (NVAO). / Its recognition.")


@described
@strawberry.type(description="Een mbo-kwalificatie. / An MBO qualification.")
class MboOpleiding(Opleidingseenheid):
    pass


@described
@strawberry.type(description="Basisonderwijs of speciaal basisonderwijs. / Primary education.")
class BoOpleiding(Opleidingseenheid):
    pass


@described
@strawberry.type(description="Speciaal onderwijs. / Special education.")
class SoOpleiding(Opleidingseenheid):
    pass


@described
@strawberry.type(description="Voortgezet speciaal onderwijs. / Secondary special education.")
class VsoOpleiding(Opleidingseenheid):
    pass


@described
@strawberry.type(
    description="Een opleiding in het voortgezet onderwijs. / A secondary-education programme."
)
class VoOpleiding(Opleidingseenheid):
    pass


CONCRETE_TYPES = (HoOpleiding, MboOpleiding, BoOpleiding, SoOpleiding, VsoOpleiding, VoOpleiding)
