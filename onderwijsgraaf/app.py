"""The ASGI application: Starlette routes around the strawberry GraphQL endpoint."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from onderwijsgraaf.auth import Verifier
from onderwijsgraaf.caching import CachedReads
from onderwijsgraaf.compiler.operations import Compiler
from onderwijsgraaf.controlebestand import controlebestand
from onderwijsgraaf.controlescherm import controlescherm_page
from onderwijsgraaf.cors import ReadCors
from onderwijsgraaf.db.engine import create_engine
from onderwijsgraaf.db.gebieden import GebiedenCache
from onderwijsgraaf.db.migrate import current_revision, head_revision
from onderwijsgraaf.db.userdata import UserData
from onderwijsgraaf.db.versie import DataVersion
from onderwijsgraaf.deadline import Deadline
from onderwijsgraaf.documents import TrustedDocuments
from onderwijsgraaf.endpoint import (
    GRAPHQL_RESPONSE,
    GraphQLApp,
    negotiated,
)
from onderwijsgraaf.errors import RETRY_AFTER_SECONDS, Unauthenticated, database_unavailable
from onderwijsgraaf.export import Exporter, export_http
from onderwijsgraaf.graphiql import STATIC
from onderwijsgraaf.kaart import kaart_page
from onderwijsgraaf.rapport import BadReportRequest, bestuurscode, peildatum, rapport_http
from onderwijsgraaf.ratelimit import RateLimited, parse_rate
from onderwijsgraaf.refusal import http_refusal, send_error
from onderwijsgraaf.request_size import RequestSize
from onderwijsgraaf.response_cache import AnonymousAnswers, ResponseCache
from onderwijsgraaf.settings import Settings
from onderwijsgraaf.wijzigingenfeed import wijzigingenfeed
from schema.query import build_schema


class Authenticated:
    """Turns the bearer token into the viewer before GraphQL sees the request; a token that is
    not acceptable ends the request with 401 and an UNAUTHENTICATED error, no data (in
    application/json ``"data": null``, in application/graphql-response+json no ``data``), never
    cached (``Cache-Control: no-store``, ``Vary: Accept, Authorization``), like every error."""

    def __init__(self, app: ASGIApp, verifier: Verifier) -> None:
        self.app = app
        self.verifier = verifier

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = Request(scope).headers
            try:
                viewer = self.verifier.viewer(headers.get("authorization"))
            except Unauthenticated as error:
                media = negotiated(headers.get("accept"))
                await send_error(
                    scope,
                    send,
                    401,
                    error.message,
                    error.code,
                    with_data=media != GRAPHQL_RESPONSE,
                    headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
                )
                return
            scope.setdefault("state", {})["viewer"] = viewer
        await self.app(scope, receive, send)


def unless_unavailable(
    version: Callable[[], Awaitable[str | None]],
) -> Callable[[], Awaitable[str | None]]:
    """The data version, or None (unknown: nothing is kept or served from a cache) while the
    database cannot be reached; the request then goes on and is answered 503 by the endpoint
    when it needs the database."""

    async def current() -> str | None:
        try:
            return await version()
        except Exception as error:
            if database_unavailable(error):
                return None
            raise

    return current


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    # the register is read where DATABASE_READ_URL says (a replica); user data is written to,
    # and read back from, DATABASE_URL (the primary)
    engine = create_engine(
        settings.read_url,
        schema=settings.database_schema,
        statement_timeout=settings.request_deadline,
        pool_size=settings.database_pool_size,
        max_overflow=0,
    )
    userdata = UserData(
        settings.database_url,
        settings.database_schema,
        pool_size=settings.database_pool_size,
        max_overflow=0,
    )
    version = DataVersion(engine, settings.data_version_ttl)
    # the gemeenten and provincies filters name, resolved to codes; loaded again on a new seed
    gebieden = GebiedenCache(engine, version.current)

    async def health(_: Request) -> JSONResponse:
        return await _health(engine)

    async def kaart(_: Request) -> HTMLResponse:
        return HTMLResponse(kaart_page(settings))

    async def besturen(request: Request) -> Response:
        try:
            code = bestuurscode(request.path_params["code"])
            datum = peildatum(request.query_params.get("peildatum"))
        except BadReportRequest as error:
            return PlainTextResponse(str(error), status_code=error.status)
        return HTMLResponse(controlescherm_page(code, datum))

    verifier = Verifier(settings.auth_jwks, settings.auth_issuer, settings.auth_audience)

    async def controle(request: Request) -> Response:
        return await controlebestand(request, engine, verifier)

    async def toezichtrapport(request: Request) -> Response:
        return await rapport_http(request, engine, userdata, verifier)

    async def wijzigingen(request: Request) -> Response:
        return await wijzigingenfeed(
            request, engine, version.current, verifier, settings.cache_max_age
        )

    exporter = Exporter(
        engine,
        settings.export_dir,
        version.current,
        gebieden,
        max_bytes=int(settings.export_dir_mb * 1024 * 1024),
    )

    async def export(request: Request) -> Response:
        return await export_http(request, exporter, verifier, settings.cache_max_age)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        with contextlib.suppress(Exception):  # a database that is not there yet: /health says so
            await version.current()
            await gebieden.current()
        # What start-up made lives as long as the process: keep it out of the collector's way.
        gc.freeze()
        yield
        await engine.dispose()
        await userdata.dispose()

    schema = build_schema(settings.cost_budget)
    compiler = (
        Compiler(schema, engine.dialect, settings.cost_budget, gebieden)
        if settings.query_compiler
        else None
    )
    rate_limit = parse_rate(settings.rate_limit)
    cache_bytes = int(settings.response_cache_mb * 1024 * 1024)
    cache = ResponseCache(cache_bytes) if cache_bytes > 0 else None
    documents = TrustedDocuments(
        userdata,
        schema._schema,
        settings.trusted_documents_from_post,
        post_max=settings.trusted_documents_post_max,
        post_bytes=int(settings.trusted_documents_post_mb * 1024 * 1024),
    )
    current = unless_unavailable(version.current)
    graphql = Authenticated(
        CachedReads(
            GraphQLApp(
                schema,
                engine,
                documents,
                compiler,
                cache,
                current,
                gebieden,
                userdata,
                settings.toezicht_openbaar,
            ),
            current,
            settings.cache_max_age,
        ),
        verifier,
    )
    app = Starlette(
        routes=[
            Route(
                # every method: the endpoint refuses all but GET and POST with a GraphQL error
                "/graphql",
                Deadline(graphql, settings.request_deadline),
            ),
            Route("/health", health, methods=["GET"]),
            Route("/kaart", kaart, methods=["GET"]),
            Route("/controle/{bestand}", controle, methods=["GET"]),
            Route("/rapporten/toezicht/{bestand}", toezichtrapport, methods=["GET"]),
            Route("/besturen/{code}", besturen, methods=["GET"]),
            Route("/wijzigingen.jsonl", wijzigingen, methods=["GET"]),
            Route("/export/{bestand}", export, methods=["GET"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[
            Middleware(RequestSize),  # first: no layer reads a body larger than allowed
            # before the response cache, so a kept answer is counted and never keeps the fields
            *(
                [
                    Middleware(
                        RateLimited,
                        limit=rate_limit,
                        storage=settings.rate_limit_storage,
                        cors_origins=settings.cors_origins,
                    )
                ]
                if rate_limit is not None
                else []
            ),
            *(
                [Middleware(AnonymousAnswers, cache=cache, version=current)]
                if cache is not None
                else []
            ),
            Middleware(
                ReadCors,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "If-None-Match"],
                expose_headers=[
                    "ETag",
                    "Repr-Digest",
                    "Content-Disposition",
                    "RateLimit",
                    "RateLimit-Policy",
                    "Retry-After",
                ],
                max_age=86400,
            ),
        ],
        exception_handlers={HTTPException: http_refusal},
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.userdata = userdata
    app.state.compiler = compiler
    app.state.gebieden = gebieden
    app.state.response_cache = cache
    return app


async def _health(engine: AsyncEngine) -> JSONResponse:
    try:
        revision = await current_revision(engine)
    except Exception:
        return JSONResponse(
            {"status": "database unavailable"},
            status_code=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    if revision != head_revision():
        return JSONResponse(
            {"status": "schema out of date", "revision": revision, "expected": head_revision()},
            status_code=503,
        )
    return JSONResponse({"status": "ok", "revision": revision})
