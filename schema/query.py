"""The root ``Query`` type: thin fields that call ``resolvers`` and wrap rows in types."""

from __future__ import annotations

import datetime as dt
from functools import cache, partial
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxTokensLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext, Info

from onderwijsgraaf.peildatum import vandaag
from resolvers import (
    aanbieders,
    aanbod,
    begeleidingsaanbieders,
    besturen,
    gebieden,
    groepen,
    locaties,
    lookups,
    opleidingseenheden,
    samenwerkingsverbanden,
)
from resolvers import codes as crosswalk
from schema import filters
from schema import toezicht as toezicht_fields
from schema.audit import AuditLog
from schema.connection import After, Connection, First
from schema.context import Context
from schema.controle import ControleVelden
from schema.datum import DATE
from schema.described import build
from schema.enums import Sortering
from schema.errors import ErrorCodes
from schema.ik import Gebruiker, ik
from schema.limits import (
    DEFAULT_BUDGET,
    MAX_DOCUMENT_CHARS,
    MAX_LIST,
    MAX_STRING,
    MAX_STRING_OF,
    MAX_TOKENS,
    MAX_ZOEK_WORDS,
    Limits,
)
from schema.meta import Meta, resolve_meta
from schema.mutation import Mutation
from schema.node import Node, parse_global_id
from schema.selection import asks_for
from schema.tellingen import TELLINGEN
from schema.types import aanbod as aanbod_types
from schema.types import code as code_types
from schema.types import erkenning as erkenning_types
from schema.types import gebied
from schema.types import opleidingseenheid as eenheid_types
from schema.types.aanbieder import Onderwijsaanbieder
from schema.types.aanbod import AangebodenOpleiding, AangebodenOpleidingConnection
from schema.types.begeleidingsaanbieder import LEEG, Onderwijsbegeleidingsaanbieder
from schema.types.bestuur import Onderwijsbestuur
from schema.types.groep import Onderwijsaanbiedersgroep, OnderwijsaanbiedersgroepFilter
from schema.types.locatie import Onderwijslocatie, OnderwijslocatieConnection
from schema.types.opleidingseenheid import Opleidingseenheid
from schema.types.samenwerkingsverband import Samenwerkingsverband, SamenwerkingsverbandFilter
from schema.waardelijsten import Waardelijsten, waardelijsten
from schema.wijzigingen import WijzigingVelden

Peildatum = Annotated[
    dt.date | None,
    strawberry.argument(
        description="De datum waarop de hele graaf onder dit veld geldt (standaard vandaag). / "
        "The date the whole answer below this field is valid on (default: today)."
    ),
]
Code = Annotated[str, strawberry.argument(description="De RIO-code. / The RIO code.")]
FILTER = strawberry.argument(
    description="Voorwaarden; alle moeten gelden, een lijst betekent één van. / Conditions (AND; a list is OR)."
)
OrderBy = Annotated[Sortering | None, strawberry.argument(description="Volgorde. / Order.")]


def op(peildatum: dt.date | None) -> dt.date:
    return peildatum or vandaag()


def order(value: Sortering | None) -> str | None:
    return value.value if value is not None else None


@strawberry.type(
    description=(
        "Onderwijsgraaf: GraphQL over RIO, het register van onderwijsinstellingen en hun aanbod. "
        "Bron: DUO; Bron: CBS; GeoNames (CC BY 4.0). / GraphQL over RIO, the Dutch register of "
        "education institutions and their offering.\n\n"
        f"Grenzen per verzoek: tekst hoogstens {MAX_STRING} tekens (after: "
        f"{MAX_STRING_OF['after']:,}; zoek: {MAX_ZOEK_WORDS} woorden), lijsten hoogstens {MAX_LIST} "
        f"waarden, het document hoogstens {MAX_DOCUMENT_CHARS:,} tekens en {MAX_TOKENS:,} tokens; "
        "de kosten (het grootste aantal objecten dat het antwoord kan bevatten) hoogstens het "
        f"budget (standaard {DEFAULT_BUDGET:,}), gemeld in extensions.cost. / Limits per request: "
        f"strings at most {MAX_STRING} characters (after: {MAX_STRING_OF['after']:,}; zoek: "
        f"{MAX_ZOEK_WORDS} words), lists at most {MAX_LIST} values, the document at most "
        f"{MAX_DOCUMENT_CHARS:,} characters and {MAX_TOKENS:,} tokens; the cost (the most objects "
        f"the answer can hold) at most the budget (default {DEFAULT_BUDGET:,}), reported in "
        "extensions.cost."
    )
)
class Query(ControleVelden, WijzigingVelden):
    @strawberry.field(
        description="Een onderwijsbestuur op code; onbekend: null. / A governing body by code."
    )
    async def onderwijsbestuur(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> Onderwijsbestuur | None:
        found: Onderwijsbestuur | None = await _lookup(
            info, "Onderwijsbestuur", code, op(peildatum)
        )
        return found

    @strawberry.field(
        description="Een onderwijsaanbieder op code; onbekend: null. / An institution by code."
    )
    async def onderwijsaanbieder(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> Onderwijsaanbieder | None:
        found: Onderwijsaanbieder | None = await _lookup(
            info, "Onderwijsaanbieder", code, op(peildatum)
        )
        return found

    @strawberry.field(
        description="Een onderwijslocatie op code; onbekend: null. / A location by code."
    )
    async def onderwijslocatie(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> Onderwijslocatie | None:
        found: Onderwijslocatie | None = await _lookup(
            info, "Onderwijslocatie", code, op(peildatum)
        )
        return found

    @strawberry.field(
        description="Een opleidingseenheid op code; onbekend: null. / A programme by code."
    )
    async def opleidingseenheid(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> Opleidingseenheid | None:
        found: Opleidingseenheid | None = await _lookup(
            info, "Opleidingseenheid", code, op(peildatum)
        )
        return found

    @strawberry.field(
        description="Een aangeboden opleiding op code (UUID); onbekend: null. / An offering by code."
    )
    async def aangeboden_opleiding(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> AangebodenOpleiding | None:
        found: AangebodenOpleiding | None = await _lookup(
            info, "AangebodenOpleiding", code, op(peildatum)
        )
        return found

    @strawberry.field(
        description="Een object op globale id, op de peildatum die de id draagt (een id zonder "
        "datum: vandaag); onbekend: null. / An object by global id, on the peildatum the id "
        "carries (an id without one: today); null when there is none."
    )
    async def node(
        self,
        info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="Globale id. / Global id.")],
    ) -> Node | None:
        return await _node(info, id)

    @strawberry.field(
        description="Objecten op globale id (hoogstens 100), elk op de peildatum die zijn id "
        "draagt. / Objects by global id (at most 100), each on the peildatum its id carries."
    )
    async def nodes(
        self,
        info: Info[Context, None],
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="Globale ids. / Global ids.")
        ],
    ) -> list[Node | None]:
        return [await _node(info, id) for id in ids]

    @strawberry.field(description="Onderwijsbesturen. / Governing bodies.")
    async def onderwijsbesturen(
        self,
        info: Info[Context, None],
        filter: Annotated[filters.OnderwijsbestuurFilter | None, FILTER] = None,
        order_by: OrderBy = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[Onderwijsbestuur]:
        page = await besturen.onderwijsbesturen(
            info.context.reads,
            (filter or filters.OnderwijsbestuurFilter()).to_filter(),
            order(order_by),
            first,
            after,
            op(peildatum),
            asks_for(info, "totalCount"),
        )
        return Connection.of(page, lambda row: build("Onderwijsbestuur", row, op(peildatum)))

    @strawberry.field(description="Onderwijsaanbieders (scholen en instellingen). / Institutions.")
    async def onderwijsaanbieders(
        self,
        info: Info[Context, None],
        filter: Annotated[filters.OnderwijsaanbiederFilter | None, FILTER] = None,
        order_by: OrderBy = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[Onderwijsaanbieder]:
        page = await aanbieders.onderwijsaanbieders(
            info.context.reads,
            (filter or filters.OnderwijsaanbiederFilter()).to_filter(
                await info.context.gebieden.current()
            ),
            order(order_by),
            first,
            after,
            op(peildatum),
            asks_for(info, "totalCount"),
        )
        return Connection.of(page, lambda row: build("Onderwijsaanbieder", row, op(peildatum)))

    @strawberry.field(description="Onderwijslocaties. / Locations.")
    async def onderwijslocaties(
        self,
        info: Info[Context, None],
        filter: Annotated[filters.OnderwijslocatieFilter | None, FILTER] = None,
        order_by: OrderBy = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> OnderwijslocatieConnection:
        page = await locaties.onderwijslocaties(
            info.context.reads,
            (filter or filters.OnderwijslocatieFilter()).to_filter(
                await info.context.gebieden.current()
            ),
            order(order_by),
            first,
            after,
            op(peildatum),
            asks_for(info, "totalCount"),
        )
        return OnderwijslocatieConnection.of(
            page, lambda row: build("Onderwijslocatie", row, op(peildatum))
        )

    @strawberry.field(description="Aangeboden opleidingen. / Offerings.")
    async def aangeboden_opleidingen(
        self,
        info: Info[Context, None],
        filter: Annotated[filters.AangebodenOpleidingFilter | None, FILTER] = None,
        order_by: OrderBy = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> AangebodenOpleidingConnection:
        page = await aanbod.aangeboden_opleidingen(
            info.context.reads,
            (filter or filters.AangebodenOpleidingFilter()).to_filter(
                await info.context.gebieden.current()
            ),
            order(order_by),
            first,
            after,
            op(peildatum),
            asks_for(info, "totalCount"),
        )
        return AangebodenOpleidingConnection.of(
            page, lambda row: build("AangebodenOpleiding", row, op(peildatum))
        )

    @strawberry.field(description="Opleidingseenheden. / Programmes.")
    async def opleidingseenheden(
        self,
        info: Info[Context, None],
        filter: Annotated[filters.OpleidingseenheidFilter | None, FILTER] = None,
        order_by: OrderBy = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[Opleidingseenheid]:
        page = await opleidingseenheden.opleidingseenheden(
            info.context.reads,
            (filter or filters.OpleidingseenheidFilter()).to_filter(),
            order(order_by),
            first,
            after,
            op(peildatum),
            asks_for(info, "totalCount"),
        )
        return Connection.of(page, lambda row: build("Opleidingseenheid", row, op(peildatum)))

    @strawberry.field(
        description="Onderwijsaanbiedersgroepen, op code. / Groups of institutions, by code."
    )
    async def onderwijsaanbiedersgroepen(
        self,
        info: Info[Context, None],
        filter: Annotated[OnderwijsaanbiedersgroepFilter | None, FILTER] = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[Onderwijsaanbiedersgroep]:
        page = await groepen.onderwijsaanbiedersgroepen(
            info.context.reads,
            (filter or OnderwijsaanbiedersgroepFilter()).to_filter(),
            first,
            after,
            op(peildatum),
            asks_for(info, "totalCount"),
        )
        return Connection.of(
            page, lambda row: build("Onderwijsaanbiedersgroep", row, op(peildatum))
        )

    @strawberry.field(
        description="Samenwerkingsverbanden (zoals RMC-regio's), op code. / Partnerships "
        "(such as RMC regions), by code."
    )
    async def samenwerkingsverbanden(
        self,
        info: Info[Context, None],
        filter: Annotated[SamenwerkingsverbandFilter | None, FILTER] = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[Samenwerkingsverband]:
        page = await samenwerkingsverbanden.samenwerkingsverbanden(
            info.context.reads,
            (filter or SamenwerkingsverbandFilter()).to_filter(),
            first,
            after,
            op(peildatum),
            asks_for(info, "totalCount"),
        )
        return Connection.of(page, lambda row: build("Samenwerkingsverband", row, op(peildatum)))

    @strawberry.field(
        description="Onderwijsbegeleidingsaanbieders, op naam. / Specialist support "
        f"organisations, by name. {LEEG}"
    )
    async def onderwijsbegeleidingsaanbieders(
        self,
        info: Info[Context, None],
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[Onderwijsbegeleidingsaanbieder]:
        page = await begeleidingsaanbieders.onderwijsbegeleidingsaanbieders(
            info.context.reads, first, after, op(peildatum), asks_for(info, "totalCount")
        )
        return Connection.of(
            page, lambda row: build("Onderwijsbegeleidingsaanbieder", row, op(peildatum))
        )

    @strawberry.field(
        description="Welke waardelijsten er zijn, elke waarde met haar label. / The value lists."
    )
    def waardelijsten(self) -> Waardelijsten:
        return waardelijsten()

    tellingen = TELLINGEN

    voorstel_objecten_van_toezicht = toezicht_fields.VOORSTEL
    objecten_van_toezicht = toezicht_fields.OBJECTEN
    object_van_toezicht = toezicht_fields.OBJECT
    toezichtrapport = toezicht_fields.RAPPORT

    meta: Meta = strawberry.field(
        resolver=resolve_meta,
        description="Bron, licentie en actualiteit van de gegevens. / Provenance of the data.",
    )

    @strawberry.field(description="De aanroeper: anoniem of de rollen uit het token. / The caller.")
    def ik(self, info: Info[Context, None]) -> Gebruiker:
        return ik(info.context.viewer)

    @strawberry.field(
        description="Gemeenten (CBS-indeling 2023) met hun codes en wat er op de peildatum is; "
        "filter en zoek op code of naam zoals je die schrijft. / Municipalities with their codes "
        "and counts on the peildatum."
    )
    async def gemeenten(
        self,
        info: Info[Context, None],
        filter: Annotated[gebied.GemeenteFilter | None, FILTER] = None,
        order_by: OrderBy = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[gebied.GemeenteMetAantallen]:
        found = await info.context.gebieden.current()
        chosen = (filter or gebied.GemeenteFilter()).to_filter(found)
        page = gebieden.gemeenten(found, chosen, order(order_by), first, after)
        return gebied.gemeenten_connection(info.context.reads, found, page, op(peildatum))

    @strawberry.field(
        description="Provincies (CBS) met hun codes (ook ISO 3166-2:NL) en wat er op de "
        "peildatum is. / Provinces with their codes and counts on the peildatum."
    )
    async def provincies(
        self,
        info: Info[Context, None],
        filter: Annotated[gebied.ProvincieFilter | None, FILTER] = None,
        order_by: OrderBy = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[gebied.ProvincieMetAantallen]:
        found = await info.context.gebieden.current()
        chosen = (filter or gebied.ProvincieFilter()).to_filter(found)
        page = gebieden.provincies(found, chosen, order(order_by), first, after)
        return gebied.provincies_connection(info.context.reads, found, page, op(peildatum))

    @strawberry.field(
        description="Elke code die naar een object leidt: RIO-code, BRIN4, BRIN6, "
        "bevoegd-gezagnummer, erkende opleidingscode (CROHO/CREBO, ook als variantVan), "
        "KvK-nummer, RSIN of BAG-id. Geeft per treffer de soort code en het object "
        "op de peildatum; een onbekende code: een lege lijst. / Any code (RIO, BRIN4, BRIN6, "
        "bevoegd gezag, CROHO/CREBO, KvK, RSIN, BAG id) to the objects it leads to on the "
        "peildatum, with the kind of code; an unknown code: an empty list."
    )
    async def codes(
        self,
        info: Info[Context, None],
        code: Annotated[
            list[str],
            strawberry.argument(
                description='Een code ("31EW01") of een lijst codes (hoogstens 100); '
                "hoofdletters tellen niet. / One code or a list; case does not matter."
            ),
        ],
        soort: Annotated[
            list[code_types.Codesoort] | None,
            strawberry.argument(description="Alleen codes van deze soorten. / Only these kinds."),
        ] = None,
        first: First = None,
        after: After = None,
        peildatum: Peildatum = None,
    ) -> Connection[code_types.Code]:
        chosen = crosswalk.CodeFilter(code=code, soort=[s.value for s in soort or ()] or None)
        page = await crosswalk.codes(
            info.context.reads, chosen, first, after, op(peildatum), asks_for(info, "totalCount")
        )
        return Connection.of(page, lambda row: build("Code", row, op(peildatum)))


async def _lookup(info: Info[Context, None], type_name: str, code: str, peildatum: dt.date) -> Any:
    row = await lookups.by_code(info.context.loaders, type_name, code, peildatum)
    return build(type_name, row, peildatum) if row is not None else None


async def _node(info: Info[Context, None], id: str) -> Node | None:
    """The object with global id ``id`` on the peildatum the id carries (an id without one:
    today); None when there is none."""
    type_name, code, peildatum = parse_global_id(id)
    day = op(peildatum)
    row = await info.context.loaders.of_type(type_name).load((code, day))
    return build(type_name, row, day) if row is not None else None


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Logging happens in ``ErrorCodes``, for unexpected errors only."""


@cache
def build_schema(budget: int = DEFAULT_BUDGET) -> strawberry.Schema:
    """The schema; ``budget`` is the cost one request may have (``schema.limits``). Built once
    per budget: a schema holds no state of its own, so apps in one process share it."""
    return Schema(
        query=Query,
        mutation=Mutation,
        types=[
            *aanbod_types.CONCRETE_TYPES,
            *eenheid_types.CONCRETE_TYPES,
            *erkenning_types.CONCRETE_TYPES,
        ],
        config=StrawberryConfig(scalar_map={dt.date: DATE}),
        extensions=[
            ErrorCodes,
            AuditLog,
            partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
            partial(Limits, budget=budget),
        ],
    )
