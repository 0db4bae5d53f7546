"""Gemeenten and provincies as root lists: their codes in every form, and what each has on the
peildatum (counted per page, ``resolvers.gebieden``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from loaders.paging import Page
from onderwijsgraaf.db import gebieden as g
from onderwijsgraaf.db.reads import Reads
from resolvers import gebieden as r
from schema.connection import Connection

GEMEENTEN = (
    "Gemeente(n): CBS-code (0307, 307, GM0307) of naam (Amersfoort; hoofdletters, accenten, "
    "apostrofs en koppeltekens tellen niet, ook Den Haag en Den Bosch); onbekend: BAD_USER_INPUT "
    "met de dichtstbijzijnde. / Municipalities: CBS code or name; an unknown one is an error "
    "naming the nearest."
)
PROVINCIES = (
    "Provincie(s): naam (Utrecht, ook Friesland), CBS-code (26, PV26) of ISO 3166-2:NL-code (UT, "
    "NL-UT); onbekend: BAD_USER_INPUT met de dichtstbijzijnde. / Provinces: name, CBS code or "
    "ISO 3166-2:NL code; an unknown one is an error naming the nearest."
)
AANBIEDERS = (
    "Aantal onderwijsaanbieders met een locatie hier, op de peildatum. / Institutions with a "
    "location here, on the peildatum."
)
LOCATIES = "Aantal onderwijslocaties hier, op de peildatum. / Locations here, on the peildatum."
AANBOD = (
    "Aantal aangeboden opleidingen op een locatie hier, op de peildatum. / Offerings at a "
    "location here, on the peildatum."
)


async def _aantallen(root: Any) -> r.Aantallen:
    tellingen: r.Tellingen = root.tellingen
    return await tellingen.van(root.code)


async def _aanbieders(root: Any) -> int:
    return (await _aantallen(root)).onderwijsaanbieders


async def _locaties(root: Any) -> int:
    return (await _aantallen(root)).onderwijslocaties


async def _aanbod(root: Any) -> int:
    return (await _aantallen(root)).aangeboden_opleidingen


@strawberry.type(
    description="Een provincie (CBS) met haar codes en wat er op de peildatum is. / A province "
    "with its codes and what it has on the peildatum."
)
class ProvincieMetAantallen:
    code: str = strawberry.field(description="CBS-provinciecode: 26. / CBS code.")
    pv_code: str = strawberry.field(description="CBS-code met PV: PV26. / CBS code with PV.")
    afkorting: str | None = strawberry.field(
        description="ISO 3166-2:NL-code zonder NL-: UT (NL-UT). / ISO 3166-2:NL subdivision code."
    )
    naam: str = strawberry.field(description="Naam (CBS): Utrecht. / Name.")
    aantal_gemeenten: int = strawberry.field(
        description="Aantal gemeenten. / Number of municipalities."
    )
    aantal_onderwijsaanbieders: int = strawberry.field(resolver=_aanbieders, description=AANBIEDERS)
    aantal_onderwijslocaties: int = strawberry.field(resolver=_locaties, description=LOCATIES)
    aantal_aangeboden_opleidingen: int = strawberry.field(resolver=_aanbod, description=AANBOD)
    tellingen: strawberry.Private[r.Tellingen]

    @classmethod
    def of(
        cls, gebieden: g.Gebieden, provincie: g.Provincie, tellingen: r.Tellingen
    ) -> ProvincieMetAantallen:
        return cls(
            code=provincie.code,
            pv_code=provincie.pv_code,
            afkorting=provincie.afkorting,
            naam=provincie.naam,
            aantal_gemeenten=r.aantal_gemeenten(gebieden, provincie.code),
            tellingen=tellingen,
        )


@strawberry.type(
    description="Een gemeente (CBS-indeling 2023) met haar codes en wat er op de peildatum is. / "
    "A municipality with its codes and what it has on the peildatum."
)
class GemeenteMetAantallen:
    code: str = strawberry.field(description="CBS-gemeentecode: 0307. / CBS code.")
    gm_code: str = strawberry.field(description="CBS-code met GM: GM0307. / CBS code with GM.")
    naam: str = strawberry.field(description="Naam (CBS): Amersfoort. / Name.")
    provincie: ProvincieMetAantallen = strawberry.field(description="De provincie. / Province.")
    aantal_onderwijsaanbieders: int = strawberry.field(resolver=_aanbieders, description=AANBIEDERS)
    aantal_onderwijslocaties: int = strawberry.field(resolver=_locaties, description=LOCATIES)
    aantal_aangeboden_opleidingen: int = strawberry.field(resolver=_aanbod, description=AANBOD)
    tellingen: strawberry.Private[r.Tellingen]


@strawberry.input(description="Filter op gemeenten. / Filter on municipalities.")
class GemeenteFilter:
    gemeentecode: list[str] | None = strawberry.field(default=None, description=GEMEENTEN)
    provincie: list[str] | None = strawberry.field(default=None, description=PROVINCIES)

    def to_filter(self, gebieden: g.Gebieden) -> r.GemeenteFilter:
        return r.GemeenteFilter(
            gemeentecode=gebieden.gemeentecodes(self.gemeentecode),
            provincie=gebieden.provinciecodes(self.provincie),
        )


@strawberry.input(description="Filter op provincies. / Filter on provinces.")
class ProvincieFilter:
    provincie: list[str] | None = strawberry.field(default=None, description=PROVINCIES)

    def to_filter(self, gebieden: g.Gebieden) -> r.ProvincieFilter:
        return r.ProvincieFilter(provincie=gebieden.provinciecodes(self.provincie))


def gemeenten_connection(
    reads: Reads, gebieden: g.Gebieden, page: Page[g.Gemeente], peildatum: dt.date
) -> Connection[GemeenteMetAantallen]:
    """The page's gemeenten; the counts of all of them (and of their provincies) are counted
    together, by the first field that asks."""
    tellingen = r.Tellingen(reads, "gemeente", [x.code for x in page.rows], peildatum)
    per_provincie = r.Tellingen(
        reads, "provincie", [x.provincie.code for x in page.rows], peildatum
    )
    return Connection.of(
        page,
        lambda gemeente: GemeenteMetAantallen(
            code=gemeente.code,
            gm_code=gemeente.gm_code,
            naam=gemeente.naam,
            provincie=ProvincieMetAantallen.of(gebieden, gemeente.provincie, per_provincie),
            tellingen=tellingen,
        ),
    )


def provincies_connection(
    reads: Reads, gebieden: g.Gebieden, page: Page[g.Provincie], peildatum: dt.date
) -> Connection[ProvincieMetAantallen]:
    """The page's provincies; the counts of all of them are counted together, by the first
    field that asks."""
    tellingen = r.Tellingen(reads, "provincie", [x.code for x in page.rows], peildatum)
    return Connection.of(
        page, lambda provincie: ProvincieMetAantallen.of(gebieden, provincie, tellingen)
    )
