"""Gemeente and provincie (CBS)."""

from __future__ import annotations

import strawberry

from schema.described import Rij, described, link


@described
@strawberry.type(description="Een provincie (CBS). / A province.")
class Provincie(Rij):
    code: str = strawberry.field(description="CBS-provinciecode, bv. 27. / CBS code.")
    naam: str = strawberry.field(description="Naam. / Name.")


@described
@strawberry.type(description="Een gemeente (CBS-indeling 2023). / A municipality.")
class Gemeente(Rij):
    code: str = strawberry.field(description="CBS-gemeentecode, bv. 0363. / CBS code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    provincie: Provincie | None = link("De provincie. / The province.")
