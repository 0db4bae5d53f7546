"""The data both sides serve: the API's own seed into a PostgreSQL database (and an SQLite file),
and PostGraphile's schema of views over the same tables."""

from __future__ import annotations

import sys
from urllib.parse import urlsplit, urlunsplit

from bench.layout import (
    BENCH,
    PEER_SCHEMA,
    PEER_SCHEMA_X10,
    ROOT,
    SCHEMA,
    SCHEMA_X10,
    SQLITE_FILE,
)
from bench.procs import environment, executable, run, say


def with_database(url: str, name: str) -> str:
    """``url`` with its database name replaced by ``name``."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def database_name(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not name:
        raise SystemExit(f"bench: {url} names no database")
    return name


def psql(url: str, *args: str, quiet: bool = True) -> str:
    return run(
        [executable("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, *args], quiet=quiet
    )


def scalar(url: str, sql: str) -> str:
    return psql(url, "-tA", "-c", sql).strip()


def ensure_database(url: str) -> None:
    """Create the database ``url`` names when it does not exist yet."""
    name = database_name(url)
    admin = with_database(url, "postgres")
    if scalar(admin, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") != "1":
        say(f"creating database {name}")
        psql(admin, "-c", f'CREATE DATABASE "{name}"')


def has_schema(url: str, schema: str) -> bool:
    found = scalar(url, f"SELECT 1 FROM information_schema.schemata WHERE schema_name = '{schema}'")
    return found == "1"


def seed_postgres(url: str, schema: str) -> None:
    """The API's own seed into ``schema`` (built aside, swapped in when complete)."""
    say(f"seeding schema {schema} of {database_name(url)}")
    _command(url, schema, "seed", "--quiet")


def _command(url: str, schema: str, *args: str) -> None:
    """The API's command line (``python -m onderwijsgraaf ARGS``) on ``schema`` of ``url``."""
    run(
        [sys.executable, "-m", "onderwijsgraaf", *args],
        cwd=ROOT,
        env=environment({"DATABASE_URL": url, "DATABASE_SCHEMA": schema}),
    )


def scale_x10(url: str, schema: str) -> None:
    """About ten times the offering (aangeboden opleidingen, cohorten, voertalen) in ``schema``,
    with its list totals counted again."""
    say(f"scaling schema {schema} ×10")
    psql(url, "-v", f"s={schema}", "-f", str(BENCH / "scale-x10.sql"))
    # rows written by other means than the seed: the list totals summary is counted again
    _command(url, schema, "db", "tellingen")


def peer_views(url: str, source: str, views: str) -> None:
    """(Re)create PostGraphile's schema ``views`` over the tables of ``source``."""
    say(f"creating PostGraphile's views {views} over {source}")
    psql(url, "-v", f"src={source}", "-v", f"dst={views}", "-f", str(BENCH / "peer-views.sql"))


def sqlite_url() -> str:
    return f"sqlite:///{SQLITE_FILE}"


def seed_sqlite() -> None:
    say(f"seeding {SQLITE_FILE.relative_to(ROOT)}")
    SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
    run(
        [sys.executable, "-m", "onderwijsgraaf", "seed", "--quiet"],
        cwd=ROOT,
        env=environment({"DATABASE_URL": sqlite_url()}, drop=["DATABASE_SCHEMA"]),
    )


def prepare(url: str, *, seed: bool, scale: bool) -> None:
    """Database, seeds (when asked, or when missing) and PostGraphile's views; the ×10 copy too
    with ``scale``. The views are recreated every time: a seed swaps the tables under them."""
    ensure_database(url)
    if seed or not has_schema(url, SCHEMA):
        seed_postgres(url, SCHEMA)
    peer_views(url, SCHEMA, PEER_SCHEMA)
    if scale:
        if seed or not has_schema(url, SCHEMA_X10):
            seed_postgres(url, SCHEMA_X10)
            scale_x10(url, SCHEMA_X10)
        peer_views(url, SCHEMA_X10, PEER_SCHEMA_X10)
    if seed or not SQLITE_FILE.exists():
        seed_sqlite()
