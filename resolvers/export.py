"""The rows of a bulk export: every object of a root list that meets the list's filter on the
peildatum, flattened to one row per object, read in batches through one server-side cursor.

Each list (``LIJSTEN``, keyed by its GraphQL root field) has a fixed column set (``Kolom``: name,
SQL expression, kind): the object's own public columns, among them the code of each object it
refers to (``<object>_code``: the row's own reference, given whether or not that object is valid),
and beside each such code the other columns of that object (its name; for an aanbod's
opleidingseenheid also its erkende opleidingscode and niveau, for its onderwijslocatie the
address and point) when it is valid on the same peildatum, else empty. A gemeente or provincie
has no validity: it is always there. Two columns come through another object: an aanbod's
``onderwijsbestuur_code`` is its aanbieder's (when the aanbieder is valid), the locatie's
``gemeente_code`` and ``provincie_code`` are the locatie's (when it is valid). The rows meet the
same conditions as the API's list (each list module's ``conditions``), in code order. Only public columns: no communicatiecontext
(contactpunt) is read at all, so an export is the same for every viewer.

Kinds: ``text``, ``int``, ``float``, ``date`` (``datetime.date``), as the writers type them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import aliased

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Gemeente,
    Onderwijsaanbieder,
    Onderwijsaanbiedersgroep,
    Onderwijsbegeleidingsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Opleidingseenheid,
    Provincie,
    Samenwerkingsverband,
    geldig_op,
)
from resolvers import (
    aanbieders,
    aanbod,
    begeleidingsaanbieders,
    besturen,
    gebieden,
    groepen,
    locaties,
    opleidingseenheden,
    samenwerkingsverbanden,
)

BATCH = 2000  # rows per batch read from the cursor (and per Parquet row group)


@dataclass(frozen=True)
class Kolom:
    """One column of an export: its name (CSV header, JSON key), SQL value and kind."""

    naam: str
    waarde: Any
    soort: str = "text"


@dataclass(frozen=True)
class Lijst:
    """A root list as an export: its GraphQL name, table, column set, how its filter becomes
    SQL conditions, and (for GeoJSON) the columns holding its point, if it has one."""

    naam: str
    tabel: Any
    kolommen: Callable[[dt.date], tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]]
    conditions: Callable[[Any, dt.date], list[ColumnElement[bool]]]
    punt: tuple[str, str] | None = None  # (latitude column, longitude column)

    def namen(self) -> list[str]:
        """The column names, in order (they do not depend on the peildatum)."""
        return [k.naam for k in self.kolommen(dt.date.min)[0]]

    def kolomsoorten(self) -> list[tuple[str, str]]:
        return [(k.naam, k.soort) for k in self.kolommen(dt.date.min)[0]]

    def statement(self, filter: Any, peildatum: dt.date) -> Select[Any]:
        """Every row of the export of ``filter`` on ``peildatum``, in code order."""
        kolommen, joins = self.kolommen(peildatum)
        query = select(*(k.waarde.label(k.naam) for k in kolommen)).select_from(self.tabel)
        return joins(query).where(*self.conditions(filter, peildatum)).order_by(self.tabel.code)

    def telling(self, filter: Any, peildatum: dt.date) -> Select[Any]:
        """The number of rows of the export (for a progress bar)."""
        where = self.conditions(filter, peildatum)
        return select(func.count()).select_from(self.tabel).where(*where)


def _geldigheid(model: Any) -> list[Kolom]:
    return [
        Kolom("begindatum", model.begindatum, "date"),
        Kolom("einddatum", model.einddatum, "date"),
    ]


def _bestuur(peildatum: dt.date, column: Any) -> tuple[list[Kolom], Any]:
    """Code and name of the bestuur ``column`` names, and the join that brings it in."""
    b = aliased(Onderwijsbestuur)
    kolommen = [Kolom("onderwijsbestuur_code", column), Kolom("onderwijsbestuur_naam", b.naam)]
    return kolommen, (b, (b.code == column) & geldig_op(b, peildatum))


def _joined(*joins: tuple[Any, Any]) -> Callable[[Select[Any]], Select[Any]]:
    def join(query: Select[Any]) -> Select[Any]:
        for target, on in joins:
            query = query.outerjoin(target, on)
        return query

    return join


def _besturen(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    b = Onderwijsbestuur
    return [
        Kolom("code", b.code),
        Kolom("naam", b.naam),
        Kolom("bevoegd_gezag_nummer", b.bevoegd_gezag_nummer),
        Kolom("kvk_nummer", b.kvk_nummer),
        Kolom("rsin", b.rsin),
        *_geldigheid(b),
    ], _joined()


def _aanbieders(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    a = Onderwijsaanbieder
    bestuur, bestuur_join = _bestuur(peildatum, a.onderwijsbestuur_code)
    g = aliased(Onderwijsaanbiedersgroep)
    return [
        Kolom("code", a.code),
        Kolom("naam", a.naam),
        Kolom("internationale_naam", a.internationale_naam),
        Kolom("denominatie", a.denominatie),
        *bestuur,
        Kolom("onderwijsaanbiedersgroep_code", a.onderwijsaanbiedersgroep_code),
        Kolom("onderwijsaanbiedersgroep_naam", g.naam),
        *_geldigheid(a),
    ], _joined(
        bestuur_join,
        (g, (g.code == a.onderwijsaanbiedersgroep_code) & geldig_op(g, peildatum)),
    )


def _locatie_kolommen(loc: Any, gemeente: Any, provincie: Any) -> list[Kolom]:
    return [
        Kolom("straatnaam", loc.straatnaam),
        Kolom("huisnummer", loc.huisnummer, "int"),
        Kolom("huisnummertoevoeging", loc.huisnummertoevoeging),
        Kolom("postcode", loc.postcode),
        Kolom("plaatsnaam", loc.plaatsnaam),
        Kolom("gemeente_code", loc.gemeente_code),
        Kolom("gemeente_naam", gemeente.naam),
        Kolom("provincie_code", loc.provincie_code),
        Kolom("provincie_naam", provincie.naam),
        Kolom("latitude", loc.latitude, "float"),
        Kolom("longitude", loc.longitude, "float"),
    ]


def _locaties(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    loc = Onderwijslocatie
    gm, pv = aliased(Gemeente), aliased(Provincie)
    return [
        Kolom("code", loc.code),
        *_locatie_kolommen(loc, gm, pv),
        Kolom("bag_id", loc.bag_id),
        *_geldigheid(loc),
    ], _joined((gm, gm.code == loc.gemeente_code), (pv, pv.code == loc.provincie_code))


def _aanbod(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    a = AangebodenOpleiding
    aanbieder = aliased(Onderwijsaanbieder)
    eenheid = aliased(Opleidingseenheid)
    loc = aliased(Onderwijslocatie)
    gm, pv = aliased(Gemeente), aliased(Provincie)
    bestuur, bestuur_join = _bestuur(peildatum, aanbieder.onderwijsbestuur_code)
    return [
        Kolom("code", a.code),
        Kolom("type", a.type),
        Kolom("sector", a.sector),
        Kolom("eigen_naam", a.eigen_naam),
        Kolom("vorm", a.vorm),
        Kolom("onderwijsconcept", a.onderwijsconcept),
        Kolom("leertraject", a.leertraject),
        Kolom("website", a.website),
        Kolom("eerste_instroomdatum", a.eerste_instroomdatum, "date"),
        Kolom("laatste_instroomdatum", a.laatste_instroomdatum, "date"),
        Kolom("opleidingseenheid_code", a.opleidingseenheid_code),
        Kolom("opleidingseenheid_naam", eenheid.naam_lang),
        Kolom("erkende_opleidingscode", eenheid.erkende_opleidingscode),
        Kolom("niveau", eenheid.niveau),
        Kolom("onderwijsaanbieder_code", a.onderwijsaanbieder_code),
        Kolom("onderwijsaanbieder_naam", aanbieder.naam),
        *bestuur,
        Kolom("onderwijslocatie_code", a.onderwijslocatie_code),
        *_locatie_kolommen(loc, gm, pv),
        *_geldigheid(a),
    ], _joined(
        (
            aanbieder,
            (aanbieder.code == a.onderwijsaanbieder_code) & geldig_op(aanbieder, peildatum),
        ),
        bestuur_join,
        (eenheid, (eenheid.code == a.opleidingseenheid_code) & geldig_op(eenheid, peildatum)),
        (loc, (loc.code == a.onderwijslocatie_code) & geldig_op(loc, peildatum)),
        (gm, gm.code == loc.gemeente_code),
        (pv, pv.code == loc.provincie_code),
    )


def _eenheden(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    e = Opleidingseenheid
    eigenaar = aliased(Onderwijsbestuur)
    return [
        Kolom("code", e.code),
        Kolom("type", e.type),
        Kolom("sector", e.sector),
        Kolom("soort", e.soort),
        Kolom("naam_lang", e.naam_lang),
        Kolom("naam_kort", e.naam_kort),
        Kolom("internationale_naam", e.internationale_naam),
        Kolom("niveau", e.niveau),
        Kolom("graad", e.graad),
        Kolom("studielast", e.studielast, "int"),
        Kolom("studielasteenheid", e.studielasteenheid),
        Kolom("eqf", e.eqf),
        Kolom("nlqf", e.nlqf),
        Kolom("isced", e.isced),
        Kolom("erkende_opleidingscode", e.erkende_opleidingscode),
        Kolom("opleidingsstelsel", e.opleidingsstelsel),
        Kolom("variant_van", e.variant_van),
        Kolom("eigenaar_code", e.eigenaar_code),
        Kolom("eigenaar_naam", eigenaar.naam),
        *_geldigheid(e),
    ], _joined(
        (eigenaar, (eigenaar.code == e.eigenaar_code) & geldig_op(eigenaar, peildatum)),
    )


def _groepen(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    g = Onderwijsaanbiedersgroep
    bestuur, bestuur_join = _bestuur(peildatum, g.onderwijsbestuur_code)
    return [
        Kolom("code", g.code),
        Kolom("naam", g.naam),
        *bestuur,
        *_geldigheid(g),
    ], _joined(bestuur_join)


def _verbanden(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    s = Samenwerkingsverband
    return [
        Kolom("code", s.code),
        Kolom("soort", s.soort),
        Kolom("naam", s.naam),
        *_geldigheid(s),
    ], _joined()


def _begeleiding(
    peildatum: dt.date,
) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    t = Onderwijsbegeleidingsaanbieder
    bestuur, bestuur_join = _bestuur(peildatum, t.onderwijsbestuur_code)
    return [
        Kolom("code", t.code),
        Kolom("naam", t.naam),
        Kolom("internationale_naam", t.internationale_naam),
        Kolom("expertise", t.expertise),
        *bestuur,
        *_geldigheid(t),
    ], _joined(bestuur_join)


def _gemeenten(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    gm, pv = Gemeente, aliased(Provincie)
    return [
        Kolom("code", gm.code),
        Kolom("naam", gm.naam),
        Kolom("provincie_code", gm.provincie_code),
        Kolom("provincie_naam", pv.naam),
    ], _joined((pv, pv.code == gm.provincie_code))


def _provincies(peildatum: dt.date) -> tuple[Sequence[Kolom], Callable[[Select[Any]], Select[Any]]]:
    return [Kolom("code", Provincie.code), Kolom("naam", Provincie.naam)], _joined()


LIJSTEN: dict[str, Lijst] = {
    lijst.naam: lijst
    for lijst in (
        Lijst("onderwijsbesturen", Onderwijsbestuur, _besturen, besturen.conditions),
        Lijst("onderwijsaanbieders", Onderwijsaanbieder, _aanbieders, aanbieders.conditions),
        Lijst(
            "onderwijslocaties",
            Onderwijslocatie,
            _locaties,
            locaties.conditions,
            punt=("latitude", "longitude"),
        ),
        Lijst(
            "aangebodenOpleidingen",
            AangebodenOpleiding,
            _aanbod,
            aanbod.conditions,
            punt=("latitude", "longitude"),
        ),
        Lijst(
            "opleidingseenheden",
            Opleidingseenheid,
            _eenheden,
            opleidingseenheden.conditions,
        ),
        Lijst(
            "onderwijsaanbiedersgroepen",
            Onderwijsaanbiedersgroep,
            _groepen,
            groepen.conditions,
        ),
        Lijst(
            "samenwerkingsverbanden",
            Samenwerkingsverband,
            _verbanden,
            samenwerkingsverbanden.conditions,
        ),
        Lijst(
            "onderwijsbegeleidingsaanbieders",
            Onderwijsbegeleidingsaanbieder,
            _begeleiding,
            begeleidingsaanbieders.conditions,
        ),
        Lijst("gemeenten", Gemeente, _gemeenten, gebieden.gemeente_conditions),
        Lijst("provincies", Provincie, _provincies, gebieden.provincie_conditions),
    )
}


async def batches(
    engine: AsyncEngine, statement: Select[Any], size: int = BATCH
) -> AsyncIterator[Sequence[Row[Any]]]:
    """The rows of ``statement`` in batches of at most ``size``, through one server-side cursor
    on a connection of its own (one statement; memory for one batch, whatever the total)."""
    async with engine.connect() as connection:
        result = await connection.stream(statement.execution_options(yield_per=size))
        async for batch in result.partitions(size):
            yield batch


async def aantal(engine: AsyncEngine, statement: Select[Any]) -> int:
    """The value of a count statement (``Lijst.telling``)."""
    async with engine.connect() as connection:
        return int(await connection.scalar(statement) or 0)
