"""Trusted documents: GraphQL operations the server knows by their SHA-256 hash.

An embedding site sends ``documentId=sha256:<hex>`` (or Apollo's
``extensions.persistedQuery.sha256Hash``) instead of the query text, which keeps GET URLs short
and cacheable. A document becomes known when it is registered with
``python -m onderwijsgraaf documents add FILE`` or, when ``TRUSTED_DOCUMENTS_FROM_POST`` is on
(it is off unless set), sent once with its hash in a POST. Only documents that are valid against
the schema are kept, in the table ``trusted_document`` of the user data
(``onderwijsgraaf.db.userdata``): in the database, so every API process and every host knows the
same documents, and apart from the register, so a seed keeps them. Registering a document that
is already known changes nothing (except that the CLI keeps for good one a POST registered).

What callers register is bounded: the documents registered by POST number at most
``TRUSTED_DOCUMENTS_POST_MAX`` and hold at most ``TRUSTED_DOCUMENTS_POST_MB`` of UTF-8 text. A
registration that would exceed either first removes the least recently used of them until the
new one fits (one larger than the whole quota is not kept; its query still runs). Documents added
by the CLI do not count and are never removed. Registrations are serialised between processes
(an advisory lock on PostgreSQL, an immediate transaction on SQLite), so the bound holds however
many register at once, and each is one transaction: a removal and the insert are kept together
or not at all.

The last use of a document registered by POST is written at most once an hour per process
(``TOUCH_EVERY``): ``used_at`` is at most that far behind the last use that reached this layer
(an answer the response cache or an HTTP cache gives again does not), and reads cost no write in
between. A write that fails there is logged and the read goes on.

When the database cannot take a registration (full, read-only, without the privilege,
unavailable), the request is answered with the GraphQL error ``SERVICE_UNAVAILABLE`` (HTTP 503)
naming the problem, and nothing is stored; the same goes for a lookup the database cannot
answer. The details go to the server log.

A document never changes under its hash, so each process keeps the documents it found lately
(``FOUND_CHARACTERS`` of them in all, least recently used out first): a hot hash costs no
statement after its first use. A hash it does not know is looked up in the database every time,
as another process may have registered it since.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from cross_web import HTTPException
from graphql import GraphQLSchema, GraphQLSyntaxError, parse, validate
from sqlalchemy import Insert, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection

from onderwijsgraaf.db.userdata import UserData, trusted_document

log = logging.getLogger("onderwijsgraaf.documents")

HASH = re.compile(r"^[0-9a-f]{64}$")
MAX_DOCUMENT = 100_000
# the characters of the documents a process keeps (40 of the longest, thousands of usual ones)
FOUND_CHARACTERS = 4_000_000
# the quota of the documents registered by POST (TRUSTED_DOCUMENTS_POST_MAX, _POST_MB)
POST_MAX = 1000
POST_BYTES = 10 * 1024 * 1024
# how far behind the last use of a document registered by POST may be written
TOUCH_EVERY = dt.timedelta(hours=1)
# the most hashes one statement removes
REMOVE_AT_ONCE = 500
# the errors a database (or the way to it) gives
STORE_ERRORS = (SQLAlchemyError, OSError)

document_column = trusted_document.c


class DocumentError(HTTPException):
    """A request naming a document the server cannot use; answered as a GraphQL error."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(status_code, message)
        self.code = code


def sha256_of(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


class TrustedDocuments:
    """The trusted documents in ``store``; ``from_post``: whether a POST with its hash registers
    a document, at most ``post_max`` of them and ``post_bytes`` in all (least recently used
    removed first)."""

    def __init__(
        self,
        store: UserData,
        schema: GraphQLSchema,
        from_post: bool,
        *,
        post_max: int = POST_MAX,
        post_bytes: int = POST_BYTES,
    ) -> None:
        self.store = store
        self.schema = schema
        self.from_post = from_post
        self.post_max = post_max
        self.post_bytes = post_bytes
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
        """The document known by ``sha256``; None when no process registered it. Raises
        ``DocumentError`` (SERVICE_UNAVAILABLE) when the database cannot say."""
        try:
            return await self._get(sha256)
        except STORE_ERRORS as error:
            raise _unavailable(
                f"the document sha256 {sha256} could not be looked up", error
            ) from error

    async def _get(self, sha256: str) -> str | None:
        found = self._found.get(sha256)
        if found is not None:
            await self._used(sha256, self._found.due(sha256))
            return found
        if not await self.store.exists():
            return None
        async with self.store.engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            row = (
                await conn.execute(
                    select(
                        document_column.document,
                        document_column.origin,
                        document_column.used_at,
                    ).where(document_column.sha256 == sha256)
                )
            ).first()
        if row is None:
            return None
        document, origin, used_at = row
        due = _utc(used_at) + TOUCH_EVERY if origin == "post" and used_at is not None else None
        self._found.put(sha256, document, due)
        await self._used(sha256, due)
        return str(document)

    async def add(self, document: str) -> str:
        """Register ``document`` (checked by the caller) as the CLI does; returns its hash."""
        (sha256,) = await self.add_all([document])
        return sha256

    async def add_all(self, documents: Sequence[str]) -> list[str]:
        """Register ``documents`` (checked by the caller) for good, in one transaction; returns
        their hashes. A document that is already known is left as it is, except that one a POST
        registered is now kept for good. Raises ``DocumentError`` (SERVICE_UNAVAILABLE) when
        the database does not take them; then none is registered."""
        rows = {sha256_of(document): document for document in documents}
        added_at = _now()
        try:
            await self.store.create()
            async with self.store.engine.begin() as conn:
                await conn.execute(
                    _insert_for_good(conn.dialect.name),
                    [_row(sha256, document, "cli", added_at) for sha256, document in rows.items()],
                )
        except STORE_ERRORS as error:
            raise _unavailable(
                "no document was registered, and nothing was stored", error
            ) from error
        for sha256, document in rows.items():
            self._found.put(sha256, document, None)
        return [sha256_of(document) for document in documents]

    async def register(self, document: str) -> bool:
        """Register ``document`` (checked by the caller) as sent by a POST, unless it is known,
        within the quota: first removing the least recently used documents registered by POST
        until it fits. False when it is larger than the whole quota (then nothing changes). Raises
        ``DocumentError`` (SERVICE_UNAVAILABLE) when the database does not take it; then nothing
        changes either."""
        sha256 = sha256_of(document)
        try:
            return await self._register(sha256, document)
        except STORE_ERRORS as error:
            raise _unavailable(
                f"the document sha256 {sha256} was not registered, and nothing was stored", error
            ) from error

    async def _register(self, sha256: str, document: str) -> bool:
        if await self._get(sha256) is not None:
            return True
        size = len(document.encode())
        if size > self.post_bytes or self.post_max < 1:
            log.info("a document of %d bytes is larger than the quota; not registered", size)
            return False
        now = _now()
        removed: list[str] = []
        await self.store.create()
        async with self.store.engine.begin() as conn:
            await self.store.serialise(conn, "register")
            known = await conn.scalar(
                select(document_column.origin).where(document_column.sha256 == sha256)
            )
            if known is None:
                removed = await _make_room(conn, size, self.post_max, self.post_bytes)
                await conn.execute(
                    _insert_new(conn.dialect.name),
                    _row(sha256, document, "post", now),
                )
        for gone in removed:
            self._found.drop(gone)
        if removed:
            log.info("removed %d documents registered by POST to make room", len(removed))
        if known is None:  # (else another process has just registered it: found when next used)
            self._found.put(sha256, document, now + TOUCH_EVERY)
        return True

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
                    f"PersistedQueryNotFound: no document with sha256 {sha256} is known; send its "
                    "query instead, or have it registered with `onderwijsgraaf documents add`",
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
            await self.register(query)
        return query

    async def _used(self, sha256: str, due: dt.datetime | None) -> None:
        """Note that the document ``sha256`` was used: write ``used_at`` when ``due`` (a
        document registered by POST whose last use was written ``TOUCH_EVERY`` ago)."""
        now = _now()
        if due is None or now < due:
            return
        self._found.set_due(sha256, now + TOUCH_EVERY)  # once, whether it works or not
        try:
            async with self.store.engine.begin() as conn:
                await conn.execute(
                    update(trusted_document)
                    .where(
                        document_column.sha256 == sha256,
                        document_column.origin == "post",
                        document_column.used_at <= now - TOUCH_EVERY,  # not just by another
                    )
                    .values(used_at=now)
                )
        except STORE_ERRORS as error:
            log.warning("the last use of document %s was not written: %s", sha256, error)


async def _make_room(conn: AsyncConnection, size: int, most: int, most_bytes: int) -> list[str]:
    """Remove the least recently used documents registered by POST until one more of ``size``
    bytes stays within ``most`` documents and ``most_bytes`` bytes; the hashes removed."""
    posted = document_column.origin == "post"
    count, total = (
        await conn.execute(
            select(func.count(), func.coalesce(func.sum(document_column.bytes), 0)).where(posted)
        )
    ).one()
    if count + 1 <= most and total + size <= most_bytes:
        return []
    oldest = await conn.execute(
        select(document_column.sha256, document_column.bytes)
        .where(posted)
        .order_by(document_column.used_at, document_column.added_at, document_column.sha256)
    )
    removed = []
    for sha256, size_of in oldest:
        removed.append(sha256)
        count, total = count - 1, total - size_of
        if count + 1 <= most and total + size <= most_bytes:
            break
    for at in range(0, len(removed), REMOVE_AT_ONCE):
        await conn.execute(
            delete(trusted_document).where(
                posted, document_column.sha256.in_(removed[at : at + REMOVE_AT_ONCE])
            )
        )
    return removed


def _insert_new(dialect: str) -> Insert:
    """INSERT into ``trusted_document`` that skips the rows whose hash is already there."""
    if dialect == "postgresql":
        return postgresql.insert(trusted_document).on_conflict_do_nothing(index_elements=["sha256"])
    return sqlite.insert(trusted_document).on_conflict_do_nothing(index_elements=["sha256"])


def _insert_for_good(dialect: str) -> Insert:
    """INSERT into ``trusted_document`` that makes a row already there, registered by POST, one
    of the CLI's (kept for good); other rows already there stay as they are."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(trusted_document)
    return statement.on_conflict_do_update(
        index_elements=["sha256"],
        set_={"origin": "cli", "used_at": None},
        where=document_column.origin == "post",
    )


def store_problem(error: BaseException) -> str:
    """What went wrong with the database, in words a caller can act on."""
    cause: Any = getattr(error, "orig", None) or error
    name = str(getattr(cause, "sqlite_errorname", "") or "")
    state = str(getattr(cause, "sqlstate", "") or "")
    number = getattr(cause, "errno", None)
    if name == "SQLITE_FULL" or state == "53100" or number in (errno.ENOSPC, errno.EDQUOT):
        return "the database is full (no space left on its disk)"
    if name.startswith("SQLITE_READONLY") or state == "25006" or number == errno.EROFS:
        return "the database is read-only"
    if (
        state == "42501"
        or name in ("SQLITE_PERM", "SQLITE_AUTH")
        or number
        in (
            errno.EACCES,
            errno.EPERM,
        )
    ):
        return "the database does not permit the write (permission denied)"
    return "the database is unavailable"


def _unavailable(what: str, error: BaseException) -> DocumentError:
    problem = store_problem(error)
    log.warning("trusted documents: %s: %s", what, problem, exc_info=error)
    return DocumentError(503, "SERVICE_UNAVAILABLE", f"{what}: {problem}")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC (SQLite gives it back without its zone)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


class _Found:
    """Documents by hash, least recently used first, up to ``limit`` characters in all; with
    each, when its last use is next to be written (None: never)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.characters = 0
        self._documents: OrderedDict[str, tuple[str, dt.datetime | None]] = OrderedDict()

    def get(self, sha256: str) -> str | None:
        entry = self._documents.get(sha256)
        if entry is None:
            return None
        self._documents.move_to_end(sha256)
        return entry[0]

    def due(self, sha256: str) -> dt.datetime | None:
        entry = self._documents.get(sha256)
        return None if entry is None else entry[1]

    def set_due(self, sha256: str, due: dt.datetime | None) -> None:
        entry = self._documents.get(sha256)
        if entry is not None:
            self._documents[sha256] = (entry[0], due)

    def put(self, sha256: str, document: str, due: dt.datetime | None = None) -> None:
        if sha256 in self._documents:
            self._documents.move_to_end(sha256)
            self.set_due(sha256, due)
            return
        if len(document) > self.limit:
            return
        self._documents[sha256] = (document, due)
        self.characters += len(document)
        while self.characters > self.limit:
            _, (oldest, _due) = self._documents.popitem(last=False)
            self.characters -= len(oldest)

    def drop(self, sha256: str) -> None:
        entry = self._documents.pop(sha256, None)
        if entry is not None:
            self.characters -= len(entry[0])


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


def _row(sha256: str, document: str, origin: str, added_at: dt.datetime) -> dict[str, Any]:
    """The stored row of a document; one a POST registered counts as used when it is added
    (its last use is what the quota removes by), one the CLI added is never removed."""
    return {
        "sha256": sha256,
        "document": document,
        "added_at": added_at,
        "origin": origin,
        "bytes": len(document.encode()),
        "used_at": added_at if origin == "post" else None,
    }
