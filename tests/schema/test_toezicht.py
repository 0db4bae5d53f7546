"""Objecten van toezicht: the proposal on real besturen, the Inspectie's mutations (success,
every refusal naming its field, FORBIDDEN for everyone else, retries, history, audit), reading
them back with register objects and flags, the response cache, and statement counts.

The mutations write user data, so the module works on a copy of the seeded database of its own
(``copy_of``), served once with a JWKS of its own; each test uses besturen no other test uses.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from onderwijsgraaf.devkeys import JWKS, mint
from onderwijsgraaf.graphiql import VOORBEELDEN
from onderwijsgraaf.settings import ROOT
from tests.conftest import Api, Target, copy_of, serving

ISSUER, AUDIENCE = "https://idp.test", "onderwijsgraaf"
README = (ROOT / "README.md").read_text(encoding="utf-8")
PEILDATUM = "2025-10-01"
# one PO bestuur (16 scholen, one of them on two locaties), one VO bestuur (two scholen), one
# with SO and VSO beside PO
PO, VO, SO = "906B194", "905B560", "907B777"

COMBINATIE = "onderwijsaanbiederCode onderwijslocatieCode aangebodenOpleidingCode"
OBJECT = f"""
fragment O on ObjectVanToezicht {{
  code onderwijsbestuurCode notitie
  versies {{ begindatum einddatum combinaties {{ {COMBINATIE} bestaatNiet }} }}
}}"""
MUTATIES = {
    name: f"mutation M($input: {kind}!) {{ {field}(input: $input) "
    f"{{ clientMutationId objecten {{ ...O }} }} }}" + OBJECT
    for name, kind, field in [
        ("vaststellen", "VaststellenInput", "vaststellenObjectenVanToezicht"),
        ("wijzigen", "WijzigenInput", "wijzigenObjectVanToezicht"),
        ("samenvoegen", "SamenvoegenInput", "samenvoegenObjectenVanToezicht"),
        ("splitsen", "SplitsenInput", "splitsenObjectVanToezicht"),
        ("beeindigen", "BeeindigenInput", "beeindigenObjectVanToezicht"),
        ("notitie", "NotitieInput", "notitieObjectVanToezicht"),
    ]
}
FIELD = {
    "vaststellen": "vaststellenObjectenVanToezicht",
    "wijzigen": "wijzigenObjectVanToezicht",
    "samenvoegen": "samenvoegenObjectenVanToezicht",
    "splitsen": "splitsenObjectVanToezicht",
    "beeindigen": "beeindigenObjectVanToezicht",
    "notitie": "notitieObjectVanToezicht",
}
VOORSTEL = f"""query V($b: String!, $p: Date) {{
  voorstelObjectenVanToezicht(onderwijsbestuurCode: $b, peildatum: $p) {{
    code sector onderwijsaanbiederCode begindatum einddatum combinaties {{ {COMBINATIE} }}
  }}
}}"""
OBJECTEN = (
    """query L($b: String, $a: String, $p: Date) {
  objectenVanToezicht(onderwijsbestuurCode: $b, onderwijsaanbiederCode: $a, peildatum: $p) {
    ...O
  }
}"""
    + OBJECT
)
VO_AFDELING = {
    "VO-PRO": "PRO",
    "VO-VMBO-BB": "VMBO-B",
    "VO-VMBO-KB": "VMBO-K",
    "VO-VMBO-GL": "VMBO-GT",
    "VO-VMBO-TL": "VMBO-GT",
    "VO-HAVO": "HAVO",
    "VO-VWO": "VWO",
}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def database(request: pytest.FixtureRequest) -> Target:
    target: Target = request.getfixturevalue(f"seeded_{request.param}")
    return target


@pytest.fixture(scope="module")
async def own(database: Target, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Target]:
    """A copy of the seeded database for this module's user data."""
    async with copy_of(database, tmp_path_factory.mktemp("toezicht")) as target:
        yield target


@pytest.fixture(scope="module")
async def served(own: Target, dev_keys: Path) -> AsyncIterator[Api]:
    async with serving(
        own,
        auth_jwks=str(dev_keys / JWKS),
        auth_issuer=ISSUER,
        auth_audience=AUDIENCE,
        query_compiler=False,  # a mutation must run once: no second, differential app
    ) as api:
        yield api


def als(api: Api, dev_keys: Path, *roles: str, subject: str = "inspecteur") -> Api:
    if not roles:
        return api.as_viewer({})
    token = mint(
        dev_keys, roles=list(roles), subject=subject, lifetime=300, issuer=ISSUER, audience=AUDIENCE
    )
    return api.as_viewer({"Authorization": f"Bearer {token}"})


@pytest.fixture
def inspectie(served: Api, dev_keys: Path) -> Api:
    return als(served, dev_keys, "inspectie")


@pytest.fixture(scope="module")
async def reader(database: Target, dev_keys: Path) -> AsyncIterator[Api]:
    """The API on the seeded database itself (with its indexes, which a copy lacks), for the
    proposal, which only reads the register."""
    async with serving(
        database, auth_jwks=str(dev_keys / JWKS), auth_issuer=ISSUER, auth_audience=AUDIENCE
    ) as api:
        yield als(api, dev_keys, "inspectie")


async def muteer(api: Api, name: str, **input: Any) -> dict[str, Any]:
    data = await api.data(MUTATIES[name], {"input": input})
    answer: dict[str, Any] = data[FIELD[name]]
    return answer


async def geweigerd(api: Api, name: str, **input: Any) -> dict[str, Any]:
    """The one error of a mutation that must be refused; its data is null."""
    body = await api.post(MUTATIES[name], {"input": input})
    assert body["data"] is None, body
    assert len(body["errors"]) == 1, body
    error: dict[str, Any] = body["errors"][0]
    return error


async def bad_input(api: Api, name: str, field: str, **input: Any) -> str:
    error = await geweigerd(api, name, **input)
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    message: str = error["message"]
    assert message.startswith(f"{field}: "), message
    return message


async def register_rows(target: Target, bestuur: str, peildatum: str) -> list[Any]:
    """Every aanbod of the bestuur's aanbieders with aanbieder, locatie, gebruik and aanbod valid
    on ``peildatum``, read with plain SQL: the proposal's input, listed independently."""

    def valid(alias: str) -> str:
        return (
            f"({alias}.begindatum IS NULL OR {alias}.begindatum <= :p) AND "
            f"({alias}.einddatum IS NULL OR {alias}.einddatum > :p)"
        )

    sql = f"""
        SELECT a.code, a.sector, a.onderwijsaanbieder_code, a.onderwijslocatie_code, e.niveau
        FROM aangeboden_opleiding a
        JOIN onderwijsaanbieder oa ON oa.code = a.onderwijsaanbieder_code
        JOIN onderwijslocatie ol ON ol.code = a.onderwijslocatie_code
        JOIN opleidingseenheid e ON e.code = a.opleidingseenheid_code
        WHERE oa.onderwijsbestuur_code = :b AND {valid("a")} AND {valid("oa")} AND {valid("ol")}
        AND EXISTS (SELECT 1 FROM onderwijslocatiegebruik g
                    WHERE g.onderwijsaanbieder_code = a.onderwijsaanbieder_code
                    AND g.onderwijslocatie_code = a.onderwijslocatie_code AND {valid("g")})
    """
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return list(
                await conn.execute(text(sql), {"b": bestuur, "p": dt.date.fromisoformat(peildatum)})
            )
    finally:
        await engine.dispose()


def expected_objects(rows: list[Any]) -> dict[str, list[dict[str, str]]]:
    """The rules of the README applied to the listed rows: code → sorted combinations."""
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for code, sector, aanbieder, locatie, niveau in rows:
        if sector in ("PO", "SO", "VSO"):
            key = f"{sector}-{aanbieder}"
        elif sector == "VO":
            key = f"VO-{aanbieder}-{locatie}-{VO_AFDELING.get(niveau, 'OVERIG')}"
        elif sector == "MBO":
            key = f"MBO-{aanbieder}-{niveau[-1]}"
        else:
            continue
        groups[key].append(
            {
                "onderwijsaanbiederCode": aanbieder,
                "onderwijslocatieCode": locatie,
                "aangebodenOpleidingCode": code,
            }
        )
    return {
        key: sorted(combinaties, key=lambda c: tuple(c.values()))
        for key, combinaties in groups.items()
    }


@pytest.mark.parametrize("bestuur", [PO, VO, SO])
async def test_the_proposal_follows_the_rules_on_real_besturen(
    reader: Api, database: Target, bestuur: str
) -> None:
    data, statements = await reader.counted(VOORSTEL, {"b": bestuur, "p": PEILDATUM})
    found = data["voorstelObjectenVanToezicht"]
    expected = expected_objects(await register_rows(database, bestuur, PEILDATUM))
    assert len(expected) >= 3
    assert {o["code"]: o["combinaties"] for o in found} == expected
    assert [o["code"] for o in found] == sorted(expected)
    assert statements == 1  # the whole bestuur in one statement
    # the same register gives the same codes
    again = await reader.data(VOORSTEL, {"b": bestuur, "p": PEILDATUM})
    assert again["voorstelObjectenVanToezicht"] == found


async def test_the_proposal_written_out(reader: Api) -> None:
    data = await reader.data(VOORSTEL, {"b": SO, "p": PEILDATUM})
    assert [
        (o["code"], o["sector"], o["onderwijsaanbiederCode"], o["begindatum"], o["einddatum"])
        for o in data["voorstelObjectenVanToezicht"]
    ] == [
        ("PO-903A465", "PO", "903A465", "1947-03-15", None),
        ("SO-929A494", "SO", "929A494", "1976-01-01", None),
        ("VSO-929A494", "VSO", "929A494", "1976-01-01", None),
    ]
    data = await reader.data(VOORSTEL, {"b": PO, "p": PEILDATUM})
    (twee,) = [o for o in data["voorstelObjectenVanToezicht"] if o["code"] == "PO-974A554"]
    assert [c["onderwijslocatieCode"] for c in twee["combinaties"]] == ["908X723", "973X257"]


async def test_the_proposal_reads_a_large_bestuur_in_as_many_statements(reader: Api) -> None:
    # (a date no other test asks for: an answer from the response cache runs no statement)
    small, few = await reader.counted(VOORSTEL, {"b": SO, "p": "2025-10-02"})
    large, many = await reader.counted(VOORSTEL, {"b": "920B602", "p": "2025-10-02"})
    assert len(large["voorstelObjectenVanToezicht"]) > 10 * len(
        small["voorstelObjectenVanToezicht"]
    )
    assert few == many == 1


@pytest.mark.parametrize("roles", [(), ("duo",), ("gemeente:0363",)], ids=str)
async def test_only_the_inspectie_reads_and_changes_objecten(
    served: Api, dev_keys: Path, roles: tuple[str, ...], caplog: pytest.LogCaptureFixture
) -> None:
    api = als(served, dev_keys, *roles)
    inputs: dict[str, dict[str, Any]] = {
        "vaststellen": {"onderwijsbestuurCode": SO},
        "wijzigen": {"code": "SO-929A494", "combinaties": []},
        "samenvoegen": {"codes": ["A", "B"], "code": "A"},
        "splitsen": {"code": "A", "delen": []},
        "beeindigen": {"code": "A"},
        "notitie": {"code": "A", "notitie": "x"},
    }
    with caplog.at_level(logging.INFO, logger="onderwijsgraaf.audit"):
        for name, input in inputs.items():
            error = await geweigerd(api, name, **input)
            assert error["extensions"]["code"] == "FORBIDDEN", (name, error)
    assert [r for r in caplog.records if r.name == "onderwijsgraaf.audit"] == []
    for query, variables in [
        (VOORSTEL, {"b": SO}),
        (OBJECTEN, {"b": SO}),
        ('{ objectVanToezicht(code: "SO-929A494") { code } }', {}),
    ]:
        error = await api.error(query, variables)
        assert error["extensions"]["code"] == "FORBIDDEN"


def audit_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "onderwijsgraaf.audit"]


async def test_adopting_is_audited_kept_and_done_once(
    inspectie: Api, own: Target, caplog: pytest.LogCaptureFixture
) -> None:
    input = {"onderwijsbestuurCode": SO, "begindatum": PEILDATUM, "clientMutationId": "v-1"}
    with caplog.at_level(logging.INFO, logger="onderwijsgraaf.audit"):
        first = await muteer(inspectie, "vaststellen", **input)
    codes = ["PO-903A465", "SO-929A494", "VSO-929A494"]
    assert [o["code"] for o in first["objecten"]] == codes
    assert first["clientMutationId"] == "v-1"
    proposal = await inspectie.data(VOORSTEL, {"b": SO, "p": PEILDATUM})
    for obj, proposed in zip(
        first["objecten"], proposal["voorstelObjectenVanToezicht"], strict=True
    ):
        assert obj["versies"] == [
            {
                "begindatum": PEILDATUM,
                "einddatum": None,
                "combinaties": [{**c, "bestaatNiet": False} for c in proposed["combinaties"]],
            }
        ]
    (line,) = audit_lines(caplog)
    assert (line["subject"], line["rollen"], line["mutatie"], line["objectenVanToezicht"]) == (
        "inspecteur",
        ["inspectie"],
        "vaststellen",
        codes,
    )
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="onderwijsgraaf.audit"):
        again = await muteer(inspectie, "vaststellen", **input)
    assert again == first
    assert audit_lines(caplog) == []  # nothing changed, nothing to audit
    message = await bad_input(
        inspectie, "vaststellen", "input.clientMutationId", **{**input, "codes": ["SO-929A494"]}
    )
    assert "used before" in message
    # once adopted, a named code is refused; all of them again adopts nothing new
    await bad_input(
        inspectie, "vaststellen", "input.codes[0]", onderwijsbestuurCode=SO, codes=["SO-929A494"]
    )
    nothing = await muteer(inspectie, "vaststellen", onderwijsbestuurCode=SO, begindatum=PEILDATUM)
    assert nothing["objecten"] == []
    listed = await inspectie.data(OBJECTEN, {"b": SO, "p": PEILDATUM})
    assert [o["code"] for o in listed["objectenVanToezicht"]] == codes
    rows = await user_rows(
        own,
        "SELECT count(*) FROM toezichtobject_versie v "
        "JOIN toezichtobject o ON o.code = v.object_code "
        "WHERE o.onderwijsbestuur_code = '907B777'",
    )
    assert rows == [(3,)]


async def user_rows(target: Target, sql: str) -> list[tuple[Any, ...]]:
    """Rows of the user data, read without the application."""
    if target.backend == "sqlite":
        import sqlite3

        from sqlalchemy.engine import make_url

        file = Path(make_url(target.url).database or "").with_name(
            "onderwijsgraaf.gebruikers.sqlite"
        )
        with sqlite3.connect(file) as conn:
            return [tuple(r) for r in conn.execute(sql)]
    from onderwijsgraaf.db.engine import create_engine

    engine = create_engine(target.url, schema=f"{target.schema}_gebruikers")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'SET search_path TO "{target.schema}_gebruikers"'))
            return [tuple(r) for r in await conn.execute(text(sql))]
    finally:
        await engine.dispose()


async def test_adopting_refuses_what_was_not_proposed(inspectie: Api) -> None:
    await bad_input(
        inspectie, "vaststellen", "input.onderwijsbestuurCode", onderwijsbestuurCode="x"
    )
    message = await bad_input(
        inspectie,
        "vaststellen",
        "input.codes[1]",
        onderwijsbestuurCode=PO,
        codes=["PO-974A554", "PO-999A999"],
        begindatum=PEILDATUM,
    )
    assert "not proposed" in message


async def vastgesteld(api: Api, code: str, bestuur: str = PO) -> dict[str, Any]:
    answer = await muteer(
        api, "vaststellen", onderwijsbestuurCode=bestuur, codes=[code], begindatum=PEILDATUM
    )
    obj: dict[str, Any] = answer["objecten"][0]
    return obj


def combinatie(aanbieder: str, locatie: str, aanbod: str) -> dict[str, str]:
    return {
        "onderwijsaanbiederCode": aanbieder,
        "onderwijslocatieCode": locatie,
        "aangebodenOpleidingCode": aanbod,
    }


def zonder_vlag(combinaties: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{k: v for k, v in c.items() if k != "bestaatNiet"} for c in combinaties]


async def test_changing_keeps_the_history_and_is_checked_against_the_register(
    inspectie: Api,
) -> None:
    obj = await vastgesteld(inspectie, "PO-974A554")
    (een, twee) = zonder_vlag(obj["versies"][0]["combinaties"])
    ander = (await vastgesteld(inspectie, "PO-999A371"))["versies"][0]["combinaties"][0]
    changed = await muteer(
        inspectie,
        "wijzigen",
        code="PO-974A554",
        begindatum="2026-01-01",
        combinaties=[een],
        clientMutationId="w-1",
    )
    versies = changed["objecten"][0]["versies"]
    assert [(v["begindatum"], v["einddatum"]) for v in versies] == [
        (PEILDATUM, "2026-01-01"),
        ("2026-01-01", None),
    ]
    assert zonder_vlag(versies[0]["combinaties"]) == [een, twee]  # the old version is kept
    assert zonder_vlag(versies[1]["combinaties"]) == [een]
    # on a date in the old version the object shows the old combinations
    before = await inspectie.data(OBJECTEN, {"a": "974A554", "p": "2025-12-31"})
    assert [o["code"] for o in before["objectenVanToezicht"]] == ["PO-974A554"]

    wijzig = {"code": "PO-974A554", "begindatum": "2026-02-01"}
    await bad_input(
        inspectie,
        "wijzigen",
        "input.begindatum",
        **{**wijzig, "begindatum": "2025-12-01", "combinaties": [een]},
    )
    await bad_input(
        inspectie,
        "wijzigen",
        "input.code",
        **{**wijzig, "code": "PO-000A000", "combinaties": [een]},
    )
    await bad_input(inspectie, "wijzigen", "input.combinaties", **wijzig, combinaties=[])
    await bad_input(inspectie, "wijzigen", "input.combinaties[1]", **wijzig, combinaties=[een, een])
    await bad_input(
        inspectie,
        "wijzigen",
        "input.combinaties[0].onderwijsaanbiederCode",
        **wijzig,
        combinaties=[{**een, "onderwijsaanbiederCode": "974-554"}],
    )
    # a locatie the aanbieder does not use
    message = await bad_input(
        inspectie,
        "wijzigen",
        "input.combinaties[1].onderwijslocatieCode",
        **wijzig,
        combinaties=[een, {**twee, "onderwijslocatieCode": "978X673"}],
    )
    assert "does not use 978X673" in message
    # an aanbod of another aanbieder
    await bad_input(
        inspectie,
        "wijzigen",
        "input.combinaties[0].aangebodenOpleidingCode",
        **wijzig,
        combinaties=[{**een, "aangebodenOpleidingCode": ander["aangebodenOpleidingCode"]}],
    )
    # an aanbieder of another bestuur
    await bad_input(
        inspectie,
        "wijzigen",
        "input.combinaties[0].onderwijsaanbiederCode",
        **wijzig,
        combinaties=[combinatie("929A494", "972X790", "61eb61e1-b752-5fca-a449-5bea14a958ec")],
    )
    # a combination another object holds
    message = await bad_input(
        inspectie,
        "wijzigen",
        "input.combinaties[1]",
        **wijzig,
        combinaties=[een, zonder_vlag([ander])[0]],
    )
    assert "PO-999A371" in message
    # a refused change wrote nothing; the retry of the first answers the same
    again = await muteer(
        inspectie,
        "wijzigen",
        code="PO-974A554",
        begindatum="2026-01-01",
        combinaties=[een],
        clientMutationId="w-1",
    )
    assert again == changed


async def test_merging_splitting_ending_and_the_note(
    inspectie: Api, own: Target, caplog: pytest.LogCaptureFixture
) -> None:
    a = await vastgesteld(inspectie, "PO-909A179")
    b = await vastgesteld(inspectie, "PO-911A404")
    c = await vastgesteld(inspectie, "PO-914A590")
    alle = [zonder_vlag(o["versies"][0]["combinaties"])[0] for o in (a, b, c)]

    await bad_input(
        inspectie,
        "samenvoegen",
        "input.codes",
        codes=["PO-909A179"],
        code="X",
        begindatum="2026-01-01",
    )
    await bad_input(
        inspectie,
        "samenvoegen",
        "input.codes[1]",
        codes=["PO-909A179", "PO-903A465"],
        code="PO-909A179",
        begindatum="2026-01-01",
    )
    await bad_input(
        inspectie,
        "samenvoegen",
        "input.code",
        codes=["PO-909A179", "PO-911A404"],
        code="po 1",
        begindatum="2026-01-01",
    )
    with caplog.at_level(logging.INFO, logger="onderwijsgraaf.audit"):
        merged = await muteer(
            inspectie,
            "samenvoegen",
            codes=["PO-909A179", "PO-911A404", "PO-914A590"],
            code="PO-SAMEN-1",
            begindatum="2026-01-01",
        )
    assert [o["code"] for o in merged["objecten"]] == [
        "PO-SAMEN-1",
        "PO-909A179",
        "PO-911A404",
        "PO-914A590",
    ]
    nieuw, *oud = merged["objecten"]
    assert zonder_vlag(nieuw["versies"][0]["combinaties"]) == sorted(
        alle, key=lambda x: tuple(x.values())
    )
    assert all(o["versies"][-1]["einddatum"] == "2026-01-01" for o in oud)
    assert audit_lines(caplog)[-1]["objectenVanToezicht"] == [o["code"] for o in merged["objecten"]]
    # an ended object takes no change
    await bad_input(
        inspectie, "beeindigen", "input.code", code="PO-909A179", einddatum="2026-06-01"
    )

    delen = [
        {"code": "PO-SAMEN-1", "combinaties": alle[:2]},
        {"code": "PO-DEEL-2", "combinaties": alle[2:]},
    ]
    await bad_input(
        inspectie,
        "splitsen",
        "input.delen",
        code="PO-SAMEN-1",
        begindatum="2026-03-01",
        delen=delen[:1],
    )
    await bad_input(
        inspectie,
        "splitsen",
        "input.delen[1].combinaties[0]",
        code="PO-SAMEN-1",
        begindatum="2026-03-01",
        delen=[delen[0], {"code": "PO-DEEL-2", "combinaties": alle[1:2]}],
    )
    await bad_input(
        inspectie,
        "splitsen",
        "input.delen[1].code",
        code="PO-SAMEN-1",
        begindatum="2026-03-01",
        delen=[delen[0], {"code": "PO-909A179", "combinaties": alle[2:]}],
    )
    split = await muteer(
        inspectie, "splitsen", code="PO-SAMEN-1", begindatum="2026-03-01", delen=delen
    )
    assert [o["code"] for o in split["objecten"]] == ["PO-SAMEN-1", "PO-DEEL-2"]
    samen = split["objecten"][0]["versies"]
    assert [(v["begindatum"], v["einddatum"], len(v["combinaties"])) for v in samen] == [
        ("2026-01-01", "2026-03-01", 3),
        ("2026-03-01", None, 2),
    ]

    await bad_input(
        inspectie, "beeindigen", "input.einddatum", code="PO-DEEL-2", einddatum="2026-02-01"
    )
    ended = await muteer(inspectie, "beeindigen", code="PO-DEEL-2", einddatum="2027-08-01")
    assert ended["objecten"][0]["versies"][-1]["einddatum"] == "2027-08-01"
    listed = await inspectie.data(OBJECTEN, {"b": PO, "p": "2027-09-01"})
    assert "PO-DEEL-2" not in [o["code"] for o in listed["objectenVanToezicht"]]

    await bad_input(inspectie, "notitie", "input.code", code="PO-NIETS", notitie="x")
    noted = await muteer(inspectie, "notitie", code="PO-SAMEN-1", notitie="Let op: fusie 2026")
    assert noted["objecten"][0]["notitie"] == "Let op: fusie 2026"
    # the public (with TOEZICHT_OPENBAAR) never sees the note, and the answer is never kept
    async with serving(own, toezicht_openbaar=True, query_compiler=False) as public:
        query = '{ objectVanToezicht(code: "PO-SAMEN-1") { code notitie } }'
        response = await public.client.post("/graphql", json={"query": query})
        assert response.json()["data"] == {
            "objectVanToezicht": {"code": "PO-SAMEN-1", "notitie": None}
        }
        assert response.headers["cache-control"] == "no-store"
        get = await public.client.get("/graphql", params={"query": query})
        assert get.headers["cache-control"] == "no-store"
        # kept by no cache: a change shows in the next answer to the same request
        ends = '{ objectVanToezicht(code: "PO-SAMEN-1") { versies { einddatum } } }'
        before = await public.client.post("/graphql", json={"query": ends})
        await muteer(inspectie, "beeindigen", code="PO-SAMEN-1", einddatum="2028-01-01")
        after = await public.client.post("/graphql", json={"query": ends})
        assert [v["einddatum"] for v in before.json()["data"]["objectVanToezicht"]["versies"]] == [
            "2026-03-01",
            None,
        ]
        assert [v["einddatum"] for v in after.json()["data"]["objectVanToezicht"]["versies"]] == [
            "2026-03-01",
            "2028-01-01",
        ]


LIJST = """query L($b: String, $a: String, $p: Date) {
  objectenVanToezicht(onderwijsbestuurCode: $b, onderwijsaanbiederCode: $a, peildatum: $p) {
    code combinaties {
      onderwijsaanbiederCode bestaatNiet
      onderwijsaanbieder { code } onderwijslocatie { code } aangebodenOpleiding { code }
    }
  }
}"""


async def test_reading_objecten_takes_as_many_statements_for_one_as_for_many(
    inspectie: Api,
) -> None:
    adopted = await muteer(inspectie, "vaststellen", onderwijsbestuurCode=VO, begindatum=PEILDATUM)
    codes = [o["code"] for o in adopted["objecten"]]
    assert len(codes) >= 5
    aanbieder = codes[0].split("-")[1]  # VO-<aanbieder>-<locatie>-<afdeling>
    inspectie.userdata_statements.clear()
    one, register_one = await inspectie.counted(LIJST, {"a": aanbieder, "p": PEILDATUM})
    userdata_one = len(inspectie.userdata_statements)
    inspectie.userdata_statements.clear()
    many, register_many = await inspectie.counted(LIJST, {"b": VO, "p": PEILDATUM})
    userdata_many = len(inspectie.userdata_statements)
    mine = [c for c in codes if c.startswith(f"VO-{aanbieder}-")]
    assert 0 < len(mine) < len(codes)
    assert [o["code"] for o in one["objectenVanToezicht"]] == mine
    assert [o["code"] for o in many["objectenVanToezicht"]] == codes
    combinaties = [c for o in many["objectenVanToezicht"] for c in o["combinaties"]]
    assert len(combinaties) > 20
    assert all(
        not c["bestaatNiet"]
        and c["onderwijsaanbieder"]["code"] == c["onderwijsaanbiederCode"]
        and c["onderwijslocatie"] is not None
        and c["aangebodenOpleiding"] is not None
        for c in combinaties
    )
    # the register: four statements for the flags, one per kind of register object
    assert register_one == register_many == 7
    assert userdata_one == userdata_many == 2
    # the answer is never kept: a change shows at once
    code = codes[0]
    await muteer(inspectie, "beeindigen", code=code, einddatum="2025-10-01")
    after = await inspectie.data(LIJST, {"b": VO, "p": PEILDATUM})
    assert [o["code"] for o in after["objectenVanToezicht"]] == codes[1:]


async def test_the_example_operations_run_in_order(inspectie: Api) -> None:
    document = (VOORBEELDEN / "toezicht.graphql").read_text(encoding="utf-8")
    assert document.strip() in README
    answers = {}
    for name in (
        "VoorstelObjectenVanToezicht",
        "VaststellenObjectenVanToezicht",
        "SamenvoegenObjectenVanToezicht",
        "ObjectenVanToezicht",
    ):
        body = {"query": document, "operationName": name}
        response = await inspectie.client.post("/graphql", json=body, headers=inspectie.headers)
        assert response.status_code == 200
        assert "errors" not in response.json(), response.json()
        answers[name] = response.json()["data"]
    proposed = [
        o["code"] for o in answers["VoorstelObjectenVanToezicht"]["voorstelObjectenVanToezicht"]
    ]
    assert proposed == ["SO-908A580", "SO-928A608", "VSO-908A580", "VSO-928A608"]
    listed = answers["ObjectenVanToezicht"]["objectenVanToezicht"]
    assert [o["code"] for o in listed] == ["SO-908A580", "SO-VSO-928A608", "VSO-908A580"]
    assert len(listed[1]["combinaties"]) == 2


async def test_a_mutation_is_refused_over_get(inspectie: Api) -> None:
    variables = json.dumps({"input": {"code": "SO-929A494", "notitie": "via GET"}})
    response = await inspectie.client.get(
        "/graphql",
        params={"query": MUTATIES["notitie"], "variables": variables},
        headers=inspectie.headers,
    )
    assert response.status_code == 405
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_adopting_all_again_leaves_out_what_an_object_holds(inspectie: Api) -> None:
    bestuur = "911B007"
    proposal = (await inspectie.data(VOORSTEL, {"b": bestuur, "p": PEILDATUM}))[
        "voorstelObjectenVanToezicht"
    ]
    so = next(o for o in proposal if o["code"].startswith("SO-"))
    vso = next(o for o in proposal if o["code"] == "V" + so["code"])
    await muteer(
        inspectie,
        "vaststellen",
        onderwijsbestuurCode=bestuur,
        codes=[so["code"]],
        begindatum=PEILDATUM,
    )
    # the SO object takes the VSO combination too
    await muteer(
        inspectie,
        "wijzigen",
        code=so["code"],
        begindatum=PEILDATUM,
        combinaties=so["combinaties"] + vso["combinaties"],
    )
    rest = await muteer(
        inspectie, "vaststellen", onderwijsbestuurCode=bestuur, begindatum=PEILDATUM
    )
    assert [o["code"] for o in rest["objecten"]] == [
        o["code"] for o in proposal if o["code"] not in (so["code"], vso["code"])
    ]
    # named, the VSO object is refused: its combination is in the SO object
    message = await bad_input(
        inspectie,
        "vaststellen",
        "input.codes[0]",
        onderwijsbestuurCode=bestuur,
        codes=[vso["code"]],
        begindatum=PEILDATUM,
    )
    assert so["code"] in message
