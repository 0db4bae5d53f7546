"""Trusted documents: queries known by their SHA-256 hash, registered by the CLI or a POST and
kept in the database, so that every API process knows them at once.

Each test registers documents of its own: on SQLite in a copy of the seeded file (its user data
file beside it is the test's), on PostgreSQL in the session's schema with a document made unique
by a comment (its hash is new to the shared user data)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from graphql import build_schema as graphql_schema
from sqlalchemy import event, select
from sqlalchemy.engine import make_url

from onderwijsgraaf.cli import sdl
from onderwijsgraaf.db.userdata import UserData, trusted_document
from onderwijsgraaf.documents import DocumentError, TrustedDocuments, _Found
from onderwijsgraaf.settings import ROOT
from tests.conftest import Api, Target, serving

DOCUMENT = """query Kaart($gemeente: [String!]) {
  onderwijslocaties(filter: {gemeentecode: $gemeente, sector: [PO]}, first: 5) {
    totalCount
    geojson { type features { type id geometry { type coordinates } properties { code } } }
  }
}
"""
VARIABLES = json.dumps({"gemeente": ["0344"]})


@dataclass(frozen=True)
class Document:
    text: str
    sha: str


def apq(sha: str) -> str:
    return json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha}})


def own_copy(seeded_sqlite: Target, folder: Path) -> Target:
    """A copy of the seeded SQLite database in ``folder``; its user data is beside it."""
    copy = folder / "onderwijsgraaf.sqlite"
    shutil.copy(make_url(seeded_sqlite.url).database or "", copy)
    return Target("sqlite", f"sqlite+aiosqlite:///{copy}", seeded_sqlite.schema)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Target:
    """The seeded database, with user data of this test's own on SQLite."""
    if request.param == "sqlite":
        return own_copy(request.getfixturevalue("seeded_sqlite"), tmp_path)
    target: Target = request.getfixturevalue("seeded_postgres")
    return target


def unique(text: str) -> Document:
    """``text`` with a comment that makes its hash one no other test registers."""
    text = f"{text}# {uuid.uuid4().hex}\n"
    return Document(text, hashlib.sha256(text.encode()).hexdigest())


@pytest.fixture
def document() -> Document:
    return unique(DOCUMENT)


async def stored(target: Target) -> dict[str, tuple[str, dt.datetime]]:
    """The trusted documents in the user data of ``target``: hash → (text, added_at)."""
    store = UserData(target.url, target.schema)
    try:
        if not await store.exists():
            return {}
        async with store.engine.connect() as conn:
            rows = await conn.execute(select(trusted_document))
            return {sha: (text, added_at) for sha, text, added_at in rows}
    finally:
        await store.dispose()


def add(target: Target, *files: Path) -> subprocess.CompletedProcess[str]:
    """``python -m onderwijsgraaf documents add FILE…`` on the database of ``target``."""
    return subprocess.run(
        [sys.executable, "-m", "onderwijsgraaf", "documents", "add", *map(str, files)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": target.url, "DATABASE_SCHEMA": target.schema},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def write(folder: Path, name: str, text: str) -> Path:
    file = folder / name
    file.write_text(text, encoding="utf-8")
    return file


async def by_hash(api: Api, sha: str) -> dict[str, Any]:
    response = await api.client.get(
        "/graphql", params={"documentId": f"sha256:{sha}", "variables": VARIABLES}
    )
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


def not_found(answer: dict[str, Any]) -> bool:
    return [e["extensions"]["code"] for e in answer.get("errors", [])] == [
        "PERSISTED_QUERY_NOT_FOUND"
    ]


async def test_a_document_registered_by_the_cli_runs_by_its_hash(
    database: Target, document: Document, tmp_path: Path
) -> None:
    file = write(tmp_path, "kaart.graphql", document.text)
    added = add(database, file)
    assert added.returncode == 0, added.stderr
    assert added.stdout == f"sha256:{document.sha} {file}\n"
    assert (await stored(database))[document.sha][0] == document.text
    async with serving(database) as api:
        expected = await api.data(document.text, json.loads(VARIABLES))
        by_id = await api.client.get(
            "/graphql",
            params={"documentId": f"sha256:{document.sha}", "variables": VARIABLES},
            headers={"Accept": "text/html, */*"},
        )
        assert by_id.status_code == 200
        assert by_id.json() == {"data": expected}
        assert by_id.headers["cache-control"].startswith("public")
        assert by_id.headers["etag"]
        by_apq = await api.client.get(
            "/graphql", params={"extensions": apq(document.sha), "variables": VARIABLES}
        )
        assert by_apq.json() == {"data": expected}


async def test_the_cli_refuses_a_document_that_is_not_valid_and_then_registers_none(
    database: Target, document: Document, tmp_path: Path
) -> None:
    valid = write(tmp_path, "kaart.graphql", document.text)
    invalid = write(tmp_path, "fout.graphql", "{ onderwijslocaties { bestaatNiet } }")
    refused = add(database, valid, invalid)
    assert refused.returncode == 1
    assert f"{invalid}: Cannot query field 'bestaatNiet'" in refused.stderr
    assert refused.stdout == ""
    assert document.sha not in await stored(database)


async def test_registering_a_document_again_changes_nothing(
    database: Target, document: Document, tmp_path: Path
) -> None:
    file = write(tmp_path, "kaart.graphql", document.text)
    first, again = add(database, file), add(database, file)
    assert first.returncode == again.returncode == 0, again.stderr
    assert first.stdout == again.stdout == f"sha256:{document.sha} {file}\n"
    text, added_at = (await stored(database))[document.sha]
    body = {"query": document.text, "extensions": json.loads(apq(document.sha))}
    for _ in range(2):  # two API processes, each registering it as if it were new
        async with serving(database) as api:
            response = await api.client.post("/graphql", json=body)
            assert response.status_code == 200
            assert "errors" not in response.json()
    assert (await stored(database))[document.sha] == (text, added_at)
    assert text == document.text


async def test_an_unknown_hash_is_named_and_not_cached(
    database: Target, document: Document
) -> None:
    async with serving(database) as api:
        response = await api.client.get("/graphql", params={"documentId": f"sha256:{document.sha}"})
        assert response.status_code == 200
        (error,) = response.json()["errors"]
        assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
        assert document.sha in error["message"]
        assert response.headers["cache-control"] == "no-store"


async def test_a_first_post_registers_the_document(database: Target, document: Document) -> None:
    async with serving(database) as api:
        post = await api.client.post(
            "/graphql",
            json={
                "query": document.text,
                "variables": json.loads(VARIABLES),
                "extensions": json.loads(apq(document.sha)),
            },
        )
        assert post.status_code == 200
        assert "errors" not in post.json()
        assert (await stored(database))[document.sha][0] == document.text
        get = await api.client.get(
            "/graphql", params={"documentId": document.sha, "variables": VARIABLES}
        )
        assert get.json() == post.json()


async def test_a_hash_that_does_not_match_its_query_is_refused(
    database: Target, document: Document
) -> None:
    wrong = unique("something else").sha
    async with serving(database) as api:
        response = await api.client.post(
            "/graphql", json={"query": document.text, "extensions": json.loads(apq(wrong))}
        )
        assert response.status_code == 400
        (error,) = response.json()["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert f"{wrong} does not match" in error["message"]
        assert document.sha in error["message"]
    assert {wrong, document.sha}.isdisjoint(await stored(database))


async def test_only_valid_documents_are_registered_and_only_when_allowed(
    database: Target, document: Document
) -> None:
    invalid = unique("{ bestaatNiet }")
    async with serving(database) as api:
        body = {"query": invalid.text, "extensions": json.loads(apq(invalid.sha))}
        response = await api.client.post("/graphql", json=body)
        assert response.json()["errors"]
        assert not_found(await by_hash(api, invalid.sha))
    async with serving(database, trusted_documents_from_post=False) as api:
        body = {"query": document.text, "extensions": json.loads(apq(document.sha))}
        response = await api.client.post("/graphql", json=body)
        assert response.status_code == 200
        assert "errors" not in response.json()
        assert not_found(await by_hash(api, document.sha))
    assert {invalid.sha, document.sha}.isdisjoint(await stored(database))


async def test_a_malformed_hash_is_refused(database: Target) -> None:
    async with serving(database) as api:
        response = await api.client.get("/graphql", params={"documentId": "sha256:xyz"})
        assert response.status_code == 400
        (error,) = response.json()["errors"]
        assert error["message"] == "documentId: 'xyz' is not a sha256 hash (64 hex digits)"


async def test_api_processes_on_one_database_know_each_others_documents_at_once(
    database: Target, tmp_path: Path
) -> None:
    posted, added = unique(DOCUMENT), unique(DOCUMENT)
    async with serving(database) as first, serving(database) as second:
        assert not_found(await by_hash(second, posted.sha))
        body = {"query": posted.text, "extensions": json.loads(apq(posted.sha))}
        assert (await first.client.post("/graphql", json=body)).status_code == 200
        found = await by_hash(second, posted.sha)
        assert found == await by_hash(first, posted.sha)
        assert found["data"]["onderwijslocaties"]["totalCount"] > 0

        assert not_found(await by_hash(first, added.sha))
        assert add(database, write(tmp_path, "kaart.graphql", added.text)).returncode == 0
        assert (await by_hash(first, added.sha)) == found


async def test_a_known_document_costs_no_statement_after_its_first_use(
    database: Target, document: Document
) -> None:
    schema = graphql_schema(sdl())
    here, there = UserData(database.url, database.schema), UserData(database.url, database.schema)
    documents = TrustedDocuments(here, schema, from_post=True)
    elsewhere = TrustedDocuments(there, schema, from_post=True)
    statements: list[str] = []
    event.listen(
        here.engine.sync_engine,
        "before_cursor_execute",
        lambda _conn, _cursor, statement, *_: statements.append(statement),
    )
    try:
        assert await elsewhere.add(unique(DOCUMENT).text)  # the user data is there
        for _ in range(2):  # a miss asks the database each time: another process may add it
            statements.clear()
            with pytest.raises(DocumentError) as missing:
                await documents.resolve("GET", None, document.sha, None)
            assert missing.value.code == "PERSISTED_QUERY_NOT_FOUND"
            assert statements
        assert await elsewhere.add(document.text) == document.sha
        statements.clear()
        assert await documents.resolve("GET", None, document.sha, None) == document.text
        assert statements
        for _ in range(3):
            statements.clear()
            apollo = {"persistedQuery": {"version": 1, "sha256Hash": document.sha}}
            assert await documents.resolve("GET", None, None, apollo) == document.text
            assert await documents.resolve("POST", document.text, document.sha, None)
            assert statements == []
    finally:
        await here.dispose()
        await there.dispose()


def test_the_documents_a_process_keeps_are_bounded_by_their_characters() -> None:
    found = _Found(limit=10)
    found.put("a", "1234")
    found.put("b", "5678")
    assert found.get("a") == "1234"  # now the most recently used
    found.put("c", "90ab")
    assert (found.get("a"), found.get("b"), found.get("c")) == ("1234", None, "90ab")
    found.put("d", "x" * 11)  # longer than the whole: never kept
    assert found.get("d") is None
    assert found.get("a") == "1234"
    assert found.characters == 8
