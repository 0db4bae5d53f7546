"""Bulk export: ``GET /export/<lijst>.<csv|jsonl|geojson|parquet>?<filter>&peildatum=JJJJ-MM-DD``,
every object of a root list that meets the filter on the peildatum (default today), as one file;
and the same file from the command line (``python -m onderwijsgraaf export``).

``<lijst>`` is a root list field of the API (``resolvers.export.LIJSTEN``: onderwijsbesturen,
onderwijsaanbieders, onderwijslocaties, aangebodenOpleidingen, opleidingseenheden,
onderwijsaanbiedersgroepen, samenwerkingsverbanden, onderwijsbegeleidingsaanbieders, gemeenten,
provincies). The filter is the list's GraphQL filter input, checked by the schema itself
(``validate_input_value``) and applied by the same conditions as the API: either as
``filter=<JSON>`` (the GraphQL variable, e.g. ``{"sector":["PO"]}``) or one URL parameter per
field (``sector=PO,SO`` — a list field takes comma-separated values, ``nabij``/``bbox`` take
JSON); ``nabij`` is refused (its rows are ordered by distance; ``bbox`` selects an area).
Gemeenten and provincies have no validity: their rows are the same on every peildatum. Rows are
in code order, one per object, public columns only (no contactpunten, so a token changes
nothing; an unacceptable token is still 401 as at /graphql).

Formats: ``csv`` (UTF-8, RFC 4180, ``\\r\\n``, header row; empty for a missing value), ``jsonl``
(one JSON object per line, ``null`` for a missing value), ``geojson`` (an RFC 7946
FeatureCollection; only lists with a point: onderwijslocaties and aangebodenOpleidingen; the point
is the geometry, every other column a property, ``geometry: null`` without coordinates),
``parquet`` (typed columns: text as string, int64, float64, date32; one row group per batch).

A file is written once per (lijst, format, filter, peildatum, data version) into ``EXPORT_DIR``
(one folder per data version; a new version removes the folders of older ones; beyond
``EXPORT_DIR_MB`` the files used longest ago are removed), reading the
database through one server-side cursor in batches and writing each batch as it comes, so memory
does not grow with the list; its SHA-256 is computed from the written file, and then it is
served from disk. So the answer carries, before its body: ``Repr-Digest: sha-256=:<base64>:``
(RFC 9530), a strong ``ETag`` (the SHA-256 in hex; ``If-None-Match`` → 304), ``Content-Length``
and ``Content-Disposition: attachment; filename="<lijst>-<versie>-<peildatum>.<format>"``
(``versie``: the first 12 characters of ``meta { versie }``).

Bad input: 400 with a JSON ``BAD_USER_INPUT`` error naming the part (``lijst``, ``format``,
``filter.<field>``, ``peildatum``, an unknown parameter, a file name of another shape); 401
for a token that is not acceptable; 503 (``Retry-After``) while the database cannot be reached.
"""

from __future__ import annotations

import asyncio
import base64
import csv
import datetime as dt
import enum
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from graphql import GraphQLError, GraphQLInputObjectType, GraphQLInputType, GraphQLList
from graphql import get_nullable_type as nullable
from graphql.utilities import coerce_input_value, validate_input_value
from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from strawberry.types.arguments import convert_argument

from onderwijsgraaf.auth import Verifier
from onderwijsgraaf.caching import entity_tags
from onderwijsgraaf.db.gebieden import GebiedenCache
from onderwijsgraaf.errors import (
    BadUserInput,
    ServiceUnavailable,
    Unauthenticated,
    database_unavailable,
)
from onderwijsgraaf.peildatum import uit_url, vandaag
from onderwijsgraaf.refusal import error_response
from resolvers.export import LIJSTEN, Lijst, aantal, batches
from schema import filters
from schema.limits import MAX_LIST, check_string
from schema.query import build_schema
from schema.types.gebied import GemeenteFilter, ProvincieFilter
from schema.types.groep import OnderwijsaanbiedersgroepFilter
from schema.types.samenwerkingsverband import SamenwerkingsverbandFilter

SOORTEN = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
BESTAND = re.compile(r"(?P<lijst>[A-Za-z]+)\.(?P<soort>[a-z]+)")
# the GraphQL filter input of each list (None: the list takes no filter)
FILTERS: dict[str, type | None] = {
    "onderwijsbesturen": filters.OnderwijsbestuurFilter,
    "onderwijsaanbieders": filters.OnderwijsaanbiederFilter,
    "onderwijslocaties": filters.OnderwijslocatieFilter,
    "aangebodenOpleidingen": filters.AangebodenOpleidingFilter,
    "opleidingseenheden": filters.OpleidingseenheidFilter,
    "onderwijsaanbiedersgroepen": OnderwijsaanbiedersgroepFilter,
    "samenwerkingsverbanden": SamenwerkingsverbandFilter,
    "onderwijsbegeleidingsaanbieders": None,
    "gemeenten": GemeenteFilter,
    "provincies": ProvincieFilter,
}
CHUNK = 1 << 16


@dataclass(frozen=True)
class Verzoek:
    """One export asked for: the list, the format, the list's filter (as its resolver takes it)
    with its canonical JSON (the filter as given, checked, in key order), and the peildatum."""

    lijst: Lijst
    soort: str
    filter: Any
    filter_json: str
    peildatum: dt.date


def lijst_en_soort(lijst: str, soort: str) -> tuple[Lijst, str]:
    """The list and format an export names; BadUserInput naming what is not one."""
    found = LIJSTEN.get(lijst)
    if found is None:
        raise BadUserInput(f"lijst: {lijst!r} is not a root list; use one of {', '.join(LIJSTEN)}")
    if soort not in SOORTEN:
        raise BadUserInput(f"format: {soort!r} is not available; use one of {', '.join(SOORTEN)}")
    if soort == "geojson" and found.punt is None:
        with_point = ", ".join(n for n, lijst in LIJSTEN.items() if lijst.punt is not None)
        raise BadUserInput(
            f"format: {lijst} has no point for GeoJSON; geojson is available for {with_point}"
        )
    return found, soort


def _input_type(lijst: str) -> GraphQLInputObjectType | None:
    cls = FILTERS[lijst]
    if cls is None:
        return None
    graphql_type = build_schema()._schema.type_map[cls.__strawberry_definition__.name]  # type: ignore[attr-defined]
    if not isinstance(graphql_type, GraphQLInputObjectType):
        raise TypeError(f"{cls.__name__} is not a GraphQL input type")
    return graphql_type


def _field_value(name: str, text: str, type_: GraphQLInputType) -> Any:
    """One URL parameter as the value of filter field ``name``: a list field's values are
    comma-separated, an input object is JSON, anything else the text itself."""
    inner = nullable(type_)
    if isinstance(inner, GraphQLList):
        return [v.strip() for v in text.split(",") if v.strip()]
    if isinstance(inner, GraphQLInputObjectType):
        return _json(text, name)
    return text


def _json(text: str, name: str) -> Any:
    try:
        value = json.loads(text)
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BadUserInput(f"{name}: not valid Unicode (a lone surrogate)") from None
    except ValueError as error:
        raise BadUserInput(f"{name}: not JSON ({error})") from None
    return value


def _within_limits(value: Any, path: str) -> None:
    """The API's limits on input values: strings, lists and the words of ``zoek``."""
    if isinstance(value, str):
        check_string(path, path.rpartition(".")[2], value)
    elif isinstance(value, list):
        if len(value) > MAX_LIST:
            raise BadUserInput(f"{path}: more than {MAX_LIST} values")
        for i, item in enumerate(value):
            _within_limits(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            _within_limits(item, f"{path}.{key}")


def filter_value(lijst: str, params: Mapping[str, str]) -> dict[str, Any]:
    """The filter an export's parameters give (``filter`` JSON and/or one parameter per field),
    checked against the list's GraphQL filter input; BadUserInput naming what is wrong."""
    input_type = _input_type(lijst)
    fields = input_type.fields if input_type is not None else {}
    value: dict[str, Any] = {}
    if "filter" in params:
        given = _json(params["filter"], "filter")
        if not isinstance(given, dict):
            raise BadUserInput("filter: must be a JSON object of the list's filter fields")
        value.update(given)
    for name, text in params.items():
        if name in ("filter", "peildatum"):
            continue
        if name not in fields:
            known = ", ".join(fields) or "none"
            raise BadUserInput(
                f"{name}: not a parameter of this export; {lijst} filters on {known} "
                "(or filter=<JSON>), and takes peildatum"
            )
        if name in value:
            raise BadUserInput(f"{name}: given both as a parameter and in filter")
        value[name] = _field_value(name, text, fields[name].type)
    if value and input_type is None:
        raise BadUserInput(f"filter: {lijst} takes no filter")
    if input_type is not None:
        errors: list[str] = []

        def collect(error: GraphQLError, path: Sequence[str | int]) -> None:
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
            errors.append(f"filter{where}: {error.message}")

        validate_input_value(value, input_type, collect)
        if errors:
            raise BadUserInput("; ".join(errors))
    _within_limits(value, "filter")
    if value.get("nabij") is not None:
        raise BadUserInput(
            "filter.nabij: not available in an export (its rows are ordered by distance); "
            "select an area with bbox, gemeentecode or provincie"
        )
    return value


async def verzoek(
    lijst: str, soort: str, params: Mapping[str, str], gebieden: GebiedenCache
) -> Verzoek:
    """The export the parameters ask for; BadUserInput naming the part that is wrong."""
    found, soort = lijst_en_soort(lijst, soort)
    value = filter_value(lijst, params)
    peildatum = uit_url(params.get("peildatum")) or vandaag()
    cls = FILTERS[lijst]
    input_type = _input_type(lijst)
    resolver_filter: Any = None
    if cls is not None and input_type is not None:
        schema = build_schema()
        coerced = coerce_input_value(value, input_type)
        strawberry_filter: Any = convert_argument(
            coerced, cls, schema.schema_converter.scalar_registry, schema.config
        )
        resolver_filter = strawberry_filter.to_filter(await gebieden.current())
    canonical = json.dumps(
        {k: v for k, v in value.items() if v is not None}, sort_keys=True, ensure_ascii=False
    )
    return Verzoek(found, soort, resolver_filter, canonical, peildatum)


# ---------------------------------------------------------------------------------------------
# the writers: each takes the batches of rows and writes the file


def _tekst(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _csv(
    out: IO[bytes], lijst: Lijst
) -> tuple[Callable[[Sequence[Row[Any]]], None], Callable[[], None]]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(lijst.namen())

    def flush() -> None:
        out.write(buffer.getvalue().encode("utf-8"))
        buffer.seek(0)
        buffer.truncate()

    def write(rows: Sequence[Row[Any]]) -> None:
        writer.writerows(["" if v is None else _tekst(v) for v in row] for row in rows)
        flush()

    flush()
    return write, lambda: None


def _jsonl(
    out: IO[bytes], lijst: Lijst
) -> tuple[Callable[[Sequence[Row[Any]]], None], Callable[[], None]]:
    namen = lijst.namen()

    def write(rows: Sequence[Row[Any]]) -> None:
        out.write(
            "".join(
                json.dumps(
                    dict(zip(namen, map(_tekst, row), strict=True)),
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
                + "\n"
                for row in rows
            ).encode("utf-8")
        )

    return write, lambda: None


def _geojson(
    out: IO[bytes], lijst: Lijst
) -> tuple[Callable[[Sequence[Row[Any]]], None], Callable[[], None]]:
    namen = lijst.namen()
    lat, lon = (namen.index(n) for n in lijst.punt or ())
    properties = [(i, n) for i, n in enumerate(namen) if i not in (lat, lon)]
    out.write(b'{"type":"FeatureCollection","features":[\n')
    first = [True]

    def feature(row: Sequence[Any]) -> str:
        point = (
            {"type": "Point", "coordinates": [row[lon], row[lat]]}
            if row[lat] is not None and row[lon] is not None
            else None
        )
        return json.dumps(
            {
                "type": "Feature",
                "id": row[0],
                "geometry": point,
                "properties": {n: _tekst(row[i]) for i, n in properties},
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def write(rows: Sequence[Row[Any]]) -> None:
        if not rows:
            return
        text = ",\n".join(feature(row) for row in rows)
        out.write((("" if first[0] else ",\n") + text).encode("utf-8"))
        first[0] = False

    def end() -> None:
        out.write(b"\n]}\n")

    return write, end


def _parquet(
    out: IO[bytes], lijst: Lijst
) -> tuple[Callable[[Sequence[Row[Any]]], None], Callable[[], None]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    schema = pa.schema([(naam, types[soort]) for naam, soort in lijst.kolomsoorten()])
    writer = pq.ParquetWriter(out, schema, compression="zstd")
    namen = lijst.namen()

    def write(rows: Sequence[Row[Any]]) -> None:
        if rows:
            columns = [[row[i] for row in rows] for i in range(len(namen))]
            writer.write_table(pa.Table.from_arrays(columns, schema=schema))

    def end() -> None:
        if writer.is_open:
            writer.close()

    return write, end


WRITERS = {"csv": _csv, "jsonl": _jsonl, "geojson": _geojson, "parquet": _parquet}


async def schrijf(
    engine: AsyncEngine,
    v: Verzoek,
    out: IO[bytes],
    progress: Callable[[int], None] = lambda _: None,
) -> int:
    """Write the export ``v`` to ``out`` (binary), batch by batch; the number of rows.
    ``progress`` hears of each batch's size. Formatting runs in a thread, off the event loop."""
    write, end = WRITERS[v.soort](out, v.lijst)
    count = 0
    async for rows in batches(engine, v.lijst.statement(v.filter, v.peildatum)):
        await asyncio.to_thread(write, rows)
        count += len(rows)
        progress(len(rows))
    await asyncio.to_thread(end)
    return count


async def rijen_totaal(engine: AsyncEngine, v: Verzoek) -> int:
    """How many rows the export ``v`` has (one count statement)."""
    return await aantal(engine, v.lijst.telling(v.filter, v.peildatum))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def bestandsnaam(v: Verzoek, versie: str | None) -> str:
    """``<lijst>-<versie>-<peildatum>.<format>``: the first 12 characters of the data version
    (``onbekend`` for a database without one)."""
    kort = re.sub(r"[^A-Za-z0-9]", "", versie or "")[:12] or "onbekend"
    return f"{v.lijst.naam}-{kort}-{v.peildatum.isoformat()}.{v.soort}"


@dataclass(frozen=True)
class Bestand:
    """A written export: where it is, its SHA-256 (hex) and the name to download it as."""

    path: Path
    sha256: str
    naam: str


class Exporter:
    """Writes each export once per data version into ``directory`` and finds it again.

    A file is written under a temporary name and renamed when whole; its SHA-256 goes into a
    side file ``<name>.sha256``, renamed last, so a file is served only when both are there.
    Concurrent requests for the same export wait for one writer (a lock per export)."""

    def __init__(
        self,
        engine: AsyncEngine,
        directory: Path,
        version: Callable[[], Any],
        gebieden: GebiedenCache,
        max_bytes: int = 2 << 30,
    ) -> None:
        self.engine = engine
        self.directory = directory
        self.version = version
        self.gebieden = gebieden
        self.max_bytes = max_bytes
        self._locks: dict[str, asyncio.Lock] = {}

    async def bestand(self, v: Verzoek) -> Bestand:
        versie: str | None = await self.version()
        key = json.dumps(
            [v.lijst.naam, v.soort, v.filter_json, v.peildatum.isoformat()], ensure_ascii=False
        )
        folder = self.directory / (re.sub(r"[^A-Za-z0-9]", "", versie or "") or "onbekend")
        path = folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.{v.soort}"
        naam = bestandsnaam(v, versie)
        found = _kept(path)
        if found is None:
            lock = self._locks.setdefault(str(path), asyncio.Lock())
            try:
                async with lock:
                    found = _kept(path)
                    if found is None:
                        if not folder.exists():
                            self._prune(keep=folder.name)
                        found = await self._write(v, path)
                        await asyncio.to_thread(_evict, folder, self.max_bytes, path)
            finally:
                self._locks.pop(str(path), None)
        return Bestand(path, found, naam)

    def _prune(self, keep: str) -> None:
        """Remove the folders of other data versions."""
        if self.directory.is_dir():
            for old in self.directory.iterdir():
                if old.is_dir() and old.name != keep:
                    shutil.rmtree(old, ignore_errors=True)

    async def _write(self, v: Verzoek, path: Path) -> str:
        part = await asyncio.to_thread(_temporary, path)
        try:
            out = await asyncio.to_thread(part.open, "wb")
            try:
                await schrijf(self.engine, v, out)
            finally:
                await asyncio.to_thread(out.close)
            return await asyncio.to_thread(_publish, part, path)
        finally:
            await asyncio.to_thread(_remove, part)


def _temporary(path: Path) -> Path:
    """A new empty file beside ``path`` (hidden), to write the export into."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", delete=False) as out:
        return Path(out.name)


def _publish(part: Path, path: Path) -> str:
    """Rename the whole file ``part`` to ``path``, then its SHA-256 beside it; the SHA-256."""
    sha = sha256_of(part)
    part.replace(path)
    side = part.with_suffix(".sha256")
    side.write_text(sha, encoding="ascii")
    side.replace(path.with_name(path.name + ".sha256"))
    return sha


def _remove(part: Path) -> None:
    part.unlink(missing_ok=True)
    part.with_suffix(".sha256").unlink(missing_ok=True)


def _kept(path: Path) -> str | None:
    """The SHA-256 of the export written at ``path``, None when it is not (wholly) there; a
    file found is marked as used now (its modification time), for ``_evict``."""
    side = path.with_name(path.name + ".sha256")
    try:
        sha = side.read_text(encoding="ascii").strip()
        os.utime(path)
    except FileNotFoundError:
        return None
    return sha


def _evict(folder: Path, max_bytes: int, keep: Path) -> None:
    """Remove the exports of ``folder`` used longest ago (but not ``keep``) until the rest
    holds at most ``max_bytes``; each one's SHA-256 first, so it is no longer found."""
    files = [
        f
        for f in folder.iterdir()
        if f.is_file() and not f.name.startswith(".") and f.suffix != ".sha256"
    ]
    stats = {f: f.stat() for f in files}
    total = sum(s.st_size for s in stats.values())
    for f in sorted(files, key=lambda f: stats[f].st_mtime):
        if total <= max_bytes:
            break
        if f == keep:
            continue
        f.with_name(f.name + ".sha256").unlink(missing_ok=True)
        f.unlink(missing_ok=True)
        total -= stats[f].st_size


def _matches(if_none_match: str | None, etag: str) -> bool:
    if if_none_match is None:
        return False
    tags = entity_tags(if_none_match)
    return "*" in tags or etag in tags


async def export_http(
    request: Request, exporter: Exporter, verifier: Verifier, max_age: int
) -> Response:
    """``GET /export/<lijst>.<format>``: the file (see the module), 304 for a matching
    ``If-None-Match``, 400 for bad input, 401 for a token that is not acceptable."""
    try:
        verifier.viewer(request.headers.get("authorization"))
    except Unauthenticated as error:
        return error_response(error, 401)
    match = BESTAND.fullmatch(request.path_params["bestand"])
    try:
        if match is None:
            raise BadUserInput(
                "the file is /export/<lijst>.<format>, e.g. /export/onderwijslocaties.csv"
            )
        twice = sorted(
            {
                k
                for k, _ in request.query_params.multi_items()
                if len(request.query_params.getlist(k)) > 1
            }
        )
        if twice:
            raise BadUserInput(
                f"{twice[0]}: given more than once; give a list as comma-separated values"
            )
        v = await verzoek(match["lijst"], match["soort"], request.query_params, exporter.gebieden)
        found = await exporter.bestand(v)
    except BadUserInput as error:
        return error_response(error, 400)
    except Exception as error:
        if not database_unavailable(error):
            raise
        return error_response(ServiceUnavailable(), 503)
    etag = f'"{found.sha256}"'
    digest = base64.b64encode(bytes.fromhex(found.sha256)).decode("ascii")
    headers = {
        "ETag": etag,
        "Repr-Digest": f"sha-256=:{digest}:",
        "Cache-Control": f"public, max-age={max_age}",
        "Content-Disposition": f'attachment; filename="{found.naam}"',
    }
    if _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return FileResponse(found.path, media_type=SOORTEN[v.soort], headers=headers)


async def export_naar(
    engine: AsyncEngine,
    v: Verzoek,
    output: IO[bytes],
    start: Callable[[int], Callable[[int], None]],
) -> int:
    """The command line's export: ``v`` to ``output``; its number of rows. ``start`` gets the
    total number of rows (one count statement) and gives what hears of each batch written."""
    progress = start(await rijen_totaal(engine, v))
    return await schrijf(engine, v, output, progress)
