"""Onderwijsaanbiedersgroep: aanbieders of one bestuur that belong together, and the filter of
its root list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.groepen import GroepFilter
from schema.connection import Connection
from schema.described import described, link, listing
from schema.filters import BESTUUR
from schema.node import Node
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.bestuur import Onderwijsbestuur


@described
@strawberry.type(
    description="Onderwijsaanbiedersgroep: aanbieders van één bestuur die bij elkaar horen "
    "(code NNNGNNN). / A group of schools of one governing body."
)
class Onderwijsaanbiedersgroep(Node, Geldigheid):
    code: str = strawberry.field(description="RIO-code NNNGNNN. / RIO code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    onderwijsbestuur: (
        Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None
    ) = link("Het bestuur van de groep. / Its governing body.")
    onderwijsaanbieders: Connection[
        Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")]
    ] = listing("De aanbieders in deze groep. / The institutions in this group.")


@strawberry.input(
    description="Filter op onderwijsaanbiedersgroepen. / Filter on groups of institutions."
)
class OnderwijsaanbiedersgroepFilter:
    onderwijsbestuur_code: str | None = strawberry.field(default=None, description=BESTUUR)

    def to_filter(self, gebieden: object = None) -> GroepFilter:
        return GroepFilter(onderwijsbestuur_code=self.onderwijsbestuur_code)
