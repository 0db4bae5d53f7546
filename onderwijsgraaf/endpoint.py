"""The GraphQL endpoint: one database connection per request; trusted documents (a request may
name a known document by its hash instead of sending it); answers in UTF-8 JSON without spaces;
the response cache in front of both ways of answering. An answer that reads or writes user data
(the objecten van toezicht, every mutation) is never kept: the endpoint marks it in the
request's scope (``caching.USER_DATA``), which every cache in front of it respects, and sends it
with ``Cache-Control: no-store``.

A single query operation the compiler covers is answered by its compiled plan: one statement
per root field. Everything else (operations or arguments the compiler does not cover, errors)
goes to strawberry, field by field with fresh loaders; a plan that fails at run time does too,
so the caller gets the resolvers' answer.

Requests and answers follow GraphQL over HTTP:

- **Requests**: a GET with ``query`` or ``documentId`` (``variables`` and ``extensions`` as JSON
  text, ``operationName``), or a POST of one JSON object (``Content-Type: application/json``,
  UTF-8) with ``query``, ``operationName``, ``variables``, ``extensions``, ``documentId``. A
  request that is not one of these (a body that is not UTF-8 or not JSON, not an object, an
  array (batches are not supported), a parameter of the wrong type, another content type) is
  refused before any statement runs: HTTP 400 (415 for the content type, 405 for a mutation
  over GET) with one error, code BAD_REQUEST, saying what is wrong.
- **Answers** come in the media type the ``Accept`` header prefers: ``application/json`` (also
  without Accept, for ``*/*`` and for an Accept that names neither) or
  ``application/graphql-response+json`` (when named with the highest quality). With
  ``application/json``, a document that cannot be parsed or validated or whose variables do not
  fit is answered with HTTP 200 and ``"data": null``; with ``application/graphql-response+json``
  with HTTP 400 and no ``data`` entry. Once execution starts, the answer is HTTP 200 in both.
- **A database that cannot be reached** (refused, gone, a connection lost) is HTTP 503 with
  ``Retry-After`` and one error, code SERVICE_UNAVAILABLE, on both ways of answering and for a
  trusted-document lookup alike; the next request tries the database again.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, cast

import strawberry
from cross_web import AsyncHTTPRequestAdapter, HTTPException, StarletteRequestAdapter
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.base import BaseRequestProtocol
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from loaders import Loaders
from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.caching import NO_STORE, USER_DATA
from onderwijsgraaf.compiler.operations import Compiler
from onderwijsgraaf.db.gebieden import GebiedenCache
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.userdata import UserData
from onderwijsgraaf.documents import DocumentError, TrustedDocuments
from onderwijsgraaf.encoding import encode_json
from onderwijsgraaf.errors import (
    RETRY_AFTER_SECONDS,
    BadRequest,
    OnderwijsgraafError,
    ServiceUnavailable,
    database_unavailable,
)
from onderwijsgraaf.graphiql import graphiql_page
from onderwijsgraaf.peildatum import vandaag
from onderwijsgraaf.response_cache import Answer, ResponseCache
from schema.audit import write_audit
from schema.context import Context

log = logging.getLogger("onderwijsgraaf.compiler")
# query, operationName, variables, documentId, extensions
Operation = tuple[str | None, str | None, dict[str, Any] | None, Any, Any]

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
# the Content-Type of an answer in each media type
CONTENT_TYPE = {JSON: JSON, GRAPHQL_RESPONSE: f"{GRAPHQL_RESPONSE}; charset=utf-8"}


def negotiated(accept: str | None) -> str:
    """The media type to answer in, by the ``Accept`` header: the supported type with the
    highest quality; at equal quality a type named outright before one reached through a
    wildcard, then the one named first, then application/json. An Accept that allows neither
    (or none at all) gets application/json."""
    ranked: dict[str, tuple[float, int, int]] = {}  # type → (quality, specificity, -position)
    for position, part in enumerate((accept or "").split(",")):
        media, *parameters = (p.strip() for p in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
                if not 0 <= quality <= 1:  # (nan too)
                    quality = 0.0
        for supported in (GRAPHQL_RESPONSE, JSON):
            specificity = _specificity(media.lower(), supported)
            # the most specific range that matches a type gives its quality
            if specificity >= 0 and specificity > ranked.get(supported, (0.0, -1, 0))[1]:
                ranked[supported] = (quality, specificity, -position)
    if not ranked:
        return JSON
    best = max(ranked, key=lambda t: (ranked[t], t == JSON))
    return best if ranked[best][0] > 0 else JSON


def _specificity(media_range: str, media_type: str) -> int:
    """2: the range names the type; 1: type/*; 0: */*; -1: it does not match."""
    if media_range == media_type:
        return 2
    if media_range == media_type.split("/")[0] + "/*":
        return 1
    return 0 if media_range == "*/*" else -1


def json_content_type(content_type: str | None) -> bool:
    """Whether a request body of ``content_type`` is JSON the endpoint reads (UTF-8)."""
    media, *parameters = (p.strip().lower() for p in (content_type or "").split(";"))
    charsets = [p.partition("=")[2].strip('" ') for p in parameters if p.startswith("charset=")]
    return media == JSON and all(c in ("utf-8", "utf8") for c in charsets)


def error_response(
    status_code: int,
    code: str,
    message: str,
    media: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """One GraphQL error, without ``data``: the request was refused before execution."""
    body = encode_json({"errors": [{"message": message, "extensions": {"code": code}}]})
    return Response(body, status_code, headers, media_type=CONTENT_TYPE[media])


def unavailable_response(media: str) -> Response:
    """HTTP 503: the database cannot be reached now."""
    error = ServiceUnavailable()
    return error_response(
        503, error.code, error.message, media, {"Retry-After": str(RETRY_AFTER_SECONDS)}
    )


@dataclasses.dataclass(frozen=True)
class GraphQLRequest:
    """The parameters of a GraphQL-over-HTTP request, checked for their types."""

    query: str | None
    operation_name: str | None
    variables: dict[str, Any] | None
    extensions: dict[str, Any] | None
    document_id: Any

    @property
    def operation(self) -> Operation:
        return self.query, self.operation_name, self.variables, self.document_id, self.extensions


async def read_request(request: Request) -> GraphQLRequest:
    """The GraphQL request a GET or POST carries; ``BadRequest`` saying what is wrong when it
    carries none."""
    raw: dict[str, Any]
    if request.method not in ("GET", "POST"):
        raise BadRequest(f"a GraphQL request is a GET or a POST, not a {request.method}", 405)
    if request.method == "GET":
        params = request.query_params
        raw = {
            "query": params.get("query"),
            "operationName": params.get("operationName"),
            "variables": _json_parameter(params.get("variables"), "variables"),
            "extensions": _json_parameter(params.get("extensions"), "extensions"),
            "documentId": params.get("documentId"),
        }
    else:
        raw = await _json_body(request)
    for name, (kind, words) in PARAMETERS.items():
        value = raw.get(name)
        if value is not None and not isinstance(value, kind):
            raise BadRequest(f'"{name}" must be {words} or null; got {_kind(value)}')
    return GraphQLRequest(
        query=raw.get("query"),
        # an empty operationName is no operationName
        operation_name=raw.get("operationName") or None,
        variables=raw.get("variables"),
        extensions=raw.get("extensions"),
        document_id=raw.get("documentId"),
    )


PARAMETERS: dict[str, tuple[type, str]] = {
    "query": (str, "a string"),
    "operationName": (str, "a string"),
    "variables": (dict, "an object"),
    "extensions": (dict, "an object"),
}


def _json_parameter(text: str | None, name: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except RecursionError:
        raise BadRequest(f"the {name} parameter is JSON nested too deeply") from None
    except ValueError as error:
        raise BadRequest(f"the {name} parameter is not valid JSON: {error}") from None


async def _json_body(request: Request) -> dict[str, Any]:
    content_type = request.headers.get("content-type")
    if not json_content_type(content_type):
        raise BadRequest(
            "a POST body must be JSON in UTF-8, with Content-Type: application/json; got "
            + (f"Content-Type: {content_type}" if content_type else "no Content-Type"),
            415,
        )
    body = await request.body()
    if not body.strip():
        raise BadRequest('the request body is empty; send a JSON object with "query"')
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(
            f"the request body is not UTF-8: byte 0x{body[error.start]:02x} at position "
            f"{error.start} cannot be decoded"
        ) from None
    try:
        raw = json.loads(text)
    except RecursionError:
        raise BadRequest("the request body is JSON nested too deeply") from None
    except ValueError as error:
        raise BadRequest(f"the request body is not valid JSON: {error}") from None
    if isinstance(raw, list):
        raise BadRequest(
            "batches are not supported: send one operation per request, as a JSON object"
        )
    if not isinstance(raw, dict):
        raise BadRequest(f'the request body must be a JSON object with "query"; got {_kind(raw)}')
    return raw


def _kind(value: object) -> str:
    """How a JSON value is called in a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


class _Adapter(StarletteRequestAdapter):
    """Strawberry's view of a request, keeping the request (and what was read from it)."""

    def __init__(self, request: Request) -> None:
        super().__init__(request)
        self.request = request


class GraphQLApp(GraphQL[Context, None]):
    """The GraphQL endpoint; every request gets fresh loaders. A request may name a trusted
    document by its hash instead of sending the query."""

    request_adapter_class = _Adapter

    def __init__(
        self,
        schema: strawberry.Schema,
        engine: AsyncEngine,
        documents: TrustedDocuments,
        compiler: Compiler | None,
        cache: ResponseCache | None,
        version: Callable[[], Awaitable[str | None]],
        gebieden: GebiedenCache,
        userdata: UserData | None = None,
        toezicht_openbaar: bool = False,
    ) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.userdata = userdata
        self.toezicht_openbaar = toezicht_openbaar
        self.gebieden = gebieden
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
        media = negotiated(request.headers.get("accept"))
        request.state.media = media
        async with Reads(self.engine) as reads:
            request.state.reads = reads
            try:
                response = await self._answer(request, reads, media)
            except BadRequest as error:
                allow = {"Allow": "GET, POST"} if error.status_code == 405 else None
                response = error_response(
                    error.status_code, error.code, error.message, media, allow
                )
            except DocumentError as error:
                retry = (
                    {"Retry-After": str(RETRY_AFTER_SECONDS)} if error.status_code == 503 else None
                )
                response = error_response(
                    _status(error, media), error.code, error.reason, media, retry
                )
            except HTTPException as error:
                response = _refused(error, media)
            except Exception as error:
                if not database_unavailable(error):
                    raise
                if not isinstance(error, ServiceUnavailable):  # (that one is logged already)
                    log.warning("the database is unavailable: %r", error)
                response = unavailable_response(media)
        response.headers.add_vary_header("Accept")
        await response(scope, receive, send)

    def encode_json(self, data: object) -> bytes:
        return encode_json(data)

    async def _answer(self, request: Request, reads: Reads, media: str) -> Response:
        """From the response cache, from the compiled plan, or field by field (in that order)."""
        if self.should_render_graphql_ide(_Adapter(request)):
            return await self.render_graphql_ide(request)
        graphql_request = await read_request(request)
        request.state.graphql_request = graphql_request
        operation = graphql_request.operation
        viewer = request.scope.get("state", {}).get("viewer", ANONYMOUS)
        key = version = None
        # anonymous reads are kept at the door (response_cache.AnonymousAnswers)
        if self.cache is not None and not viewer.anonymous:
            version = await self.version()
            key = ResponseCache.key(operation, viewer, vandaag()) if version else None
        if key is not None and version is not None and self.cache is not None:
            hit = self.cache.get(key, version)
            if hit is not None:
                write_audit(viewer, hit.audit)
                return Response(hit.body, media_type=CONTENT_TYPE[media])
        compiled = await self._compiled(request, reads, operation, viewer, media)
        response = compiled or await self._resolved(request, media)
        context: Context | None = _state_of(request, "context")
        if context is not None and context.uncacheable:
            # it reads or writes user data: no cache may keep it, or it would miss the next change
            request.scope.setdefault("state", {})[USER_DATA] = True
            response.headers["Cache-Control"] = NO_STORE
            return response
        complete = response.status_code == 200 and (compiled or _without_errors(response.body))
        if key is not None and version is not None and self.cache is not None and complete:
            audit = tuple(context.audit) if context is not None else ()
            self.cache.put(key, version, Answer(bytes(response.body), audit))
        return response

    async def _compiled(
        self,
        request: Request,
        reads: Reads,
        operation: Operation,
        viewer: Viewer,
        media: str,
    ) -> Response | None:
        """The answer of the request's compiled plan; None when it has none."""
        if self.compiler is None:
            return None
        query, operation_name, variables, document_id, extensions = operation
        # a DocumentError (an unknown or mismatched hash) is the answer whichever way
        query = await self.documents.resolve(request.method, query, document_id, extensions)
        if not isinstance(query, str):
            return None
        plan = await self.compiler.plan_aside(query, operation_name, variables, viewer, vandaag())
        if plan is None:
            return None
        try:
            body = await plan.run(reads)
        except OnderwijsgraafError:
            return None  # an argument only the request could check (a postcode): resolvers word it
        except Exception as error:
            if database_unavailable(error):
                log.warning("the database is unavailable: %r", error)
                raise ServiceUnavailable() from error
            log.exception("a compiled plan failed; resolving the operation field by field")
            return None
        return Response(body, media_type=CONTENT_TYPE[media])

    async def _resolved(self, request: Request, media: str) -> Response:
        """The answer field by field, in ``media``."""
        response = await self.run(request)
        if media == GRAPHQL_RESPONSE:
            response.headers["content-type"] = CONTENT_TYPE[media]
            if _state_of(request, "request_error"):
                response.status_code = 400
        return response

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        answer = await super().process_result(request, result)
        errors = result.errors or []
        if any((e.extensions or {}).get("code") == ServiceUnavailable.code for e in errors):
            raise ServiceUnavailable()  # (logged by schema.errors)
        if result.data is None and errors and all(e.path is None for e in errors):
            # a request error: the document was not parsed or validated, or its variables did
            # not fit, so nothing was executed
            request.state.request_error = True
            if request.state.media == GRAPHQL_RESPONSE:
                answer.pop("data", None)
        return answer

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        names_a_document = {"documentId", "extensions"} & set(request.query_params)
        return super().should_render_graphql_ide(request) and not names_a_document

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData:
        read = cast(GraphQLRequest, cast(_Adapter, request).request.state.graphql_request)
        query = await self.documents.resolve(
            request.method, read.query, read.document_id, read.extensions
        )
        if query is None:
            raise BadRequest('the request has no "query" and names no trusted document')
        return GraphQLRequestData(
            query=query,
            variables=read.variables,
            operation_name=read.operation_name,
            extensions=read.extensions,
        )

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(graphiql_page())

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        state = request.scope.get("state", {})
        viewer = state.get("viewer", ANONYMOUS)
        reads = state["reads"]
        context = Context(
            reads=reads,
            loaders=Loaders(reads, viewer),
            gebieden=self.gebieden,
            viewer=viewer,
            userdata=self.userdata,
            toezicht_openbaar=self.toezicht_openbaar,
        )
        state["context"] = context  # its audit trail goes with the answer into the cache
        return context


def _status(error: DocumentError, media: str) -> int:
    """The HTTP status of a trusted-document error: as it is in application/json; a refusal
    before execution is never 2xx in application/graphql-response+json (an unknown document:
    404)."""
    if media == JSON or error.status_code >= 400:
        return error.status_code
    return 404 if error.code == "PERSISTED_QUERY_NOT_FOUND" else 400


def _refused(error: HTTPException, media: str) -> Response:
    """A request strawberry refuses (an operation it cannot pick or may not run over GET)."""
    if isinstance(error.__cause__, InvalidOperationTypeError):
        # GraphQL over HTTP: a mutation over GET is 405 Method Not Allowed
        return error_response(405, BadRequest.code, error.reason, media, {"Allow": "POST"})
    return error_response(error.status_code, BadRequest.code, error.reason, media)


def _without_errors(body: bytes | memoryview) -> bool:
    try:
        answer = json.loads(bytes(body))
    except ValueError:
        return False
    return isinstance(answer, dict) and "errors" not in answer


def _state_of(request: Request, name: str) -> Any:
    """``request.state.<name>``, or None when not set (read from the scope: Starlette's ``State``
    answers a missing name with an AttributeError, which costs more than the rest of a lookup)."""
    return request.scope.get("state", {}).get(name)
