"""Leerlingaantal: the pupils of an aanbieder, locatie or aangeboden opleiding on one teldatum,
and the two fields that give them (``leerlingaantallen``, ``leerlingaantal``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from loaders.leerlingaantallen import Leerlingtelling
from resolvers import leerlingaantallen as resolvers
from schema.context import Context
from schema.described import type_name_of

BRON_NL = "Bron: DUO, leerlingen geteld op 1 oktober (teldatum)"
BRON_EN = "Source: DUO, pupils counted on 1 October"


@strawberry.type(
    description="Leerlingaantal op één teldatum (1 oktober): de som van de tellingen per "
    "vestiging (BRIN6) die bij dit object horen. Bron: DUO. / Pupils on one teldatum "
    "(1 October): the sum of the counts per vestiging (BRIN6) of this object. Source: DUO."
)
class Leerlingaantal:
    teldatum: dt.date = strawberry.field(
        description="Teldatum: 1 oktober van het teljaar. / Count date: 1 October of the year."
    )
    aantal: int = strawberry.field(description="Aantal leerlingen. / Number of pupils.")
    gemaskeerd: bool = strawberry.field(
        description="Waar als een opgetelde telling in de bron afgerond of gemaskeerd was "
        '("<5", hier als 2 geteld). / True when any summed count was rounded or masked in '
        'its source ("<5", counted as 2).'
    )
    vestigingen: int | None = strawberry.field(
        description="Aantal opgetelde vestigingen (BRIN6). / Number of vestigingen (BRIN6) summed."
    )
    bronnen: list[str] = strawberry.field(
        description="Codes van de bronbestanden (zie `meta { bronnen }`). / Source file codes."
    )

    @staticmethod
    def of(telling: Leerlingtelling) -> Leerlingaantal:
        return Leerlingaantal(
            teldatum=telling.teldatum,
            aantal=telling.aantal,
            gemaskeerd=telling.gemaskeerd,
            vestigingen=telling.vestigingen,
            bronnen=list(telling.bronnen),
        )


def _ouder(root: Any) -> str:
    """The ``leerlingaantal`` column that links a count to ``root``."""
    name = type_name_of(root)
    if name == "Onderwijsaanbieder":
        return "onderwijsaanbieder_code"
    if name == "Onderwijslocatie":
        return "onderwijslocatie_code"
    return "aangeboden_opleiding_code"


async def _reeks(
    root: Any,
    info: Info[Context, None],
    vanaf: Annotated[
        dt.date | None,
        strawberry.argument(
            description="Alleen teldata op of na deze datum. / Only count dates on or after."
        ),
    ] = None,
    tot: Annotated[
        dt.date | None,
        strawberry.argument(
            description="Alleen teldata op of vóór deze datum (inclusief). / Only count dates on "
            "or before (inclusive)."
        ),
    ] = None,
) -> list[Leerlingaantal]:
    reeks = await resolvers.leerlingaantallen(
        info.context.loaders, _ouder(root), root.code, vanaf, tot
    )
    return [Leerlingaantal.of(telling) for telling in reeks]


async def _laatste(root: Any, info: Info[Context, None]) -> Leerlingaantal | None:
    telling = await resolvers.leerlingaantal(
        info.context.loaders, _ouder(root), root.code, root.peildatum
    )
    return Leerlingaantal.of(telling) if telling is not None else None


def leerlingaantallen(nl: str, en: str) -> Any:
    """The series field of a type; ``nl`` and ``en`` say what is summed."""
    return strawberry.field(
        resolver=_reeks,
        description=f"Leerlingaantallen per teldatum, nieuwste eerst, {nl}. {BRON_NL}. / "
        f"Pupil counts per count date, newest first, {en}. {BRON_EN}.",
    )


def leerlingaantal(nl: str, en: str) -> Any:
    """The field with the newest entry on or before the peildatum."""
    return strawberry.field(
        resolver=_laatste,
        description="Het laatste leerlingaantal met teldatum op of vóór de peildatum (null als "
        f"er geen is), {nl}. {BRON_NL}. / The latest pupil count on or before the peildatum "
        f"(null if none), {en}. {BRON_EN}.",
    )
