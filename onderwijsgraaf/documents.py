"""Trusted documents: GraphQL operations the server knows by their SHA-256 hash.

An embedding site sends ``documentId=sha256:<hex>`` (or Apollo's
``extensions.persistedQuery.sha256Hash``) instead of the query text, which keeps GET URLs short
and cacheable. A document becomes known when it is registered with
``python -m onderwijsgraaf documents add FILE`` or sent once with its hash in a POST (when
``TRUSTED_DOCUMENTS_FROM_POST`` allows it). Only documents that are valid against the schema are
kept, in the table ``trusted_document`` of the user data (``onderwijsgraaf.db.userdata``): in the
database, so every API process and every host knows the same documents, and apart from the
register, so a seed keeps them. Registering a document that is already known changes nothing.

A document never changes under its hash, so each process keeps the documents it found lately
(``FOUND_CHARACTERS`` of them in all, least recently used out first): a hot hash costs no
statement after its first use. A hash it does not know is looked up in the database every time,
as another process may have registered it since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from cross_web import HTTPException
from graphql import GraphQLSchema, GraphQLSyntaxError, parse, validate
from sqlalchemy import Insert, select
from sqlalchemy.dialects import postgresql, sqlite

from onderwijsgraaf.db.userdata import UserData, trusted_document

HASH = re.compile(r"^[0-9a-f]{64}$")
MAX_DOCUMENT = 100_000
# the characters of the documents a process keeps (40 of the longest, thousands of usual ones)
FOUND_CHARACTERS = 4_000_000


class DocumentError(HTTPException):
    """A request naming a document the server cannot use; answered as a GraphQL error."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(status_code, message)
        self.code = code


def sha256_of(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


class TrustedDocuments:
    def __init__(self, store: UserData, schema: GraphQLSchema, from_post: bool) -> None:
        self.store = store
        self.schema = schema
        self.from_post = from_post
        self._found = _Found(FOUND_CHARACTERS)

    def problems(self, document: str) -> list[str]:
        """Why ``document`` cannot be a trusted document; empty when it can."""
        if len(document) > MAX_DOCUMENT:
            return [f"the document is longer than {MAX_DOCUMENT} characters"]
        try:
            parsed = parse(document)
        except GraphQLSyntaxError as error:
            return [error.message]
        return [error.message for error in validate(self.schema, parsed)]

    async def get(self, sha256: str) -> str | None:
        """The document known by ``sha256``; None when no process registered it."""
        found = self._found.get(sha256)
        if found is not None:
            return found
        if not await self.store.exists():
            return None
        async with self.store.engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            document: str | None = await conn.scalar(
                select(trusted_document.c.document).where(trusted_document.c.sha256 == sha256)
            )
        if document is not None:
            self._found.put(sha256, document)
        return document

    async def add(self, document: str) -> str:
        """Register ``document`` (checked by the caller); returns its hash."""
        (sha256,) = await self.add_all([document])
        return sha256

    async def add_all(self, documents: Sequence[str]) -> list[str]:
        """Register ``documents`` (checked by the caller) in one transaction; returns their
        hashes. A document that is already known is left as it is."""
        rows = {sha256_of(document): document for document in documents}
        await self.store.create()
        added_at = dt.datetime.now(dt.UTC)
        async with self.store.engine.begin() as conn:
            await conn.execute(
                _insert_new(conn.dialect.name),
                [
                    {"sha256": sha256, "document": document, "added_at": added_at}
                    for sha256, document in rows.items()
                ],
            )
        for sha256, document in rows.items():
            self._found.put(sha256, document)
        return [sha256_of(document) for document in documents]

    async def resolve(
        self,
        method: str,
        query: str | None,
        document_id: Any,
        extensions: Any,
    ) -> str | None:
        """The query to run: the known document for a hash, or ``query`` itself."""
        sha256 = requested_hash(document_id, extensions)
        if sha256 is None:
            return query
        if query is None:
            known = await self.get(sha256)
            if known is None:
                raise DocumentError(
                    200,
                    "PERSISTED_QUERY_NOT_FOUND",
                    f"PersistedQueryNotFound: no document with sha256 {sha256} is known; send it "
                    "once with its query in a POST, or register it with `onderwijsgraaf documents add`",
                )
            return known
        if sha256_of(query) != sha256:
            raise DocumentError(
                400,
                "BAD_USER_INPUT",
                f"the sha256 {sha256} does not match the query sent with it "
                f"(its sha256 is {sha256_of(query)})",
            )
        registering = method == "POST" and self.from_post and self._found.get(sha256) is None
        if registering and not self.problems(query):
            await self.add(query)
        return query


def _insert_new(dialect: str) -> Insert:
    """INSERT into ``trusted_document`` that skips the rows whose hash is already there."""
    if dialect == "postgresql":
        return postgresql.insert(trusted_document).on_conflict_do_nothing(index_elements=["sha256"])
    return sqlite.insert(trusted_document).on_conflict_do_nothing(index_elements=["sha256"])


class _Found:
    """Documents by hash, least recently used first, up to ``limit`` characters in all."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.characters = 0
        self._documents: OrderedDict[str, str] = OrderedDict()

    def get(self, sha256: str) -> str | None:
        document = self._documents.get(sha256)
        if document is not None:
            self._documents.move_to_end(sha256)
        return document

    def put(self, sha256: str, document: str) -> None:
        if sha256 in self._documents:
            self._documents.move_to_end(sha256)
            return
        if len(document) > self.limit:
            return
        self._documents[sha256] = document
        self.characters += len(document)
        while self.characters > self.limit:
            _, oldest = self._documents.popitem(last=False)
            self.characters -= len(oldest)


def requested_hash(document_id: Any, extensions: Any) -> str | None:
    """The hash a request names: ``documentId`` (``sha256:<hex>``) or Apollo's
    ``extensions.persistedQuery.sha256Hash``; None when it names none."""
    value: Any = None
    where = ""
    if document_id is not None:
        value, where = document_id, "documentId"
        if isinstance(value, str):
            value = value.removeprefix("sha256:")
    elif isinstance(extensions, dict) and isinstance(extensions.get("persistedQuery"), dict):
        value = extensions["persistedQuery"].get("sha256Hash")
        where = "extensions.persistedQuery.sha256Hash"
    if value is None:
        return None
    if not isinstance(value, str) or not HASH.match(value):
        raise DocumentError(
            400, "BAD_USER_INPUT", f"{where}: {value!r} is not a sha256 hash (64 hex digits)"
        )
    return value
