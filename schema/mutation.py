"""The root ``Mutation`` type: the Inspectie's changes to its objecten van toezicht (the rules in
``resolvers.toezichtmutaties``). Only over POST (a mutation over GET is HTTP 405); never kept in
a response cache; each change writes one line to the audit log."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from onderwijsgraaf.db.toezicht import Combinatie
from onderwijsgraaf.peildatum import vandaag
from resolvers import toezichtmutaties as mutaties
from resolvers.toezicht import mag_wijzigen, objecten_op_codes
from resolvers.toezichtcontrole import Aanroep
from resolvers.toezichtmutaties import Deel, Uitkomst
from schema.audit import write_change
from schema.context import Context
from schema.toezicht import als_type
from schema.types.toezicht import ObjectVanToezichtType

INPUT = strawberry.argument(description="De wijziging. / The change.")
CLIENT_MUTATION_ID = strawberry.field(
    default=None,
    description="Eigen kenmerk van deze wijziging: dezelfde waarde met dezelfde invoer geeft "
    "hetzelfde antwoord en wijzigt niets opnieuw. / The caller's id of this change: a retry with "
    "the same id and input answers the same and changes nothing.",
)
BEGINDATUM = strawberry.field(
    default=None,
    description="Datum waarop de wijziging ingaat (standaard vandaag); de huidige versie eindigt "
    "de dag ervoor. / The date the change takes effect (default today).",
)


@strawberry.input(
    description="Een combinatie onderwijsaanbieder × onderwijslocatie × aangeboden opleiding. / "
    "One combination."
)
class CombinatieInput:
    onderwijsaanbieder_code: str = strawberry.field(
        description="RIO-code van de onderwijsaanbieder (NNNANNN). / The institution's code."
    )
    onderwijslocatie_code: str = strawberry.field(
        description="RIO-code van de onderwijslocatie (NNNXNNN). / The location's code."
    )
    aangeboden_opleiding_code: str = strawberry.field(
        description="RIO-code (UUID) van de aangeboden opleiding. / The offering's code."
    )

    def combinatie(self) -> Combinatie:
        return Combinatie(
            self.onderwijsaanbieder_code, self.onderwijslocatie_code, self.aangeboden_opleiding_code
        )


@strawberry.input(
    description="Voorgestelde objecten vaststellen. / Adopt proposed objects of supervision."
)
class VaststellenInput:
    onderwijsbestuur_code: str = strawberry.field(
        description="RIO-code van het onderwijsbestuur. / The governing body's code."
    )
    codes: list[str] | None = strawberry.field(
        default=None,
        description="De codes uit het voorstel die worden vastgesteld; null: alle die nog niet "
        "zijn vastgesteld en waarvan geen combinatie al in een object zit. / The proposed codes "
        "to adopt; null: every one not adopted yet whose combinations no object holds.",
    )
    begindatum: dt.date | None = BEGINDATUM
    client_mutation_id: str | None = CLIENT_MUTATION_ID


@strawberry.input(
    description="De combinaties van een object vervangen. / Replace an object's combinations."
)
class WijzigenInput:
    code: str = strawberry.field(description="Het object. / The object's code.")
    combinaties: list[CombinatieInput] = strawberry.field(
        description="De nieuwe combinaties. / The new combinations."
    )
    begindatum: dt.date | None = BEGINDATUM
    client_mutation_id: str | None = CLIENT_MUTATION_ID


@strawberry.input(description="Objecten samenvoegen tot één. / Merge objects into one.")
class SamenvoegenInput:
    codes: list[str] = strawberry.field(
        description="De objecten die samengaan (ten minste twee). / The objects to merge."
    )
    code: str = strawberry.field(
        description="De code van het samengevoegde object: een van codes of een nieuwe. / The "
        "merged object's code: one of codes or a new one."
    )
    begindatum: dt.date | None = BEGINDATUM
    client_mutation_id: str | None = CLIENT_MUTATION_ID


@strawberry.input(description="Een deel van een gesplitst object. / One part of a split.")
class DeelInput:
    code: str = strawberry.field(
        description="De code van het deel: een nieuwe, of die van het object zelf. / The part's "
        "code: a new one, or the object's own."
    )
    combinaties: list[CombinatieInput] = strawberry.field(
        description="De combinaties van het deel. / The part's combinations."
    )


@strawberry.input(description="Een object splitsen. / Split an object.")
class SplitsenInput:
    code: str = strawberry.field(description="Het object. / The object's code.")
    delen: list[DeelInput] = strawberry.field(
        description="De delen (ten minste twee). / The parts (at least two)."
    )
    begindatum: dt.date | None = BEGINDATUM
    client_mutation_id: str | None = CLIENT_MUTATION_ID


@strawberry.input(description="Een object beëindigen. / End an object.")
class BeeindigenInput:
    code: str = strawberry.field(description="Het object. / The object's code.")
    einddatum: dt.date | None = strawberry.field(
        default=None,
        description="Eerste dag waarop het object niet meer geldt (standaard vandaag). / The "
        "first day the object is no longer valid (default today).",
    )
    client_mutation_id: str | None = CLIENT_MUTATION_ID


@strawberry.input(description="De notitie van een object zetten. / Set an object's note.")
class NotitieInput:
    code: str = strawberry.field(description="Het object. / The object's code.")
    notitie: str | None = strawberry.field(
        description="De notitie; null wist haar. / The note; null clears it."
    )
    client_mutation_id: str | None = CLIENT_MUTATION_ID


@strawberry.type(
    description="Het antwoord op een wijziging: de betrokken objecten zoals ze nu zijn. / The "
    "answer to a change: the objects concerned as they are now."
)
class ObjectenVanToezichtPayload:
    client_mutation_id: str | None = strawberry.field(
        description="Het kenmerk uit de invoer. / The id given in the input."
    )
    objecten: list[ObjectVanToezichtType] = strawberry.field(
        description="De betrokken objecten, op de ingangsdatum van de wijziging. / The objects "
        "concerned, on the date the change takes effect."
    )


def _aanroep(info: Info[Context, None]) -> Aanroep:
    mag_wijzigen(info.context.viewer)  # before anything else is read or checked
    return Aanroep(info.context.viewer, info.context.reads, info.context.gebruikersdata("mutation"))


def _invoer(input: Any) -> dict[str, Any]:
    """The input as it is compared between retries (without its clientMutationId)."""
    values = dataclasses.asdict(input)
    values.pop("client_mutation_id", None)
    return values


async def _payload(
    info: Info[Context, None],
    naam: str,
    input: Any,
    uitkomst: Uitkomst,
    op: dt.date,
) -> ObjectenVanToezichtPayload:
    if uitkomst.gewijzigd:
        write_change(info.context.viewer, naam, uitkomst.codes)
    found = await objecten_op_codes(info.context.gebruikersdata("mutation"), uitkomst.codes)
    return ObjectenVanToezichtPayload(
        client_mutation_id=input.client_mutation_id,
        objecten=[als_type(info, o, op) for o in found],
    )


@strawberry.type(
    description="Wijzigingen van de Inspectie van het Onderwijs in haar objecten van toezicht; "
    "alleen met de rol inspectie, alleen met POST. / The Inspectie's changes to its objects of "
    "supervision; role inspectie only, over POST only."
)
class Mutation:
    @strawberry.mutation(
        description="Voorgestelde objecten van toezicht van een onderwijsbestuur vaststellen, vanaf "
        "begindatum. / Adopt proposed objects of supervision of a governing body."
    )
    async def vaststellen_objecten_van_toezicht(
        self, info: Info[Context, None], input: Annotated[VaststellenInput, INPUT]
    ) -> ObjectenVanToezichtPayload:
        aanroep = _aanroep(info)
        op = input.begindatum or vandaag()
        uitkomst = await mutaties.vaststellen(
            aanroep,
            _invoer(input),
            input.client_mutation_id,
            input.onderwijsbestuur_code,
            input.codes,
            op,
        )
        return await _payload(info, "vaststellen", input, uitkomst, op)

    @strawberry.mutation(
        description="De combinaties van een object van toezicht vervangen, vanaf begindatum. / "
        "Replace an object's combinations from a date."
    )
    async def wijzigen_object_van_toezicht(
        self, info: Info[Context, None], input: Annotated[WijzigenInput, INPUT]
    ) -> ObjectenVanToezichtPayload:
        aanroep = _aanroep(info)
        op = input.begindatum or vandaag()
        combinaties = [c.combinatie() for c in input.combinaties]
        uitkomst = await mutaties.wijzigen(
            aanroep, _invoer(input), input.client_mutation_id, input.code, op, combinaties
        )
        return await _payload(info, "wijzigen", input, uitkomst, op)

    @strawberry.mutation(
        description="Objecten van toezicht samenvoegen tot één, vanaf begindatum. / Merge objects "
        "of supervision into one from a date."
    )
    async def samenvoegen_objecten_van_toezicht(
        self, info: Info[Context, None], input: Annotated[SamenvoegenInput, INPUT]
    ) -> ObjectenVanToezichtPayload:
        aanroep = _aanroep(info)
        op = input.begindatum or vandaag()
        uitkomst = await mutaties.samenvoegen(
            aanroep, _invoer(input), input.client_mutation_id, input.codes, input.code, op
        )
        return await _payload(info, "samenvoegen", input, uitkomst, op)

    @strawberry.mutation(
        description="Een object van toezicht splitsen in delen, vanaf begindatum. / Split an "
        "object of supervision into parts from a date."
    )
    async def splitsen_object_van_toezicht(
        self, info: Info[Context, None], input: Annotated[SplitsenInput, INPUT]
    ) -> ObjectenVanToezichtPayload:
        aanroep = _aanroep(info)
        op = input.begindatum or vandaag()
        delen = [Deel(d.code, [c.combinatie() for c in d.combinaties]) for d in input.delen]
        uitkomst = await mutaties.splitsen(
            aanroep, _invoer(input), input.client_mutation_id, input.code, op, delen
        )
        return await _payload(info, "splitsen", input, uitkomst, op)

    @strawberry.mutation(
        description="Een object van toezicht beëindigen vanaf einddatum. / End an object of "
        "supervision from a date."
    )
    async def beeindigen_object_van_toezicht(
        self, info: Info[Context, None], input: Annotated[BeeindigenInput, INPUT]
    ) -> ObjectenVanToezichtPayload:
        aanroep = _aanroep(info)
        op = input.einddatum or vandaag()
        uitkomst = await mutaties.beeindigen(
            aanroep, _invoer(input), input.client_mutation_id, input.code, op
        )
        return await _payload(info, "beeindigen", input, uitkomst, op)

    @strawberry.mutation(
        description="De notitie van de Inspectie bij een object van toezicht zetten of wissen. / "
        "Set or clear the Inspectie's note on an object of supervision."
    )
    async def notitie_object_van_toezicht(
        self, info: Info[Context, None], input: Annotated[NotitieInput, INPUT]
    ) -> ObjectenVanToezichtPayload:
        aanroep = _aanroep(info)
        uitkomst = await mutaties.notitie(
            aanroep, _invoer(input), input.client_mutation_id, input.code, input.notitie
        )
        return await _payload(info, "notitie", input, uitkomst, vandaag())
