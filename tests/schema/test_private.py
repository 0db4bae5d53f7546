"""Private contactpunten reach only the viewer they are meant for, whatever the query shape or
transport; every response with private data is audited, and no other."""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from onderwijsgraaf.db.models import (
    Communicatiecontext,
    Onderwijsaanbieder,
    Onderwijslocatiegebruik,
    geldig_op,
)
from onderwijsgraaf.devkeys import JWKS, mint
from tests.conftest import Api, Target, serving

ISSUER, AUDIENCE = "https://idp.test", "onderwijsgraaf"
EMAIL = re.compile(r"[a-z]+@[0-9a-z]+\.onderwijsgraaf\.invalid")
CONTEXTS = "communicatiecontexten(first: 10) { edges { node { soort email website contactnaam } } }"


@pytest.fixture
async def private_api(seeded: Target, dev_keys: Path) -> AsyncIterator[Api]:
    async with serving(
        seeded, auth_jwks=str(dev_keys / JWKS), auth_issuer=ISSUER, auth_audience=AUDIENCE
    ) as api:
        yield api


def as_roles(api: Api, dev_keys: Path, *roles: str, subject: str = "tester") -> Api:
    if not roles:
        return api.as_viewer({})
    token = mint(
        dev_keys,
        roles=list(roles),
        subject=subject,
        lifetime=300,
        issuer=ISSUER,
        audience=AUDIENCE,
    )
    return api.as_viewer({"Authorization": f"Bearer {token}"})


def today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()


async def visible_in_db(
    target: Target, codes: set[str], roles: tuple[str, ...]
) -> dict[str, list[str]]:
    """Per aanbieder of ``codes``: the soorten ``roles`` may see by the rules, from the raw rows."""
    c = Communicatiecontext
    engine = target.engine()
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                select(c.__table__).where(
                    geldig_op(c, today()), c.onderwijsaanbieder_code.in_(codes)
                )
            )
        ).all()
        bestuur_van = dict(
            (
                await conn.execute(
                    select(Onderwijsaanbieder.code, Onderwijsaanbieder.onderwijsbestuur_code)
                )
            ).all()
        )
    await engine.dispose()
    mijn = {r.removeprefix("gemeente:") for r in roles if r.startswith("gemeente:")}
    besturen = {r.removeprefix("bestuur:") for r in roles if r.startswith("bestuur:")}
    result: dict[str, list[str]] = {}
    for row in rows:
        if (
            row.openbaar
            or (row.soort == "TOEZICHT" and "inspectie" in roles)
            or (row.soort == "BEKOSTIGING" and "duo" in roles)
            or (row.soort == "LEERPLICHT" and row.gemeente_code in mijn)
            or bestuur_van[row.onderwijsaanbieder_code] in besturen
        ):
            result.setdefault(row.onderwijsaanbieder_code, []).append(row.soort)
    return {code: sorted(soorten) for code, soorten in result.items()}


VIEWERS = {
    "anoniem": (),
    "inspectie": ("inspectie",),
    "duo": ("duo",),
    "gemeente Amsterdam": ("gemeente:0363",),
    "twee gemeenten": ("gemeente:0363", "gemeente:0344"),
    "alles": ("inspectie", "duo", "gemeente:0344"),
    # a bestuur with 40 aanbieders in Amsterdam: every private soort of its own aanbieders
    "bestuur": ("bestuur:948B124",),
    "bestuur en gemeente": ("bestuur:948B124", "gemeente:0344"),
}


@pytest.mark.parametrize("viewer", list(VIEWERS))
async def test_each_viewer_sees_exactly_the_contexts_meant_for_it(
    private_api: Api, dev_keys: Path, seeded: Target, viewer: str
) -> None:
    roles = VIEWERS[viewer]
    api = as_roles(private_api, dev_keys, *roles)
    found: dict[str, list[str]] = {}
    listed: set[str] = set()
    after = None
    while True:
        cursor = f', after: "{after}"' if after else ""
        data = await api.data(
            f'{{ onderwijsaanbieders(filter: {{gemeentecode: ["0363", "0344"]}}, first: 100{cursor}) '
            f"{{ pageInfo {{ hasNextPage endCursor }} edges {{ node {{ code {CONTEXTS} }} }} }} }}"
        )
        for edge in data["onderwijsaanbieders"]["edges"]:
            listed.add(edge["node"]["code"])
            soorten = sorted(
                e["node"]["soort"] for e in edge["node"]["communicatiecontexten"]["edges"]
            )
            if soorten:
                found[edge["node"]["code"]] = soorten
        if not data["onderwijsaanbieders"]["pageInfo"]["hasNextPage"]:
            break
        after = data["onderwijsaanbieders"]["pageInfo"]["endCursor"]
    assert len(listed) > 300
    assert found == await visible_in_db(seeded, listed, roles)
    private = {s for soorten in found.values() for s in soorten} - {"ALGEMEEN"}
    assert (
        private
        == {
            "anoniem": set(),
            "inspectie": {"TOEZICHT"},
            "duo": {"BEKOSTIGING"},
            "gemeente Amsterdam": {"LEERPLICHT"},
            "twee gemeenten": {"LEERPLICHT"},
            "alles": {"TOEZICHT", "BEKOSTIGING", "LEERPLICHT"},
            "bestuur": {"TOEZICHT", "BEKOSTIGING", "LEERPLICHT"},
            "bestuur en gemeente": {"TOEZICHT", "BEKOSTIGING", "LEERPLICHT"},
        }[viewer]
    )
    assert await api.data("{ ik { anoniem rollen } }") == {
        "ik": {"anoniem": not roles, "rollen": sorted(roles)}
    }


@pytest.mark.parametrize(
    "header",
    [
        "Bearer garbage",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiaW5zcGVjdGllIl19.",
        "Basic dXNlcjpwYXNz",
    ],
)
async def test_a_bad_token_gets_401_and_no_data(private_api: Api, header: str) -> None:
    response = await private_api.client.post(
        "/graphql", json={"query": "{ meta { licentie } }"}, headers={"Authorization": header}
    )
    assert response.status_code == 401
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert response.headers["www-authenticate"].startswith("Bearer")
    # a refusal is kept by no cache and never handed to a caller with another token
    assert response.headers["cache-control"] == "no-store"
    assert {"Accept", "Authorization"} <= vary(response)


def vary(response: Any) -> set[str]:
    return {name.strip() for name in response.headers.get("vary", "").split(",")}


async def test_a_bad_token_over_get_in_graphql_response_json_is_401_without_data(
    private_api: Api,
) -> None:
    response = await private_api.client.get(
        "/graphql",
        params={"query": "{ meta { licentie } }"},
        headers={"Authorization": "Bearer garbage", "Accept": "application/graphql-response+json"},
    )
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert "data" not in response.json()
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert response.headers["cache-control"] == "no-store"
    assert {"Accept", "Authorization"} <= vary(response)
    assert "etag" not in response.headers


async def test_an_expired_token_gets_401(private_api: Api, dev_keys: Path) -> None:
    token = mint(
        dev_keys, roles=["inspectie"], subject="t", lifetime=-120, issuer=ISSUER, audience=AUDIENCE
    )
    response = await private_api.client.get(
        "/graphql",
        params={"query": "{ ik { rollen } }"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "token has expired"


async def target(seeded: Target) -> dict[str, str]:
    """An Amsterdam aanbieder with all three private soorten, and its locatie and bestuur."""
    c = Communicatiecontext
    engine = seeded.engine()
    async with engine.connect() as conn:
        code = await conn.scalar(
            select(c.onderwijsaanbieder_code)
            .where(c.openbaar.is_(False), c.gemeente_code == "0363")
            .group_by(c.onderwijsaanbieder_code)
            .having(func.count() == 3)
            .order_by(c.onderwijsaanbieder_code)
            .limit(1)
        )
        row = (
            await conn.execute(
                select(
                    Onderwijslocatiegebruik.onderwijslocatie_code,
                    Onderwijslocatiegebruik.onderwijsbestuur_code,
                )
                .where(Onderwijslocatiegebruik.onderwijsaanbieder_code == code)
                .limit(1)
            )
        ).one()
    await engine.dispose()
    node_id = base64.urlsafe_b64encode(f"Onderwijsaanbieder:{code}".encode()).decode()
    return {
        "c": code,
        "l": row.onderwijslocatie_code,
        "b": row.onderwijsbestuur_code,
        "id": node_id,
    }


# a bestuur other than the target's (the target's aanbieder belongs to 974B888)
ANDER_BESTUUR = "948B124"

ATTACKS = {
    "aliases": "query($c: String!) { a: onderwijsaanbieder(code: $c) { x: communicatiecontexten { edges { node { e: email } } } "
    "y: communicatiecontexten(first: 100) { edges { node { email website contactnaam soort } } } } }",
    "named fragment": "query($c: String!) { onderwijsaanbieder(code: $c) { ...F } } "
    "fragment F on Onderwijsaanbieder { communicatiecontexten { edges { node { ... on Communicatiecontext { email } } } } }",
    "via locatie": f"query($l: String!) {{ onderwijslocatie(code: $l) {{ onderwijsaanbieders {{ edges {{ node {{ {CONTEXTS} }} }} }} }} }}",
    "via bestuur": f"query($b: String!) {{ onderwijsbestuur(code: $b) {{ onderwijsaanbieders(first: 100) {{ edges {{ node {{ {CONTEXTS} }} }} }} }} }}",
    "via aanbod": f"query($c: String!) {{ aangebodenOpleidingen(filter: {{onderwijsaanbiederCode: $c}}) {{ edges {{ node {{ onderwijsaanbieder {{ {CONTEXTS} }} }} }} }} }}",
    "node": f"query($id: ID!) {{ node(id: $id) {{ ... on Onderwijsaanbieder {{ {CONTEXTS} }} }} nodes(ids: [$id, $id]) {{ ... on Onderwijsaanbieder {{ {CONTEXTS} }} }} }}",
    "root list": f'{{ onderwijsaanbieders(filter: {{gemeentecode: ["0363"]}}, first: 100) {{ edges {{ node {{ {CONTEXTS} }} }} }} }}',
    "other peildatum": f'query($c: String!) {{ onderwijsaanbieder(code: $c, peildatum: "2099-01-01") {{ {CONTEXTS} }} x: onderwijsaanbieder(code: $c, peildatum: "2000-01-01") {{ {CONTEXTS} }} }}',
    "introspection": '{ __type(name: "Communicatiecontext") { fields { name description } } __schema { types { name } } }',
    "error path": "query($c: String!) { onderwijsaanbieder(code: $c) { communicatiecontexten(first: 101) { edges { node { email } } } } }",
}


def leaked(body: str, allowed_codes: set[str]) -> list[str]:
    """Private values in ``body`` that do not belong to ``allowed_codes`` as LEERPLICHT."""
    bad = []
    for email in EMAIL.findall(body):
        soort, _, rest = email.partition("@")
        if not (soort == "leerplicht" and rest.split(".")[0].upper() in allowed_codes):
            bad.append(email)
    return bad


@pytest.mark.parametrize("attack", list(ATTACKS))
async def test_attacks_find_no_private_value(
    private_api: Api, dev_keys: Path, seeded: Target, attack: str
) -> None:
    variables = await target(seeded)
    query = ATTACKS[attack]
    used = {name: value for name, value in variables.items() if f"${name}" in query}
    for roles in [(), ("gemeente:0344",), (f"bestuur:{ANDER_BESTUUR}",)]:
        api = as_roles(private_api, dev_keys, *roles)
        body = json.dumps(await api.post(query, used))
        assert leaked(body, set()) == [], (attack, roles)
    # the same shape with the right role does reach the values: the attack would have seen them
    for roles in [("inspectie",), (f"bestuur:{variables['b']}",)]:
        api = as_roles(private_api, dev_keys, *roles)
        if attack not in {"introspection", "error path", "other peildatum"}:
            assert "toezicht@" in json.dumps(await api.post(query, used)), roles


@pytest.mark.parametrize("attack", list(ATTACKS))
async def test_a_kept_answer_reaches_only_viewers_with_the_same_roles(
    private_api: Api, dev_keys: Path, seeded: Target, caplog: pytest.LogCaptureFixture, attack: str
) -> None:
    variables = await target(seeded)
    query = ATTACKS[attack]
    used = {name: value for name, value in variables.items() if f"${name}" in query}
    first = await as_roles(private_api, dev_keys, "inspectie").post(query, used)
    assert private_api.cache is not None
    for roles in [
        (),
        ("gemeente:0344",),
        ("duo",),
        ("gemeente:0363", "duo"),
        (f"bestuur:{ANDER_BESTUUR}",),
    ]:
        body = json.dumps(await as_roles(private_api, dev_keys, *roles).post(query, used))
        assert "toezicht@" not in body, (attack, roles)
        assert ("bekostiging@" in body) <= ("duo" in roles)
        assert ("leerplicht@" in body) <= ("gemeente:0363" in roles)
    # someone else with the same roles gets the kept answer, and is written to the audit log
    private_api.statements.clear()
    with caplog.at_level(logging.INFO, logger="onderwijsgraaf.audit"):
        again = await as_roles(private_api, dev_keys, "inspectie", subject="another").post(
            query, used
        )
    assert again == first
    if "errors" not in first:
        assert private_api.statements == []
    audited = [json.loads(r.getMessage()) for r in caplog.records if r.name.endswith("audit")]
    assert [line["subject"] for line in audited] == (
        ["another"] if "toezicht@" in json.dumps(first) else []
    )


async def test_get_and_batched_requests_leak_nothing(
    private_api: Api, dev_keys: Path, seeded: Target
) -> None:
    variables = await target(seeded)
    query = f"query($c: String!) {{ onderwijsaanbieder(code: $c) {{ {CONTEXTS} }} }}"
    params = {"query": query, "variables": json.dumps({"c": variables["c"]})}
    token = mint(
        dev_keys, roles=["inspectie"], subject="t", lifetime=300, issuer=ISSUER, audience=AUDIENCE
    )
    private = await private_api.client.get(
        "/graphql", params=params, headers={"Authorization": f"Bearer {token}"}
    )
    public = await private_api.client.get("/graphql", params=params)
    private_again = await private_api.client.get(
        "/graphql", params=params, headers={"Authorization": f"Bearer {token}"}
    )
    public_again = await private_api.client.get("/graphql", params=params)
    assert "toezicht@" in private.text
    assert "toezicht@" in private_again.text
    assert leaked(public.text, set()) == []
    assert leaked(public_again.text, set()) == []
    # a private answer never enters a cache; the public one varies by Authorization
    for answer in (private, private_again):
        assert answer.headers["cache-control"] == "no-store"
        assert "etag" not in answer.headers
    assert public.headers["cache-control"].startswith("public")
    assert "Authorization" in public.headers["vary"]
    revalidated = await private_api.client.get(
        "/graphql",
        params=params,
        headers={"Authorization": f"Bearer {token}", "If-None-Match": public.headers["etag"]},
    )
    assert revalidated.status_code == 200
    assert "toezicht@" in revalidated.text
    batch = await private_api.client.post(
        "/graphql", json=[{"query": query, "variables": {"c": variables["c"]}}] * 2
    )
    assert leaked(batch.text, set()) == []


async def test_private_responses_are_audited_and_public_ones_not(
    private_api: Api, dev_keys: Path, seeded: Target, caplog: pytest.LogCaptureFixture
) -> None:
    variables = await target(seeded)
    query = f"query($c: String!) {{ onderwijsaanbieder(code: $c) {{ {CONTEXTS} }} }}"
    with caplog.at_level(logging.INFO, logger="onderwijsgraaf.audit"):
        await as_roles(private_api, dev_keys).post(query, {"c": variables["c"]})
        await as_roles(private_api, dev_keys, "inspectie").post("{ meta { licentie } }")
        assert [r for r in caplog.records if r.name == "onderwijsgraaf.audit"] == []
        await as_roles(private_api, dev_keys, "inspectie").post(query, {"c": variables["c"]})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "onderwijsgraaf.audit"]
    assert len(lines) == 1
    assert lines[0]["subject"] == "tester"
    assert lines[0]["rollen"] == ["inspectie"]
    assert lines[0]["objecten"] == [
        {"soort": "onderwijsaanbieder", "code": variables["c"], "contexten": ["TOEZICHT"]}
    ]
    assert ".invalid" not in caplog.text


async def test_a_bestuur_answer_is_never_served_to_another_bestuur(
    private_api: Api, dev_keys: Path, seeded: Target
) -> None:
    """The response cache keeps private answers per set of roles: bestuur:<A>'s answer is
    served again to another caller with bestuur:<A>, never to bestuur:<B> or anyone else."""
    variables = await target(seeded)
    assert variables["b"] != ANDER_BESTUUR
    query = f"query($c: String!) {{ onderwijsaanbieder(code: $c) {{ {CONTEXTS} }} }}"
    own = (f"bestuur:{variables['b']}",)
    first = await as_roles(private_api, dev_keys, *own).post(query, {"c": variables["c"]})
    assert "toezicht@" in json.dumps(first)
    assert private_api.cache is not None
    assert len(private_api.cache) > 0
    for roles in [(), (f"bestuur:{ANDER_BESTUUR}",), ("gemeente:0344",), ("duo",)]:
        body = json.dumps(
            await as_roles(private_api, dev_keys, *roles).post(query, {"c": variables["c"]})
        )
        assert "toezicht@" not in body, roles
        assert "leerplicht@" not in body, roles
    private_api.statements.clear()
    again = await as_roles(private_api, dev_keys, *own, subject="collega").post(
        query, {"c": variables["c"]}
    )
    assert again == first
    assert private_api.statements == []
