"""The root ``Query`` type: thin fields that call ``resolvers``."""

from __future__ import annotations

import strawberry

from schema.meta import Meta, resolve_meta


@strawberry.type(
    description=(
        "Onderwijsgraaf: GraphQL over RIO, het register van onderwijsinstellingen en hun aanbod. "
        "Bron: DUO; Bron: CBS; GeoNames (CC BY 4.0). / GraphQL over RIO, the Dutch register of "
        "education institutions and their offering."
    )
)
class Query:
    meta: Meta = strawberry.field(
        resolver=resolve_meta,
        description="Bron, licentie en actualiteit van de gegevens. / Provenance of the data.",
    )


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=Query)
