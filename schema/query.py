"""The root ``Query`` type: thin fields that call ``resolvers`` and wrap rows in types."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter
from strawberry.types import ExecutionContext, Info

from onderwijsgraaf.errors import BadUserInput
from onderwijsgraaf.peildatum import vandaag
from resolvers import aanbieders, aanbod, besturen, locaties, lookups, opleidingseenheden
from schema import filters
from schema.audit import AuditLog
from schema.connection import After, Connection, First
from schema.context import Context
from schema.enums import Sortering
from schema.errors import ErrorCodes
from schema.ik import Gebruiker, ik
from schema.meta import Meta, resolve_meta
from schema.node import Node, parse_global_id
from schema.types import aanbod as aanbod_types
from schema.types import erkenning as erkenning_types
from schema.types import opleidingseenheid as eenheid_types
from schema.types.aanbieder import Onderwijsaanbieder
from schema.types.aanbod import AangebodenOpleiding, AangebodenOpleidingConnection, aanbod_from_row
from schema.types.bestuur import Onderwijsbestuur
from schema.types.locatie import Onderwijslocatie, OnderwijslocatieConnection
from schema.types.opleidingseenheid import Opleidingseenheid, opleidingseenheid_from_row
from schema.waardelijsten import Waardelijsten, waardelijsten

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_NODES = 100

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
        "education institutions and their offering."
    )
)
class Query:
    @strawberry.field(
        description="Een onderwijsbestuur op code; onbekend: null. / A governing body by code."
    )
    async def onderwijsbestuur(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> Onderwijsbestuur | None:
        row = await lookups.onderwijsbestuur(info.context.loaders, code, op(peildatum))
        return Onderwijsbestuur.from_row(row, op(peildatum)) if row else None

    @strawberry.field(
        description="Een onderwijsaanbieder op code; onbekend: null. / An institution by code."
    )
    async def onderwijsaanbieder(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> Onderwijsaanbieder | None:
        row = await lookups.onderwijsaanbieder(info.context.loaders, code, op(peildatum))
        return Onderwijsaanbieder.from_row(row, op(peildatum)) if row else None

    @strawberry.field(
        description="Een onderwijslocatie op code; onbekend: null. / A location by code."
    )
    async def onderwijslocatie(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> Onderwijslocatie | None:
        row = await lookups.onderwijslocatie(info.context.loaders, code, op(peildatum))
        return Onderwijslocatie.from_row(row, op(peildatum)) if row else None

    @strawberry.field(
        description="Een opleidingseenheid op code; onbekend: null. / A programme by code."
    )
    async def opleidingseenheid(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> Opleidingseenheid | None:
        row = await lookups.opleidingseenheid(info.context.loaders, code, op(peildatum))
        return opleidingseenheid_from_row(row, op(peildatum)) if row else None

    @strawberry.field(
        description="Een aangeboden opleiding op code (UUID); onbekend: null. / An offering by code."
    )
    async def aangeboden_opleiding(
        self, info: Info[Context, None], code: Code, peildatum: Peildatum = None
    ) -> AangebodenOpleiding | None:
        row = await lookups.aangeboden_opleiding(info.context.loaders, code, op(peildatum))
        return aanbod_from_row(row, op(peildatum)) if row else None

    @strawberry.field(
        description="Een object op globale id (vandaag geldig); onbekend: null. / An object by global id."
    )
    async def node(
        self,
        info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="Globale id. / Global id.")],
    ) -> Node | None:
        return await _node(info, id)

    @strawberry.field(
        description="Objecten op globale id (hoogstens 100). / Objects by global id (at most 100)."
    )
    async def nodes(
        self,
        info: Info[Context, None],
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="Globale ids. / Global ids.")
        ],
    ) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise BadUserInput(f"ids: at most {MAX_NODES} ids, got {len(ids)}")
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
            info.context.sessions,
            (filter or filters.OnderwijsbestuurFilter()).to_filter(),
            order(order_by),
            first,
            after,
            op(peildatum),
        )
        return Connection.of(page, lambda row: Onderwijsbestuur.from_row(row, op(peildatum)))

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
            info.context.sessions,
            (filter or filters.OnderwijsaanbiederFilter()).to_filter(),
            order(order_by),
            first,
            after,
            op(peildatum),
        )
        return Connection.of(page, lambda row: Onderwijsaanbieder.from_row(row, op(peildatum)))

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
            info.context.sessions,
            (filter or filters.OnderwijslocatieFilter()).to_filter(),
            order(order_by),
            first,
            after,
            op(peildatum),
        )
        return OnderwijslocatieConnection.of(
            page, lambda row: Onderwijslocatie.from_row(row, op(peildatum))
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
            info.context.sessions,
            (filter or filters.AangebodenOpleidingFilter()).to_filter(),
            order(order_by),
            first,
            after,
            op(peildatum),
        )
        return AangebodenOpleidingConnection.of(
            page, lambda row: aanbod_from_row(row, op(peildatum))
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
            info.context.sessions,
            (filter or filters.OpleidingseenheidFilter()).to_filter(),
            order(order_by),
            first,
            after,
            op(peildatum),
        )
        return Connection.of(page, lambda row: opleidingseenheid_from_row(row, op(peildatum)))

    @strawberry.field(
        description="Welke waardelijsten er zijn, elke waarde met haar label. / The value lists."
    )
    def waardelijsten(self) -> Waardelijsten:
        return waardelijsten()

    meta: Meta = strawberry.field(
        resolver=resolve_meta,
        description="Bron, licentie en actualiteit van de gegevens. / Provenance of the data.",
    )

    @strawberry.field(description="De aanroeper: anoniem of de rollen uit het token. / The caller.")
    def ik(self, info: Info[Context, None]) -> Gebruiker:
        return ik(info.context.viewer)


async def _node(info: Info[Context, None], id: str) -> Node | None:
    type_name, code = parse_global_id(id)
    today = op(None)
    loaders = info.context.loaders
    if type_name == "Onderwijsbestuur":
        return await Onderwijsbestuur.load(info, code, today)
    if type_name == "Onderwijsaanbieder":
        row = await loaders.aanbieders_by_code.load((code, today))
        return Onderwijsaanbieder.from_row(row, today) if row else None
    if type_name == "Onderwijslocatie":
        row = await loaders.locaties_by_code.load((code, today))
        return Onderwijslocatie.from_row(row, today) if row else None
    if type_name == "Opleidingseenheid":
        row = await loaders.opleidingseenheden_by_code.load((code, today))
        return opleidingseenheid_from_row(row, today) if row else None
    row = await loaders.aanbod_by_code.load((code, today))
    return aanbod_from_row(row, today) if row else None


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Logging happens in ``ErrorCodes``, for unexpected errors only."""


def build_schema() -> strawberry.Schema:
    return Schema(
        query=Query,
        types=[
            *aanbod_types.CONCRETE_TYPES,
            *eenheid_types.CONCRETE_TYPES,
            *erkenning_types.CONCRETE_TYPES,
        ],
        extensions=[
            ErrorCodes,
            AuditLog,
            partial(QueryDepthLimiter, max_depth=MAX_DEPTH),
            partial(MaxAliasesLimiter, max_alias_count=MAX_ALIASES),
        ],
    )
