"""Trusted documents: queries known by their SHA-256 hash, registered by the CLI or (when
allowed) a POST and kept in the database, so that every API process knows them at once; those
registered by POST within a quota, the least recently used removed first; a database that does
not take a registration answered with a GraphQL error, nothing stored.

Each test registers documents of its own: on SQLite in a copy of the seeded file (its user data
file beside it is the test's), on PostgreSQL in the session's schema with a document made unique
by a comment (its hash is new to the shared user data). Tests that count what is stored have user
data of their own on both (``own``)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import pytest
from graphql import build_schema as graphql_schema
from sqlalchemy import Engine, event, select, text, update
from sqlalchemy.engine import make_url

from onderwijsgraaf.cli import sdl
from onderwijsgraaf.db.engine import create_engine
from onderwijsgraaf.db.userdata import UserData, trusted_document, userdata_file
from onderwijsgraaf.documents import DocumentError, TrustedDocuments, _Found
from onderwijsgraaf.settings import ROOT, Settings
from tests.conftest import Api, Target, serving

DOCUMENT = """query Kaart($gemeente: [String!]) {
  onderwijslocaties(filter: {gemeentecode: $gemeente, sector: [PO]}, first: 5) {
    totalCount
    geojson { type features { type id geometry { type coordinates } properties { code } } }
  }
}
"""
VARIABLES = json.dumps({"gemeente": ["0344"]})
# the API with registration by POST on (it is off unless set)
POSTING: dict[str, Any] = {"trusted_documents_from_post": True}


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


class Stored(NamedTuple):
    text: str
    added_at: dt.datetime
    origin: str
    bytes: int
    used_at: dt.datetime | None


async def stored(target: Target) -> dict[str, Stored]:
    """The trusted documents in the user data of ``target``, by hash."""
    store = UserData(target.url, target.schema)
    try:
        if not await store.exists():
            return {}
        async with store.engine.connect() as conn:
            rows = await conn.execute(
                select(
                    trusted_document.c.sha256,
                    trusted_document.c.document,
                    trusted_document.c.added_at,
                    trusted_document.c.origin,
                    trusted_document.c.bytes,
                    trusted_document.c.used_at,
                )
            )
            return {sha: Stored(*rest) for sha, *rest in rows}
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
    row = (await stored(database))[document.sha]
    assert (row.text, row.origin, row.bytes) == (document.text, "cli", len(document.text))
    async with serving(database) as api:
        expected = await api.data(document.text, json.loads(VARIABLES))
        by_id = await api.client.get(
            "/graphql",
            params={"documentId": f"sha256:{document.sha}", "variables": VARIABLES},
            headers={"Accept": "text/html, */*"},
        )
        assert by_id.status_code == 200
        assert by_id.json()["data"] == expected
        assert by_id.headers["cache-control"].startswith("public")
        assert by_id.headers["etag"]
        by_apq = await api.client.get(
            "/graphql", params={"extensions": apq(document.sha), "variables": VARIABLES}
        )
        assert by_apq.json()["data"] == expected


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
    before = (await stored(database))[document.sha]
    body = {"query": document.text, "extensions": json.loads(apq(document.sha))}
    for _ in range(2):  # two API processes, each registering it as if it were new
        async with serving(database, **POSTING) as api:
            response = await api.client.post("/graphql", json=body)
            assert response.status_code == 200
            assert "errors" not in response.json()
    assert (await stored(database))[document.sha] == before
    assert before.text == document.text


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


async def test_a_first_post_registers_the_document_when_allowed(
    database: Target, document: Document
) -> None:
    async with serving(database, **POSTING) as api:
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
        row = (await stored(database))[document.sha]
        assert (row.text, row.origin, row.bytes) == (document.text, "post", len(document.text))
        assert row.used_at == row.added_at
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
    async with serving(database, **POSTING) as api:
        body = {"query": invalid.text, "extensions": json.loads(apq(invalid.sha))}
        response = await api.client.post("/graphql", json=body)
        assert response.json()["errors"]
        assert not_found(await by_hash(api, invalid.sha))
    assert not Settings(database.url, database.schema, ROOT).trusted_documents_from_post
    async with serving(database) as api:  # the default: only the CLI registers
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
    async with serving(database, **POSTING) as first, serving(database, **POSTING) as second:
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
    found.drop("a")
    assert (found.get("a"), found.characters) == (None, 4)


# A cheap valid query: the tests below send it hundreds of times.
LICENTIE = "query Licentie {\n  meta { licentie }\n}\n"


def sized(size: int) -> Document:
    """A valid document of exactly ``size`` bytes that no other test registers; its comment is
    random hex, which does not compress (so it needs ``size`` bytes of room to be stored)."""
    head = f"{LICENTIE}# "
    room = size - len(head) - 1
    assert room >= 32
    text = f"{head}{os.urandom(room // 2 + 1).hex()[:room]}\n"
    assert len(text.encode()) == size
    return Document(text, hashlib.sha256(text.encode()).hexdigest())


async def on_server(url: str, *statements: str) -> None:
    """Run ``statements`` on the PostgreSQL server at ``url``, each in a transaction of its own."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            for statement in statements:
                await conn.execute(text(statement))
    finally:
        await engine.dispose()


@dataclass(frozen=True)
class Own:
    """User data of the test's own at ``primary`` (its ``DATABASE_URL``, holding nothing else);
    the register is read from ``register`` (``DATABASE_READ_URL``)."""

    primary: Target
    register: Target

    def serving(self, primary: Target | None = None, **settings: Any) -> Any:
        """The API writing user data to ``primary`` (or the test's own); without the response
        cache, so that every request reaches the trusted documents."""
        settings.setdefault("response_cache_mb", 0)
        return serving(primary or self.primary, database_read_url=self.register.url, **settings)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def register(request: pytest.FixtureRequest) -> Target:
    """The seeded register, once on SQLite and once on PostgreSQL."""
    target: Target = request.getfixturevalue(f"seeded_{request.param}")
    return target


@pytest.fixture
async def own(register: Target, tmp_path: Path) -> AsyncIterator[Own]:
    """User data nobody else writes to: on SQLite beside a register file that is not there, on
    PostgreSQL in a new database (dropped afterwards)."""
    if register.backend == "sqlite":
        file = tmp_path / "eigen" / "onderwijsgraaf.sqlite"
        yield Own(Target("sqlite", f"sqlite+aiosqlite:///{file}", register.schema), register)
        return
    name = f"og_test_{uuid.uuid4().hex[:8]}"
    await on_server(register.url, f'CREATE DATABASE "{name}"')
    try:
        url = make_url(register.url).set(database=name).render_as_string(hide_password=False)
        yield Own(Target("postgres", url, register.schema), register)
    finally:
        await on_server(register.url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def post(api: Api, document: Document) -> httpx.Response:
    """A POST of ``document`` with its hash (Apollo's way), registering it when allowed."""
    body = {"query": document.text, "extensions": json.loads(apq(document.sha))}
    return await api.client.post("/graphql", json=body)


def answered(response: httpx.Response) -> bool:
    """The cheap query was answered with its data."""
    answer = response.json()
    return response.status_code == 200 and "errors" not in answer and answer["data"]["meta"]


async def found(api: Api, sha: str) -> httpx.Response:
    return await api.client.get("/graphql", params={"documentId": f"sha256:{sha}"})


def posted(rows: dict[str, Stored]) -> set[str]:
    return {sha for sha, row in rows.items() if row.origin == "post"}


async def set_used(target: Target, used: dict[str, dt.datetime]) -> None:
    """Write the last use of documents, as if they were last used then."""
    store = UserData(target.url, target.schema)
    try:
        async with store.engine.begin() as conn:
            for sha, when in used.items():
                await conn.execute(
                    update(trusted_document)
                    .where(trusted_document.c.sha256 == sha)
                    .values(used_at=when)
                )
    finally:
        await store.dispose()


def utc(moment: dt.datetime | None) -> dt.datetime:
    assert moment is not None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


@contextmanager
def last_uses_written() -> Iterator[list[str]]:
    """The statements that write the last use of a document, by any engine, meanwhile."""
    written: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("UPDATE trusted_document SET used_at"):
            written.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield written
    finally:
        event.remove(Engine, "before_cursor_execute", note)


async def test_200_anonymous_posts_register_nothing_by_default(own: Own) -> None:
    documents = [unique(LICENTIE) for _ in range(200)]
    async with own.serving() as api:
        for document in documents:
            assert answered(await post(api, document))  # each is answered, none is kept
        assert not_found((await found(api, documents[0].sha)).json())
    assert await stored(own.primary) == {}
    if own.primary.backend == "sqlite":  # nothing was written at all
        assert not userdata_file(own.primary.url).parent.exists()


async def test_200_posts_with_registration_on_keep_to_the_quota(own: Own, tmp_path: Path) -> None:
    kept = unique(LICENTIE)
    assert add(own.primary, write(tmp_path, "kept.graphql", kept.text)).returncode == 0
    documents = [unique(LICENTIE) for _ in range(200)]
    async with own.serving(**POSTING, trusted_documents_post_max=50) as api:
        for document in documents:
            assert answered(await post(api, document))
        assert not_found((await found(api, documents[149].sha)).json())
        assert answered(await found(api, documents[150].sha))
        assert answered(await found(api, kept.sha))
    rows = await stored(own.primary)
    assert posted(rows) == {document.sha for document in documents[150:]}  # the last 50
    assert set(rows) - posted(rows) == {kept.sha}
    assert rows[kept.sha].origin == "cli"
    size = len(documents[0].text)
    assert sum(row.bytes for sha, row in rows.items() if sha in posted(rows)) == 50 * size


async def test_the_quota_by_count_removes_the_least_recently_used_first(own: Own) -> None:
    a, b, c, d = (unique(LICENTIE) for _ in range(4))
    settings = {**POSTING, "trusted_documents_post_max": 3}
    async with own.serving(**settings) as api:
        for document in (a, b, c):
            assert answered(await post(api, document))
    now = dt.datetime.now(dt.UTC)
    hour = dt.timedelta(hours=1)
    await set_used(own.primary, {a.sha: now - 3 * hour, b.sha: now - 2 * hour, c.sha: now - hour})
    with last_uses_written() as written:
        async with own.serving(**settings) as api:  # another process
            for _ in range(3):  # a is used three times: its last use is written once
                assert answered(await found(api, a.sha))
            assert len(written) == 1
            assert answered(await post(api, d))  # makes room: b is the least recently used now
            assert not_found((await found(api, b.sha)).json())
            for document in (a, c, d, a, c, d):
                assert answered(await found(api, document.sha))
            assert len(written) == 2  # c's too (an hour ago); not d's (registered just now)
    rows = await stored(own.primary)
    assert set(rows) == {a.sha, c.sha, d.sha}
    assert all(utc(rows[sha].used_at) >= now for sha in (a.sha, c.sha, d.sha))
    with last_uses_written() as written:
        async with own.serving(**settings) as api:  # a third process: all were used lately
            for document in (a, c, d):
                assert answered(await found(api, document.sha))
        assert written == []


async def test_the_quota_by_bytes_removes_the_least_recently_used_until_a_new_one_fits(
    own: Own,
) -> None:
    size = 400
    a, b, c = sized(size), sized(size), sized(size)
    big, too_big = sized(2 * size), sized(3 * size + 1)
    settings = {**POSTING, "trusted_documents_post_mb": 3 * size / 2**20}
    async with own.serving(**settings) as api:
        for document in (a, b, c, big):
            assert answered(await post(api, document))
        # larger than the whole quota: answered, not kept, and nothing removed for it
        assert answered(await post(api, too_big))
        for gone in (a, b, too_big):
            assert not_found((await found(api, gone.sha)).json())
        for document in (c, big):
            assert answered(await found(api, document.sha))
    rows = await stored(own.primary)
    assert {sha: row.bytes for sha, row in rows.items()} == {c.sha: size, big.sha: 2 * size}


async def test_documents_added_by_the_cli_are_never_removed(own: Own, tmp_path: Path) -> None:
    first, second = unique(f"{LICENTIE}# Súdwest-Fryslân\n"), unique(LICENTIE)
    files = [write(tmp_path, f"{n}.graphql", d.text) for n, d in enumerate((first, second))]
    assert add(own.primary, *files).returncode == 0
    p1, p2, p3, p4 = (unique(LICENTIE) for _ in range(4))
    settings = {**POSTING, "trusted_documents_post_max": 1}
    async with own.serving(**settings) as api:
        for document in (p1, p2, p3):
            assert answered(await post(api, document))
    rows = await stored(own.primary)
    assert {sha: row.origin for sha, row in rows.items()} == {
        first.sha: "cli",
        second.sha: "cli",
        p3.sha: "post",
    }
    assert rows[first.sha].bytes == len(first.text.encode()) > len(first.text)  # UTF-8 bytes
    assert rows[first.sha].used_at is None

    # the CLI keeps for good a document a POST registered; it no longer counts
    assert add(own.primary, write(tmp_path, "p3.graphql", p3.text)).returncode == 0
    now_kept = (await stored(own.primary))[p3.sha]
    assert (now_kept.origin, now_kept.used_at) == ("cli", None)
    assert now_kept.added_at == rows[p3.sha].added_at
    async with own.serving(**settings) as api:
        assert answered(await post(api, p4))
        for document in (first, second, p3, p4):
            assert answered(await found(api, document.sha))
    rows = await stored(own.primary)
    assert set(rows) == {first.sha, second.sha, p3.sha, p4.sha}
    assert posted(rows) == {p4.sha}


async def test_registrations_at_once_stay_within_the_quota(own: Own) -> None:
    settings = {**POSTING, "trusted_documents_post_max": 5}
    batches = [[unique(LICENTIE) for _ in range(10)] for _ in range(3)]

    async def registering(api: Api, batch: list[Document]) -> list[httpx.Response]:
        return [await post(api, document) for document in batch]

    # three processes, on user data none of them has made yet
    async with AsyncExitStack() as stack:
        apis = [await stack.enter_async_context(own.serving(**settings)) for _ in batches]
        answers = await asyncio.gather(*map(registering, apis, batches))
    assert all(answered(response) for batch in answers for response in batch)
    rows = await stored(own.primary)
    assert len(rows) == len(posted(rows)) == 5
    assert set(rows) <= {document.sha for batch in batches for document in batch}


# What a database that does not take a registration says, by what is wrong with it.
PROBLEMS = {
    "full": "the database is full (no space left on its disk)",
    "read-only": "the database is read-only",
    "no-privilege": "the database does not permit the write (permission denied)",
    "unavailable": "the database is unavailable",
}


def mount_small_filesystem(folder: Path, size: str) -> None:
    """A tmpfs of ``size`` at ``folder``; skips the test where none can be mounted."""
    folder.mkdir(parents=True)
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        pytest.skip(f"a small filesystem cannot be mounted here: {error}")
    if done.returncode != 0:
        pytest.skip(f"a small filesystem cannot be mounted here: {done.stderr.strip()}")


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the filesystem of ``folder`` to the last byte; the file that does it."""
    filler = folder / "vulling"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for chunk in (1 << 16, 1 << 12, 1):
            while True:
                try:
                    os.write(fd, b"\0" * chunk)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)
    return filler


def server_files(data_directory: str | None) -> os.stat_result | None:
    """The owner of the PostgreSQL server's files, when they are on this host."""
    if not data_directory or not Path(data_directory).is_dir():
        return None
    return Path(data_directory).stat()


Step = Callable[[], Awaitable[None]]


@dataclass
class Breakage:
    """User data at ``primary``, healthy until ``broken`` is made; ``broken`` is where the API
    and the CLI then write (``primary`` itself, or it reached another way); ``repair`` makes
    ``primary`` healthy again."""

    primary: Target
    breaking: Callable[[], Awaitable[Target]]
    repairing: Callable[[], Awaitable[None]]

    async def broken(self) -> Target:
        return await self.breaking()

    async def repair(self) -> None:
        await self.repairing()


@asynccontextmanager
async def breakable(own: Own, failure: str, folder: Path) -> AsyncIterator[Breakage]:
    """User data that can be made to refuse writes for the reason ``failure``, for real: on
    SQLite a small filesystem filled up or mounted read-only, or a store that cannot be opened;
    on PostgreSQL a tablespace on a small filesystem filled up, a role whose transactions are
    read-only, a role without the privilege to write the table, or a server that is not there."""
    cleanup: list[Step] = []
    try:
        if own.primary.backend == "sqlite":
            yield await _sqlite_breakage(own, failure, folder, cleanup.append)
        else:
            yield await _postgres_breakage(own, failure, folder, cleanup.append)
    finally:
        for step in reversed(cleanup):
            await step()


async def _sqlite_breakage(
    own: Own, failure: str, folder: Path, on_exit: Callable[[Step], None]
) -> Breakage:
    small = folder / "klein"
    schema = own.primary.schema
    primary = Target("sqlite", f"sqlite+aiosqlite:///{small / 'onderwijsgraaf.sqlite'}", schema)
    if failure == "no-privilege":
        pytest.skip("SQLite has no privileges: a file it may not write is read-only")
    if failure == "unavailable":
        # a store that cannot be opened: where its file should be, there is a folder
        elsewhere = folder / "kapot" / "onderwijsgraaf.sqlite"

        async def unopenable() -> Target:
            userdata_file(f"sqlite:///{elsewhere}").mkdir(parents=True)
            return Target("sqlite", f"sqlite+aiosqlite:///{elsewhere}", schema)

        return Breakage(own.primary, unopenable, _nothing)
    mount_small_filesystem(small, "1m")
    on_exit(lambda: asyncio.to_thread(unmount, small))
    if failure == "full":
        filler: list[Path] = []

        async def full() -> Target:
            filler.append(fill(small))
            return primary

        async def emptied() -> None:
            for file in filler:
                file.unlink(missing_ok=True)

        on_exit(emptied)
        return Breakage(primary, full, emptied)
    assert failure == "read-only"

    async def read_only() -> Target:
        remount(small, "ro")
        return primary

    async def writable() -> None:
        remount(small, "rw")

    return Breakage(primary, read_only, writable)


async def _nothing() -> None:
    return None


async def _postgres_breakage(
    own: Own, failure: str, folder: Path, on_exit: Callable[[Step], None]
) -> Breakage:
    primary = own.primary
    table = f'"{primary.schema}_gebruikers".trusted_document'
    if failure == "unavailable":

        async def gone() -> Target:
            with socket.socket() as probe:  # a port nothing listens on
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            url = make_url(primary.url).set(host="127.0.0.1", port=port)
            return Target("postgres", url.render_as_string(hide_password=False), primary.schema)

        return Breakage(primary, gone, _nothing)
    if failure in ("read-only", "no-privilege"):
        role = f"og_test_{uuid.uuid4().hex[:8]}"
        grants = (
            "SELECT, INSERT, UPDATE, DELETE" if failure == "read-only" else "SELECT"
        )  # no-privilege: it may read the documents, and nothing else

        async def restricted() -> Target:
            await on_server(primary.url, f'CREATE ROLE "{role}" LOGIN')
            await on_server(
                primary.url,
                f'GRANT USAGE ON SCHEMA "{primary.schema}_gebruikers" TO "{role}"',
                f'GRANT {grants} ON {table} TO "{role}"',
            )
            if failure == "read-only":
                await on_server(
                    primary.url, f'ALTER ROLE "{role}" SET default_transaction_read_only = on'
                )
            url = make_url(primary.url).set(username=role)
            return Target("postgres", url.render_as_string(hide_password=False), primary.schema)

        async def drop_role() -> None:
            await on_server(primary.url, f'DROP OWNED BY "{role}"', f'DROP ROLE "{role}"')

        async def drop_role_if_any() -> None:
            with contextlib.suppress(Exception):
                await drop_role()

        on_exit(drop_role_if_any)
        return Breakage(primary, restricted, _nothing)
    assert failure == "full"
    # a tablespace on a small filesystem, which the server can write: it must run on this host
    engine = create_engine(primary.url)
    try:
        async with engine.connect() as conn:
            data = await conn.scalar(text("SHOW data_directory"))
    finally:
        await engine.dispose()
    owner = server_files(data)
    if owner is None:
        pytest.skip("the PostgreSQL server does not run on this host: no tablespace can be made")
    # its own folder, out of the test's, which the server's user may not enter
    base = Path(tempfile.mkdtemp(prefix="og-tabelruimte-"))
    os.chown(base, owner.st_uid, owner.st_gid)
    on_exit(lambda: asyncio.to_thread(shutil.rmtree, base, ignore_errors=True))
    small = base / "klein"
    mount_small_filesystem(small, "2m")
    on_exit(lambda: asyncio.to_thread(unmount, small))
    os.chown(small, owner.st_uid, owner.st_gid)
    space = f"og_test_{uuid.uuid4().hex[:8]}"
    filler: list[Path] = []

    async def move(to: str) -> None:
        indexes = await _indexes(primary, f"{primary.schema}_gebruikers")
        await on_server(
            primary.url,
            f'ALTER TABLE {table} SET TABLESPACE "{to}"',
            *(
                f'ALTER INDEX "{primary.schema}_gebruikers"."{i}" SET TABLESPACE "{to}"'
                for i in indexes
            ),
        )

    async def full() -> Target:
        await on_server(primary.url, f"CREATE TABLESPACE \"{space}\" LOCATION '{small}'")
        await move(space)
        filler.append(fill(small))
        return primary

    async def emptied() -> None:
        for file in filler:
            file.unlink(missing_ok=True)
        filler.clear()
        with contextlib.suppress(Exception):
            await move("pg_default")
        with contextlib.suppress(Exception):
            await on_server(primary.url, f'DROP TABLESPACE IF EXISTS "{space}"')

    on_exit(emptied)
    return Breakage(primary, full, emptied)


async def _indexes(target: Target, schema: str) -> list[str]:
    engine = create_engine(target.url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = :s "
                    "AND tablename = 'trusted_document'"
                ),
                {"s": schema},
            )
            return [str(name) for (name,) in rows]
    finally:
        await engine.dispose()


def kept(rows: dict[str, Stored]) -> dict[str, tuple[str, dt.datetime, str, int]]:
    """What is stored of each document, but for its last use (a read may write it)."""
    return {sha: (row.text, row.added_at, row.origin, row.bytes) for sha, row in rows.items()}


@pytest.mark.parametrize("failure", list(PROBLEMS))
async def test_a_database_that_does_not_take_a_registration_is_answered_cleanly(
    own: Own, failure: str, tmp_path: Path
) -> None:
    problem = PROBLEMS[failure]
    async with breakable(own, failure, tmp_path) as breakage:
        primary = breakage.primary
        cli, old = unique(LICENTIE), unique(LICENTIE)
        assert add(primary, write(tmp_path, "cli.graphql", cli.text)).returncode == 0
        # one document registered by POST is all the quota holds: a new one first removes it
        settings = {**POSTING, "trusted_documents_post_max": 1}
        async with own.serving(primary, **settings) as api:
            assert answered(await post(api, old))
        await set_used(primary, {old.sha: dt.datetime.now(dt.UTC) - dt.timedelta(hours=3)})
        before = await stored(primary)
        new = sized(60_000)  # needs new room in the database
        file = write(tmp_path, "new.graphql", new.text)

        broken = await breakage.broken()
        async with own.serving(broken, **settings) as api:
            refused = await post(api, new)
            assert refused.status_code == 503
            assert refused.headers["content-type"].startswith("application/json")
            assert refused.headers["cache-control"] == "no-store"
            assert refused.json() == {
                "errors": [
                    {
                        "message": f"the document sha256 {new.sha} was not registered, and "
                        f"nothing was stored: {problem}",
                        "extensions": {"code": "SERVICE_UNAVAILABLE"},
                    }
                ]
            }
            # what is there is still found (writing its last use fails, and is let go)
            old_again = await found(api, old.sha)
            if failure == "unavailable":
                assert old_again.status_code == 503
                assert old_again.json()["errors"] == [
                    {
                        "message": f"the document sha256 {old.sha} could not be looked up: "
                        f"{problem}",
                        "extensions": {"code": "SERVICE_UNAVAILABLE"},
                    }
                ]
            else:
                assert answered(old_again)
        by_cli = add(broken, file)
        assert by_cli.returncode == 1
        assert by_cli.stderr.startswith(
            f"documents add: no document was registered, and nothing was stored: {problem} ("
        ), by_cli.stderr
        assert by_cli.stdout == ""

        await breakage.repair()
        after = await stored(primary)
        assert kept(after) == kept(before)  # nothing new, nothing removed
        if primary.backend == "sqlite":  # no journal or other file left behind
            user_data = userdata_file(primary.url)
            assert [p.name for p in user_data.parent.iterdir()] == [user_data.name]
            with sqlite3.connect(user_data) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
