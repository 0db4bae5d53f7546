"""The GraphQL endpoint: one database connection per request; trusted documents (a request may
name a known document by its hash instead of sending it); answers in UTF-8 JSON without spaces;
the response cache in front of both ways of answering.

A single query operation the compiler covers (GET, or POST with a JSON body) is answered by its
compiled plan: one statement per root field. Everything else (GraphiQL, batches, operations or
arguments the compiler does not cover, errors) goes to strawberry, field by field with fresh
loaders; a plan that fails at run time does too, so the caller gets the resolvers' answer.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.http.base import BaseRequestProtocol

from loaders import Loaders
from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.compiler.operations import Compiler
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.documents import DocumentError, TrustedDocuments
from onderwijsgraaf.encoding import encode_json
from onderwijsgraaf.errors import OnderwijsgraafError
from onderwijsgraaf.graphiql import graphiql_page
from onderwijsgraaf.peildatum import vandaag
from onderwijsgraaf.response_cache import Answer, ResponseCache
from schema.audit import write_audit
from schema.context import Context

log = logging.getLogger("onderwijsgraaf.compiler")
# query, operationName, variables, documentId, extensions
Operation = tuple[str | None, str | None, dict[str, Any] | None, Any, Any]


async def _operation(request: Request) -> Operation | None:
    """The one operation a GET or a JSON POST names; None for anything else (GraphiQL, batches,
    other content types, malformed bodies), which strawberry answers."""
    if request.method == "GET":
        params = request.query_params
        if "query" not in params and "documentId" not in params and "extensions" not in params:
            return None
        try:
            variables = json.loads(params["variables"]) if params.get("variables") else None
            extensions = json.loads(params["extensions"]) if params.get("extensions") else None
        except ValueError:
            return None
        raw: Any = {**params, "variables": variables, "extensions": extensions}
    elif request.method == "POST" and "application/json" in request.headers.get("content-type", ""):
        try:
            raw = json.loads(await request.body())
        except ValueError:
            return None
    else:
        return None
    if not isinstance(raw, dict):
        return None
    query, name, variables = raw.get("query"), raw.get("operationName"), raw.get("variables")
    if not (
        isinstance(query, str | None)
        and isinstance(name, str | None)
        and isinstance(variables, dict | None)
        and isinstance(raw.get("extensions"), dict | None)
    ):
        return None
    return query, name, variables, raw.get("documentId"), raw.get("extensions")


class GraphQLApp(GraphQL[Context, None]):
    """The GraphQL endpoint; every request gets fresh loaders. A request may name a trusted
    document by its hash instead of sending the query."""

    def __init__(
        self,
        schema: strawberry.Schema,
        engine: AsyncEngine,
        documents: TrustedDocuments,
        compiler: Compiler | None,
        cache: ResponseCache | None,
        version: Callable[[], Awaitable[str | None]],
    ) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.engine = engine
        self.documents = documents
        self.compiler = compiler
        self.cache = cache
        self.version = version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        response: Response
        request = Request(scope, receive)
        async with Reads(self.engine) as reads:
            request.state.reads = reads
            try:
                response = await self._answer(request, reads)
            except DocumentError as error:
                response = JSONResponse(
                    {"errors": [{"message": error.reason, "extensions": {"code": error.code}}]},
                    status_code=error.status_code,
                )
            except HTTPException as error:
                response = PlainTextResponse(error.reason, status_code=error.status_code)
        await response(scope, receive, send)

    def encode_json(self, data: object) -> bytes:
        return encode_json(data)

    async def _answer(self, request: Request, reads: Reads) -> Response:
        """From the response cache, from the compiled plan, or field by field (in that order)."""
        operation = await _operation(request)
        viewer = request.scope.get("state", {}).get("viewer", ANONYMOUS)
        key = version = None
        # anonymous reads are kept at the door (response_cache.AnonymousAnswers)
        if operation is not None and self.cache is not None and not viewer.anonymous:
            version = await self.version()
            key = ResponseCache.key(operation, viewer, vandaag()) if version else None
        if key is not None and version is not None and self.cache is not None:
            hit = self.cache.get(key, version)
            if hit is not None:
                write_audit(viewer, hit.audit)
                return Response(hit.body, media_type="application/json")
        compiled = await self._compiled(request, reads, operation, viewer)
        response = compiled or await self.run(request)
        if key is not None and version is not None and self.cache is not None:
            context: Context | None = getattr(request.state, "context", None)
            if response.status_code == 200 and (compiled or _without_errors(response.body)):
                audit = tuple(context.audit) if context is not None else ()
                self.cache.put(key, version, Answer(bytes(response.body), audit))
        return response

    async def _compiled(
        self, request: Request, reads: Reads, operation: Operation | None, viewer: Viewer
    ) -> Response | None:
        """The answer of the request's compiled plan; None when it has none."""
        if self.compiler is None or operation is None:
            return None
        query, operation_name, variables, document_id, extensions = operation
        try:
            query = await self.documents.resolve(request.method, query, document_id, extensions)
        except DocumentError:
            return None
        if not isinstance(query, str):
            return None
        plan = self.compiler.plan(query, operation_name, variables, viewer, vandaag())
        if plan is None:
            return None
        try:
            body = await plan.run(reads)
        except OnderwijsgraafError:
            return None  # an argument only the request could check (a postcode): resolvers word it
        except Exception:
            log.exception("a compiled plan failed; resolving the operation field by field")
            return None
        return Response(body, media_type="application/json")

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        names_a_document = {"documentId", "extensions"} & set(request.query_params)
        return super().should_render_graphql_ide(request) and not names_a_document

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        parsed = await super().parse_http_body(request)
        if request.method == "GET":
            raw: Any = dict(request.query_params)
        else:
            raw = json.loads(await request.get_body())
        if isinstance(parsed, list):
            return [
                await self._resolved(request.method, item, part)
                for item, part in zip(parsed, raw, strict=True)
            ]
        return await self._resolved(request.method, parsed, raw)

    async def _resolved(
        self, method: str, data: GraphQLRequestData, raw: Any
    ) -> GraphQLRequestData:
        document_id = raw.get("documentId") if isinstance(raw, dict) else None
        query = await self.documents.resolve(method, data.query, document_id, data.extensions)
        return dataclasses.replace(data, query=query)

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(graphiql_page())

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        state = request.scope.get("state", {})
        viewer = state.get("viewer", ANONYMOUS)
        reads = state["reads"]
        context = Context(reads=reads, loaders=Loaders(reads, viewer), viewer=viewer)
        state["context"] = context  # its audit trail goes with the answer into the cache
        return context


def _without_errors(body: bytes | memoryview) -> bool:
    try:
        answer = json.loads(bytes(body))
    except ValueError:
        return False
    return isinstance(answer, dict) and "errors" not in answer
