"""The toezichtrapport: every object van toezicht of a bestuur (or of one of its aanbieders) on a
peildatum, with what the Inspectie needs beside it, in a fixed number of statements however
many objects.

Which objects: the stored objecten van toezicht valid on the peildatum; when the Inspectie has
stored none for the bestuur (or aanbieder), the proposal (``voorgesteld``). Per object:

- ``onderwijsaanbieder``: code and name; ``locaties``: code and address; ``aanbod``: code and
  name (its opleidingseenheid's, else its own), all as the register has them on the
  peildatum (a code the register no longer has keeps its code, with an empty name);
- ``erkenningen``: the aanbieder's BRIN4 and the BRIN6 under which it uses the object's
  locaties (soorten ``ERKENDE_ONDERWIJSINSTELLING``, ``ERKENDE_VESTIGING``), valid then;
- ``toezicht``: the aanbieder's TOEZICHT contactpunt, else its bestuur's (private: written to
  the audit log);
- ``leerlingaantallen``: pupils on each of the report's ``teldata`` (the 1 October dates with
  counts of the last five years up to the newest count on or before the peildatum), with the
  change from the year before. A count of one aangeboden opleiding belongs to the object holding it; a
  vestiging's total that its source does not split by aanbod belongs to the object only when
  no other object of the report holds that aanbieder × locatie (else it would be counted
  twice);
- ``vervallen``: some combination of the object is not in the register on the peildatum.

Only the Inspectie (role ``inspectie``) reads the report: it holds private contactpunten.
Statements: the objects (two, user data; or the proposal's), then one each for the bestuur,
aanbieders, locaties, aanbod, erkenningen, contactpunten, combinations and pupil counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import aliased

from loaders.leerlingaantallen import Telgroep, telgroepen
from loaders.toezicht import register_op
from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Code,
    Communicatiecontext,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Opleidingseenheid,
    geldig_op,
)
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.toezicht import Combinatie
from onderwijsgraaf.db.userdata import UserData
from onderwijsgraaf.errors import Forbidden
from resolvers import toezicht, voorstel
from resolvers.lookups import checked

TELDATA = 5
ERKENNINGSOORTEN = ("ERKENDE_ONDERWIJSINSTELLING", "ERKENDE_VESTIGING")


@dataclass(frozen=True)
class Organisatie:
    code: str
    naam: str


@dataclass(frozen=True)
class Locatie:
    code: str
    adres: str


@dataclass(frozen=True)
class Erkenning:
    soort: str
    code: str


@dataclass(frozen=True)
class Contactpunt:
    email: str | None
    telefoon: str | None


@dataclass(frozen=True)
class Telling:
    teldatum: dt.date
    aantal: int
    verschil: int | None  # against the teldatum one year earlier; None when it has no count
    gemaskeerd: bool


@dataclass(frozen=True)
class Rapportobject:
    code: str
    vervallen: bool
    onderwijsaanbieder: Organisatie
    erkenningen: tuple[Erkenning, ...]
    locaties: tuple[Locatie, ...]
    aanbod: tuple[Organisatie, ...]
    toezicht: Contactpunt | None
    leerlingaantallen: tuple[Telling, ...]  # newest first, on the report's teldata


@dataclass(frozen=True)
class Rapport:
    peildatum: dt.date
    onderwijsbestuur: Organisatie
    voorgesteld: bool
    teldata: tuple[dt.date, ...]  # newest first
    objecten: tuple[Rapportobject, ...]
    # (organisatie kind, code, soort) of each private contactpunt in the report
    audit: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class _Object:
    code: str
    onderwijsaanbieder_code: str
    combinaties: tuple[Combinatie, ...]


async def rapport(
    reads: Reads,
    userdata: UserData,
    viewer: Viewer,
    onderwijsbestuur_code: str,
    peildatum: dt.date,
    onderwijsaanbieder_code: str | None = None,
) -> Rapport:
    """The report; FORBIDDEN for anyone but the Inspectie, BAD_USER_INPUT for a code that is
    not one."""
    if not viewer.inspectie:
        raise Forbidden("the toezichtrapport is for the Inspectie (a token with role inspectie)")
    bestuur = checked("Onderwijsbestuur", onderwijsbestuur_code)
    if onderwijsaanbieder_code is not None:
        checked("Onderwijsaanbieder", onderwijsaanbieder_code)
    objecten, voorgesteld = await _objecten(
        reads, userdata, bestuur, onderwijsaanbieder_code, peildatum
    )
    combinaties = [c for o in objecten for c in o.combinaties]
    aanbieders = sorted({c.onderwijsaanbieder_code for c in combinaties})
    locaties = sorted({c.onderwijslocatie_code for c in combinaties})
    bestuursnaam = await _bestuursnaam(reads, bestuur, peildatum)
    aanbiedernamen = await _aanbiedernamen(reads, aanbieders, peildatum)
    adressen = await _adressen(reads, locaties, peildatum)
    aanbodnamen = await _aanbodnamen(reads, aanbieders)
    erkenningen = await _erkenningen(reads, aanbieders, peildatum)
    contacten, audit = await _toezichtcontacten(reads, bestuur, aanbieders, peildatum)
    register = await register_op(reads, combinaties, peildatum)
    reeksen = _reeksen(objecten, await telgroepen(reads, aanbieders))
    teldata = _teldata(reeksen.values(), peildatum)
    return Rapport(
        peildatum=peildatum,
        onderwijsbestuur=Organisatie(bestuur, bestuursnaam),
        voorgesteld=voorgesteld,
        teldata=teldata,
        objecten=tuple(
            Rapportobject(
                code=o.code,
                vervallen=any(register.fout(c) is not None for c in o.combinaties),
                onderwijsaanbieder=Organisatie(
                    o.onderwijsaanbieder_code, aanbiedernamen.get(o.onderwijsaanbieder_code, "")
                ),
                erkenningen=_erkenningen_van(o, erkenningen),
                locaties=tuple(
                    Locatie(code, adressen.get(code, ""))
                    for code in dict.fromkeys(c.onderwijslocatie_code for c in o.combinaties)
                ),
                aanbod=tuple(
                    Organisatie(code, aanbodnamen.get(code, ""))
                    for code in dict.fromkeys(c.aangeboden_opleiding_code for c in o.combinaties)
                ),
                toezicht=contacten.get(o.onderwijsaanbieder_code, contacten.get(bestuur)),
                leerlingaantallen=_tellingen(reeksen[o.code], teldata),
            )
            for o in objecten
        ),
        audit=tuple(audit),
    )


async def _objecten(
    reads: Reads,
    userdata: UserData,
    bestuur: str,
    aanbieder: str | None,
    peildatum: dt.date,
) -> tuple[list[_Object], bool]:
    """The stored objects valid on ``peildatum`` (False), else the proposal (True)."""
    stored = await toezicht.objecten(
        userdata,
        onderwijsbestuur_code=bestuur,
        onderwijsaanbieder_code=aanbieder,
        peildatum=peildatum,
    )
    found = []
    for o in stored:
        versie = o.versie_op(peildatum)
        if versie is not None and versie.combinaties:
            found.append(
                _Object(o.code, versie.combinaties[0].onderwijsaanbieder_code, versie.combinaties)
            )
    if found:
        return found, False
    proposed = await voorstel.voorstel(reads, bestuur, peildatum)
    return [
        _Object(v.code, v.onderwijsaanbieder_code, v.combinaties)
        for v in proposed
        if aanbieder is None or v.onderwijsaanbieder_code == aanbieder
    ], True


Reeks = dict[dt.date, tuple[int, bool]]  # teldatum → (pupils, masked)


def _reeksen(objecten: list[_Object], groepen: list[Telgroep]) -> dict[str, Reeks]:
    """Per object, its pupils per teldatum (see the module for which counts are its own): a
    group of an aangeboden opleiding goes to the object holding that combination; a group
    counted for the whole vestiging to the one object holding that aanbieder × locatie, and
    to none when several do."""
    eigenaar: dict[tuple[str, str | None, str | None], list[str]] = {}
    for o in objecten:
        for c in o.combinaties:
            eigenaar.setdefault(
                (c.onderwijsaanbieder_code, c.onderwijslocatie_code, c.aangeboden_opleiding_code),
                [],
            ).append(o.code)
        for paar in {(c.onderwijsaanbieder_code, c.onderwijslocatie_code) for c in o.combinaties}:
            eigenaar.setdefault((*paar, None), []).append(o.code)
    reeksen: dict[str, Reeks] = {o.code: {} for o in objecten}
    for g in groepen:
        codes = eigenaar.get(
            (g.onderwijsaanbieder_code, g.onderwijslocatie_code, g.aangeboden_opleiding_code), []
        )
        if g.aangeboden_opleiding_code is None and len(codes) > 1:
            continue  # a vestiging's total that several objects share: it belongs to none
        for code in dict.fromkeys(codes):
            aantal, gemaskeerd = reeksen[code].get(g.teldatum, (0, False))
            reeksen[code][g.teldatum] = (aantal + g.aantal, gemaskeerd or g.gemaskeerd)
    return reeksen


def _teldata(reeksen: Iterable[Reeks], peildatum: dt.date) -> tuple[dt.date, ...]:
    """The teldata of the ``TELDATA`` years up to the newest teldatum on or before ``peildatum``
    in any series, that have counts; newest first."""
    datums = {d for reeks in reeksen for d in reeks if d <= peildatum}
    if not datums:
        return ()
    eerste = max(datums).year - TELDATA + 1
    return tuple(sorted((d for d in datums if d.year >= eerste), reverse=True))


def _tellingen(reeks: Reeks, teldata: tuple[dt.date, ...]) -> tuple[Telling, ...]:
    found = []
    for datum in teldata:
        if datum not in reeks:
            continue
        aantal, gemaskeerd = reeks[datum]
        vorig = reeks.get(datum.replace(year=datum.year - 1))
        found.append(
            Telling(
                teldatum=datum,
                aantal=aantal,
                verschil=aantal - vorig[0] if vorig is not None else None,
                gemaskeerd=gemaskeerd,
            )
        )
    return tuple(found)


async def _bestuursnaam(reads: Reads, code: str, peildatum: dt.date) -> str:
    b = Onderwijsbestuur
    naam = await reads.scalar(
        select(b.naam)
        .where(b.code == code)
        .order_by(geldig_op(b, peildatum).desc(), b.begindatum.desc())
        .limit(1)
    )
    return naam or ""


async def _aanbiedernamen(reads: Reads, codes: list[str], peildatum: dt.date) -> dict[str, str]:
    a = Onderwijsaanbieder
    rows = await reads.rows(
        select(a.code, a.naam).where(a.code.in_(codes), geldig_op(a, peildatum))
    )
    return {r.code: r.naam for r in rows}


async def _adressen(reads: Reads, codes: list[str], peildatum: dt.date) -> dict[str, str]:
    loc = Onderwijslocatie
    rows = await reads.rows(
        select(
            loc.code,
            loc.straatnaam,
            loc.huisnummer,
            loc.huisnummertoevoeging,
            loc.postcode,
            loc.plaatsnaam,
        ).where(loc.code.in_(codes), geldig_op(loc, peildatum))
    )
    return {r.code: adres(r) for r in rows}


def adres(r: Any) -> str:
    """ "Straat 12a, 1234AB Plaats" from a row's address columns (absent parts left out)."""
    straat = " ".join(str(p) for p in (r.straatnaam, r.huisnummer, r.huisnummertoevoeging) if p)
    plaats = " ".join(p for p in (r.postcode, r.plaatsnaam) if p)
    return ", ".join(p for p in (straat, plaats) if p)


async def _aanbodnamen(reads: Reads, aanbieders: list[str]) -> dict[str, str]:
    """{aangeboden opleiding: its name} of every aanbod of the aanbieders (read by aanbieder:
    a few codes rather than every aanbod's UUID)."""
    ao, oe = AangebodenOpleiding, Opleidingseenheid
    rows = await reads.rows(
        select(ao.code, ao.eigen_naam, oe.naam_lang)
        .outerjoin(oe, oe.code == ao.opleidingseenheid_code)
        .where(ao.onderwijsaanbieder_code.in_(aanbieders))
    )
    return {r.code: r.naam_lang or r.eigen_naam or "" for r in rows}


async def _erkenningen(
    reads: Reads, aanbieders: list[str], peildatum: dt.date
) -> list[tuple[str, str | None, Erkenning]]:
    """(aanbieder, locatie or None, erkenning) of the aanbieders' BRIN4 and BRIN6 codes: a
    BRIN6 has one row leading to the aanbieder and one leading to the locatie."""
    c = Code
    locatie = aliased(Code)
    rows = await reads.rows(
        select(c.soort, c.code, c.onderwijsaanbieder_code, locatie.onderwijslocatie_code)
        .outerjoin(
            locatie,
            and_(
                c.soort == "ERKENDE_VESTIGING",
                locatie.soort == c.soort,
                locatie.code == c.code,
                locatie.onderwijslocatie_code.is_not(None),
                geldig_op(locatie, peildatum),
            ),
        )
        .where(
            c.onderwijsaanbieder_code.in_(aanbieders),
            c.soort.in_(ERKENNINGSOORTEN),
            geldig_op(c, peildatum),
        )
        .order_by(c.soort.desc(), c.code)
    )
    return [
        (r.onderwijsaanbieder_code, r.onderwijslocatie_code, Erkenning(r.soort, r.code))
        for r in rows
    ]


def _erkenningen_van(
    o: _Object, erkenningen: list[tuple[str, str | None, Erkenning]]
) -> tuple[Erkenning, ...]:
    """The object's aanbieder's BRIN4, then the BRIN6 of its locaties."""
    locaties = {c.onderwijslocatie_code for c in o.combinaties}
    return tuple(
        dict.fromkeys(
            e
            for aanbieder, locatie, e in erkenningen
            if aanbieder == o.onderwijsaanbieder_code
            and (e.soort == "ERKENDE_ONDERWIJSINSTELLING" or locatie in locaties)
        )
    )


async def _toezichtcontacten(
    reads: Reads, bestuur: str, aanbieders: list[str], peildatum: dt.date
) -> tuple[dict[str, Contactpunt], list[tuple[str, str, str]]]:
    """{aanbieder or bestuur code: its TOEZICHT contactpunt} and the audit entries of them."""
    cc = Communicatiecontext
    rows = await reads.rows(
        select(cc.onderwijsbestuur_code, cc.onderwijsaanbieder_code, cc.email, cc.telefoon)
        .where(
            cc.soort == "TOEZICHT",
            geldig_op(cc, peildatum),
            or_(
                cc.onderwijsaanbieder_code.in_(aanbieders),
                and_(cc.onderwijsbestuur_code == bestuur, cc.onderwijsaanbieder_code.is_(None)),
            ),
        )
        .order_by(cc.id)
    )
    found: dict[str, Contactpunt] = {}
    audit: dict[tuple[str, str, str], None] = {}
    for r in rows:
        kind, code = (
            ("onderwijsaanbieder", r.onderwijsaanbieder_code)
            if r.onderwijsaanbieder_code
            else ("onderwijsbestuur", r.onderwijsbestuur_code)
        )
        if code not in found:
            found[code] = Contactpunt(r.email, r.telefoon)
            audit[(kind, code, "TOEZICHT")] = None
    return found, list(audit)
