"""Cohort: one intake of an aangeboden opleiding."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from schema.enums import Cohortstatus
from schema.types.common import Herkomst
from schema.types.geldigheid import Geldigheid


@strawberry.type(
    description="Een instroommoment met zijn aanmeldperiode. / An intake with its application period."
)
class Cohort(Geldigheid):
    code: str = strawberry.field(description="Cohortcode (uniek binnen het aanbod). / Intake code.")
    status: Cohortstatus = strawberry.field(description="Open of gesloten. / Open or closed.")
    begin_aanmeldperiode: dt.date = strawberry.field(
        description="Aanmelden vanaf. / Applications open."
    )
    einde_aanmeldperiode: dt.date | None = strawberry.field(
        description="Aanmelden tot. / Applications close."
    )
    instroommoment: dt.date | None = strawberry.field(
        description="Start van de opleiding. / Start date."
    )
    toestemming_vereist: bool = strawberry.field(
        description="Toestemming nodig voor aanmelding. / Permission needed to apply."
    )

    @classmethod
    def from_row(cls, row: Any, peildatum: dt.date) -> Cohort:
        return cls(
            code=row.code,
            status=Cohortstatus(row.status),
            begin_aanmeldperiode=row.begin_aanmeldperiode,
            einde_aanmeldperiode=row.einde_aanmeldperiode,
            instroommoment=row.instroommoment,
            toestemming_vereist=row.toestemming_vereist == "JA",
            begindatum=row.begindatum,
            einddatum=row.einddatum,
            herkomst=Herkomst.from_row(row),
            peildatum=peildatum,
        )
