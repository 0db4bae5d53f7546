"""The Inspectie's changes to its objecten van toezicht: vaststellen, wijzigen, samenvoegen,
splitsen, beëindigen and the notitie.

Every change:

- is the Inspectie's only (role ``inspectie``; others get FORBIDDEN before anything is read);
- is checked whole before anything is written (``resolvers.toezichtcontrole``): the codes'
  forms, the register on the date it takes effect (the aanbieder is the bestuur's, uses the
  locatie and offers the aanbod then), no combination in two objects at once, no date before the
  begindatum of the object's current version and no change to an ended object. A refusal is
  BAD_USER_INPUT whose message starts with the input field at fault
  (``input.combinaties[2].onderwijslocatieCode: ...``);
- takes effect from a date and keeps the history: the current version ends on that date
  (einddatum exclusive: its last day is the day before) and a new one starts;
- is all-or-nothing, in one transaction on the user data, serialised with every other change;
- with a ``clientMutationId``, is done once: the same id (of the same token subject) with the
  same input answers with the same objects and changes nothing; with another input it is
  BAD_USER_INPUT (``input.clientMutationId``).

Each function returns the codes of the objects it answers with and whether it changed anything
(False for a retry), so the caller writes the audit line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from onderwijsgraaf.db import toezicht as store
from onderwijsgraaf.db.toezicht import Combinatie, Mutatie
from resolvers.lookups import FORMATS
from resolvers.toezicht import mag_wijzigen
from resolvers.toezichtcontrole import (
    Aanroep,
    combinaties_checked,
    fout,
    huidig,
    in_register,
    object_code,
    vrij,
)
from resolvers.voorstel import voorstel


@dataclass(frozen=True)
class Uitkomst:
    codes: list[str]
    gewijzigd: bool  # False: a retry, nothing changed


Werk = Callable[[AsyncConnection], Awaitable[list[str]]]


async def _uitvoeren(
    aanroep: Aanroep,
    naam: str,
    invoer: dict[str, Any],
    client_mutation_id: str | None,
    werk: Werk,
) -> Uitkomst:
    mag_wijzigen(aanroep.viewer)
    text = json.dumps([naam, invoer], sort_keys=True, default=str, ensure_ascii=False)
    sha = hashlib.sha256(text.encode()).hexdigest()
    subject = aanroep.viewer.subject or ""
    await aanroep.userdata.create()
    async with aanroep.userdata.engine.begin() as conn:
        await aanroep.userdata.serialise(conn, "toezicht")
        if client_mutation_id is not None:
            eerder = await store.mutatie(conn, subject, client_mutation_id)
            if eerder is not None:
                if (eerder.mutatie, eerder.invoer_sha256) != (naam, sha):
                    raise fout(
                        "input.clientMutationId",
                        f"{client_mutation_id!r} was used before for another change ("
                        f"{eerder.mutatie}); use a new id for a new change",
                    )
                return Uitkomst(list(eerder.codes), False)
        codes = await werk(conn)
        if client_mutation_id is not None:
            gedaan = Mutatie(naam, sha, tuple(codes))
            await store.onthoud_mutatie(conn, subject, client_mutation_id, gedaan)
    return Uitkomst(codes, True)


async def vaststellen(
    aanroep: Aanroep,
    invoer: dict[str, Any],
    client_mutation_id: str | None,
    onderwijsbestuur_code: str,
    codes: Sequence[str] | None,
    begindatum: dt.date,
) -> Uitkomst:
    """Adopt the proposed objects of the bestuur on ``begindatum`` (those named in ``codes``, or
    every one not adopted yet none of whose combinations an object holds) as objecten van
    toezicht from that date."""

    async def werk(conn: AsyncConnection) -> list[str]:
        pattern, example = FORMATS["Onderwijsbestuur"]
        if not pattern.match(onderwijsbestuur_code):
            raise fout(
                "input.onderwijsbestuurCode",
                f"{onderwijsbestuur_code!r} is not a valid code; expected {example}",
            )
        voorgesteld = {
            o.code: o for o in await voorstel(aanroep.reads, onderwijsbestuur_code, begindatum)
        }
        if codes is None:
            fields = {code: "input.onderwijsbestuurCode" for code in voorgesteld}
        else:
            fields = {}
            for i, code in enumerate(codes):
                if code not in voorgesteld:
                    raise fout(
                        f"input.codes[{i}]",
                        f"{code} is not proposed for onderwijsbestuur {onderwijsbestuur_code} on "
                        f"{begindatum.isoformat()} (see voorstelObjectenVanToezicht)",
                    )
                if code in fields:
                    raise fout(f"input.codes[{i}]", f"{code} is named twice")
                fields[code] = f"input.codes[{i}]"
        al = await store.bestaande_codes(conn, fields)
        if codes is not None and al:
            code = min(al)
            raise fout(fields[code], f"object van toezicht {code} is already adopted")
        gekozen = [voorgesteld[code] for code in fields if code not in al]
        if codes is None:
            # every one not adopted yet whose combinations no object holds (merged, split or
            # changed ones are covered already)
            held = await store.in_gebruik(
                conn, [c for o in gekozen for c in o.combinaties], begindatum
            )
            gekozen = [o for o in gekozen if not any(c in held for c in o.combinaties)]
        await vrij(
            conn,
            [(c, fields[o.code]) for o in gekozen for c in o.combinaties],
            begindatum,
            set(),
        )
        for o in gekozen:
            await store.nieuw_object(conn, o.code, onderwijsbestuur_code, begindatum, o.combinaties)
        return [o.code for o in gekozen]

    return await _uitvoeren(aanroep, "vaststellen", invoer, client_mutation_id, werk)


async def wijzigen(
    aanroep: Aanroep,
    invoer: dict[str, Any],
    client_mutation_id: str | None,
    code: str,
    begindatum: dt.date,
    combinaties: Sequence[Combinatie],
) -> Uitkomst:
    """Replace the combinations of object ``code`` from ``begindatum`` on."""

    async def werk(conn: AsyncConnection) -> list[str]:
        obj = await huidig(conn, code, "input.code", begindatum, "input.begindatum")
        nieuw = combinaties_checked(combinaties, "input.combinaties")
        velden = [(c, f"input.combinaties[{i}]") for i, c in enumerate(nieuw)]
        await in_register(aanroep, velden, obj.onderwijsbestuur_code, begindatum)
        await vrij(conn, velden, begindatum, {code})
        await store.nieuwe_versie(conn, code, begindatum, sorted(nieuw))
        return [code]

    return await _uitvoeren(aanroep, "wijzigen", invoer, client_mutation_id, werk)


async def samenvoegen(
    aanroep: Aanroep,
    invoer: dict[str, Any],
    client_mutation_id: str | None,
    codes: Sequence[str],
    code: str,
    begindatum: dt.date,
) -> Uitkomst:
    """Merge the objects ``codes`` into ``code`` (one of them, or a new one) from
    ``begindatum``: it holds all their combinations; the others end."""

    async def werk(conn: AsyncConnection) -> list[str]:
        if len(set(codes)) < 2:
            raise fout("input.codes", "name at least two different objects to merge")
        objecten = [
            await huidig(conn, c, f"input.codes[{i}]", begindatum, "input.begindatum")
            for i, c in enumerate(codes)
        ]
        bestuur = objecten[0].onderwijsbestuur_code
        for i, obj in enumerate(objecten):
            if obj.onderwijsbestuur_code != bestuur:
                raise fout(
                    f"input.codes[{i}]",
                    f"{obj.code} is of onderwijsbestuur {obj.onderwijsbestuur_code}, not of "
                    f"{bestuur}; only objects of one bestuur are merged",
                )
        object_code(code, "input.code")
        if code not in codes and await store.bestaande_codes(conn, [code]):
            raise fout("input.code", f"object van toezicht {code} exists already")
        velden = {
            c: f"input.codes[{i}]"
            for i, obj in enumerate(objecten)
            for c in obj.huidige.combinaties
        }
        await in_register(aanroep, list(velden.items()), bestuur, begindatum)
        for obj in objecten:
            if obj.code != code:
                await store.beeindig(conn, obj.code, begindatum)
        if code in codes:
            await store.nieuwe_versie(conn, code, begindatum, sorted(velden))
        else:
            await store.nieuw_object(conn, code, bestuur, begindatum, sorted(velden))
        return [code, *sorted({c for c in codes if c != code})]

    return await _uitvoeren(aanroep, "samenvoegen", invoer, client_mutation_id, werk)


@dataclass(frozen=True)
class Deel:
    code: str
    combinaties: Sequence[Combinatie]


async def splitsen(
    aanroep: Aanroep,
    invoer: dict[str, Any],
    client_mutation_id: str | None,
    code: str,
    begindatum: dt.date,
    delen: Sequence[Deel],
) -> Uitkomst:
    """Split object ``code`` into ``delen`` from ``begindatum``: each part is a new object, or
    (at most one) the object itself, going on with a new version; otherwise it ends."""

    async def werk(conn: AsyncConnection) -> list[str]:
        obj = await huidig(conn, code, "input.code", begindatum, "input.begindatum")
        if len(delen) < 2:
            raise fout("input.delen", "give at least two parts")
        velden: list[tuple[Combinatie, str]] = []
        gezien: dict[Combinatie, str] = {}
        namen: set[str] = set()
        for j, deel in enumerate(delen):
            field = f"input.delen[{j}]"
            object_code(deel.code, f"{field}.code")
            if deel.code in namen:
                raise fout(f"{field}.code", f"{deel.code} names two parts")
            namen.add(deel.code)
            for i, c in enumerate(combinaties_checked(deel.combinaties, f"{field}.combinaties")):
                where = f"{field}.combinaties[{i}]"
                if c in gezien:
                    raise fout(where, f"the same combination as {gezien[c]}; parts do not overlap")
                gezien[c] = where
                velden.append((c, where))
        nieuw = sorted(namen - {code})
        al = await store.bestaande_codes(conn, nieuw)
        if al:
            j = next(j for j, d in enumerate(delen) if d.code in al)
            raise fout(
                f"input.delen[{j}].code", f"object van toezicht {delen[j].code} exists already"
            )
        await in_register(aanroep, velden, obj.onderwijsbestuur_code, begindatum)
        await vrij(conn, velden, begindatum, {code})
        if code not in namen:
            await store.beeindig(conn, code, begindatum)
        for deel in delen:
            if deel.code == code:
                await store.nieuwe_versie(conn, code, begindatum, sorted(deel.combinaties))
            else:
                await store.nieuw_object(
                    conn, deel.code, obj.onderwijsbestuur_code, begindatum, sorted(deel.combinaties)
                )
        return [d.code for d in delen] + ([] if code in namen else [code])

    return await _uitvoeren(aanroep, "splitsen", invoer, client_mutation_id, werk)


async def beeindigen(
    aanroep: Aanroep,
    invoer: dict[str, Any],
    client_mutation_id: str | None,
    code: str,
    einddatum: dt.date,
) -> Uitkomst:
    """End object ``code`` on ``einddatum`` (exclusive: its last day is the day before)."""

    async def werk(conn: AsyncConnection) -> list[str]:
        await huidig(conn, code, "input.code", einddatum, "input.einddatum")
        await store.beeindig(conn, code, einddatum)
        return [code]

    return await _uitvoeren(aanroep, "beeindigen", invoer, client_mutation_id, werk)


async def notitie(
    aanroep: Aanroep,
    invoer: dict[str, Any],
    client_mutation_id: str | None,
    code: str,
    tekst: str | None,
) -> Uitkomst:
    """Set (or, with None, clear) the Inspectie's note on object ``code``."""

    async def werk(conn: AsyncConnection) -> list[str]:
        object_code(code, "input.code")
        if not await store.bestaande_codes(conn, [code]):
            raise fout("input.code", f"there is no object van toezicht {code}")
        await store.zet_notitie(conn, code, tekst)
        return [code]

    return await _uitvoeren(aanroep, "notitie", invoer, client_mutation_id, werk)
