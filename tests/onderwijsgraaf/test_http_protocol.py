"""GraphQL over HTTP at /graphql: what a request that is not a GraphQL request gets, content
negotiation between application/json and application/graphql-response+json, a database that is
down, a kept-alive connection after a refused request, and graphql-http's audit of the whole.

Every request goes through the real ASGI app over HTTP (httpx), on SQLite and on PostgreSQL,
and is answered by the app with and without the query compiler: both answers must be the same
bytes. The keep-alive test and the audit talk to the app served by uvicorn over TCP.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import build_schema as graphql_schema

from onderwijsgraaf.app import create_app
from onderwijsgraaf.cli import sdl
from onderwijsgraaf.db.userdata import UserData
from onderwijsgraaf.documents import TrustedDocuments
from onderwijsgraaf.endpoint import negotiated
from onderwijsgraaf.errors import RETRY_AFTER_SECONDS
from onderwijsgraaf.settings import ROOT, Settings
from tests.conftest import DATA_DIR, Api, Target, assert_same_answer, serving
from tests.live import live
from tests.outage import outage

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
CONTENT_TYPE = {JSON: "application/json", GRAPHQL_RESPONSE: f"{GRAPHQL_RESPONSE}; charset=utf-8"}
MEDIA_TYPES = [JSON, GRAPHQL_RESPONSE]
TYPENAME = {"query": "{ __typename }"}
COMPILED = '{ onderwijsaanbieder(code: "113A881") { code naam } }'
FIELD_BY_FIELD = "{ meta { versie } }"


async def answer(api: Api, method: str, **request: Any) -> httpx.Response:
    """The app's answer to ``request``, which must be the bytes of the app without compiler."""
    response = await api.client.request(method, "/graphql", **request)
    assert api.reference is not None
    expected = await api.reference.request(method, "/graphql", **request)
    assert_same_answer(response, expected, repr(request))
    return response


def refused(response: httpx.Response, status: int, code: str, media: str) -> str:
    """Checks a refusal: ``status``, one error with ``code``, no data, in ``media``; returns
    its message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == CONTENT_TYPE[media]
    assert "Accept" in response.headers["vary"]
    body = response.json()
    assert list(body) == ["errors"], body
    (error,) = body["errors"]
    assert error["extensions"] == {"code": code}
    message: str = error["message"]
    return message


def post(body: bytes, media: str, content_type: str | None = JSON) -> dict[str, Any]:
    headers = {"Accept": media}
    if content_type is not None:
        headers["Content-Type"] = content_type
    return {"content": body, "headers": headers}


# a POST body that is not a GraphQL request → what the message must say
MALFORMED: dict[str, tuple[bytes, str]] = {
    "null": (b"null", 'must be a JSON object with "query"; got null'),
    "a JSON string": (b'"{ __typename }"', 'must be a JSON object with "query"; got a string'),
    "undecodable bytes": (b"\xff\xfe", "not UTF-8: byte 0xff at position 0"),
    "invalid UTF-8 inside": (b'{"query": "\xc3\x28"}', "not UTF-8: byte 0xc3 at position 11"),
    "not JSON": (b'{ "not a JSON', "not valid JSON"),
    "empty": (b"", "the request body is empty"),
    "a number": (b"0", "got a number"),
    "an array (a batch)": (b'[{"query": "{ __typename }"}]', "batches are not supported"),
    "an empty array": (b"[]", "batches are not supported"),
    "nested too deeply": (b"[" * 100_000, "nested too deeply"),
    "query an object": (
        b'{"query": {"obj": "ect"}}',
        '"query" must be a string or null; got an object',
    ),
    "query false": (b'{"query": false}', '"query" must be a string or null; got a boolean'),
    "variables a string": (
        b'{"query": "{ __typename }", "variables": "string"}',
        '"variables" must be an object or null; got a string',
    ),
    "variables an array": (
        b'{"query": "{ __typename }", "variables": [7]}',
        '"variables" must be an object or null; got an array',
    ),
    "operationName a number": (
        b'{"query": "{ __typename }", "operationName": 0}',
        '"operationName" must be a string or null; got a number',
    ),
    "operationName an array": (
        b'{"query": "{ __typename }", "operationName": ["array"]}',
        '"operationName" must be a string or null; got an array',
    ),
    "extensions a string": (
        b'{"query": "{ __typename }", "extensions": "string"}',
        '"extensions" must be an object or null; got a string',
    ),
    "no query": (b'{"qeury": "{ __typename }"}', 'no "query"'),
}


@pytest.mark.parametrize("case", list(MALFORMED))
async def test_a_malformed_body_is_400_with_a_graphql_error(api: Api, case: str) -> None:
    body, says = MALFORMED[case]
    for media in MEDIA_TYPES:
        response = await answer(api, "POST", **post(body, media))
        assert says in refused(response, 400, "BAD_REQUEST", media)
        assert response.headers["cache-control"] == "no-store"


MALFORMED_GET: dict[str, tuple[dict[str, str], str]] = {
    "variables not JSON": (
        {"query": "query Q($n: String) { __typename }", "variables": "{"},
        "the variables parameter is not valid JSON: Expecting property name",
    ),
    "variables not an object": (
        {"query": "query Q($n: String) { __typename }", "variables": "[1]"},
        '"variables" must be an object or null; got an array',
    ),
    "extensions not JSON": (
        {"query": "{ __typename }", "extensions": "{]"},
        "the extensions parameter is not valid JSON",
    ),
    "extensions not an object": (
        {"query": "{ __typename }", "extensions": '"x"'},
        '"extensions" must be an object or null; got a string',
    ),
}


@pytest.mark.parametrize("case", list(MALFORMED_GET))
async def test_malformed_get_parameters_are_400_with_a_graphql_error(api: Api, case: str) -> None:
    params, says = MALFORMED_GET[case]
    for media in MEDIA_TYPES:
        response = await answer(api, "GET", params=params, headers={"Accept": media})
        assert says in refused(response, 400, "BAD_REQUEST", media)


@pytest.mark.parametrize(
    "content_type", [None, "text/plain;charset=UTF-8", "application/json; charset=latin-1"]
)
async def test_a_post_that_is_not_json_is_415(api: Api, content_type: str | None) -> None:
    body = json.dumps(TYPENAME).encode()
    # once as JSON first: the same body in another content type is not an answer kept for it
    assert (await answer(api, "POST", **post(body, JSON))).status_code == 200
    for media in MEDIA_TYPES:
        response = await answer(api, "POST", **post(body, media, content_type))
        message = refused(response, 415, "BAD_REQUEST", media)
        assert "Content-Type: application/json" in message


async def test_a_mutation_over_get_is_405(api: Api) -> None:
    for media in MEDIA_TYPES:
        response = await answer(
            api, "GET", params={"query": "mutation { __typename }"}, headers={"Accept": media}
        )
        assert "mutations are not allowed" in refused(response, 405, "BAD_REQUEST", media)
        assert response.headers["allow"] == "POST"


async def test_another_method_is_405(api: Api) -> None:
    response = await api.client.head("/graphql", params=TYPENAME)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    for method in ("PUT", "DELETE", "PATCH"):
        response = await api.client.request(method, "/graphql", json=TYPENAME)
        assert response.status_code == 405
        assert response.headers["allow"] == "GET, POST"
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_an_unknown_operation_name_is_400(api: Api) -> None:
    for media in MEDIA_TYPES:
        request = {"query": "query A { __typename }", "operationName": "B"}
        response = await answer(api, "POST", json=request, headers={"Accept": media})
        assert refused(response, 400, "BAD_REQUEST", media) == 'Unknown operation named "B".'


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        ("application/json", JSON),
        ("text/html", JSON),  # nothing it names is supported: application/json all the same
        ("application/graphql-response+json", GRAPHQL_RESPONSE),
        ("application/graphql-response+json, application/json", GRAPHQL_RESPONSE),
        ("application/graphql-response+json,application/json;q=0.9", GRAPHQL_RESPONSE),
        ("application/json, application/graphql-response+json", JSON),
        ("application/json;q=0.5, application/graphql-response+json", GRAPHQL_RESPONSE),
        ("*/*, application/graphql-response+json", GRAPHQL_RESPONSE),
        ("application/graphql-response+json;q=0, */*", JSON),
        ("application/graphql-response+json;q=0", JSON),
        ("APPLICATION/GRAPHQL-RESPONSE+JSON; charset=utf-8", GRAPHQL_RESPONSE),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSON),
        ("application/graphql-response+json;q=bad, application/json", JSON),
        ("application/graphql-response+json;q=nan, application/json;q=0.1", JSON),
    ],
)
def test_accept_chooses_the_media_type(accept: str | None, media: str) -> None:
    assert negotiated(accept) == media


async def test_both_media_types_carry_the_same_successful_answer(api: Api) -> None:
    requests: list[tuple[str, dict[str, Any]]] = [
        ("POST", {"json": {"query": COMPILED}}),
        ("GET", {"params": {"query": COMPILED}}),
        ("POST", {"json": {"query": FIELD_BY_FIELD}}),
    ]
    for method, request in requests:
        contents = set()
        for media in MEDIA_TYPES:
            response = await answer(api, method, headers={"Accept": media}, **request)
            assert response.status_code == 200
            assert response.headers["content-type"] == CONTENT_TYPE[media]
            assert "Accept" in response.headers["vary"]
            assert "errors" not in response.json()
            contents.add(response.content)
        assert len(contents) == 1, contents


# requests that fail before execution: application/json keeps answering them 200 with
# "data": null; application/graphql-response+json answers 400 without data
REQUEST_ERRORS: dict[str, dict[str, Any]] = {
    "parse": {"query": "{"},
    "validation": {"query": "{ 8f31403dfe404bccbb0e835f2629c6a7 }"},
    "unknown field": {"query": '{ onderwijsaanbieder(code: "113A881") { nietBestaand } }'},
    "variable coercion": {"query": "query Q($id: ID!) { __typename }", "variables": {"id": None}},
    "enum value": {
        "query": "query Q($s: [Sector!]) { onderwijsaanbieders(filter: {sector: $s}) { totalCount } }",
        "variables": {"s": ["XX"]},
    },
}


@pytest.mark.parametrize("case", list(REQUEST_ERRORS))
async def test_a_request_error_is_400_only_in_graphql_response_json(api: Api, case: str) -> None:
    request = REQUEST_ERRORS[case]
    get = {k: json.dumps(v) if k == "variables" else v for k, v in request.items()}
    sending: list[tuple[str, dict[str, Any]]] = [
        ("POST", {"json": request}),
        ("GET", {"params": get}),
    ]
    for method, sent in sending:
        legacy = await answer(api, method, headers={"Accept": JSON}, **sent)
        assert legacy.status_code == 200
        assert legacy.headers["content-type"] == JSON
        body = legacy.json()
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        # no Accept and */* are application/json, byte for byte
        for accept in ({}, {"Accept": "*/*"}):
            same = await answer(api, method, headers=accept, **sent)
            assert (same.status_code, same.content) == (200, legacy.content)

        response = await answer(api, method, headers={"Accept": GRAPHQL_RESPONSE}, **sent)
        assert response.status_code == 400
        assert response.headers["content-type"] == CONTENT_TYPE[GRAPHQL_RESPONSE]
        assert response.json() == {k: v for k, v in body.items() if k != "data"}


async def test_an_error_during_execution_is_200_in_both(api: Api) -> None:
    query = '{ onderwijsaanbieder(code: "x") { naam } }'
    for media in MEDIA_TYPES:
        response = await answer(api, "POST", json={"query": query}, headers={"Accept": media})
        assert response.status_code == 200
        assert response.headers["content-type"] == CONTENT_TYPE[media]
        body = response.json()
        assert body["data"] == {"onderwijsaanbieder": None}
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_an_unknown_trusted_document_is_200_in_json_and_404_otherwise(api: Api) -> None:
    params = {"documentId": "sha256:" + "0" * 64}
    legacy = await answer(api, "GET", params=params, headers={"Accept": JSON})
    assert "PersistedQueryNotFound" in refused(legacy, 200, "PERSISTED_QUERY_NOT_FOUND", JSON)
    response = await answer(api, "GET", params=params, headers={"Accept": GRAPHQL_RESPONSE})
    refused(response, 404, "PERSISTED_QUERY_NOT_FOUND", GRAPHQL_RESPONSE)


async def test_kept_answers_keep_their_media_type(api: Api) -> None:
    """The response cache keeps an answer per media type: the same request accepting the other
    one gets its own media type, before and after, and the second time each is kept."""
    query = {"query": '{ onderwijsaanbieder(code: "113A881") { naam code } }'}
    for round_ in range(2):
        for media in [JSON, GRAPHQL_RESPONSE]:
            sending: list[tuple[str, dict[str, Any]]] = [
                ("POST", {"json": query}),
                ("GET", {"params": query}),
            ]
            for method, sent in sending:
                api.statements.clear()
                response = await answer(api, method, headers={"Accept": media}, **sent)
                assert response.status_code == 200
                assert response.headers["content-type"] == CONTENT_TYPE[media]
                assert (api.statements == []) == (round_ == 1), (method, media, round_)


async def test_graphiql_is_still_served_to_a_browser(api: Api) -> None:
    response = await api.client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


def test_a_malformed_body_leaves_the_kept_alive_connection_serving(seeded: Target) -> None:
    """Over TCP with uvicorn: after each refused body the same connection answers again."""
    app = create_app(
        Settings(database_url=seeded.url, database_schema=seeded.schema, seed_data_dir=DATA_DIR)
    )
    with live(app) as url, httpx.Client(base_url=url, limits=httpx.Limits(max_connections=1)) as c:
        first = c.post("/graphql", json=TYPENAME)
        assert first.status_code == 200
        connection = first.extensions["network_stream"].get_extra_info("client_addr")
        for body, _ in MALFORMED.values():
            refusal = c.post("/graphql", content=body, headers={"Content-Type": JSON})
            assert refusal.status_code == 400
            assert refusal.headers.get("connection", "keep-alive") == "keep-alive"
            again = c.post("/graphql", json=TYPENAME)
            assert again.status_code == 200
            assert again.json()["data"] == {"__typename": "Query"}
            assert again.extensions["network_stream"].get_extra_info("client_addr") == connection


async def register(target: Target, document: str) -> str:
    """Registers ``document`` as ``onderwijsgraaf documents add`` does; returns its hash."""
    store = UserData(target.url, target.schema)
    try:
        return await TrustedDocuments(store, graphql_schema(sdl()), from_post=False).add(document)
    finally:
        await store.dispose()


async def test_a_database_that_is_down_is_503_until_it_is_back(
    seeded: Target, tmp_path: Path
) -> None:
    """The database goes away while the app runs and comes back (``tests.outage``): meanwhile
    every request that needs it is 503 with Retry-After and SERVICE_UNAVAILABLE, GET and POST,
    compiled and field by field and a trusted document; afterwards the same app answers again,
    without a restart."""
    async with outage(seeded, tmp_path) as switch:
        # a document of this test only (a comment makes its hash new to the shared user data)
        document = f'# {uuid.uuid4()}\n{{ onderwijsaanbieder(code: "113A881") {{ naam }} }}'
        sha = await register(switch.target, document)
        # the data version is checked on every request: on SQLite that is when the app sees
        # that its file is gone
        async with serving(switch.target, data_version_ttl=0) as api:
            assert api.plan(COMPILED) is not None
            assert api.plan(FIELD_BY_FIELD) is None
            up = await answer(api, "GET", params={"query": "{ meta { bijgewerktOp } }"})
            assert up.status_code == 200

            await switch.down()
            requests = {
                "GET, compiled": ("GET", {"params": {"query": COMPILED}}),
                "POST, compiled": ("POST", {"json": {"query": COMPILED}}),
                "GET, field by field": ("GET", {"params": {"query": FIELD_BY_FIELD}}),
                "POST, field by field": ("POST", {"json": {"query": FIELD_BY_FIELD}}),
                "GET, trusted document": ("GET", {"params": {"documentId": f"sha256:{sha}"}}),
                "POST, trusted document": ("POST", {"json": {"documentId": f"sha256:{sha}"}}),
            }
            for media in MEDIA_TYPES:
                for name, (method, request) in requests.items():
                    response = await answer(api, method, headers={"Accept": media}, **request)
                    message = refused(response, 503, "SERVICE_UNAVAILABLE", media)
                    assert "unavailable" in message, name
                    assert response.headers["retry-after"] == str(RETRY_AFTER_SECONDS), name
                    assert response.headers["cache-control"] == "no-store", name
            health = await api.client.get("/health")
            assert health.status_code == 503
            assert health.headers["retry-after"] == str(RETRY_AFTER_SECONDS)

            await switch.up()
            for media in MEDIA_TYPES:
                for name, (method, request) in requests.items():
                    response = await answer(api, method, headers={"Accept": media}, **request)
                    assert response.status_code == 200, (name, response.text)
                    assert "errors" not in response.json(), name
            assert (await api.client.get("/health")).status_code == 200


AUDIT = ROOT / "tests" / "http_audit"
AUDIT_INSTALL = ROOT / "var" / "http-audit"
# graphql-http's server audits (version pinned in tests/http_audit/package-lock.json)
AUDITS = 61


def installed_audit() -> Path:
    """graphql-http, installed with npm from the committed lock file into var/http-audit."""
    npm = shutil.which("npm")
    assert shutil.which("node"), "the GraphQL-over-HTTP audit needs Node.js (graphql-http)"
    assert npm, "the GraphQL-over-HTTP audit installs graphql-http with npm"
    AUDIT_INSTALL.mkdir(parents=True, exist_ok=True)
    current = all(
        (AUDIT_INSTALL / name).is_file()
        and filecmp.cmp(AUDIT / name, AUDIT_INSTALL / name, shallow=False)
        for name in ("package.json", "package-lock.json")
    )
    if not current or not (AUDIT_INSTALL / "node_modules" / "graphql-http").is_dir():
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(AUDIT / name, AUDIT_INSTALL / name)
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
            cwd=AUDIT_INSTALL,
            check=True,
            capture_output=True,
            timeout=300,
        )
    shutil.copyfile(AUDIT / "audit.mjs", AUDIT_INSTALL / "audit.mjs")
    return AUDIT_INSTALL / "audit.mjs"


def test_the_graphql_over_http_audit_passes_every_audit(seeded: Target) -> None:
    script = installed_audit()
    app = create_app(
        Settings(database_url=seeded.url, database_schema=seeded.schema, seed_data_dir=DATA_DIR)
    )
    with live(app) as url:
        run = subprocess.run(
            [shutil.which("node") or "node", str(script), f"{url}/graphql"],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )
    results = json.loads(run.stdout)
    failed = [r for r in results if r["status"] != "ok"]
    assert failed == [], json.dumps(failed, indent=2)
    assert len(results) == AUDITS
