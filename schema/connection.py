"""Relay connections: every list is a page with edges, pageInfo and totalCount."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Generic, Self, TypeVar

import strawberry

from loaders.paging import Page

T = TypeVar("T")


@strawberry.type(
    description="Waar deze pagina staat in de lijst. / Where this page is in the list."
)
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="Er is een volgende pagina. / There is a next page."
    )
    has_previous_page: bool = strawberry.field(
        description="Deze pagina begint na een cursor. / This page starts after a cursor."
    )
    start_cursor: str | None = strawberry.field(
        description="Cursor van de eerste rij. / First cursor."
    )
    end_cursor: str | None = strawberry.field(
        description="Cursor van de laatste rij; geef door als `after`. / Pass as `after` for the next page."
    )


@strawberry.type(description="Een rij met haar cursor. / A row with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Cursor van deze rij. / Cursor of this row.")
    node: T = strawberry.field(description="Het object. / The object.")


@strawberry.type(
    description="Een pagina uit een lijst (first: standaard 25, hoogstens 100). / A page of a list."
)
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="De rijen van deze pagina. / The rows.")
    page_info: PageInfo = strawberry.field(description="Paginering. / Paging.")
    total: strawberry.Private[int | None]

    @strawberry.field(
        description="Aantal objecten in de hele lijst. / Number of objects in the whole list."
    )
    def total_count(self) -> int:
        if self.total is None:
            raise RuntimeError("the total of this page was not counted")
        return self.total

    @classmethod
    def of(cls, page: Page[Any], node: Callable[[Any], T]) -> Self:
        edges = [
            Edge(cursor=c, node=node(row)) for c, row in zip(page.cursors, page.rows, strict=True)
        ]
        return cls(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next,
                has_previous_page=page.has_previous,
                start_cursor=page.cursors[0] if page.cursors else None,
                end_cursor=page.cursors[-1] if page.cursors else None,
            ),
            total=page.total,
        )


First = Annotated[
    int | None,
    strawberry.argument(
        description="Aantal rijen (standaard 25, hoogstens 100). / Page size (default 25, max 100)."
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Ga verder na deze cursor (endCursor). / Continue after this cursor."
    ),
]
