"""Per-request batch loaders, made from the graph description: one ``ByKeyLoader`` per table
(links), one ``PagedLoader`` per listing and one ``ListLoader`` per list of values. Build them
with ``Loaders(reads, viewer)`` for each request (aiodataloader binds to the running event loop);
each is created at its first use."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from sqlalchemy import Select

from loaders.core import ByKeyLoader, ByKeySpec, EdgeSpec, ListLoader, ListSpec, PagedLoader
from loaders.leerlingaantallen import ReeksLoader
from loaders.toezicht import BestaatLoader
from onderwijsgraaf import graph
from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.graph.model import Values, table
from onderwijsgraaf.graph.sql import child_rows, rows_by_key, values_rows


class Loaders:
    def __init__(self, reads: Reads, viewer: Viewer = ANONYMOUS) -> None:
        self.reads = reads
        self.viewer = viewer
        self._by_key: dict[str, ByKeyLoader] = {}
        self._paged: dict[tuple[str, str], PagedLoader] = {}
        self._values: dict[Values, ListLoader] = {}
        self._reeksen: dict[str, ReeksLoader] = {}
        self._bestaat: BestaatLoader | None = None

    def of_type(self, type_name: str) -> ByKeyLoader:
        """(key, peildatum) → the row with that key, valid on that date, of the table that type
        (or interface) ``type_name`` reads its rows from."""
        table_name, key = graph.table_of(type_name)
        if table_name not in self._by_key:
            t = table(table_name)
            self._by_key[table_name] = ByKeyLoader(
                self.reads, ByKeySpec(partial(rows_by_key, t), t.c[key])
            )
        return self._by_key[table_name]

    def listing(self, edge: graph.Edge) -> PagedLoader:
        """(parent, peildatum, first, after) → a page of ``edge``'s rows the viewer may see."""
        key = (edge.owner, edge.field)
        if key not in self._paged:
            self._paged[key] = PagedLoader(self.reads, self._edge_spec(edge))
        return self._paged[key]

    def values(self, values: Values) -> ListLoader:
        """(parent, peildatum) → the sorted distinct values of ``values``."""
        if values not in self._values:
            spec = ListSpec(lambda peildatum: values_rows(values, peildatum))
            self._values[values] = ListLoader(self.reads, spec)
        return self._values[values]

    def leerlingaantallen(self, ouder: str) -> ReeksLoader:
        """code → the leerlingaantallen series of the parent with that code in column ``ouder``
        (``loaders.leerlingaantallen.OUDERS``)."""
        if ouder not in self._reeksen:
            self._reeksen[ouder] = ReeksLoader(self.reads, ouder)
        return self._reeksen[ouder]

    def bestaat(self) -> BestaatLoader:
        """(combination of an object van toezicht, date) → whether the register has it then."""
        if self._bestaat is None:
            self._bestaat = BestaatLoader(self.reads)
        return self._bestaat

    def _edge_spec(self, edge: graph.Edge) -> EdgeSpec:
        listing, viewer = edge.listing, self.viewer
        parent = child_rows(listing, dt.date.min, viewer).parent

        def query(peildatum: dt.date) -> Select[Any]:
            return child_rows(listing, peildatum, viewer).select

        return EdgeSpec(edge.kind, query, parent, listing.order)
