"""The servers a comparison runs: our API (on PostgreSQL, on SQLite, with or without its response
cache, with a given number of workers), PostGraphile 5 over the views of the same data, and the
floor (the same statements without GraphQL and ORM)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from bench.data import sqlite_url
from bench.layout import HOST, PORT_FLOOR, POSTGRAPHILE, ROOT
from bench.procs import environment
from bench.servers import Server
from bench.tools import GRAPHILE_CONFIG, node_path

HEALTH = "/health"
TYPENAME = b'{"query": "{ __typename }"}'


def ours(
    name: str, port: int, database_url: str, schema: str | None, *, workers: int, cache: bool
) -> Server:
    """Our API via its own CLI. Without ``cache`` the response cache is off (RESPONSE_CACHE_MB=0):
    wrk repeats one body, so a cache would measure itself rather than the API. No rate limit
    (RATE_LIMIT=0): wrk is one client asking far more than any one client may."""
    env = {"DATABASE_URL": database_url, "RATE_LIMIT": "0"}
    if schema is not None:
        env["DATABASE_SCHEMA"] = schema
    if not cache:
        env["RESPONSE_CACHE_MB"] = "0"
    drop = ["RESPONSE_CACHE_MB"] if cache else []
    if schema is None:
        drop.append("DATABASE_SCHEMA")
    argv = [sys.executable, "-m", "onderwijsgraaf", "serve", "--host", HOST]
    argv += ["--port", str(port), "--workers", str(workers), "--no-access-log"]
    return Server(name, port, argv, ROOT, environment(env, drop=drop), probe=HEALTH)


def ours_sqlite(name: str, port: int, *, workers: int) -> Server:
    return ours(name, port, sqlite_url(), None, workers=workers, cache=False)


def postgraphile(name: str, port: int, database_url: str, views: str, node: Path) -> Server:
    """PostGraphile in production mode on Node 22, over the schema of views ``views``."""
    env = {
        "PATH": node_path(),
        "DATABASE_URL": database_url,
        "PG_SCHEMA": views,
        "PORT": str(port),
        "GRAPHILE_ENV": "production",
        "NODE_ENV": "production",
    }
    argv = [str(node), "node_modules/.bin/postgraphile", "-C", GRAPHILE_CONFIG]
    return Server(
        name, port, argv, POSTGRAPHILE, environment(env), probe="/graphql", probe_body=TYPENAME
    )


def floor_missing() -> str | None:
    """Why the floor cannot run here (None: it can)."""
    for module in ("orjson", "asyncpg", "uvicorn"):
        if importlib.util.find_spec(module) is None:
            return f"the floor needs the Python package {module!r}, which is not installed"
    return None


def floor(database_url: str, schema: str) -> Server:
    env = {"FLOOR_DSN": database_url, "FLOOR_SCHEMA": schema}
    argv = [sys.executable, "-m", "uvicorn", "bench.floor_app:app", "--host", HOST]
    argv += ["--port", str(PORT_FLOOR), "--no-access-log"]
    return Server("floor", PORT_FLOOR, argv, ROOT, environment(env), probe="/W4", probe_body=b"{}")
