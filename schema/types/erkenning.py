"""Erkenning: an interface with one concrete type per kind of recognition."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.connection import Connection
from schema.described import described, link, listing
from schema.enums import Denominatie, Erkenningsoort
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.licentie import Onderwijslicentie


@strawberry.interface(description="Een formele erkenning (OCW, NVAO, ...). / A formal recognition.")
class Erkenning(Geldigheid):
    soort: Erkenningsoort = strawberry.field(description="Soort erkenning. / Kind.")
    code: str = strawberry.field(description="Code (BRIN4, BRIN6, BG-nummer, CROHO). / Code.")
    naam: str | None = strawberry.field(description="Naam. / Name.")
    erkenner: str | None = strawberry.field(description="Wie erkent (OCW, NVAO). / Recognised by.")


@described
@strawberry.type(
    description="Bevoegd-gezagerkenning (5-cijferig nummer). / Governing-body recognition."
)
class BevoegdGezagErkenning(Erkenning):
    pass


@described
@strawberry.type(description="Onderwijsinstellingserkenning (BRIN4). / Institution recognition.")
class Onderwijsinstellingserkenning(Erkenning):
    denominatie: list[Denominatie] = strawberry.field(
        description="Richting(en). / Denomination(s)."
    )
    postcodecijfers: str | None = strawberry.field(description="PC4 van de instelling. / PC4.")
    plaatsnaam: str | None = strawberry.field(description="Plaats. / Place.")
    onderwijslicenties: Connection[
        Annotated[Onderwijslicentie, strawberry.lazy("schema.types.licentie")]
    ] = listing(
        "De onderwijslicenties van deze instelling: welke opleidingseenheden zij mag aanbieden. "
        "/ Its teaching licences: the programmes it may offer."
    )


@described
@strawberry.type(description="Vestigingserkenning (BRIN6). / Branch recognition.")
class Vestigingserkenning(Erkenning):
    denominatie: list[Denominatie] = strawberry.field(
        description="Richting(en). / Denomination(s)."
    )
    postcodecijfers: str | None = strawberry.field(description="PC4 van de vestiging. / PC4.")
    plaatsnaam: str | None = strawberry.field(description="Plaats. / Place.")
    hoofd_neven_vestiging: str | None = strawberry.field(
        description="HOOFDVESTIGING of NEVENVESTIGING. / Main or branch."
    )
    onderwijsinstellingserkenning: Onderwijsinstellingserkenning | None = link(
        "De instellingserkenning (BRIN4). / The institution (BRIN4)."
    )


@described
@strawberry.type(description="Opleidingserkenning (CROHO/ISAT). / Programme recognition.")
class Opleidingserkenning(Erkenning):
    opleidingsstelsel: str | None = strawberry.field(
        description="Opleidingsstelsel (ISAT). / Register."
    )


CONCRETE_TYPES = (
    BevoegdGezagErkenning,
    Onderwijsinstellingserkenning,
    Vestigingserkenning,
    Opleidingserkenning,
)
