"""The ASGI application: Starlette routes around the strawberry GraphQL endpoint."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.pool import NullPool
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from loaders import Loaders
from onderwijsgraaf.db.engine import create_engine, is_sqlite, session_factory
from onderwijsgraaf.db.migrate import current_revision, head_revision
from onderwijsgraaf.graphiql import STATIC, graphiql_page
from onderwijsgraaf.settings import Settings
from schema.context import Context
from schema.query import build_schema


class GraphQLApp(GraphQL[Context, None]):
    """The GraphQL endpoint; every request gets fresh loaders."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        super().__init__(build_schema(), graphql_ide="graphiql")
        self.sessions = sessions

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(graphiql_page())

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return Context(sessions=self.sessions, loaders=Loaders.create(self.sessions))


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    # SQLite: a connection per request, so a freshly seeded file is read at once.
    pool = {"poolclass": NullPool} if is_sqlite(settings.database_url) else {}
    engine = create_engine(settings.database_url, schema=settings.database_schema, **pool)
    sessions = session_factory(engine)

    async def health(_: Request) -> JSONResponse:
        return await _health(engine)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        await engine.dispose()

    graphql = GraphQLApp(sessions)
    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/health", health, methods=["GET"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
    )
    app.state.engine = engine
    return app


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
