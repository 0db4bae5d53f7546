"""Communicatiecontext: contact details of an organisatie for one purpose."""

from __future__ import annotations

import strawberry

from schema.described import described
from schema.enums import Communicatiecontextsoort
from schema.types.common import Contactadres
from schema.types.geldigheid import Geldigheid


@described
@strawberry.type(
    description="Contactgegevens voor één doel. Niet-openbare soorten ziet alleen wie ze bedoeld zijn. / "
    "Contact details for one purpose."
)
class Communicatiecontext(Geldigheid):
    soort: Communicatiecontextsoort = strawberry.field(description="Doel. / Purpose.")
    openbaar: bool = strawberry.field(description="Openbaar (LOD). / Public.")
    contactnaam: str | None = strawberry.field(
        description="Naam van het contactpunt. / Contact name."
    )
    email: str | None = strawberry.field(description="E-mailadres. / E-mail address.")
    telefoon: str | None = strawberry.field(description="Telefoonnummer. / Phone number.")
    website: str | None = strawberry.field(description="Website. / Website.")
    adres: Contactadres | None = strawberry.field(description="Bezoekadres. / Visiting address.")
