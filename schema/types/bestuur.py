"""Onderwijsbestuur."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.connection import Connection
from schema.described import described, listing
from schema.node import Node
from schema.types.begeleidingsaanbieder import LEEG
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.begeleidingsaanbieder import Onderwijsbegeleidingsaanbieder
    from schema.types.code import Code
    from schema.types.contact import Communicatiecontext
    from schema.types.erkenning import Erkenning
    from schema.types.groep import Onderwijsaanbiedersgroep


@described
@strawberry.type(
    description="Onderwijsbestuur: het bevoegd gezag zoals RIO het registreert (code NNNBNNN). / "
    "The governing body of schools."
)
class Onderwijsbestuur(Node, Geldigheid):
    code: str = strawberry.field(description="RIO-onderwijsbestuurcode, bv. 100B490. / RIO code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    kvk_nummer: str | None = strawberry.field(
        description="KvK-nummer. / Chamber of Commerce number."
    )
    rsin: str | None = strawberry.field(description="RSIN. / Legal entity number.")
    bevoegd_gezag_nummer: str | None = strawberry.field(
        description="Nummer van de bevoegd-gezagerkenning (5 cijfers). / OCW number."
    )
    onderwijsaanbieders: Connection[
        Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")]
    ] = listing("De onderwijsaanbieders van dit bestuur. / Its schools and institutions.")
    erkenningen: Connection[Annotated[Erkenning, strawberry.lazy("schema.types.erkenning")]] = (
        listing("Erkenningen waarop dit bestuur rust. / Its recognitions.")
    )
    communicatiecontexten: Connection[
        Annotated[Communicatiecontext, strawberry.lazy("schema.types.contact")]
    ] = listing("Contactgegevens per doel. / Contact details per purpose.")
    codes: Connection[Annotated[Code, strawberry.lazy("schema.types.code")]] = listing(
        "Alle codes van dit bestuur op de peildatum: "
        "RIO-code, bevoegd-gezagnummer, KvK-nummer, RSIN. "
        "/ Every code of this governing body on the peildatum."
    )
    onderwijsaanbiedersgroepen: Connection[
        Annotated[Onderwijsaanbiedersgroep, strawberry.lazy("schema.types.groep")]
    ] = listing("De groepen aanbieders van dit bestuur. / Its groups of institutions.")
    onderwijsbegeleidingsaanbieders: Connection[
        Annotated[
            Onderwijsbegeleidingsaanbieder, strawberry.lazy("schema.types.begeleidingsaanbieder")
        ]
    ] = listing(
        "De onderwijsbegeleidingsaanbieders van dit bestuur. / Its specialist support "
        f"organisations. {LEEG}"
    )
