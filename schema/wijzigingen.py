"""The root field ``wijzigingen``: the change feed, a thin call of ``resolvers.wijzigingen``."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers import wijzigingen as resolve
from schema.connection import After, First
from schema.context import Context
from schema.selection import asks_for
from schema.types.wijziging import Wijziging, WijzigingConnection, WijzigingSoort


@strawberry.type
class WijzigingVelden:
    @strawberry.field(
        description="Wat er veranderde sinds een versie van de gegevens of een datum: per "
        "object aangemaakt, gewijzigd (welke velden, oude en nieuwe waarde), beëindigd of "
        "verwijderd, oudste eerst; hervat met de cursor. Wie de wijzigingen toepast op de "
        "export van toen, heeft de export van nu. Ook als JSON Lines: GET "
        "/wijzigingen.jsonl?sinds=… / What changed since a data version or a date, per object, "
        "oldest first; resumable by cursor. Also as JSON Lines."
    )
    async def wijzigingen(
        self,
        info: Info[Context, None],
        sinds: Annotated[
            str,
            strawberry.argument(
                description="Een versie (meta.versie, of een van meta.versies): de wijzigingen "
                "erna; of een datum YYYY-MM-DD: de wijzigingen vanaf die dag (UTC). / A data "
                "version (the changes after it) or a date (the changes from that day on, UTC)."
            ),
        ],
        soorten: Annotated[
            list[WijzigingSoort] | None,
            strawberry.argument(description="Alleen deze soorten. / Only these kinds."),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> WijzigingConnection:
        page = await resolve.wijzigingen(
            info.context.reads,
            sinds,
            [s.name for s in soorten] if soorten else None,
            first,
            after,
            count=asks_for(info, "totalCount"),
        )
        return WijzigingConnection.of(page, Wijziging.of)
