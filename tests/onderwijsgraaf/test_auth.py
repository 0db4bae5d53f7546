"""Bearer tokens: what is accepted, and every way a token is refused (by the verifier, and over
HTTP through the real app on SQLite and PostgreSQL: 401 UNAUTHENTICATED, never a server error)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from onderwijsgraaf.auth import ANONYMOUS, Verifier
from onderwijsgraaf.devkeys import JWKS, PRIVATE_KEY, keygen
from onderwijsgraaf.errors import Unauthenticated
from tests.conftest import Api, Target, assert_same_answer, serving

ISSUER, AUDIENCE = "https://idp.test", "onderwijsgraaf"
GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("keys")
    keygen(directory)
    return directory


@pytest.fixture(scope="module")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("other")
    keygen(directory)
    return directory


def token(keys: Path, *, kid_from: Path | None = None, **changes: Any) -> str:
    """A token signed with ``keys``; ``changes`` override claims (None removes one)."""
    now = int(time.time())
    claims = {
        "sub": "tester",
        "roles": ["inspectie"],
        "iss": ISSUER,
        "aud": AUDIENCE,
        "nbf": now,
        "exp": now + 300,
    }
    claims.update(changes)
    claims = {k: v for k, v in claims.items() if v is not None}
    key = serialization.load_pem_private_key((keys / PRIVATE_KEY).read_bytes(), password=None)
    kid = json.loads(((kid_from or keys) / JWKS).read_text())["keys"][0]["kid"]
    return jwt.encode(claims, key, algorithm="ES256", headers={"kid": kid})  # type: ignore[arg-type]


def verifier(keys: Path) -> Verifier:
    return Verifier(str(keys / JWKS), ISSUER, AUDIENCE)


def test_no_header_is_the_anonymous_viewer(keys: Path) -> None:
    assert verifier(keys).viewer(None) is ANONYMOUS


def test_a_valid_token_gives_its_roles(keys: Path) -> None:
    viewer = verifier(keys).viewer(
        "Bearer " + token(keys, roles=["gemeente:0363", "duo", "gemeente:0344"])
    )
    assert viewer.subject == "tester"
    assert viewer.duo
    assert not viewer.inspectie
    assert viewer.gemeenten == {"0363", "0344"}
    assert viewer.besturen == frozenset()


def test_a_bestuur_role_names_its_bestuur(keys: Path) -> None:
    viewer = verifier(keys).viewer(
        "Bearer " + token(keys, roles=["bestuur:100B490", "bestuur:107B489"])
    )
    assert viewer.besturen == {"100B490", "107B489"}
    assert not viewer.inspectie
    assert viewer.gemeenten == frozenset()


def test_clock_skew_of_a_few_seconds_is_tolerated(keys: Path) -> None:
    assert (
        verifier(keys).viewer("Bearer " + token(keys, exp=int(time.time()) - 10)).subject
        == "tester"
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _b64json(data: dict[str, Any]) -> str:
    return _b64(json.dumps(data).encode())


def _unsigned(keys: Path) -> str:
    kid = json.loads((keys / JWKS).read_text())["keys"][0]["kid"]
    now = int(time.time())
    claims = {"sub": "x", "roles": ["inspectie"], "iss": ISSUER, "aud": AUDIENCE, "exp": now + 300}
    return f"{_b64json({'alg': 'none', 'kid': kid})}.{_b64json(claims)}."


def _hs256_with_public_key(keys: Path) -> str:
    """The algorithm-confusion attack: HS256 keyed with the (public) JWKS text."""
    public = (keys / JWKS).read_text()
    kid = json.loads(public)["keys"][0]["kid"]
    now = int(time.time())
    claims = {"sub": "x", "roles": ["inspectie"], "iss": ISSUER, "aud": AUDIENCE, "exp": now + 300}
    signing_input = f"{_b64json({'alg': 'HS256', 'kid': kid})}.{_b64json(claims)}"
    signature = hmac.new(public.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


def _with_role(role: str) -> Callable[[Path, Path], str]:
    return lambda k, o: "Bearer " + token(k, roles=[role])


BAD_TOKENS: dict[str, tuple[Callable[[Path, Path], str], str]] = {
    "malformed": (lambda k, o: "Bearer not.a.token", "not acceptable"),
    "not bearer": (lambda k, o: "Basic dXNlcjpwYXNz", "Authorization must be 'Bearer <token>'"),
    "empty bearer": (lambda k, o: "Bearer ", "Authorization must be 'Bearer <token>'"),
    "expired": (lambda k, o: "Bearer " + token(k, exp=int(time.time()) - 120), "token has expired"),
    "not yet valid": (
        lambda k, o: "Bearer " + token(k, nbf=int(time.time()) + 120),
        "not valid yet",
    ),
    "wrong signature": (lambda k, o: "Bearer " + token(o, kid_from=k), "signature is not valid"),
    "unknown key id": (lambda k, o: "Bearer " + token(o), "kid) is not in the JWKS"),
    "alg none": (lambda k, o: "Bearer " + _unsigned(k), "algorithm 'none' is not allowed"),
    "hs256 with the public key": (
        lambda k, o: "Bearer " + _hs256_with_public_key(k),
        "algorithm 'HS256' is not allowed",
    ),
    "other issuer": (lambda k, o: "Bearer " + token(k, iss="https://evil.test"), "another issuer"),
    "other audience": (lambda k, o: "Bearer " + token(k, aud="someone-else"), "another audience"),
    "no subject": (lambda k, o: "Bearer " + token(k, sub=None), "not acceptable"),
    "unknown role": (lambda k, o: "Bearer " + token(k, roles=["admin"]), "claim 'roles' must list"),
    # RS256 in the header, the JWKS holds an EC key: the library cannot even try the signature
    "rs256 header, an ec key": (
        lambda k, o: "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA",
        "token algorithm 'RS256' does not match its key (ES256)",
    ),
    "key id not a string": (
        lambda k, o: "Bearer eyJhbGciOiJFUzI1NiIsImtpZCI6MX0.e30.AAAA",
        "Key ID header parameter must be a string",
    ),
    "header not base64": (lambda k, o: "Bearer e!J.e30.AAAA", "not acceptable"),
    **{
        f"role {role!r}": (_with_role(role), "claim 'roles' must list")
        for role in [
            "duo\n",
            " duo",
            "duo ",
            "Duo",
            "inspectie\t",
            "gemeente:0363\n",
            "gemeente: 0363",
            "gemeente:036３",  # a digit that is not ASCII
            "bestuur:100b490",
            "bestuur:100B49",
            "bestuur:100A490",
            "bestuur: 100B490",
            "bestuur:100B490\n",
            "Bestuur:100B490",
            "bestuur:",
            "",
        ]
    },
}


@pytest.mark.parametrize("case", list(BAD_TOKENS))
def test_bad_tokens_are_refused(keys: Path, other_keys: Path, case: str) -> None:
    header, message = BAD_TOKENS[case]
    with pytest.raises(Unauthenticated, match=message.replace("(", r"\(").replace(")", r"\)")):
        verifier(keys).viewer(header(keys, other_keys))


def test_without_a_jwks_no_token_is_accepted(keys: Path, tmp_path: Path) -> None:
    with pytest.raises(Unauthenticated, match="no JWKS is configured"):
        Verifier(str(tmp_path / "missing.json"), ISSUER, AUDIENCE).viewer("Bearer " + token(keys))


MALFORMED_TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA"


@pytest.fixture
async def guarded(seeded: Target, keys: Path) -> AsyncIterator[Api]:
    """The API, on SQLite and PostgreSQL, accepting tokens signed with ``keys``."""
    async with serving(
        seeded, auth_jwks=str(keys / JWKS), auth_issuer=ISSUER, auth_audience=AUDIENCE
    ) as api:
        yield api


@pytest.mark.parametrize(
    "authorization",
    [MALFORMED_TOKEN, "Bearer " + "A" * 300, "Bearer eyJhbGciOiJFUzI1NiJ9.e30.AAAA"],
)
async def test_a_token_the_library_cannot_read_is_401(guarded: Api, authorization: str) -> None:
    requests: list[tuple[str, dict[str, Any]]] = [
        ("POST", {"json": {"query": "{ ik { rollen } }"}}),
        ("GET", {"params": {"query": "{ ik { rollen } }"}}),
    ]
    for method, request in requests:
        for accept, data in [("application/json", {"data": None}), (GRAPHQL_RESPONSE, {})]:
            headers = {"Authorization": authorization, "Accept": accept}
            response = await guarded.client.request(method, "/graphql", headers=headers, **request)
            assert guarded.reference is not None
            expected = await guarded.reference.request(
                method, "/graphql", headers=headers, **request
            )
            assert_same_answer(response, expected, authorization)
            assert response.status_code == 401
            assert response.headers["content-type"].startswith(accept)
            assert response.headers["www-authenticate"].startswith("Bearer")
            body = response.json()
            (error,) = body.pop("errors")
            assert body == data
            assert error["extensions"] == {"code": "UNAUTHENTICATED"}
            assert error["message"].startswith("token ")


async def test_a_role_with_whitespace_is_401(guarded: Api, keys: Path) -> None:
    for role in ["duo\n", " gemeente:0363", "inspectie ", "bestuur:100B490 "]:
        headers = {"Authorization": "Bearer " + token(keys, roles=[role])}
        response = await guarded.client.post(
            "/graphql", json={"query": "{ ik { rollen } }"}, headers=headers
        )
        assert response.status_code == 401, role
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_valid_token_gives_its_roles_over_http(guarded: Api, keys: Path) -> None:
    headers = {"Authorization": "Bearer " + token(keys, roles=["gemeente:0363", "duo"])}
    data = await guarded.as_viewer(headers).data("{ ik { anoniem rollen } }")
    assert data == {"ik": {"anoniem": False, "rollen": ["duo", "gemeente:0363"]}}
