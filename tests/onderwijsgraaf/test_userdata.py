"""User-written data lives beside the register, never in it: created on the first write, never by
a read, kept by a new seed, and written to DATABASE_URL while the API reads the register at
DATABASE_READ_URL."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from graphql import build_schema as graphql_schema
from sqlalchemy import text
from sqlalchemy.engine import make_url

from onderwijsgraaf.cli import sdl
from onderwijsgraaf.db.engine import create_engine
from onderwijsgraaf.db.migrate import head_revision
from onderwijsgraaf.db.userdata import UserData
from onderwijsgraaf.documents import DocumentError, TrustedDocuments
from onderwijsgraaf.settings import Settings
from tests.conftest import Target, copy_of, drop_schemas, serving
from tests.onderwijsgraaf.test_toezicht_opslag import Toezicht

DOCUMENT = """query Scholen($gemeente: [String!]) {
  onderwijsaanbieders(filter: {gemeentecode: $gemeente}, first: 3) { totalCount edges { node { code naam } } }
}
"""
VARIABLES = {"gemeente": ["0344"]}


def unique_document() -> tuple[str, str]:
    """A valid document no other test registers, and its hash."""
    document = f"{DOCUMENT}# {uuid.uuid4().hex}\n"
    return document, hashlib.sha256(document.encode()).hexdigest()


def sqlite_file(target: Target) -> Path:
    return Path(make_url(target.url).database or "")


async def postgres_rows(url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return [tuple(row) for row in await conn.execute(text(sql), params)]
    finally:
        await engine.dispose()


async def schemas(target: Target) -> list[str]:
    """The PostgreSQL schemas whose name starts with the target's schema."""
    rows = await postgres_rows(
        target.url,
        "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, :s) ORDER BY nspname",
        s=target.schema,
    )
    return [str(name) for (name,) in rows]


async def documents_in_place(target: Target) -> dict[str, str]:
    """The trusted documents found where the user data must be, read without the application:
    ``<stem>.gebruikers.sqlite`` beside the SQLite file, or the schema ``<schema>_gebruikers``
    (none when there is no such file or table)."""
    if target.backend == "sqlite":
        file = sqlite_file(target).with_name("onderwijsgraaf.gebruikers.sqlite")
        if not file.exists():
            return {}
        with sqlite3.connect(file) as conn:
            return dict(conn.execute("SELECT sha256, document FROM trusted_document"))
    table = f'"{target.schema}_gebruikers".trusted_document'
    if await postgres_rows(target.url, "SELECT to_regclass(:t)", t=table) == [(None,)]:
        return {}
    rows = await postgres_rows(target.url, f"SELECT sha256, document FROM {table}")
    return {str(sha): str(document) for sha, document in rows}


@pytest.fixture
async def fresh(seeded: Target, tmp_path: Path) -> AsyncIterator[Target]:
    """A database with nothing in it yet, on the server of ``seeded``: an SQLite file not made
    yet (in a folder not made yet), or a PostgreSQL schema not made yet (dropped afterwards, with
    all beside it)."""
    if seeded.backend == "sqlite":
        file = tmp_path / "var" / "onderwijsgraaf.sqlite"
        yield Target("sqlite", f"sqlite+aiosqlite:///{file}", "onderwijsgraaf")
        return
    schema = f"og_test_{uuid.uuid4().hex[:8]}"
    try:
        yield Target("postgres", seeded.url, schema)
    finally:
        await drop_schemas(
            seeded.url, schema, f"{schema}__bouw", f"{schema}__oud", f"{schema}_gebruikers"
        )


async def test_user_data_is_made_beside_the_register_by_its_first_write(fresh: Target) -> None:
    probe = UserData(fresh.url, fresh.schema)
    stores = [UserData(fresh.url, fresh.schema) for _ in range(3)]
    try:
        assert not await probe.exists()
        if fresh.backend == "sqlite":
            assert not sqlite_file(fresh).parent.exists()
        else:
            assert await schemas(fresh) == []
        # three processes, none connected yet, make it at once; then one makes it again
        await asyncio.gather(*(store.create() for store in stores))
        await probe.create()
        assert all([await store.exists() for store in (probe, *stores)])

        if fresh.backend == "sqlite":
            assert sorted(p.name for p in sqlite_file(fresh).parent.iterdir()) == [
                "onderwijsgraaf.gebruikers.sqlite"
            ]
            with sqlite3.connect(
                sqlite_file(fresh).parent / "onderwijsgraaf.gebruikers.sqlite"
            ) as c:
                columns = [row[1:] for row in c.execute("PRAGMA table_info(trusted_document)")]
            assert columns == [
                ("sha256", "VARCHAR(64)", 1, None, 1),
                ("document", "TEXT", 1, None, 0),
                ("added_at", "DATETIME", 1, None, 0),
                ("origin", "VARCHAR(4)", 1, "'cli'", 0),
                ("bytes", "INTEGER", 1, "0", 0),
                ("used_at", "DATETIME", 0, None, 0),
            ]
        else:
            assert await schemas(fresh) == [f"{fresh.schema}_gebruikers"]
            columns = await postgres_rows(
                fresh.url,
                "SELECT column_name, data_type, character_maximum_length, is_nullable "
                "FROM information_schema.columns WHERE table_schema = :s "
                "AND table_name = 'trusted_document' ORDER BY ordinal_position",
                s=f"{fresh.schema}_gebruikers",
            )
            assert columns == [
                ("sha256", "character varying", 64, "NO"),
                ("document", "text", None, "NO"),
                ("added_at", "timestamp with time zone", None, "NO"),
                ("origin", "character varying", 4, "NO"),
                ("bytes", "integer", None, "NO"),
                ("used_at", "timestamp with time zone", None, "YES"),
            ]
            key = await postgres_rows(
                fresh.url,
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                "WHERE i.indrelid = to_regclass(:t) AND i.indisprimary",
                t=f'"{fresh.schema}_gebruikers".trusted_document',
            )
            assert key == [("sha256",)]

        document, sha = unique_document()
        documents = TrustedDocuments(stores[1], graphql_schema(sdl()), from_post=True)
        assert await documents.add(document) == sha
        assert await documents_in_place(fresh) == {sha: document}
    finally:
        for store in (probe, *stores):
            await store.dispose()


async def test_looking_a_document_up_makes_nothing(fresh: Target) -> None:
    store = UserData(fresh.url, fresh.schema)
    documents = TrustedDocuments(store, graphql_schema(sdl()), from_post=True)
    invalid = "{ bestaatNiet }"
    try:
        with pytest.raises(DocumentError) as missing:
            await documents.resolve("GET", None, f"sha256:{'0' * 64}", None)
        assert missing.value.code == "PERSISTED_QUERY_NOT_FOUND"
        # a POST may register only a valid document: this one is not, so nothing is written
        sha = hashlib.sha256(invalid.encode()).hexdigest()
        assert await documents.resolve("POST", invalid, sha, None) == invalid
        assert not await store.exists()
    finally:
        await store.dispose()
    if fresh.backend == "sqlite":
        assert not sqlite_file(fresh).parent.exists()
    else:
        assert await schemas(fresh) == []


@pytest.fixture
async def reseedable(seeded: Target, tmp_path: Path) -> AsyncIterator[Target]:
    """A seeded database of this test's own, to seed again."""
    async with copy_of(seeded, tmp_path / "reseedable") as target:
        yield target


async def register_identity(target: Target) -> object:
    """What a seed replaces: the SQLite file's inode, or the PostgreSQL schema's oid."""
    if target.backend == "sqlite":
        return os.stat(sqlite_file(target)).st_ino
    ((oid,),) = await postgres_rows(
        target.url, "SELECT oid FROM pg_namespace WHERE nspname = :s", s=target.schema
    )
    return oid


async def test_a_registered_document_survives_a_new_seed(
    reseedable: Target, dev_keys: Path
) -> None:
    # and so do the objecten van toezicht, with a combination the new register lacks flagged
    toezicht = Toezicht(dev_keys)
    await toezicht.before(reseedable)
    document, sha = unique_document()
    params = {"documentId": f"sha256:{sha}", "variables": json.dumps(VARIABLES)}
    async with serving(reseedable, trusted_documents_from_post=True) as api:
        post = await api.client.post(
            "/graphql",
            json={
                "query": document,
                "variables": VARIABLES,
                "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha}},
            },
        )
        assert post.status_code == 200
        assert "errors" not in post.json()
    before = await register_identity(reseedable)
    await reseedable.seed()
    assert await register_identity(reseedable) != before  # the register was swapped
    async with serving(reseedable) as api:
        found = await api.client.get("/graphql", params=params)
        assert found.status_code == 200
        assert found.json() == post.json()
    assert await documents_in_place(reseedable) == {sha: document}
    await toezicht.after(reseedable)


@pytest.fixture
async def replicated(seeded: Target, tmp_path: Path) -> AsyncIterator[tuple[Target, Target]]:
    """(primary, replica): a primary with nothing in it (on SQLite a file not made yet, on
    PostgreSQL a new database, dropped afterwards) and the seeded database to read from."""
    if seeded.backend == "sqlite":
        file = tmp_path / "onderwijsgraaf.sqlite"
        yield Target("sqlite", f"sqlite+aiosqlite:///{file}", seeded.schema), seeded
        return
    name = f"og_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(seeded.url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(seeded.url).set(database=name).render_as_string(hide_password=False)
        yield Target("postgres", url, seeded.schema), seeded
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def test_the_api_reads_the_register_at_the_read_url_and_writes_user_data_at_the_primary(
    replicated: tuple[Target, Target],
) -> None:
    primary, replica = replicated
    query = (
        '{ onderwijsaanbieder(code: "113A881") { naam onderwijsbestuur { naam } } meta { versie } }'
    )
    async with serving(replica) as api:
        expected = await api.data(query)
    assert expected["onderwijsaanbieder"]["naam"]
    document, sha = unique_document()
    async with serving(
        primary, database_read_url=replica.url, trusted_documents_from_post=True
    ) as api:
        assert await api.data(query) == expected
        health = await api.client.get("/health")
        assert health.json() == {"status": "ok", "revision": head_revision()}
        post = await api.client.post(
            "/graphql",
            json={
                "query": document,
                "variables": VARIABLES,
                "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha}},
            },
        )
        assert "errors" not in post.json()
        assert post.json()["data"]["onderwijsaanbieders"]["totalCount"] > 0
        params = {"documentId": f"sha256:{sha}", "variables": json.dumps(VARIABLES)}
        assert (await api.client.get("/graphql", params=params)).json() == post.json()
    assert await documents_in_place(primary) == {sha: document}
    assert sha not in await documents_in_place(replica)
    # the primary holds the user data and nothing else: the API never read its register
    if primary.backend == "sqlite":
        assert [p.name for p in sqlite_file(primary).parent.iterdir()] == [
            "onderwijsgraaf.gebruikers.sqlite"
        ]
    else:
        assert await schemas(primary) == [f"{primary.schema}_gebruikers"]


def test_the_read_url_is_optional_and_takes_the_urls_operators_write(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://og@primary:5432/og")
    monkeypatch.delenv("DATABASE_READ_URL", raising=False)
    assert Settings.from_env().read_url == "postgresql+asyncpg://og@primary:5432/og"
    monkeypatch.setenv("DATABASE_READ_URL", "")
    assert Settings.from_env().read_url == "postgresql+asyncpg://og@primary:5432/og"
    monkeypatch.setenv("DATABASE_READ_URL", "postgres://og@replica:5432/og")
    settings = Settings.from_env()
    assert settings.read_url == "postgresql+asyncpg://og@replica:5432/og"
    assert settings.database_url == "postgresql+asyncpg://og@primary:5432/og"


async def execute(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            for statement in statements:
                await conn.execute(text(statement))
    finally:
        await engine.dispose()


async def test_user_data_of_an_earlier_version_gets_the_new_columns_and_keeps_its_documents(
    fresh: Target,
) -> None:
    document, _ = unique_document()
    document += "# Súdwest-Fryslân\n"
    sha = hashlib.sha256(document.encode()).hexdigest()
    # the table as it was made before it had origin, bytes and used_at
    columns = "sha256 VARCHAR(64) NOT NULL, document TEXT NOT NULL, added_at {} NOT NULL"
    key = "CONSTRAINT pk_trusted_document PRIMARY KEY (sha256)"
    if fresh.backend == "sqlite":
        file = sqlite_file(fresh).with_name("onderwijsgraaf.gebruikers.sqlite")
        file.parent.mkdir(parents=True)
        with sqlite3.connect(file) as conn:
            conn.execute(f"CREATE TABLE trusted_document ({columns.format('DATETIME')}, {key})")
            conn.execute(
                "INSERT INTO trusted_document VALUES (?, ?, '2026-01-05 10:00:00.000000')",
                (sha, document),
            )
    else:
        schema = f'"{fresh.schema}_gebruikers"'
        await execute(
            fresh.url,
            f"CREATE SCHEMA {schema}",
            f"CREATE TABLE {schema}.trusted_document "
            f"({columns.format('TIMESTAMP WITH TIME ZONE')}, {key})",
            f"INSERT INTO {schema}.trusted_document VALUES ('{sha}', $${document}$$, "
            "'2026-01-05 10:00:00+00')",
        )
    stores = [UserData(fresh.url, fresh.schema) for _ in range(3)]
    try:
        # three processes find it at once: one completes it, the others wait and find it done
        assert await asyncio.gather(*(store.exists() for store in stores)) == [True] * 3
        documents = TrustedDocuments(stores[0], graphql_schema(sdl()), from_post=True, post_max=1)
        assert await documents.get(sha) == document
        for _ in range(2):  # the quota of documents registered by POST never takes it
            other, _ = unique_document()
            assert await documents.register(other)
    finally:
        for store in stores:
            await store.dispose()
    if fresh.backend == "sqlite":
        with sqlite3.connect(file) as conn:
            rows = conn.execute(
                "SELECT sha256, origin, bytes, used_at FROM trusted_document WHERE sha256 = ?",
                (sha,),
            ).fetchall()
            indexes = [row[1] for row in conn.execute("PRAGMA index_list(trusted_document)")]
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                )
            ]
    else:
        rows = await postgres_rows(
            fresh.url,
            f"SELECT sha256, origin, bytes, used_at FROM {schema}.trusted_document "
            "WHERE sha256 = :sha",
            sha=sha,
        )
        indexes = [
            str(name)
            for (name,) in await postgres_rows(
                fresh.url,
                "SELECT indexname FROM pg_indexes WHERE schemaname = :s",
                s=f"{fresh.schema}_gebruikers",
            )
        ]
        tables = [
            str(name)
            for (name,) in await postgres_rows(
                fresh.url,
                "SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename",
                s=f"{fresh.schema}_gebruikers",
            )
        ]
    # the tables it did not have yet (the objecten van toezicht) are made beside it
    assert tables == [
        "toezicht_mutatie",
        "toezichtobject",
        "toezichtobject_combinatie",
        "toezichtobject_versie",
        "trusted_document",
    ]
    assert [tuple(row) for row in rows] == [(sha, "cli", len(document.encode()), None)]
    assert len(document.encode()) > len(document)
    assert "ix_trusted_document_origin_used_at" in indexes
    assert len(await documents_in_place(fresh)) == 2  # it, and the last registered by POST
