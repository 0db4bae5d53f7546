"""The two kinds of batch loader every edge of the graph is made of.

- ``ByKeyLoader``: (key, peildatum) → the row with that key valid on that date, or ``None``.
- ``PagedLoader``: (parent, peildatum, first, after) → a ``Page`` of the parent's rows.

Both dedupe their keys and run one statement per (peildatum, first), whatever the parents
and their cursors: in a query that is one statement per edge, however many parents. All run on
the request's one connection (``Reads``), one statement at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, Row, Select, case, func, literal, select, tuple_
from sqlalchemy.orm import QueryableAttribute

from loaders.paging import Page, PageRequest, SortKey, check_cursor
from onderwijsgraaf.db.reads import Reads

ByKey = tuple[Hashable, dt.date]
# A column of a model (Onderwijsaanbieder.code) or any SQL expression.
Expr = ColumnElement[Any] | QueryableAttribute[Any]
PagedKey = tuple[Hashable, dt.date, int, str | None]


@dataclass(frozen=True)
class ByKeySpec:
    """Rows of ``query(peildatum)`` looked up by ``key``."""

    query: Callable[[dt.date], Select[Any]]
    key: Expr


class ByKeyLoader(DataLoader[ByKey, "Row[Any] | None"]):
    def __init__(self, reads: Reads, spec: ByKeySpec) -> None:
        super().__init__()
        self.reads = reads
        self.spec = spec

    async def batch_load_fn(self, keys: Sequence[ByKey]) -> list[Row[Any] | None]:
        per_date: dict[dt.date, set[Hashable]] = defaultdict(set)
        for key, peildatum in keys:
            per_date[peildatum].add(key)
        found: dict[ByKey, Row[Any]] = {}
        for peildatum, wanted in per_date.items():
            query = self.spec.query(peildatum).add_columns(self.spec.key.label("lookup_key"))
            for row in await self.reads.rows(query.where(self.spec.key.in_(wanted))):
                found[(row.lookup_key, peildatum)] = row
        return [found.get(key) for key in keys]


@dataclass(frozen=True)
class EdgeSpec:
    """The rows of ``query(peildatum)`` grouped by ``parent`` and sorted by ``order``.

    ``order`` names result columns that together are unique within a parent; they are the
    cursor's sort key.
    """

    kind: str
    query: Callable[[dt.date], Select[Any]]
    parent: Expr
    order: tuple[str, ...]

    def key(self, row: Row[Any]) -> SortKey:
        return tuple(getattr(row, name) for name in self.order)


class PagedLoader(DataLoader[PagedKey, Page[Row[Any]]]):
    def __init__(self, reads: Reads, spec: EdgeSpec) -> None:
        super().__init__()
        self.reads = reads
        self.spec = spec

    def page_key(
        self, parent: Hashable, peildatum: dt.date, first: int | None, after: str | None
    ) -> PagedKey:
        """The loader key for one parent's page; checks ``first`` and ``after`` first."""
        request = PageRequest.parse(self.spec.kind, first, after)
        if request.after is not None:
            columns = self.spec.query(peildatum).selected_columns
            check_cursor(
                request.after, [columns[name].type.python_type for name in self.spec.order]
            )
        return (parent, peildatum, request.first, after)

    async def batch_load_fn(self, keys: Sequence[PagedKey]) -> list[Page[Row[Any]]]:
        pages: dict[PagedKey, Page[Row[Any]]] = {}
        for peildatum, first, cursors in _batches(keys):
            requests = {
                parent: PageRequest.parse(self.spec.kind, first, after)
                for parent, after in cursors.items()
            }
            rows = await self.reads.rows(self._statement(peildatum, first, requests))
            per_parent: dict[Hashable, list[Row[Any]]] = defaultdict(list)
            totals: dict[Hashable, int] = {}
            for row in rows:
                totals[row.edge_parent] = row.edge_total
                if row.edge_after:
                    per_parent[row.edge_parent].append(row)
            for parent, request in requests.items():
                pages[(parent, peildatum, first, cursors[parent])] = Page.of(
                    request, per_parent[parent], totals.get(parent, 0), self.spec.key
                )
        return [pages[key] for key in keys]

    def _statement(
        self, peildatum: dt.date, first: int, requests: dict[Hashable, PageRequest]
    ) -> Select[Any]:
        """One statement for all parents: the rows after each parent's cursor, at most
        first + 1 per parent, each with its parent's total. A parent whose rows all lie before
        its cursor still returns one row (flagged ``edge_after = 0``) to carry its total."""
        inner = (
            self.spec.query(peildatum)
            .add_columns(
                self.spec.parent.label("edge_parent"),
                func.count().over(partition_by=self.spec.parent).label("edge_total"),
            )
            .where(self.spec.parent.in_(list(requests)))
            .subquery()
        )
        order: list[ColumnElement[Any]] = [inner.c[name] for name in self.spec.order]
        cursors = [(parent, r.after) for parent, r in requests.items() if r.after is not None]
        if cursors:
            after: ColumnElement[Any] = case(
                *(
                    (
                        inner.c.edge_parent == parent,
                        case((tuple_(*order) > tuple_(*key), 1), else_=0),
                    )
                    for parent, key in cursors
                ),
                else_=1,
            )
            window_order: list[ColumnElement[Any]] = [after.desc(), *order]
        else:
            after = literal(1)
            window_order = list(order)
        ranked = select(
            inner,
            after.label("edge_after"),
            func.row_number()
            .over(partition_by=inner.c.edge_parent, order_by=window_order)
            .label("edge_rank"),
        ).subquery()
        return (
            select(ranked)
            .where(ranked.c.edge_rank <= first + 1)
            .order_by(ranked.c.edge_parent, ranked.c.edge_rank)
        )


def _batches(
    keys: Sequence[PagedKey],
) -> list[tuple[dt.date, int, dict[Hashable, str | None]]]:
    """Keys grouped into statements: one per (peildatum, first), each parent once in it (the
    same parent asked with two cursors goes into a second statement)."""
    batches: list[tuple[dt.date, int, dict[Hashable, str | None]]] = []
    for parent, peildatum, first, after in dict.fromkeys(keys):
        for batch_peildatum, batch_first, cursors in batches:
            if (batch_peildatum, batch_first) == (peildatum, first) and parent not in cursors:
                cursors[parent] = after
                break
        else:
            batches.append((peildatum, first, {parent: after}))
    return batches


@dataclass(frozen=True)
class ListSpec:
    """A short list of values per parent (bounded by a value list, e.g. voertalen): ``query``
    gives the distinct (parent, value) rows valid on a peildatum, with those two columns."""

    query: Callable[[dt.date], tuple[Select[Any], Expr, Expr]]


class ListLoader(DataLoader[ByKey, list[Any]]):
    def __init__(self, reads: Reads, spec: ListSpec) -> None:
        super().__init__()
        self.reads = reads
        self.spec = spec

    async def batch_load_fn(self, keys: Sequence[ByKey]) -> list[list[Any]]:
        per_date: dict[dt.date, set[Hashable]] = defaultdict(set)
        for parent, peildatum in keys:
            per_date[peildatum].add(parent)
        found: dict[ByKey, list[Any]] = defaultdict(list)
        for peildatum, parents in per_date.items():
            query, parent, value = self.spec.query(peildatum)
            statement = query.where(parent.in_(parents)).order_by(parent, value)
            for row in await self.reads.rows(statement):
                parent_key, value = tuple(row)
                found[(parent_key, peildatum)].append(value)
        return [found.get(key, []) for key in keys]
