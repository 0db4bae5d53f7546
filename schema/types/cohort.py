"""Cohort: one intake of an aangeboden opleiding."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.described import described
from schema.enums import Cohortstatus
from schema.types.geldigheid import Geldigheid


@described
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
