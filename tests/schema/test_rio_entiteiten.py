"""The RIO entities beside the main objects: onderwijslocatiegebruik, onderwijslicentie,
samenwerkingsverband with its deelnemers, onderwijsaanbiedersgroep and
onderwijsbegeleidingsaanbieder. Every edge and root list is checked against the tables
themselves (read here, validity applied here), on today and on a day in the past where periods
make a difference; every answer is also compared with the field-by-field answer (``Api.post``).
"""

from __future__ import annotations

import base64
import datetime as dt
from collections import defaultdict
from collections.abc import AsyncIterator, Hashable, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, insert, select

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Bron,
    Erkenning,
    JuridischeRelatie,
    Licentie,
    Onderwijsaanbieder,
    Onderwijsaanbiedersgroep,
    Onderwijsbegeleidingsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
    Samenwerkingsverband,
    SamenwerkingsverbandDeelname,
)
from onderwijsgraaf.db.models.lijsttelling import tel_opnieuw
from onderwijsgraaf.peildatum import vandaag
from tests.conftest import Api, Target, copy_of, serving, valid_on

DAY = dt.timedelta(days=1)
PAST = dt.date(2015, 10, 1)


def t(model: Any) -> Table:
    table: Table = model.__table__
    return table


async def fetch(target: Target, query: Any) -> list[Any]:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return list(await conn.execute(query))
    finally:
        await engine.dispose()


async def valid_keys(
    target: Target, model: Any, key: str, keys: Sequence[Hashable], day: dt.date
) -> set[Any]:
    """The keys among ``keys`` whose row of ``model`` is valid on ``day``."""
    table = t(model)
    rows = await fetch(target, select(table).where(table.c[key].in_(set(keys))))
    return {getattr(r, key) for r in rows if valid_on(r, day)}


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def code_or_null(code: Any, valid: set[Any], shown: Any = None) -> dict[str, Any] | None:
    return {"code": shown if shown is not None else code} if code in valid else None


def node_id(type_name: str, code: str, day: dt.date | None = None) -> str:
    """The Relay id of an object read on ``day``; without one, the older form (no date)."""
    text = f"{type_name}:{code}" + (f"@{day.isoformat()}" if day is not None else "")
    return base64.urlsafe_b64encode(text.encode()).decode()


def nodes(connection: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in connection["edges"]]


# -- onderwijslocatiegebruik ------------------------------------------------------------------
GEBRUIK = """begindatum einddatum herkomst { bron } onderwijsaanbieder { code }
  onderwijslocatie { code } onderwijsbestuur { code } vestigingserkenning { code }"""


async def expected_gebruiken(
    target: Target, parent: str, code: str, order: str, day: dt.date
) -> dict[str, Any]:
    """The locatiegebruiken of the aanbieder or locatie ``code`` (``parent``: its column) valid
    on ``day``, in ``order`` then id, as the API writes them."""
    g = t(Onderwijslocatiegebruik)
    rows = await fetch(target, select(g).where(g.c[parent] == code).order_by(g.c[order], g.c.id))
    shown = [r for r in rows if valid_on(r, day)]
    aanbieders = await valid_keys(
        target, Onderwijsaanbieder, "code", [r.onderwijsaanbieder_code for r in shown], day
    )
    locaties = await valid_keys(
        target, Onderwijslocatie, "code", [r.onderwijslocatie_code for r in shown], day
    )
    besturen = await valid_keys(
        target, Onderwijsbestuur, "code", [r.onderwijsbestuur_code for r in shown], day
    )
    e = t(Erkenning)
    ids = {r.vestigingserkenning_id for r in shown} - {None}
    erkenningen = {
        r.id: r.code
        for r in await fetch(target, select(e).where(e.c.id.in_(ids)))
        if valid_on(r, day)
    }
    return {
        "totalCount": len(shown),
        "edges": [
            {
                "node": {
                    "begindatum": iso(r.begindatum),
                    "einddatum": iso(r.einddatum),
                    "herkomst": {"bron": r.bron},
                    "onderwijsaanbieder": code_or_null(r.onderwijsaanbieder_code, aanbieders),
                    "onderwijslocatie": code_or_null(r.onderwijslocatie_code, locaties),
                    "onderwijsbestuur": code_or_null(r.onderwijsbestuur_code, besturen),
                    "vestigingserkenning": code_or_null(
                        r.vestigingserkenning_id,
                        set(erkenningen),
                        erkenningen.get(r.vestigingserkenning_id),
                    ),
                }
            }
            for r in shown
        ],
    }


async def test_a_locatie_lists_a_use_until_its_einddatum(api: Api, seeded: Target) -> None:
    g, locatie = t(Onderwijslocatiegebruik), t(Onderwijslocatie)
    ended = await fetch(
        seeded,
        select(g, locatie.c.begindatum.label("l_begin"), locatie.c.einddatum.label("l_eind"))
        .join(locatie, locatie.c.code == g.c.onderwijslocatie_code)
        .where(g.c.einddatum.is_not(None))
        .order_by(g.c.einddatum, g.c.id),
    )

    def locatie_valid(row: Any, day: dt.date) -> bool:
        return (row.l_begin is None or row.l_begin <= day) and (
            row.l_eind is None or row.l_eind > day
        )

    # a use that ended while its locatie stayed
    candidates = [
        r for r in ended if locatie_valid(r, r.einddatum) and valid_on(r, r.einddatum - DAY)
    ]
    assert candidates, "no onderwijslocatiegebruik ended while its locatie stayed"
    row = candidates[0]
    query = f"""query($code: String!, $d: Date) {{ onderwijslocatie(code: $code, peildatum: $d) {{
        onderwijslocatiegebruiken(first: 100) {{ totalCount edges {{ node {{ {GEBRUIK} }} }} }} }} }}"""
    answers = {}
    for day in (row.einddatum - DAY, row.einddatum):
        data = await api.data(query, {"code": row.onderwijslocatie_code, "d": day.isoformat()})
        answers[day] = data["onderwijslocatie"]["onderwijslocatiegebruiken"]
        assert answers[day] == await expected_gebruiken(
            seeded,
            "onderwijslocatie_code",
            row.onderwijslocatie_code,
            "onderwijsaanbieder_code",
            day,
        )
    # the peildatum made the difference
    assert answers[row.einddatum - DAY] != answers[row.einddatum]


async def test_an_aanbieder_lists_its_locatiegebruiken(api: Api, seeded: Target) -> None:
    g = t(Onderwijslocatiegebruik)
    # aanbieders using several locaties, some of them for a limited time
    rows = await fetch(
        seeded,
        select(g.c.onderwijsaanbieder_code, g.c.einddatum).order_by(
            g.c.einddatum.is_(None), g.c.onderwijsaanbieder_code
        ),
    )
    per_aanbieder: dict[str, int] = defaultdict(int)
    for r in rows:
        per_aanbieder[r.onderwijsaanbieder_code] += 1
    chosen = [rows[0].onderwijsaanbieder_code]  # one whose use ends, if any does
    chosen.append(max(sorted(per_aanbieder), key=per_aanbieder.__getitem__))
    days = [vandaag(), PAST] + ([rows[0].einddatum - DAY] if rows[0].einddatum else [])
    query = f"""query($code: String!, $d: Date) {{ onderwijsaanbieder(code: $code, peildatum: $d) {{
        onderwijslocatiegebruiken(first: 100) {{ totalCount edges {{ node {{ {GEBRUIK} }} }} }} }} }}"""
    for code in chosen:
        for day in days:
            data = await api.data(query, {"code": code, "d": day.isoformat()})
            expected = await expected_gebruiken(
                seeded, "onderwijsaanbieder_code", code, "onderwijslocatie_code", day
            )
            if code not in await valid_keys(seeded, Onderwijsaanbieder, "code", [code], day):
                assert data["onderwijsaanbieder"] is None
            else:
                assert data["onderwijsaanbieder"]["onderwijslocatiegebruiken"] == expected


# -- onderwijslicentie ------------------------------------------------------------------------
LICENTIE = """code type stadium begindatum einddatum herkomst { bron }
  onderwijsinstellingserkenning { code } opleidingseenheid { code }"""


async def licenties_of(
    target: Target, erkenning_ids: set[int], day: dt.date
) -> list[dict[str, Any]]:
    """The licenties of the erkenningen ``erkenning_ids`` valid on ``day``, by code, as the API
    writes them."""
    lic, e = t(Licentie), t(Erkenning)
    rows = await fetch(
        target,
        select(lic).where(lic.c.instellingserkenning_id.in_(erkenning_ids)).order_by(lic.c.code),
    )
    shown = [r for r in rows if valid_on(r, day)]
    erkenningen = {
        r.id: r.code
        for r in await fetch(target, select(e).where(e.c.id.in_(erkenning_ids)))
        if valid_on(r, day)
    }
    eenheden = await valid_keys(
        target, Opleidingseenheid, "code", [r.opleidingseenheid_code for r in shown], day
    )
    return [
        {
            "code": r.code,
            "type": r.type.replace("-", "_"),
            "stadium": r.stadium.replace("-", "_"),
            "begindatum": iso(r.begindatum),
            "einddatum": iso(r.einddatum),
            "herkomst": {"bron": r.bron},
            "onderwijsinstellingserkenning": code_or_null(
                r.instellingserkenning_id,
                set(erkenningen),
                erkenningen.get(r.instellingserkenning_id),
            ),
            "opleidingseenheid": code_or_null(r.opleidingseenheid_code, eenheden),
        }
        for r in shown
    ]


async def test_onderwijslicenties_of_an_aanbieder_its_erkenningen_and_its_aanbod(
    api: Api, seeded: Target
) -> None:
    jr, lic, a = t(JuridischeRelatie), t(Licentie), t(AangebodenOpleiding)
    # aanbieders resting on an erkenning with licenties: those offering under a licentie first,
    # then those whose relatie ends
    met_licentie = {
        r.onderwijsaanbieder_code
        for r in await fetch(
            seeded,
            select(a.c.onderwijsaanbieder_code).where(a.c.onderwijslicentie_code.is_not(None)),
        )
    }
    relaties = await fetch(
        seeded,
        select(jr.c.onderwijsaanbieder_code, jr.c.einddatum)
        .join(lic, lic.c.instellingserkenning_id == jr.c.erkenning_id)
        .where(jr.c.onderwijsaanbieder_code.is_not(None)),
    )
    einde = {r.onderwijsaanbieder_code: r.einddatum for r in relaties}
    chosen = sorted(einde, key=lambda c: (c not in met_licentie, einde[c] is None, c))[:3]
    days = {vandaag(), PAST} | {einde[c] - DAY for c in chosen if einde[c] is not None}
    query = f"""query($code: String!, $d: Date) {{ onderwijsaanbieder(code: $code, peildatum: $d) {{
        onderwijslicenties(first: 100) {{ totalCount edges {{ node {{ {LICENTIE} }} }} }}
        erkenningen(first: 100) {{ edges {{ node {{ __typename code
          ... on Onderwijsinstellingserkenning {{ onderwijslicenties(first: 100) {{
            totalCount edges {{ node {{ code }} }} }} }} }} }} }}
        aangebodenOpleidingen(first: 100) {{ edges {{ node {{ code onderwijslicentie {{ code type }} }} }} }}
    }} }}"""
    checked = 0
    for code in chosen:
        for day in sorted(days):
            if code not in await valid_keys(seeded, Onderwijsaanbieder, "code", [code], day):
                continue
            checked += 1
            found = (await api.data(query, {"code": code, "d": day.isoformat()}))[
                "onderwijsaanbieder"
            ]
            relaties = await fetch(seeded, select(jr).where(jr.c.onderwijsaanbieder_code == code))
            ids = {r.erkenning_id for r in relaties if valid_on(r, day)}
            expected = await licenties_of(seeded, ids, day)
            assert found["onderwijslicenties"] == {
                "totalCount": len(expected),
                "edges": [{"node": n} for n in expected],
            }
            for erkenning in nodes(found["erkenningen"]):
                if erkenning["__typename"] != "Onderwijsinstellingserkenning":
                    continue
                e = t(Erkenning)
                (eid,) = await fetch(
                    seeded,
                    select(e.c.id).where(
                        e.c.soort == "ERKENDE_ONDERWIJSINSTELLING", e.c.code == erkenning["code"]
                    ),
                )
                own = await licenties_of(seeded, {eid.id}, day)
                assert erkenning["onderwijslicenties"] == {
                    "totalCount": len(own),
                    "edges": [{"node": {"code": n["code"]}} for n in own],
                }
            aanbod = nodes(found["aangebodenOpleidingen"])
            raw = {
                r.code: r.onderwijslicentie_code
                for r in await fetch(
                    seeded, select(a).where(a.c.code.in_([n["code"] for n in aanbod]))
                )
            }
            held_codes = {c for c in raw.values() if c is not None}
            licenties = {
                r.code: r.type
                for r in await fetch(seeded, select(lic).where(lic.c.code.in_(held_codes)))
                if valid_on(r, day)
            }
            for n in aanbod:
                held = raw[n["code"]]
                assert n["onderwijslicentie"] == (
                    {"code": held, "type": licenties[held]} if held in licenties else None
                )
    assert checked


# -- samenwerkingsverband ---------------------------------------------------------------------
async def expected_deelnemers(target: Target, day: dt.date) -> dict[str, list[str]]:
    """Per samenwerkingsverband, its deelnemers on ``day`` (deelname and aanbieder valid), by
    zoeknaam then code."""
    d, a = t(SamenwerkingsverbandDeelname), t(Onderwijsaanbieder)
    rows = await fetch(
        target,
        select(
            d,
            a.c.zoeknaam,
            a.c.begindatum.label("a_begin"),
            a.c.einddatum.label("a_eind"),
        )
        .join(a, a.c.code == d.c.onderwijsaanbieder_code)
        .order_by(d.c.samenwerkingsverband_code, a.c.zoeknaam, a.c.code),
    )
    found: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        aanbieder_valid = (r.a_begin is None or r.a_begin <= day) and (
            r.a_eind is None or r.a_eind > day
        )
        if valid_on(r, day) and aanbieder_valid:
            found[r.samenwerkingsverband_code].append(r.onderwijsaanbieder_code)
    return found


async def expected_verbanden(
    target: Target, day: dt.date, soort: list[str] | None = None
) -> list[Any]:
    s = t(Samenwerkingsverband)
    rows = await fetch(target, select(s).order_by(s.c.code))
    return [r for r in rows if valid_on(r, day) and (soort is None or r.soort in soort)]


async def a_day_a_deelnemer_ended(target: Target) -> dt.date:
    """The last day of an aanbieder that took part in a samenwerkingsverband and closed; today
    when none did."""
    d, a = t(SamenwerkingsverbandDeelname), t(Onderwijsaanbieder)
    ends = await fetch(
        target,
        select(a.c.einddatum)
        .join(d, d.c.onderwijsaanbieder_code == a.c.code)
        .where(a.c.einddatum.is_not(None), a.c.einddatum <= vandaag())
        .order_by(a.c.einddatum.desc()),
    )
    return ends[0].einddatum - DAY if ends else vandaag()


async def test_samenwerkingsverbanden_with_their_deelnemers(api: Api, seeded: Target) -> None:
    query = """query($d: Date, $soort: [ErkendeSamenwerkingssoort!]) {
      samenwerkingsverbanden(first: 100, peildatum: $d, filter: {soort: $soort}) {
        totalCount edges { node { code soort naam begindatum einddatum herkomst { bron }
          deelnemers(first: 100) { totalCount edges { node { code } } } } } } }"""
    ended = await a_day_a_deelnemer_ended(seeded)
    for day in (vandaag(), ended, PAST):
        deelnemers = await expected_deelnemers(seeded, day)
        for soort in (None, ["RMC"], ["PAPO", "PAVO"]):
            data = await api.data(query, {"d": day.isoformat(), "soort": soort})
            verbanden = await expected_verbanden(seeded, day, soort)
            found = data["samenwerkingsverbanden"]
            assert found["totalCount"] == len(verbanden)
            assert [n["code"] for n in nodes(found)] == [r.code for r in verbanden][:100]
            for n, r in zip(nodes(found), verbanden, strict=False):
                assert (n["soort"], n["naam"], n["herkomst"]) == (
                    r.soort.replace("-", "_"),
                    r.naam,
                    {"bron": r.bron},
                )
                assert (n["begindatum"], n["einddatum"]) == (iso(r.begindatum), iso(r.einddatum))
                assert n["deelnemers"]["totalCount"] == len(deelnemers[r.code])
                shown = [m["code"] for m in nodes(n["deelnemers"])]
                assert shown == deelnemers[r.code][:100]


async def test_an_aanbieder_lists_its_samenwerkingsverbanden(api: Api, seeded: Target) -> None:
    d, s = t(SamenwerkingsverbandDeelname), t(Samenwerkingsverband)
    ended = await a_day_a_deelnemer_ended(seeded)
    rows = await fetch(
        seeded,
        select(d, s.c.begindatum.label("s_begin"), s.c.einddatum.label("s_eind"))
        .join(s, s.c.code == d.c.samenwerkingsverband_code)
        .order_by(d.c.onderwijsaanbieder_code, s.c.code),
    )
    per_aanbieder: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        per_aanbieder[r.onderwijsaanbieder_code].append(r)
    query = """query($code: String!, $d: Date) { onderwijsaanbieder(code: $code, peildatum: $d) {
        samenwerkingsverbanden { totalCount edges { node { code } } } } }"""
    for day in (vandaag(), ended):
        valid = await valid_keys(seeded, Onderwijsaanbieder, "code", list(per_aanbieder), day)
        for code in sorted(valid)[:5] + sorted(valid)[-5:]:
            expected = [
                r.samenwerkingsverband_code
                for r in per_aanbieder[code]
                if valid_on(r, day)
                and (r.s_begin is None or r.s_begin <= day)
                and (r.s_eind is None or r.s_eind > day)
            ]
            data = await api.data(query, {"code": code, "d": day.isoformat()})
            found = data["onderwijsaanbieder"]["samenwerkingsverbanden"]
            assert found["totalCount"] == len(expected)
            assert [n["code"] for n in nodes(found)] == expected


async def walk(api: Api, query: str, path: Sequence[str], variables: dict[str, Any]) -> list[str]:
    """Every code of a list, page by page (``path``: where the connection is in the answer)."""
    codes: list[str] = []
    after = None
    for _ in range(1000):
        data = await api.data(query, {**variables, "after": after})
        connection = data[path[0]]
        for key in path[1:]:  # through the first row of each list above
            connection = connection["edges"][0]["node"][key]
        codes += [n["code"] for n in nodes(connection)]
        if not connection["pageInfo"]["hasNextPage"]:
            return codes
        after = connection["pageInfo"]["endCursor"]
    raise AssertionError("the list did not end")


async def test_pages_of_samenwerkingsverbanden_and_deelnemers_by_cursor(
    api: Api, seeded: Target
) -> None:
    day = await a_day_a_deelnemer_ended(seeded)
    root = """query($after: String, $d: Date) { samenwerkingsverbanden(first: 7, after: $after,
        peildatum: $d) { pageInfo { hasNextPage endCursor } edges { node { code } } } }"""
    verbanden = await expected_verbanden(seeded, day)
    assert await walk(api, root, ["samenwerkingsverbanden"], {"d": day.isoformat()}) == [
        r.code for r in verbanden
    ]
    nested = """query($after: String, $d: Date) { samenwerkingsverbanden(first: 1, peildatum: $d) {
        edges { node { deelnemers(first: 30, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { code } } } } } } }"""
    deelnemers = await expected_deelnemers(seeded, day)
    found = await walk(
        api, nested, ["samenwerkingsverbanden", "deelnemers"], {"d": day.isoformat()}
    )
    assert found == deelnemers[verbanden[0].code]


# -- onderwijsaanbiedersgroep -----------------------------------------------------------------
async def expected_groepen(target: Target, day: dt.date, bestuur: str | None = None) -> list[Any]:
    g = t(Onderwijsaanbiedersgroep)
    rows = await fetch(target, select(g).order_by(g.c.code))
    return [
        r
        for r in rows
        if valid_on(r, day) and (bestuur is None or r.onderwijsbestuur_code == bestuur)
    ]


async def expected_groepsleden(target: Target, day: dt.date) -> dict[str, list[str]]:
    a = t(Onderwijsaanbieder)
    rows = await fetch(
        target,
        select(a)
        .where(a.c.onderwijsaanbiedersgroep_code.is_not(None))
        .order_by(a.c.zoeknaam, a.c.code),
    )
    found: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if valid_on(r, day):
            found[r.onderwijsaanbiedersgroep_code].append(r.code)
    return found


async def test_onderwijsaanbiedersgroepen_by_bestuur_and_their_aanbieders(
    api: Api, seeded: Target
) -> None:
    a = t(Onderwijsaanbieder)
    # the bestuur of a groep with an aanbieder that closed, on its last day; and on today
    closed = await fetch(
        seeded,
        select(a)
        .where(a.c.onderwijsaanbiedersgroep_code.is_not(None), a.c.einddatum.is_not(None))
        .order_by(a.c.einddatum.desc(), a.c.code),
    )
    groepen = await expected_groepen(seeded, vandaag())
    per_bestuur: dict[str, int] = defaultdict(int)
    for r in groepen:
        per_bestuur[r.onderwijsbestuur_code] += 1
    cases = [(max(sorted(per_bestuur), key=per_bestuur.__getitem__), vandaag())]
    if closed:
        cases.append((closed[0].onderwijsbestuur_code, closed[0].einddatum - DAY))
    cases.append((cases[0][0], PAST))
    query = """query($code: String!, $d: Date) {
      onderwijsbestuur(code: $code, peildatum: $d) { onderwijsaanbiedersgroepen(first: 100) {
        totalCount edges { node { id code naam begindatum einddatum onderwijsbestuur { code }
          onderwijsaanbieders(first: 100) { totalCount edges { node { code } } } } } } }
      onderwijsaanbiedersgroepen(filter: {onderwijsbestuurCode: $code}, peildatum: $d, first: 100) {
        totalCount edges { node { code } } } }"""
    for bestuur, day in cases:
        data = await api.data(query, {"code": bestuur, "d": day.isoformat()})
        expected = await expected_groepen(seeded, day, bestuur)
        leden = await expected_groepsleden(seeded, day)
        root = data["onderwijsaanbiedersgroepen"]
        assert root["totalCount"] == len(expected)
        assert [n["code"] for n in nodes(root)] == [r.code for r in expected]
        if bestuur not in await valid_keys(seeded, Onderwijsbestuur, "code", [bestuur], day):
            assert data["onderwijsbestuur"] is None
            continue
        found = data["onderwijsbestuur"]["onderwijsaanbiedersgroepen"]
        assert found["totalCount"] == len(expected)
        for n, r in zip(nodes(found), expected, strict=True):
            assert n["id"] == node_id("Onderwijsaanbiedersgroep", r.code, day)
            assert (n["code"], n["naam"], n["onderwijsbestuur"]) == (
                r.code,
                r.naam,
                {"code": bestuur},
            )
            assert (n["begindatum"], n["einddatum"]) == (iso(r.begindatum), iso(r.einddatum))
            assert n["onderwijsaanbieders"]["totalCount"] == len(leden[r.code])
            assert [m["code"] for m in nodes(n["onderwijsaanbieders"])] == leden[r.code][:100]
    if closed:  # the aanbieder is in its groep on its last day
        last = closed[0]
        leden = await expected_groepsleden(seeded, last.einddatum - DAY)
        assert last.code in leden[last.onderwijsaanbiedersgroep_code]


async def test_pages_of_onderwijsaanbiedersgroepen_by_cursor(api: Api, seeded: Target) -> None:
    query = """query($after: String) { onderwijsaanbiedersgroepen(first: 40, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { code } } } }"""
    expected = await expected_groepen(seeded, vandaag())
    assert await walk(api, query, ["onderwijsaanbiedersgroepen"], {}) == [r.code for r in expected]
    error = await api.error(
        '{ onderwijsaanbiedersgroepen(filter: {onderwijsbestuurCode: "31EW"}) { totalCount } }'
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "onderwijsbestuurCode" in error["message"]


async def test_a_groep_is_a_node(api: Api, seeded: Target) -> None:
    groepen = (await expected_groepen(seeded, vandaag()))[:3]
    ids = [node_id("Onderwijsaanbiedersgroep", r.code, vandaag()) for r in groepen]
    query = """query($id: ID!, $ids: [ID!]!) {
      node(id: $id) { __typename id ... on Onderwijsaanbiedersgroep { code naam } }
      nodes(ids: $ids) { id ... on Onderwijsaanbiedersgroep { code } } }"""
    data = await api.data(query, {"id": ids[0], "ids": ids})
    first = groepen[0]
    assert data["node"] == {
        "__typename": "Onderwijsaanbiedersgroep",
        "id": ids[0],
        "code": first.code,
        "naam": first.naam,
    }
    assert data["nodes"] == [{"id": i, "code": r.code} for i, r in zip(ids, groepen, strict=True)]


# -- onderwijsbegeleidingsaanbieder -----------------------------------------------------------
BEGELEIDING = """query($id: ID!, $bestuur: String!, $d: Date) {
  onderwijsbegeleidingsaanbieders(peildatum: $d) { totalCount edges { node { id code naam
    internationaleNaam expertise begindatum einddatum herkomst { bron } onderwijsbestuur { code } } } }
  onderwijsbestuur(code: $bestuur, peildatum: $d) { onderwijsbegeleidingsaanbieders {
    totalCount edges { node { code expertise } } } }
  node(id: $id) { id ... on Onderwijsbegeleidingsaanbieder { code expertise } } }"""


async def begeleiding_answers(api: Api, target: Target, day: dt.date) -> tuple[Any, Any]:
    """The answer of ``BEGELEIDING`` for the first bestuur with a begeleidingsaanbieder (or the
    first bestuur) on ``day``, and the answer the tables give."""
    b, bestuur = t(Onderwijsbegeleidingsaanbieder), t(Onderwijsbestuur)
    rows = await fetch(target, select(b).order_by(b.c.zoeknaam, b.c.code))
    besturen = await fetch(target, select(bestuur.c.code).order_by(bestuur.c.code).limit(1))
    code = next((r.onderwijsbestuur_code for r in rows if r.onderwijsbestuur_code), None)
    code = code or besturen[0].code
    shown = [r for r in rows if valid_on(r, day)]
    besturen_valid = await valid_keys(
        target, Onderwijsbestuur, "code", [r.onderwijsbestuur_code for r in shown], day
    )
    today = [r for r in rows if valid_on(r, vandaag())]
    looked_up = today[0] if today else None
    wanted = looked_up.code if looked_up else "100T001"

    def expertise(row: Any) -> list[str]:
        return [e for e in row.expertise.split(",") if e]

    of_bestuur = [r for r in shown if r.onderwijsbestuur_code == code]
    expected = {
        "onderwijsbegeleidingsaanbieders": {
            "totalCount": len(shown),
            "edges": [
                {
                    "node": {
                        "id": node_id("Onderwijsbegeleidingsaanbieder", r.code, day),
                        "code": r.code,
                        "naam": r.naam,
                        "internationaleNaam": r.internationale_naam,
                        "expertise": expertise(r),
                        "begindatum": iso(r.begindatum),
                        "einddatum": iso(r.einddatum),
                        "herkomst": {"bron": r.bron},
                        "onderwijsbestuur": code_or_null(r.onderwijsbestuur_code, besturen_valid),
                    }
                }
                for r in shown
            ],
        },
        "onderwijsbestuur": {
            "onderwijsbegeleidingsaanbieders": {
                "totalCount": len(of_bestuur),
                "edges": [
                    {"node": {"code": r.code, "expertise": expertise(r)}} for r in of_bestuur
                ],
            }
        }
        if code in await valid_keys(target, Onderwijsbestuur, "code", [code], day)
        else None,
        "node": {  # asked by an id of the older form: on today, with today's id
            "id": node_id("Onderwijsbegeleidingsaanbieder", wanted, vandaag()),
            "code": wanted,
            "expertise": expertise(looked_up),
        }
        if looked_up
        else None,
    }
    variables = {
        "id": node_id("Onderwijsbegeleidingsaanbieder", wanted),
        "bestuur": code,
        "d": day.isoformat(),
    }
    return await api.data(BEGELEIDING, variables), expected


async def test_onderwijsbegeleidingsaanbieders_as_the_sources_have_them(
    api: Api, seeded: Target
) -> None:
    for day in (vandaag(), PAST):
        found, expected = await begeleiding_answers(api, seeded, day)
        assert found == expected


async def test_onderwijsbegeleidingsaanbieders_once_there_are_some(
    seeded: Target, tmp_path: Path
) -> None:
    """The sources hold none: two written into a copy of the database show as any object."""
    async with copy_of(seeded, tmp_path / "kopie") as copy:
        bestuur, bron = t(Onderwijsbestuur), t(Bron)
        besturen = await fetch(copy, select(bestuur).order_by(bestuur.c.code))
        code = next(r.code for r in besturen if valid_on(r, vandaag()) and valid_on(r, PAST))
        (first_bron,) = await fetch(copy, select(bron.c.code).order_by(bron.c.code).limit(1))
        engine = copy.engine()
        try:
            async with engine.begin() as conn:
                await conn.execute(
                    insert(t(Onderwijsbegeleidingsaanbieder)),
                    [
                        {
                            "code": "100T001",
                            "naam": "Expertisecentrum Zien",
                            "zoeknaam": "expertisecentrum zien",
                            "internationale_naam": "Visual Impairment Centre",
                            "onderwijsbestuur_code": code,
                            "expertise": "VISUELE_BEPERKINGEN,VISUEEL_MEERVOUDIG_BEPERKT",
                            "begindatum": dt.date(2010, 1, 1),
                            "einddatum": None,
                            "bron": first_bron.code,
                            "afgeleid": "",
                            "veldbronnen": "",
                        },
                        {
                            "code": "100T002",
                            "naam": "Auris Begeleiding",
                            "zoeknaam": "auris begeleiding",
                            "internationale_naam": None,
                            "onderwijsbestuur_code": code,
                            "expertise": "DOOFHEID",
                            "begindatum": None,
                            "einddatum": dt.date(2020, 1, 1),
                            "bron": first_bron.code,
                            "afgeleid": "*",
                            "veldbronnen": "",
                        },
                    ],
                )
                await conn.run_sync(tel_opnieuw)  # the list's totals, as the seed would
        finally:
            await engine.dispose()
        async with serving(copy) as api:
            for day in (vandaag(), PAST):
                found, expected = await begeleiding_answers(api, copy, day)
                assert found == expected
            assert len(found["onderwijsbegeleidingsaanbieders"]["edges"]) == 2


# -- statements ------------------------------------------------------------------------------
@pytest.fixture
async def resolving(seeded: Target) -> AsyncIterator[Api]:
    """The API with the query compiler off: every field resolved through the loaders."""
    async with serving(seeded, query_compiler=False) as api:
        yield api


# per edge: a root list of parents, the edge below each, and the links below its rows
EDGES = {
    "Onderwijsaanbieder.onderwijslocatiegebruiken": (
        "onderwijsaanbieders(first: $first, filter: {sector: [PO]}, orderBy: CODE)",
        "onderwijslocatiegebruiken(first: 3)",
        "onderwijsaanbieder { code } onderwijslocatie { code } onderwijsbestuur { code }",
    ),
    "Onderwijslocatie.onderwijslocatiegebruiken": (
        "onderwijslocaties(first: $first, filter: {sector: [VO]})",
        "onderwijslocatiegebruiken(first: 3)",
        "begindatum",
    ),
    "Onderwijsaanbieder.onderwijslicenties": (
        "onderwijsaanbieders(first: $first, filter: {sector: [VO]})",
        "onderwijslicenties(first: 3)",
        "code onderwijsinstellingserkenning { code } opleidingseenheid { code }",
    ),
    "Onderwijsaanbieder.samenwerkingsverbanden": (
        'onderwijsaanbieders(first: $first, filter: {gemeentecode: ["0344"]})',
        "samenwerkingsverbanden(first: 3)",
        "code soort",
    ),
    "Samenwerkingsverband.deelnemers": (
        "samenwerkingsverbanden(first: $first)",
        "deelnemers(first: 3)",
        "code naam",
    ),
    "Onderwijsbestuur.onderwijsaanbiedersgroepen": (
        "onderwijsbesturen(first: $first, orderBy: CODE)",
        "onderwijsaanbiedersgroepen(first: 3)",
        "code",
    ),
    "Onderwijsaanbiedersgroep.onderwijsaanbieders": (
        "onderwijsaanbiedersgroepen(first: $first)",
        "onderwijsaanbieders(first: 3)",
        "code",
    ),
    "Onderwijsbestuur.onderwijsbegeleidingsaanbieders": (
        "onderwijsbesturen(first: $first, orderBy: CODE)",
        "onderwijsbegeleidingsaanbieders(first: 3)",
        "code",
    ),
    "Onderwijsinstellingserkenning.onderwijslicenties": (
        "onderwijsaanbieders(first: $first, filter: {sector: [PO]})",
        "erkenningen(first: 3)",
        "... on Onderwijsinstellingserkenning { onderwijslicenties(first: 2) { totalCount } }",
    ),
}


def edge_query(name: str) -> str:
    root, edge, below = EDGES[name]
    return (
        f"query($first: Int!) {{ {root} {{ edges {{ node {{ {edge} {{ totalCount "
        f"edges {{ node {{ {below} }} }} }} }} }} }} }}"
    )


def links_loaded(name: str, data: dict[str, Any]) -> int:
    """The statements the rows of the edge cause below it: one per link (or list) asked, when
    the page holds a row to ask it of (a link's column is never NULL in these)."""
    _, _, below = EDGES[name]
    root = next(iter(data.values()))
    rows = [row for parent in nodes(root) for row in nodes(next(iter(parent.values())))]
    if name == "Onderwijsinstellingserkenning.onderwijslicenties":
        return int(any("onderwijslicenties" in row for row in rows))
    return below.count("{") if rows else 0


@pytest.mark.parametrize("name", list(EDGES))
async def test_each_edge_costs_one_statement_whatever_the_page(
    api: Api, resolving: Api, name: str
) -> None:
    query = edge_query(name)
    for first in (1, 10, 100):
        data, statements = await resolving.counted(query, {"first": first})
        # the root's page, the edge, and what its rows ask below them
        assert statements == 2 + links_loaded(name, data), (first, statements)
        _, statements = await api.counted(query, {"first": first})
        assert statements == 1


ROOTS = {
    "samenwerkingsverbanden": "samenwerkingsverbanden(first: $first, filter: {soort: [RMC]})",
    "onderwijsaanbiedersgroepen": "onderwijsaanbiedersgroepen(first: $first)",
    "onderwijsbegeleidingsaanbieders": "onderwijsbegeleidingsaanbieders(first: $first)",
}


@pytest.mark.parametrize("name", list(ROOTS))
async def test_each_root_list_is_one_statement_compiled(
    api: Api, resolving: Api, name: str
) -> None:
    query = f"query($first: Int!) {{ {ROOTS[name]} {{ totalCount edges {{ node {{ code }} }} }} }}"
    for first in (1, 10, 100):
        _, statements = await api.counted(query, {"first": first})
        assert statements == 1
        _, statements = await resolving.counted(query, {"first": first})
        assert statements == 2  # the page and its total


async def test_the_new_lists_cost_what_every_list_costs(api: Api) -> None:
    """Cost counts a new list as it counts any other (``schema.limits``): 1 for the list, 1 for
    its total, and per row of the page its edge and node, with the nested list likewise."""
    shapes = [
        "samenwerkingsverbanden(first: 2) { totalCount edges { node { deelnemers(first: 3) { "
        "totalCount edges { node { code } } } } } }",
        "onderwijsaanbiedersgroepen(first: 2) { totalCount edges { node { onderwijsaanbieders("
        "first: 3) { totalCount edges { node { code } } } } } }",
        "onderwijsbesturen(first: 2) { totalCount edges { node { onderwijsaanbieders(first: 3) { "
        "totalCount edges { node { code } } } } } }",
    ]
    costs = [
        (await api.post("{ " + shape + " }"))["extensions"]["cost"]["requested"] for shape in shapes
    ]
    # list 1, total 1, 2 edges, 2 nodes; below each: list 1, total 1, 3 edges, 3 nodes
    assert costs == [1 + 1 + 2 + 2 + 2 * (1 + 1 + 3 + 3)] * 3
