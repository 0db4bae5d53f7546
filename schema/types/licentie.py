"""Onderwijslicentie: the right of an instellingserkenning to teach an opleidingseenheid (RIO
Onderwijslicentie), with RIO's Licentietype and Licentiestadium."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from schema.described import described, link
from schema.enums import _enum
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.erkenning import Onderwijsinstellingserkenning
    from schema.types.opleidingseenheid import Opleidingseenheid

    Licentietype = Any
    Licentiestadium = Any
else:
    # RIO LOD API v2.13.0: Licentietype and Licentiestadium
    Licentietype = _enum(
        "Licentietype",
        {
            "BOONDERWIJSLICENTIE": "Onderwijslicentie basisonderwijs",
            "EDUCATIEONDERWIJSLICENTIE": "Onderwijslicentie educatie",
            "EXAMENLICENTIE": "Examenlicentie",
            "HOONDERWIJSLICENTIE": "Onderwijslicentie hoger onderwijs",
            "MBOONDERWIJSLICENTIE": "Onderwijslicentie middelbaar beroepsonderwijs",
            "PARTICULIEREONDERWIJSLICENTIE": "Onderwijslicentie particulier onderwijs",
            "SOONDERWIJSLICENTIE": "Onderwijslicentie speciaal onderwijs",
            "VAVOONDERWIJSLICENTIE": "Onderwijslicentie voortgezet algemeen volwassenenonderwijs",
            "VOONDERWIJSLICENTIE": "Onderwijslicentie voortgezet onderwijs",
            "VSOONDERWIJSLICENTIE": "Onderwijslicentie voortgezet speciaal onderwijs",
        },
        "Soort licentie (RIO Licentietype). / Kind of licence.",
    )
    Licentiestadium = _enum(
        "Licentiestadium",
        {"SLAPEND": "Slapend", "STANDAARD": "Standaard", "TIJDELIJK": "Tijdelijk"},
        "Toestand van een licentie (RIO Licentiestadium). / State of a licence.",
    )


@described
@strawberry.type(
    description="Onderwijslicentie: het recht van een instelling (onderwijsinstellingserkenning) "
    "om een opleidingseenheid aan te bieden (code: UUID). / The right of a recognised "
    "institution to offer a programme."
)
class Onderwijslicentie(Geldigheid):
    code: str = strawberry.field(description="Licentiecode (UUID). / Licence code.")
    type: Licentietype = strawberry.field(description="Soort licentie. / Kind of licence.")
    stadium: Licentiestadium = strawberry.field(description="Stadium. / State of the licence.")
    onderwijsinstellingserkenning: (
        Annotated[Onderwijsinstellingserkenning, strawberry.lazy("schema.types.erkenning")] | None
    ) = link("De instelling (BRIN4) die de licentie houdt. / The institution holding it.")
    opleidingseenheid: (
        Annotated[Opleidingseenheid, strawberry.lazy("schema.types.opleidingseenheid")] | None
    ) = link("De opleidingseenheid waarvoor de licentie geldt. / The programme it covers.")
