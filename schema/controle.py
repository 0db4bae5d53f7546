"""The root fields ``controle`` (the findings of one bestuur) and ``controleOverzicht`` (per
rule, the whole country), thin calls of ``resolvers.controle``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry
from strawberry.types import Info

from onderwijsgraaf.peildatum import vandaag
from resolvers.controle import uitvoeren
from schema.audit import record_codes
from schema.connection import After, First
from schema.context import Context
from schema.types.controle import Bevinding, BevindingConnection, ControleRegel, Ernst, RegelAantal

PEILDATUM = strawberry.argument(
    description="De datum waarop gecontroleerd wordt (standaard vandaag). / The date checked "
    "(default: today)."
)
REGELS = strawberry.argument(
    description="Alleen deze regels (ids, bv. C02); standaard alle. / Only these rules (ids); "
    "default: all."
)
ERNST = strawberry.argument(
    description="Alleen regels van deze ernst; standaard alle. / Only rules of these "
    "severities; default: all."
)


@strawberry.type
class ControleVelden:
    @strawberry.field(
        description="De bevindingen van de controleregels op de RIO-gegevens van één "
        "onderwijsbestuur op de peildatum, per regel, objecttype en objectcode; met een "
        "samenvatting per regel. Bevindingen over besloten contactpunten (C21) ziet alleen het "
        "bestuur zelf (rol bestuur:<code>) en de Inspectie. / The findings of the controle "
        "rules on one bestuur's RIO data, with a summary per rule; private findings (C21) for "
        "the bestuur itself and the Inspectie only."
    )
    async def controle(
        self,
        info: Info[Context, None],
        onderwijsbestuur_code: Annotated[
            str,
            strawberry.argument(
                description="RIO-code van het onderwijsbestuur (NNNBNNN). / The bestuur's RIO code."
            ),
        ],
        peildatum: Annotated[dt.date | None, PEILDATUM] = None,
        regels: Annotated[list[str] | None, REGELS] = None,
        ernst: Annotated[list[Ernst] | None, ERNST] = None,
        first: First = None,
        after: After = None,
    ) -> BevindingConnection:
        day = peildatum or vandaag()
        found = await uitvoeren.controle(
            info.context.reads,
            info.context.viewer,
            onderwijsbestuur_code,
            day,
            regels,
            [e.name for e in ernst] if ernst is not None else None,
            first,
            after,
        )
        record_codes(
            info.context,
            [(b.objecttype.lower(), b.objectcode, b.waarde or "") for b in found.prive],
        )
        connection = BevindingConnection.of(found.pagina, Bevinding.of)
        connection.tellingen = [
            RegelAantal(regel=r.id, ernst=Ernst(r.ernst), aantal=n) for r, n in found.tellingen
        ]
        return connection

    @strawberry.field(
        description="Per controleregel het aantal bevindingen en het aantal besturen met een "
        "bevinding, in het hele land, op de peildatum (regel C21 alleen voor de Inspectie). / "
        "Per controle rule, the number of findings and of besturen with one, in the whole "
        "country (C21 for the Inspectie only)."
    )
    async def controle_overzicht(
        self,
        info: Info[Context, None],
        peildatum: Annotated[dt.date | None, PEILDATUM] = None,
    ) -> list[ControleRegel]:
        regels = uitvoeren.zichtbaar(uitvoeren.gekozen(None, None), info.context.viewer, None)
        tellingen = await uitvoeren.overzicht(info.context.reads, peildatum or vandaag(), regels)
        return [ControleRegel.of(t) for t in tellingen]
