"""Objecten van toezicht: the Inspectie's combinations of onderwijsaanbieder × onderwijslocatie ×
aangeboden opleiding, proposed from the register or stored (with history).

Every type keeps the RIO codes it is made of as plain attributes (``combinatie``: a
``onderwijsgraaf.db.toezicht.Combinatie``; ``object``: the stored object) and the ``peildatum``
its register objects are read on, so further fields (pupil counts, reports) can be added from
those codes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from onderwijsgraaf.db.toezicht import Combinatie, ObjectVanToezicht, Versie
from resolvers.voorstel import VoorgesteldObject
from schema.context import Context
from schema.described import build

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.aanbod import AangebodenOpleiding
    from schema.types.locatie import Onderwijslocatie


async def _register_object(
    info: Info[Context, None], type_name: str, code: str, op: dt.date
) -> Any:
    row = await info.context.loaders.of_type(type_name).load((code, op))
    return build(type_name, row, op) if row is not None else None


@strawberry.type(
    description="Eén combinatie onderwijsaanbieder × onderwijslocatie × aangeboden opleiding van een "
    "object van toezicht; de registerobjecten zoals ze op de peildatum gelden. / One combination "
    "of an object van toezicht, with the register's objects as they are on the peildatum."
)
class CombinatieVanToezicht:
    combinatie: strawberry.Private[Combinatie]
    peildatum: strawberry.Private[dt.date]

    @strawberry.field(description="RIO-code van de onderwijsaanbieder. / The institution's code.")
    def onderwijsaanbieder_code(self) -> str:
        return self.combinatie.onderwijsaanbieder_code

    @strawberry.field(description="RIO-code van de onderwijslocatie. / The location's code.")
    def onderwijslocatie_code(self) -> str:
        return self.combinatie.onderwijslocatie_code

    @strawberry.field(
        description="RIO-code (UUID) van de aangeboden opleiding. / The offering's code."
    )
    def aangeboden_opleiding_code(self) -> str:
        return self.combinatie.aangeboden_opleiding_code

    @strawberry.field(
        description="De datum waarop de registerobjecten en bestaatNiet gelden. / The date the "
        "register objects and bestaatNiet are read on."
    )
    def peildatum_register(self) -> dt.date:
        return self.peildatum

    @strawberry.field(
        description="Waar: de combinatie bestaat op de peildatum niet (meer) in het register "
        "(een code vervallen, de locatie niet meer in gebruik, het aanbod elders); het object "
        "blijft bewaard. / True: the register does not have this combination on the peildatum "
        "(flagged, never deleted)."
    )
    async def bestaat_niet(self, info: Info[Context, None]) -> bool:
        found: bool = await info.context.loaders.bestaat().load((self.combinatie, self.peildatum))
        return not found

    @strawberry.field(
        description="De onderwijsaanbieder op de peildatum; null als die er dan niet is. / The "
        "institution on the peildatum."
    )
    async def onderwijsaanbieder(
        self, info: Info[Context, None]
    ) -> Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")] | None:
        found: Onderwijsaanbieder | None = await _register_object(
            info, "Onderwijsaanbieder", self.combinatie.onderwijsaanbieder_code, self.peildatum
        )
        return found

    @strawberry.field(
        description="De onderwijslocatie op de peildatum; null als die er dan niet is. / The "
        "location on the peildatum."
    )
    async def onderwijslocatie(
        self, info: Info[Context, None]
    ) -> Annotated[Onderwijslocatie, strawberry.lazy("schema.types.locatie")] | None:
        found: Onderwijslocatie | None = await _register_object(
            info, "Onderwijslocatie", self.combinatie.onderwijslocatie_code, self.peildatum
        )
        return found

    @strawberry.field(
        description="De aangeboden opleiding op de peildatum; null als die er dan niet is. / The "
        "offering on the peildatum."
    )
    async def aangeboden_opleiding(
        self, info: Info[Context, None]
    ) -> Annotated[AangebodenOpleiding, strawberry.lazy("schema.types.aanbod")] | None:
        found: AangebodenOpleiding | None = await _register_object(
            info, "AangebodenOpleiding", self.combinatie.aangeboden_opleiding_code, self.peildatum
        )
        return found


def combinaties_van(
    combinaties: tuple[Combinatie, ...], op: dt.date
) -> list[CombinatieVanToezicht]:
    return [CombinatieVanToezicht(combinatie=c, peildatum=op) for c in combinaties]


@strawberry.type(
    description="Een voorgesteld object van toezicht, afgeleid uit het register volgens vaste "
    "regels per sector (zie de README). / A proposed object van toezicht, derived from the "
    "register by fixed rules per sector."
)
class VoorgesteldObjectVanToezicht:
    voorstel: strawberry.Private[VoorgesteldObject]
    peildatum: strawberry.Private[dt.date]

    @strawberry.field(
        description="Stabiele code uit de RIO-codes, bv. PO-100A490 of "
        "VO-100A490-100X123-HAVO. / A stable code made of RIO codes."
    )
    def code(self) -> str:
        return self.voorstel.code

    @strawberry.field(description="Sector: PO, SO, VSO, VO of MBO. / Sector.")
    def sector(self) -> str:
        return self.voorstel.sector

    @strawberry.field(description="RIO-code van het onderwijsbestuur. / The governing body's code.")
    def onderwijsbestuur_code(self) -> str:
        return self.voorstel.onderwijsbestuur_code

    @strawberry.field(description="RIO-code van de onderwijsaanbieder. / The institution's code.")
    def onderwijsaanbieder_code(self) -> str:
        return self.voorstel.onderwijsaanbieder_code

    @strawberry.field(
        description="De laatste begindatum van aanbieder, locaties en aanbod. / The latest "
        "begindatum of its parts."
    )
    def begindatum(self) -> dt.date | None:
        return self.voorstel.begindatum

    @strawberry.field(
        description="De vroegste einddatum van aanbieder, locaties en aanbod (exclusief); null: "
        "open. / The earliest einddatum of its parts."
    )
    def einddatum(self) -> dt.date | None:
        return self.voorstel.einddatum

    @strawberry.field(description="De combinaties. / The combinations.")
    def combinaties(self) -> list[CombinatieVanToezicht]:
        return combinaties_van(self.voorstel.combinaties, self.peildatum)


def _register_datum(versie: Versie, peildatum: dt.date) -> dt.date:
    """The date a version's combinations are read on: the peildatum, or the version's nearest
    day when the peildatum lies outside it."""
    if peildatum < versie.begindatum:
        return versie.begindatum
    if versie.einddatum is not None and peildatum >= versie.einddatum:
        return max(versie.begindatum, versie.einddatum - dt.timedelta(days=1))
    return peildatum


@strawberry.type(
    description="Een versie van een object van toezicht: de combinaties van begindatum "
    "(inclusief) tot einddatum (exclusief). / A version of an object van toezicht."
)
class VersieVanObjectVanToezicht:
    versie: strawberry.Private[Versie]
    peildatum: strawberry.Private[dt.date]

    @strawberry.field(description="Geldig vanaf (inclusief). / Valid from.")
    def begindatum(self) -> dt.date:
        return self.versie.begindatum

    @strawberry.field(
        description="Geldig tot (exclusief; de laatste dag is de dag ervoor); null: open. / "
        "Valid until (exclusive)."
    )
    def einddatum(self) -> dt.date | None:
        return self.versie.einddatum

    @strawberry.field(
        description="De combinaties, met de registerobjecten op de peildatum (of, buiten deze "
        "versie, op haar dichtstbijzijnde dag). / The combinations, read on the peildatum (or the "
        "version's nearest day)."
    )
    def combinaties(self) -> list[CombinatieVanToezicht]:
        return combinaties_van(
            self.versie.combinaties, _register_datum(self.versie, self.peildatum)
        )


@strawberry.type(
    name="ObjectVanToezicht",
    description="Een object van toezicht van de Inspectie van het Onderwijs, met zijn "
    "geschiedenis. / An object of supervision of the Inspectie, with its history.",
)
class ObjectVanToezichtType:
    object: strawberry.Private[ObjectVanToezicht]
    peildatum: strawberry.Private[dt.date]
    # whether the caller may read the notitie (the Inspectie)
    met_notitie: strawberry.Private[bool]

    @strawberry.field(description="De code van het object. / The object's code.")
    def code(self) -> str:
        return self.object.code

    @strawberry.field(description="RIO-code van het onderwijsbestuur. / The governing body's code.")
    def onderwijsbestuur_code(self) -> str:
        return self.object.onderwijsbestuur_code

    @strawberry.field(
        description="Notitie van de Inspectie; alleen voor de rol inspectie, anders null. / The "
        "Inspectie's note; only for role inspectie."
    )
    def notitie(self) -> str | None:
        return self.object.notitie if self.met_notitie else None

    @strawberry.field(
        description="De versie die op de peildatum geldt; null als er geen is. / The version "
        "valid on the peildatum."
    )
    def versie(self) -> VersieVanObjectVanToezicht | None:
        found = self.object.versie_op(self.peildatum)
        return VersieVanObjectVanToezicht(versie=found, peildatum=self.peildatum) if found else None

    @strawberry.field(
        description="Alle versies, oudste eerst (niets wordt overschreven). / Every version, "
        "oldest first."
    )
    def versies(self) -> list[VersieVanObjectVanToezicht]:
        return [
            VersieVanObjectVanToezicht(versie=v, peildatum=self.peildatum)
            for v in self.object.versies
        ]

    @strawberry.field(
        description="De combinaties van de versie op de peildatum (leeg als er geen is). / The "
        "combinations of the version valid on the peildatum."
    )
    def combinaties(self) -> list[CombinatieVanToezicht]:
        found = self.object.versie_op(self.peildatum)
        return combinaties_van(found.combinaties, self.peildatum) if found else []
