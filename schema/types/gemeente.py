"""Gemeente and provincie (CBS)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from schema.context import Context


@strawberry.type(description="Een provincie (CBS). / A province.")
class Provincie:
    code: str = strawberry.field(description="CBS-provinciecode, bv. 27. / CBS code.")
    naam: str = strawberry.field(description="Naam. / Name.")

    @classmethod
    def from_row(cls, row: Any) -> Provincie:
        return cls(code=row.code, naam=row.naam)


@strawberry.type(description="Een gemeente (CBS-indeling 2023). / A municipality.")
class Gemeente:
    code: str = strawberry.field(description="CBS-gemeentecode, bv. 0363. / CBS code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    provincie_code: strawberry.Private[str]
    peildatum: strawberry.Private[dt.date]

    @classmethod
    def from_row(cls, row: Any, peildatum: dt.date) -> Gemeente:
        return cls(
            code=row.code, naam=row.naam, provincie_code=row.provincie_code, peildatum=peildatum
        )

    @strawberry.field(description="De provincie. / The province.")
    async def provincie(self, info: Info[Context, None]) -> Provincie | None:
        row = await info.context.loaders.provincies_by_code.load(
            (self.provincie_code, self.peildatum)
        )
        return Provincie.from_row(row) if row else None
