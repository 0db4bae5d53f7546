"""The GraphQL endpoint: strawberry over Starlette, with one database connection and fresh
loaders per request and trusted documents (a request may name a known document by its hash
instead of sending it). Answers are JSON in UTF-8 without spaces."""

from __future__ import annotations

import dataclasses
import json
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
from onderwijsgraaf.auth import ANONYMOUS
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.documents import DocumentError, TrustedDocuments
from onderwijsgraaf.encoding import encode_json
from onderwijsgraaf.graphiql import graphiql_page
from schema.context import Context


class GraphQLApp(GraphQL[Context, None]):
    """The GraphQL endpoint; every request gets fresh loaders. A request may name a trusted
    document by its hash instead of sending the query."""

    def __init__(
        self,
        schema: strawberry.Schema,
        engine: AsyncEngine,
        documents: TrustedDocuments,
    ) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.engine = engine
        self.documents = documents

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        response: Response
        request = Request(scope, receive)
        async with Reads(self.engine) as reads:
            request.state.reads = reads
            try:
                response = await self.run(request)
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
                self._resolved(request.method, item, part)
                for item, part in zip(parsed, raw, strict=True)
            ]
        return self._resolved(request.method, parsed, raw)

    def _resolved(self, method: str, data: GraphQLRequestData, raw: Any) -> GraphQLRequestData:
        document_id = raw.get("documentId") if isinstance(raw, dict) else None
        query = self.documents.resolve(method, data.query, document_id, data.extensions)
        return dataclasses.replace(data, query=query)

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(graphiql_page())

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        state = request.scope.get("state", {})
        viewer = state.get("viewer", ANONYMOUS)
        reads = state["reads"]
        return Context(reads=reads, loaders=Loaders(reads, viewer), viewer=viewer)
