"""Communicatiecontext: contact details of an organisatie for one purpose."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from schema.enums import Communicatiecontextsoort
from schema.types.common import Contactadres, Herkomst
from schema.types.geldigheid import Geldigheid


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

    @classmethod
    def from_row(cls, row: Any, peildatum: dt.date) -> Communicatiecontext:
        adres = None
        if row.straatnaam or row.postcode or row.plaatsnaam:
            adres = Contactadres(
                straatnaam=row.straatnaam,
                huisnummer=row.huisnummer,
                postcode=row.postcode,
                plaatsnaam=row.plaatsnaam,
            )
        return cls(
            soort=Communicatiecontextsoort(row.soort),
            openbaar=row.openbaar,
            contactnaam=row.contactnaam,
            email=row.email,
            telefoon=row.telefoon,
            website=row.website,
            adres=adres,
            begindatum=row.begindatum,
            einddatum=row.einddatum,
            herkomst=Herkomst.from_row(row),
            peildatum=peildatum,
        )
