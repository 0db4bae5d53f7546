"""The root field ``tellingen``: per group of aanbieders, locaties and aanbod on the peildatum,
how many there are and how many leerlingen they have (``resolvers.tellingen`` says exactly what
counts where); one SQL statement, answered field by field (the compiler leaves it)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from onderwijsgraaf.peildatum import vandaag
from resolvers import tellingen as telling
from schema.connection import After, Connection, First
from schema.context import Context
from schema.filters import OnderwijsaanbiederFilter


@strawberry.enum(description="Waarop tellingen groepeert. / What tellingen groups by.")
class Groepering(Enum):
    GEMEENTE = strawberry.enum_value(
        "GEMEENTE", description="Gemeente van de locatie (CBS-code). / Municipality of a location."
    )
    PROVINCIE = strawberry.enum_value(
        "PROVINCIE", description="Provincie van de locatie (CBS-code). / Province of a location."
    )
    SECTOR = strawberry.enum_value("SECTOR", description="Sector van het aanbod. / Sector.")
    DENOMINATIE = strawberry.enum_value(
        "DENOMINATIE",
        description="Denominatie van de aanbieder; met meer denominaties telt zij onder elk. / "
        "Denomination of the institution; one with several counts under each.",
    )
    ONDERWIJSCONCEPT = strawberry.enum_value(
        "ONDERWIJSCONCEPT", description="Onderwijsconcept van het aanbod. / Concept of an offering."
    )
    NIVEAU = strawberry.enum_value(
        "NIVEAU",
        description="Niveau van de opleidingseenheid van het aanbod. / Level of an offering.",
    )
    BESTUUR = strawberry.enum_value(
        "BESTUUR", description="Onderwijsbestuur van de aanbieder. / Governing body."
    )
    TELDATUM = strawberry.enum_value(
        "TELDATUM",
        description="Teldatum van de leerlingaantallen (1 oktober), elke tot en met de peildatum. "
        "/ Count date of the pupil numbers, each up to the peildatum.",
    )


@strawberry.type(description="Eén sleutel van een groep. / One key of a group.")
class Telsleutel:
    groepering: Groepering = strawberry.field(description="Waarop. / What it groups by.")
    code: str | None = strawberry.field(
        description="Code (CBS-code, RIO-code, waardelijstcode, teldatum JJJJ-MM-DD); null: de "
        "objecten zonder waarde. / The code; null: the objects without a value."
    )
    naam: str | None = strawberry.field(
        description="Naam van gemeente, provincie of bestuur, of het label uit de waardelijst; "
        "null bij TELDATUM. / Name or value-list label; null for TELDATUM."
    )


@strawberry.type(
    description="Een groep met haar aantallen op de peildatum. / A group with its counts."
)
class Telgroep:
    sleutels: list[Telsleutel] = strawberry.field(
        description="De sleutels, in de volgorde van groeperenOp. / The keys, in the order asked."
    )
    aantal_onderwijsaanbieders: int = strawberry.field(
        description="Verschillende onderwijsaanbieders in de groep. / Distinct institutions."
    )
    aantal_onderwijslocaties: int = strawberry.field(
        description="Verschillende onderwijslocaties in de groep. / Distinct locations."
    )
    aantal_aangeboden_opleidingen: int = strawberry.field(
        description="Verschillende aangeboden opleidingen in de groep. / Distinct offerings."
    )
    aantal_leerlingen: int = strawberry.field(
        description="Som van de leerlingaantallen van de groep: per aanbieder haar nieuwste "
        "teldatum tot en met de peildatum (per TELDATUM: die teldatum). Bron: DUO. / Sum of "
        "the pupil counts: each institution's newest count up to the peildatum."
    )


def _groep(found: telling.Telgroep) -> Telgroep:
    return Telgroep(
        sleutels=[
            Telsleutel(groepering=Groepering(s.kenmerk), code=s.code, naam=s.naam)
            for s in found.sleutels
        ],
        aantal_onderwijsaanbieders=found.onderwijsaanbieders,
        aantal_onderwijslocaties=found.onderwijslocaties,
        aantal_aangeboden_opleidingen=found.aangeboden_opleidingen,
        aantal_leerlingen=found.leerlingen,
    )


async def tellingen(
    info: Info[Context, None],
    groeperen_op: Annotated[
        list[Groepering] | None,
        strawberry.argument(
            description="Sleutels van de groepen, elk hoogstens eens; leeg of weggelaten: één "
            "groep met de totalen. / Group keys, each at most once; none: one group, the totals."
        ),
    ] = None,
    filter: Annotated[
        OnderwijsaanbiederFilter | None,
        strawberry.argument(
            description="Welke onderwijsaanbieders tellen, als bij onderwijsaanbieders (niet "
            "nabij); al hun locaties en aanbod tellen mee. / Which institutions count, as in "
            "onderwijsaanbieders (not nabij); all their locations and offerings count."
        ),
    ] = None,
    first: First = None,
    after: After = None,
    peildatum: Annotated[
        dt.date | None,
        strawberry.argument(
            description="De datum waarop objecten gelden (standaard vandaag). / The date the "
            "objects are valid on (default: today)."
        ),
    ] = None,
) -> Connection[Telgroep]:
    page = await telling.tellingen(
        info.context.reads,
        (filter or OnderwijsaanbiederFilter()).to_filter(await info.context.gebieden.current()),
        [g.name for g in groeperen_op or ()],
        first,
        after,
        peildatum or vandaag(),
    )
    return Connection.of(page, _groep)


TELLINGEN = strawberry.field(
    resolver=tellingen,
    description="Aantallen aanbieders, locaties, aanbod en leerlingen per groep op de "
    "peildatum, in één SQL-statement; gesorteerd op de sleutels. / Counts of institutions, "
    "locations, offerings and pupils per group on the peildatum, in one SQL statement; "
    "ordered by the keys.",
)
