"""Onderwijsbestuur."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from schema.audit import record
from schema.connection import After, Connection, First, nested
from schema.context import Context
from schema.node import Node
from schema.types.common import Herkomst
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.contact import Communicatiecontext
    from schema.types.erkenning import Erkenning


@strawberry.type(
    description="Onderwijsbestuur: het bevoegd gezag zoals RIO het registreert (code NNNBNNN). / "
    "The governing body of schools."
)
class Onderwijsbestuur(Node, Geldigheid):
    code: str = strawberry.field(description="RIO-onderwijsbestuurcode, bv. 100B490. / RIO code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    kvk_nummer: str | None = strawberry.field(
        description="KvK-nummer. / Chamber of Commerce number."
    )
    rsin: str | None = strawberry.field(description="RSIN. / Legal entity number.")
    bevoegd_gezag_nummer: str | None = strawberry.field(
        description="Nummer van de bevoegd-gezagerkenning (5 cijfers). / OCW number."
    )

    def node_type(self) -> str:
        return "Onderwijsbestuur"

    def node_code(self) -> str:
        return self.code

    @classmethod
    def from_row(cls, row: Any, peildatum: dt.date) -> Onderwijsbestuur:
        return cls(
            code=row.code,
            naam=row.naam,
            kvk_nummer=row.kvk_nummer,
            rsin=row.rsin,
            bevoegd_gezag_nummer=row.bevoegd_gezag_nummer,
            begindatum=row.begindatum,
            einddatum=row.einddatum,
            herkomst=Herkomst.from_row(row),
            peildatum=peildatum,
        )

    @classmethod
    async def load(
        cls, info: Info[Context, None], code: str | None, peildatum: dt.date
    ) -> Onderwijsbestuur | None:
        """The bestuur with ``code`` valid on ``peildatum``, through this request's loader."""
        if code is None:
            return None
        row = await info.context.loaders.besturen_by_code.load((code, peildatum))
        return cls.from_row(row, peildatum) if row else None

    @strawberry.field(
        description="De onderwijsaanbieders van dit bestuur. / Its schools and institutions."
    )
    async def onderwijsaanbieders(
        self,
        info: Info[Context, None],
        first: First = None,
        after: After = None,
    ) -> Connection[Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")]]:
        from schema.types.aanbieder import Onderwijsaanbieder

        return await nested(
            info.context.loaders.aanbieders_by_bestuur,
            self.code,
            self.peildatum,
            first,
            after,
            lambda row: Onderwijsaanbieder.from_row(row, self.peildatum),
        )

    @strawberry.field(description="Erkenningen waarop dit bestuur rust. / Its recognitions.")
    async def erkenningen(
        self,
        info: Info[Context, None],
        first: First = None,
        after: After = None,
    ) -> Connection[Annotated[Erkenning, strawberry.lazy("schema.types.erkenning")]]:
        from schema.types.erkenning import erkenning_from_row

        return await nested(
            info.context.loaders.erkenningen_by_bestuur,
            self.code,
            self.peildatum,
            first,
            after,
            lambda row: erkenning_from_row(row, self.peildatum),
        )

    @strawberry.field(description="Contactgegevens per doel. / Contact details per purpose.")
    async def communicatiecontexten(
        self,
        info: Info[Context, None],
        first: First = None,
        after: After = None,
    ) -> Connection[Annotated[Communicatiecontext, strawberry.lazy("schema.types.contact")]]:
        from schema.types.contact import Communicatiecontext

        loader = info.context.loaders.contexten_by_bestuur
        page = await loader.load(loader.page_key(self.code, self.peildatum, first, after))
        record(info.context, "onderwijsbestuur", self.code, page.rows)
        return Connection.of(page, lambda row: Communicatiecontext.from_row(row, self.peildatum))
