"""Trusted documents: GraphQL operations the server knows by their SHA-256 hash.

An embedding site sends ``documentId=sha256:<hex>`` (or Apollo's
``extensions.persistedQuery.sha256Hash``) instead of the query text, which keeps GET URLs short
and cacheable. A document becomes known when it is registered with
``python -m onderwijsgraaf documents add FILE`` or sent once with its hash in a POST (when
``TRUSTED_DOCUMENTS_FROM_POST`` allows it). Only documents that are valid against the schema are
kept; each is a file ``<hex>.graphql`` in the documents folder, written atomically.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from cross_web import HTTPException
from graphql import GraphQLSchema, GraphQLSyntaxError, parse, validate

HASH = re.compile(r"^[0-9a-f]{64}$")
MAX_DOCUMENT = 100_000


class DocumentError(HTTPException):
    """A request naming a document the server cannot use; answered as a GraphQL error."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(status_code, message)
        self.code = code


def sha256_of(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


class TrustedDocuments:
    def __init__(self, directory: Path, schema: GraphQLSchema, from_post: bool) -> None:
        self.directory = directory
        self.schema = schema
        self.from_post = from_post

    def problems(self, document: str) -> list[str]:
        """Why ``document`` cannot be a trusted document; empty when it can."""
        if len(document) > MAX_DOCUMENT:
            return [f"the document is longer than {MAX_DOCUMENT} characters"]
        try:
            parsed = parse(document)
        except GraphQLSyntaxError as error:
            return [error.message]
        return [error.message for error in validate(self.schema, parsed)]

    def _path(self, sha256: str) -> Path:
        return self.directory / f"{sha256}.graphql"

    def get(self, sha256: str) -> str | None:
        path = self._path(sha256)
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def add(self, document: str) -> str:
        sha256 = sha256_of(document)
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(document)
        os.replace(temporary, self._path(sha256))
        return sha256

    def resolve(
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
            known = self.get(sha256)
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
        registering = method == "POST" and self.from_post and not self._path(sha256).is_file()
        if registering and not self.problems(query):
            self.add(query)
        return query


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
