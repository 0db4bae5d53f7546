"""Erkenning: an interface with one concrete type per kind of recognition."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from schema.context import Context
from schema.enums import Denominatie, Erkenningsoort
from schema.types.common import Herkomst
from schema.types.geldigheid import Geldigheid


@strawberry.interface(description="Een formele erkenning (OCW, NVAO, ...). / A formal recognition.")
class Erkenning(Geldigheid):
    soort: Erkenningsoort = strawberry.field(description="Soort erkenning. / Kind.")
    code: str = strawberry.field(description="Code (BRIN4, BRIN6, BG-nummer, CROHO). / Code.")
    naam: str | None = strawberry.field(description="Naam. / Name.")
    erkenner: str | None = strawberry.field(description="Wie erkent (OCW, NVAO). / Recognised by.")


@strawberry.type(
    description="Bevoegd-gezagerkenning (5-cijferig nummer). / Governing-body recognition."
)
class BevoegdGezagErkenning(Erkenning):
    pass


@strawberry.type(description="Onderwijsinstellingserkenning (BRIN4). / Institution recognition.")
class Onderwijsinstellingserkenning(Erkenning):
    denominatie: list[Denominatie] = strawberry.field(
        description="Richting(en). / Denomination(s)."
    )
    postcodecijfers: str | None = strawberry.field(description="PC4 van de instelling. / PC4.")
    plaatsnaam: str | None = strawberry.field(description="Plaats. / Place.")


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
    instelling_id: strawberry.Private[int | None]

    @strawberry.field(description="De instellingserkenning (BRIN4). / The institution (BRIN4).")
    async def onderwijsinstellingserkenning(
        self, info: Info[Context, None]
    ) -> Onderwijsinstellingserkenning | None:
        if self.instelling_id is None:
            return None
        row = await info.context.loaders.erkenningen_by_id.load(
            (self.instelling_id, self.peildatum)
        )
        return _instelling(row, self.peildatum) if row else None


@strawberry.type(description="Opleidingserkenning (CROHO/ISAT). / Programme recognition.")
class Opleidingserkenning(Erkenning):
    opleidingsstelsel: str | None = strawberry.field(
        description="Opleidingsstelsel (ISAT). / Register."
    )

    @classmethod
    def from_row(cls, row: Any, peildatum: dt.date) -> Opleidingserkenning:
        return cls(**_common(row, peildatum), opleidingsstelsel=row.opleidingsstelsel)


def _common(row: Any, peildatum: dt.date) -> dict[str, Any]:
    return dict(
        soort=Erkenningsoort(row.soort),
        code=row.code,
        naam=row.naam,
        erkenner=row.erkenner,
        begindatum=row.begindatum,
        einddatum=row.einddatum,
        herkomst=Herkomst.from_row(row),
        peildatum=peildatum,
    )


def _denominatie(row: Any) -> list[Any]:
    return [Denominatie(c) for c in (row.denominatie or "").split(",") if c]


def _instelling(row: Any, peildatum: dt.date) -> Onderwijsinstellingserkenning:
    return Onderwijsinstellingserkenning(
        **_common(row, peildatum),
        denominatie=_denominatie(row),
        postcodecijfers=row.postcodecijfers,
        plaatsnaam=row.plaatsnaam,
    )


def erkenning_from_row(row: Any, peildatum: dt.date) -> Erkenning:
    if row.soort == "ERKENDE_ONDERWIJSINSTELLING":
        return _instelling(row, peildatum)
    if row.soort == "ERKENDE_VESTIGING":
        return Vestigingserkenning(
            **_common(row, peildatum),
            denominatie=_denominatie(row),
            postcodecijfers=row.postcodecijfers,
            plaatsnaam=row.plaatsnaam,
            hoofd_neven_vestiging=row.hoofd_neven_vestiging,
            instelling_id=row.instellingserkenning_id,
        )
    if row.soort == "OPLEIDINGSERKENNING":
        return Opleidingserkenning.from_row(row, peildatum)
    return BevoegdGezagErkenning(**_common(row, peildatum))


CONCRETE_TYPES = (
    BevoegdGezagErkenning,
    Onderwijsinstellingserkenning,
    Vestigingserkenning,
    Opleidingserkenning,
)
