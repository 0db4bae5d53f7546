"""Shared fixtures: the real database, seeded once per session on SQLite and on PostgreSQL.

PostgreSQL tests run when TEST_DATABASE_URL is set; without it they are skipped with that reason.
An unreachable server skips them with the connection error as reason, or fails them when
REQUIRE_POSTGRES=1 (as in CI), so a missing server can never pass unnoticed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from onderwijsgraaf.app import create_app
from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.compiler.operations import Compiler, Plan
from onderwijsgraaf.db.digest import content_digest
from onderwijsgraaf.db.engine import create_engine
from onderwijsgraaf.devkeys import keygen
from onderwijsgraaf.peildatum import vandaag
from onderwijsgraaf.response_cache import ResponseCache
from onderwijsgraaf.settings import ROOT, Settings, normalise_database_url
from seed.build import build_dataset
from seed.dataset import Dataset
from seed.load import BeforeSwap, load_dataset, seed_database
from tests.compiler.generated import DIFFERENTIAL, HOSTILE

DATA_DIR = ROOT / "seed" / "data"
# The source files cut down to a few gemeenten (tests/fixtures/make_small.py): a database of its
# own, built by the seed in seconds, for tests that seed again and again or plant faults.
SMALL_DIR = ROOT / "tests" / "fixtures" / "small"
# The revision of the newest migration file: the one a migrated database must report.
LATEST = max(
    path.name.split("_")[0]
    for path in (ROOT / "onderwijsgraaf" / "db" / "migrations" / "versions").glob("[0-9]*.py")
)


@functools.cache
def built() -> Dataset:
    """The content built once per session from the project's own source files; every seed of
    those files in the tests writes it. A seed by the command line builds its own and must give
    the same content (``tests/seed/test_refuse.py``)."""
    return build_dataset(DATA_DIR)


@dataclass(frozen=True)
class Target:
    """A database the tests seed and read: an SQLite file or a PostgreSQL schema."""

    backend: str
    url: str
    schema: str

    def engine(self) -> AsyncEngine:
        return create_engine(self.url, schema=self.schema)

    async def seed(
        self,
        data_dir: Path = DATA_DIR,
        before_swap: BeforeSwap = lambda: None,
        *,
        check_minimums: bool = True,
    ) -> dict[str, int]:
        """Seeds ``data_dir``; ``check_minimums=False`` for ``SMALL_DIR`` or a copy of it."""
        if data_dir == DATA_DIR:
            return await load_dataset(self.url, self.schema, built(), before_swap=before_swap)
        return await seed_database(
            self.url,
            self.schema,
            data_dir,
            before_swap=before_swap,
            check_minimums=check_minimums,
        )

    async def digest(self) -> str:
        engine = self.engine()
        try:
            return await content_digest(engine)
        finally:
            await engine.dispose()


def valid_on(row: Any, day: dt.date) -> bool:
    """A raw row is valid on ``day``: begindatum inclusive, einddatum exclusive."""
    return (row.begindatum is None or row.begindatum <= day) and (
        row.einddatum is None or row.einddatum > day
    )


# The content digest right after the session's seed; every later test must leave it unchanged.
SEEDED_DIGEST: dict[Target, str] = {}


async def _postgres_url() -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip(
            "PostgreSQL tests need TEST_DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/test"
        )
    url = normalise_database_url(url)
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as error:
        reason = f"PostgreSQL at TEST_DATABASE_URL is unreachable: {error}"
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    finally:
        await engine.dispose()
    return url


async def drop_schemas(url: str, *schemas: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            for schema in schemas:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        await engine.dispose()


@asynccontextmanager
async def copy_of(seeded: Target, directory: Path) -> AsyncIterator[Target]:
    """A copy of the seeded database that a test may seed again or write to: the SQLite file
    copied into ``directory``, or every table of the PostgreSQL schema copied into a schema of
    its own (dropped afterwards, with what a seed and the user data put beside it)."""
    if seeded.backend == "sqlite":
        copy = directory / "onderwijsgraaf.sqlite"
        os.makedirs(directory, exist_ok=True)
        shutil.copyfile(make_url(seeded.url).database or "", copy)
        yield Target("sqlite", f"sqlite+aiosqlite:///{copy}", seeded.schema)
        return
    schema = f"og_test_{uuid.uuid4().hex[:8]}"
    engine = create_engine(seeded.url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            tables = await conn.scalars(
                text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": seeded.schema}
            )
            for table in list(tables):
                await conn.execute(
                    text(
                        f'CREATE TABLE "{schema}"."{table}" AS '
                        f'SELECT * FROM "{seeded.schema}"."{table}"'
                    )
                )
        yield Target("postgres", seeded.url, schema)
    finally:
        await engine.dispose()
        await drop_schemas(
            seeded.url, schema, f"{schema}__bouw", f"{schema}__oud", f"{schema}_gebruikers"
        )


async def _seeded_sqlite(directory: Path, data_dir: Path) -> Target:
    """An SQLite file in ``directory`` seeded from ``data_dir``, its digest kept."""
    path = directory / "onderwijsgraaf.sqlite"
    target = Target("sqlite", f"sqlite+aiosqlite:///{path}", "onderwijsgraaf")
    await target.seed(data_dir, check_minimums=data_dir != SMALL_DIR)
    SEEDED_DIGEST[target] = await target.digest()
    return target


@asynccontextmanager
async def _seeded_postgres(prefix: str, data_dir: Path) -> AsyncIterator[Target]:
    """A PostgreSQL schema of its own seeded from ``data_dir``, its digest kept; dropped
    afterwards with what a seed and the user data put beside it."""
    url = await _postgres_url()
    schema = f"{prefix}_{uuid.uuid4().hex[:8]}"
    target = Target("postgres", url, schema)
    try:
        await target.seed(data_dir, check_minimums=data_dir != SMALL_DIR)
        SEEDED_DIGEST[target] = await target.digest()
        yield target
    finally:
        await drop_schemas(url, schema, f"{schema}__bouw", f"{schema}__oud", f"{schema}_gebruikers")


@pytest.fixture(scope="session", autouse=True)
def generated_queries_aside() -> Iterator[None]:
    """The generated queries (``tests.compiler.generated``) are made in a process of their own
    while the session seeds; a test that needs them first waits for it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.compiler.generated", str(DIFFERENTIAL), str(HOSTILE)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield
    process.kill()
    process.wait()


@pytest.fixture(scope="session")
async def seeded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Target:
    return await _seeded_sqlite(tmp_path_factory.mktemp("sqlite"), DATA_DIR)


@pytest.fixture(scope="session")
async def seeded_postgres() -> AsyncIterator[Target]:
    async with _seeded_postgres("og_test", DATA_DIR) as target:
        yield target


@pytest.fixture(scope="session")
async def small_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Target:
    return await _seeded_sqlite(tmp_path_factory.mktemp("small"), SMALL_DIR)


@pytest.fixture(scope="session")
async def small_postgres() -> AsyncIterator[Target]:
    async with _seeded_postgres("og_small", SMALL_DIR) as target:
        yield target


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def small(request: pytest.FixtureRequest) -> Target:
    """A database seeded from ``SMALL_DIR``, once on SQLite and once on PostgreSQL; tests may
    seed it again but must leave it as seeded (``SEEDED_DIGEST``)."""
    target: Target = request.getfixturevalue(f"small_{request.param}")
    return target


@pytest.fixture(scope="session")
def dev_keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A signing key and its JWKS (``devkeys``), for tokens the tests mint."""
    directory = tmp_path_factory.mktemp("devkeys")
    keygen(directory)
    return directory


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded(request: pytest.FixtureRequest) -> Target:
    """The seeded database, once on SQLite and once on PostgreSQL."""
    target: Target = request.getfixturevalue(f"seeded_{request.param}")
    return target


@dataclass
class Api:
    """The real ASGI app over HTTP, counting the SQL statements it runs.

    With a ``reference`` (the same app with the query compiler off), every query posted is also
    answered field by field, and the two answers must be the same bytes: the differential test
    of every query of the test suite."""

    client: httpx.AsyncClient
    statements: list[str]
    headers: dict[str, str] = field(default_factory=dict)
    reference: httpx.AsyncClient | None = None
    compiler: Compiler | None = None
    cache: ResponseCache | None = None
    engine: AsyncEngine | None = None  # the app's, reading the register
    # the statements run on the user data (objecten van toezicht, trusted documents)
    userdata_statements: list[str] = field(default_factory=list)

    def as_viewer(self, headers: dict[str, str]) -> Api:
        """The same API, sending ``headers`` (e.g. a bearer token) with every request."""
        return dataclasses.replace(self, headers=headers)

    def plan(
        self, query: str, variables: dict[str, Any] | None = None, viewer: Viewer = ANONYMOUS
    ) -> Plan | None:
        """The compiled plan the API answers ``query`` with; None when it resolves it."""
        if self.compiler is None:
            return None
        return self.compiler.plan(query, None, variables, viewer, vandaag())

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = {"query": query, "variables": variables or {}}
        response = await self.client.post("/graphql", json=body, headers=self.headers)
        if self.reference is not None:
            expected = await resolved(self.reference, body, self.headers)
            assert_same_answer(response, expected, query)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The data of a query that must succeed."""
        body = await self.post(query, variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    async def error(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The one error of a query that must fail."""
        body = await self.post(query, variables)
        assert len(body.get("errors", [])) == 1, body
        error: dict[str, Any] = body["errors"][0]
        return error

    async def counted(
        self, query: str, variables: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], int]:
        """The data of a query and the number of SQL statements it ran."""
        self.statements.clear()
        data = await self.data(query, variables)
        return data, len(self.statements)


async def resolved(
    reference: httpx.AsyncClient, body: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    """The answer of the app without the compiler (its audit lines are not the test's)."""
    audit = logging.getLogger("onderwijsgraaf.audit")
    audit.disabled = True
    try:
        return await reference.post("/graphql", json=body, headers=headers)
    finally:
        audit.disabled = False


def assert_same_answer(answer: httpx.Response, expected: httpx.Response, query: str) -> None:
    """The compiled answer is the field-by-field answer, byte for byte."""
    if answer.status_code == expected.status_code and answer.content == expected.content:
        return
    a, b = answer.text, expected.text
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    raise AssertionError(
        f"the compiled answer differs from the resolvers' at character {at} of\n{query}\n"
        f"compiled ({answer.status_code}): ...{a[max(0, at - 200) : at + 200]}\n"
        f"resolved ({expected.status_code}): ...{b[max(0, at - 200) : at + 200]}"
    )


@asynccontextmanager
async def serving(target: Target, **settings: Any) -> AsyncIterator[Api]:
    """The app on ``target``; unless the settings turn the compiler off, together with the
    same app without it, for the differential check of every query posted."""
    # the data version is read once, at start-up, unless a test asks for more: statement counts
    # then hold only the statements of the query
    settings.setdefault("data_version_ttl", 3600)
    # one test client makes many requests; the limit itself is tested in test_ratelimit
    settings.setdefault("rate_limit", "")
    base = Settings(
        database_url=target.url,
        database_schema=target.schema,
        seed_data_dir=DATA_DIR,
        **settings,
    )
    app = create_app(base)
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", count)
    userdata_statements: list[str] = []

    def count_userdata(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        userdata_statements.append(statement)

    event.listen(app.state.userdata.engine.sync_engine, "before_cursor_execute", count_userdata)
    async with AsyncExitStack() as stack:
        client = await stack.enter_async_context(_client(app))
        reference = None
        if base.query_compiler:
            reference_app = create_app(dataclasses.replace(base, query_compiler=False))
            reference = await stack.enter_async_context(_client(reference_app))
        yield Api(
            client,
            statements,
            reference=reference,
            compiler=app.state.compiler,
            cache=app.state.response_cache,
            engine=app.state.engine,
            userdata_statements=userdata_statements,
        )


@asynccontextmanager
async def _client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
async def api(seeded: Target) -> AsyncIterator[Api]:
    """The API on SQLite and on PostgreSQL."""
    async with serving(seeded) as api:
        yield api


@pytest.fixture
async def sqlite_api(seeded_sqlite: Target) -> AsyncIterator[Api]:
    """The API on SQLite only, for behaviour that does not depend on the database."""
    async with serving(seeded_sqlite) as api:
        yield api


@pytest.fixture
async def client(api: Api) -> httpx.AsyncClient:
    return api.client
