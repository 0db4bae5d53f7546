"""The ASGI application: Starlette routes around the strawberry GraphQL endpoint."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from onderwijsgraaf.db.engine import create_engine, is_sqlite, session_factory
from onderwijsgraaf.db.migrate import current_revision, head_revision
from onderwijsgraaf.settings import Settings
from schema.context import Context
from schema.query import build_schema


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, context: Context) -> None:
        super().__init__(build_schema(), graphql_ide="graphiql")
        self.context = context

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return self.context


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    # SQLite: a connection per request, so a freshly seeded file is read at once.
    pool = {"poolclass": NullPool} if is_sqlite(settings.database_url) else {}
    engine = create_engine(settings.database_url, schema=settings.database_schema, **pool)
    context = Context(sessions=session_factory(engine))

    async def health(_: Request) -> JSONResponse:
        return await _health(engine)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        await engine.dispose()

    graphql = GraphQLApp(context)
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/health", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )


async def _health(engine: AsyncEngine) -> JSONResponse:
    try:
        revision = await current_revision(engine)
    except Exception:
        return JSONResponse({"status": "database unavailable"}, status_code=503)
    if revision != head_revision():
        return JSONResponse(
            {"status": "schema out of date", "revision": revision, "expected": head_revision()},
            status_code=503,
        )
    return JSONResponse({"status": "ok", "revision": revision})
