"""The root query fields of the objecten van toezicht: the proposal and the stored objects.

Readable by the Inspectie (role ``inspectie``), and by everyone when TOEZICHT_OPENBAAR is on
(never the notes); others get FORBIDDEN. Answers that read the stored objects are never kept
in a response cache (``Context.gebruikersdata``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry
from strawberry.types import Info

from onderwijsgraaf.db.toezicht import ObjectVanToezicht
from onderwijsgraaf.errors import BadUserInput
from onderwijsgraaf.peildatum import vandaag
from resolvers import lookups, toezicht, toezichtrapport, voorstel
from schema.context import Context
from schema.types.toezicht import ObjectVanToezichtType, VoorgesteldObjectVanToezicht
from schema.types.toezichtrapport import Toezichtrapport

Peildatum = Annotated[
    dt.date | None,
    strawberry.argument(
        description="De datum waarop het antwoord geldt (standaard vandaag). / The date the "
        "answer is valid on (default: today)."
    ),
]
BestuurCode = Annotated[
    str, strawberry.argument(description="RIO-code van het onderwijsbestuur. / The governing body.")
]


def _lezen(info: Info[Context, None]) -> None:
    toezicht.mag_lezen(info.context.viewer, info.context.toezicht_openbaar)


def als_type(
    info: Info[Context, None], found: ObjectVanToezicht, peildatum: dt.date
) -> ObjectVanToezichtType:
    return ObjectVanToezichtType(
        object=found, peildatum=peildatum, met_notitie=info.context.viewer.inspectie
    )


async def voorstel_objecten_van_toezicht(
    info: Info[Context, None], onderwijsbestuur_code: BestuurCode, peildatum: Peildatum = None
) -> list[VoorgesteldObjectVanToezicht]:
    _lezen(info)
    op = peildatum or vandaag()
    code = lookups.checked("Onderwijsbestuur", onderwijsbestuur_code)
    found = await voorstel.voorstel(info.context.reads, code, op)
    return [VoorgesteldObjectVanToezicht(voorstel=v, peildatum=op) for v in found]


async def objecten_van_toezicht(
    info: Info[Context, None],
    onderwijsbestuur_code: Annotated[
        str | None,
        strawberry.argument(
            description="Alleen die van dit onderwijsbestuur. / Only those of this governing body."
        ),
    ] = None,
    onderwijsaanbieder_code: Annotated[
        str | None,
        strawberry.argument(
            description="Alleen die met een combinatie van deze onderwijsaanbieder. / Only those "
            "holding a combination of this institution."
        ),
    ] = None,
    peildatum: Peildatum = None,
) -> list[ObjectVanToezichtType]:
    _lezen(info)
    if onderwijsbestuur_code is None and onderwijsaanbieder_code is None:
        raise BadUserInput(
            "objectenVanToezicht: give onderwijsbestuurCode or onderwijsaanbiederCode"
        )
    op = peildatum or vandaag()
    found = await toezicht.objecten(
        info.context.gebruikersdata("objectenVanToezicht"),
        onderwijsbestuur_code=onderwijsbestuur_code,
        onderwijsaanbieder_code=onderwijsaanbieder_code,
        peildatum=op,
    )
    return [als_type(info, o, op) for o in found]


async def object_van_toezicht(
    info: Info[Context, None],
    code: Annotated[str, strawberry.argument(description="De code van het object. / Its code.")],
    peildatum: Peildatum = None,
) -> ObjectVanToezichtType | None:
    _lezen(info)
    found = await toezicht.object_op_code(info.context.gebruikersdata("objectVanToezicht"), code)
    return als_type(info, found, peildatum or vandaag()) if found is not None else None


async def toezichtrapport_van(
    info: Info[Context, None],
    onderwijsbestuur_code: BestuurCode,
    onderwijsaanbieder_code: Annotated[
        str | None,
        strawberry.argument(
            description="Alleen de objecten van deze onderwijsaanbieder. / Only the objects of "
            "this institution."
        ),
    ] = None,
    peildatum: Peildatum = None,
) -> Toezichtrapport:
    found = await toezichtrapport.rapport(
        info.context.reads,
        info.context.gebruikersdata("toezichtrapport"),
        info.context.viewer,
        onderwijsbestuur_code,
        peildatum or vandaag(),
        onderwijsaanbieder_code,
    )
    info.context.audit.extend(found.audit)  # the private contactpunten it shows
    return Toezichtrapport.of(found)


VOORSTEL = strawberry.field(
    resolver=voorstel_objecten_van_toezicht,
    description="De voorgestelde objecten van toezicht van een onderwijsbestuur op de peildatum, "
    "afgeleid uit het register (regels: zie de README). Voor de Inspectie. / The proposed objects "
    "of supervision of a governing body, derived from the register. For the Inspectie.",
)
OBJECTEN = strawberry.field(
    resolver=objecten_van_toezicht,
    description="De vastgestelde objecten van toezicht die op de peildatum gelden, van een "
    "onderwijsbestuur en/of met een onderwijsaanbieder, op code. Voor de Inspectie. / The adopted "
    "objects of supervision valid on the peildatum, by code. For the Inspectie.",
)
OBJECT = strawberry.field(
    resolver=object_van_toezicht,
    description="Een vastgesteld object van toezicht op code, met zijn geschiedenis; onbekend: "
    "null. Voor de Inspectie. / An adopted object of supervision by code, with its history.",
)
RAPPORT = strawberry.field(
    resolver=toezichtrapport_van,
    description="Het toezichtrapport van een onderwijsbestuur (of één aanbieder ervan) op de "
    "peildatum: elk vastgesteld object van toezicht (of, zolang er geen zijn, het voorstel) met "
    "aanbieder, locaties, aanbod, BRIN4/BRIN6, TOEZICHT-contactpunt en de leerlingaantallen van "
    "de laatste vijf teldata. Alleen voor de Inspectie. Ook als CSV en als afdrukbare pagina: "
    "/rapporten/toezicht/<code>. / The supervision report of a governing body on the peildatum. "
    "For the Inspectie only.",
)
