"""The floor: our API's answers to W1, W2b, W3, W4 and W5 with no GraphQL layer and no ORM:
Starlette + asyncpg (one pool, no explicit transactions, asyncpg's statement cache on) + orjson.
It runs the same data statements our loaders run (a count and a page per root list, one windowed
statement per nested list, one IN (...) lookup per to-one edge), so the difference to our server
is what the GraphQL, ORM and session layers cost. ``bench/compare.py --floor`` starts it as

    FLOOR_DSN=postgresql://postgres@127.0.0.1:5432/og_bench FLOOR_SCHEMA=onderwijsgraaf \\
      python -m uvicorn bench.floor_app:app --host 127.0.0.1 --port 5690 --no-access-log

POST /W1 /W2b /W3 /W4 (body ignored); POST /W5 with {"variables": {"after": cursor}}.
Needs orjson, which is not one of the API's dependencies: without it the benchmark skips the floor.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg  # type: ignore[import-untyped]
import orjson  # type: ignore[import-not-found, unused-ignore]
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

DSN = os.environ.get("FLOOR_DSN", "postgresql://postgres@127.0.0.1:5432/og_bench")
SCHEMA = os.environ.get("FLOOR_SCHEMA", "onderwijsgraaf")
POOL: dict[str, Any] = {}

Row = Any  # asyncpg.Record
Json = dict[str, Any]
Handler = Callable[[Any, Request], Awaitable[Json]]


def today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def valid(alias: str) -> str:
    return (
        f"({alias}.begindatum IS NULL OR {alias}.begindatum <= $1) AND "
        f"({alias}.einddatum IS NULL OR {alias}.einddatum > $1)"
    )


def cursor(kind: str, key: list[Any]) -> str:
    raw: bytes = orjson.dumps([kind, key])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(c: str) -> list[Any]:
    key: list[Any] = orjson.loads(base64.urlsafe_b64decode(c + "=" * (-len(c) % 4)))[1]
    return key


def connection(
    rows: Sequence[Row],
    total: int | None,
    first: int,
    node: Callable[[Row], Json],
    key: Callable[[Row], list[Any]] | None = None,
    kind: str = "",
) -> Json:
    shown = rows[:first]
    out: Json = {}
    if total is not None:
        out["totalCount"] = total
    if key is not None:
        out["pageInfo"] = {
            "hasNextPage": len(rows) > first,
            "endCursor": cursor(kind, key(shown[-1])) if shown else None,
        }
    out["edges"] = [{"node": node(r)} for r in shown]
    return out


def nested_sql(select: str, source: str, parent: str, order: str, where: str) -> str:
    """Rows of each parent in $2 (first + 1 each), with the parent's total: our PagedLoader's shape."""
    return (
        f"SELECT * FROM (SELECT {select}, {parent} AS edge_parent, "
        f"count(*) OVER (PARTITION BY {parent}) AS edge_total, "
        f"row_number() OVER (PARTITION BY {parent} ORDER BY {order}) AS edge_rank "
        f"FROM {source} WHERE {where} AND {parent} = ANY($2)) x "
        f"WHERE edge_rank <= $3 ORDER BY edge_parent, edge_rank"
    )


def group(rows: Sequence[Row]) -> tuple[dict[str, list[Row]], dict[str, int]]:
    per: dict[str, list[Row]] = {}
    totals: dict[str, int] = {}
    for r in rows:
        per.setdefault(r["edge_parent"], []).append(r)
        totals[r["edge_parent"]] = r["edge_total"]
    return per, totals


W1_WHERE = (
    f"{valid('a')} AND EXISTS (SELECT 1 FROM onderwijslocatiegebruik g JOIN onderwijslocatie l "
    f"ON l.code = g.onderwijslocatie_code WHERE g.onderwijsaanbieder_code = a.code AND {valid('g')} "
    f"AND {valid('l')} AND l.gemeente_code = ANY($2))"
)
W1_COUNT = f"SELECT count(*) FROM onderwijsaanbieder a WHERE {W1_WHERE}"
W1_PAGE = f"SELECT a.code, a.naam, a.zoeknaam FROM onderwijsaanbieder a WHERE {W1_WHERE} ORDER BY a.zoeknaam, a.code LIMIT $3"
W1_LOC = nested_sql(
    "l.code, l.straatnaam, l.huisnummer, l.postcode, l.plaatsnaam",
    "onderwijslocatie l JOIN onderwijslocatiegebruik g ON g.onderwijslocatie_code = l.code",
    "g.onderwijsaanbieder_code",
    "l.code",
    f"{valid('l')} AND {valid('g')}",
)
W1_AANBOD = nested_sql(
    "o.code, o.eigen_naam, o.sector",
    "aangeboden_opleiding o",
    "o.onderwijsaanbieder_code",
    "o.zoeknaam, o.code",
    valid("o"),
)


def adres(r: Row) -> Json:
    return {
        "straatnaam": r["straatnaam"],
        "huisnummer": r["huisnummer"],
        "postcode": r["postcode"],
        "plaatsnaam": r["plaatsnaam"],
    }


def naam_key(r: Row) -> list[Any]:
    return [r["zoeknaam"], r["code"]]


async def w1(con: Any, request: Request) -> Json:
    d = today()
    total = await con.fetchval(W1_COUNT, d, ["0344"])
    page = await con.fetch(W1_PAGE, d, ["0344"], 101)
    codes = [r["code"] for r in page[:100]]
    loc, loc_total = group(await con.fetch(W1_LOC, d, codes, 11))
    aanbod, aanbod_total = group(await con.fetch(W1_AANBOD, d, codes, 11))

    def node(r: Row) -> Json:
        c = r["code"]
        return {
            "code": c,
            "naam": r["naam"],
            "onderwijslocaties": connection(
                loc.get(c, []),
                loc_total.get(c, 0),
                10,
                lambda x: {"code": x["code"], "adres": adres(x)},
            ),
            "aangebodenOpleidingen": connection(
                aanbod.get(c, []),
                aanbod_total.get(c, 0),
                10,
                lambda o: {"code": o["code"], "eigenNaam": o["eigen_naam"], "sector": o["sector"]},
            ),
        }

    return {
        "onderwijsaanbieders": connection(
            page, total, 100, node, naam_key, "onderwijsaanbieders/NAAM"
        )
    }


BOX = (5.044219517282807, 52.043379777516506, 5.190580482717193, 52.13382022248349)
W2_WHERE = f"{valid('l')} AND l.latitude BETWEEN $2 AND $3 AND l.longitude BETWEEN $4 AND $5"
W2_COUNT = f"SELECT count(*) FROM onderwijslocatie l WHERE {W2_WHERE}"
W2_PAGE = (
    f"SELECT l.code, l.straatnaam, l.huisnummer, l.postcode, l.plaatsnaam, l.latitude, l.longitude "
    f"FROM onderwijslocatie l WHERE {W2_WHERE} ORDER BY l.code LIMIT $6"
)
W2_AANB = nested_sql(
    "a.code, a.naam",
    "onderwijsaanbieder a JOIN onderwijslocatiegebruik g ON g.onderwijsaanbieder_code = a.code",
    "g.onderwijslocatie_code",
    "a.zoeknaam, a.code",
    f"{valid('a')} AND {valid('g')}",
)


async def w2b(con: Any, request: Request) -> Json:
    d = today()
    w, s, e, n = BOX
    total = await con.fetchval(W2_COUNT, d, s, n, w, e)
    page = await con.fetch(W2_PAGE, d, s, n, w, e, 101)
    aanb, _ = group(await con.fetch(W2_AANB, d, [r["code"] for r in page[:100]], 6))

    def node(r: Row) -> Json:
        punt = {"lat": r["latitude"], "lon": r["longitude"]} if r["latitude"] is not None else None
        return {
            "code": r["code"],
            "adres": adres(r),
            "coordinaten": punt,
            "onderwijsaanbieders": connection(
                aanb.get(r["code"], []), None, 5, lambda a: {"code": a["code"], "naam": a["naam"]}
            ),
        }

    return {
        "onderwijslocaties": connection(
            page, total, 100, node, lambda r: [r["code"]], "onderwijslocaties/CODE"
        )
    }


W3_WHERE = f"{valid('o')} AND o.sector = ANY($2)"
W3_COUNT = f"SELECT count(*) FROM aangeboden_opleiding o WHERE {W3_WHERE}"
W3_PAGE = (
    f"SELECT o.code, o.eigen_naam, o.vorm, o.zoeknaam, o.opleidingseenheid_code, o.onderwijsaanbieder_code "
    f"FROM aangeboden_opleiding o WHERE {W3_WHERE} ORDER BY o.zoeknaam, o.code LIMIT $3"
)
W3_EENHEID = f"SELECT e.code, e.naam_lang, e.niveau FROM opleidingseenheid e WHERE {valid('e')} AND e.code = ANY($2)"
W3_AANBIEDER = (
    f"SELECT a.code, a.naam FROM onderwijsaanbieder a WHERE {valid('a')} AND a.code = ANY($2)"
)
W3_COHORT = nested_sql(
    "k.code, k.status, k.instroommoment, k.einde_aanmeldperiode",
    "cohort k",
    "k.aangeboden_opleiding_code",
    "k.code",
    valid("k"),
)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


async def w3(con: Any, request: Request) -> Json:
    d = today()
    total = await con.fetchval(W3_COUNT, d, ["HO"])
    page = await con.fetch(W3_PAGE, d, ["HO"], 101)
    shown = page[:100]
    eenheid_codes = list({r["opleidingseenheid_code"] for r in shown})
    aanbieder_codes = list({r["onderwijsaanbieder_code"] for r in shown})
    eenheden = {r["code"]: r for r in await con.fetch(W3_EENHEID, d, eenheid_codes)}
    aanbieders = {r["code"]: r for r in await con.fetch(W3_AANBIEDER, d, aanbieder_codes)}
    coh, coh_total = group(await con.fetch(W3_COHORT, d, [r["code"] for r in shown], 11))

    def eenheid(e: Row | None) -> Json | None:
        if e is None:
            return None
        niveau = e["niveau"].replace("-", "_") if e["niveau"] else None
        return {"code": e["code"], "naamLang": e["naam_lang"], "niveau": niveau}

    def cohort(k: Row) -> Json:
        return {
            "code": k["code"],
            "status": k["status"],
            "instroommoment": iso(k["instroommoment"]),
            "eindeAanmeldperiode": iso(k["einde_aanmeldperiode"]),
        }

    def node(r: Row) -> Json:
        a = aanbieders.get(r["onderwijsaanbieder_code"])
        return {
            "code": r["code"],
            "eigenNaam": r["eigen_naam"],
            "vorm": r["vorm"],
            "opleidingseenheid": eenheid(eenheden.get(r["opleidingseenheid_code"])),
            "onderwijsaanbieder": {"code": a["code"], "naam": a["naam"]} if a else None,
            "cohorten": connection(coh.get(r["code"], []), coh_total.get(r["code"], 0), 10, cohort),
        }

    return {
        "aangebodenOpleidingen": connection(
            page, total, 100, node, naam_key, "aangebodenOpleidingen/NAAM"
        )
    }


W4_AANBIEDER = f"SELECT a.code, a.naam, a.onderwijsbestuur_code FROM onderwijsaanbieder a WHERE {valid('a')} AND a.code = $2"
W4_BESTUUR = (
    f"SELECT b.code, b.naam FROM onderwijsbestuur b WHERE {valid('b')} AND b.code = ANY($2)"
)
W4_ERK = nested_sql(
    "e.soort, e.code, e.naam",
    "erkenning e JOIN juridische_relatie j ON j.erkenning_id = e.id",
    "j.onderwijsaanbieder_code",
    "e.soort, e.code",
    f"{valid('e')} AND {valid('j')}",
)


async def w4(con: Any, request: Request) -> Json:
    d = today()
    a = await con.fetchrow(W4_AANBIEDER, d, "978A143")
    if a is None:
        return {"onderwijsaanbieder": None}
    b = await con.fetchrow(W4_BESTUUR, d, [a["onderwijsbestuur_code"]])
    erk, erk_total = group(await con.fetch(W4_ERK, d, [a["code"]], 26))
    return {
        "onderwijsaanbieder": {
            "code": a["code"],
            "naam": a["naam"],
            "onderwijsbestuur": {"code": b["code"], "naam": b["naam"]} if b else None,
            "erkenningen": connection(
                erk.get(a["code"], []),
                erk_total.get(a["code"], 0),
                25,
                lambda e: {"soort": e["soort"], "code": e["code"], "naam": e["naam"]},
            ),
        }
    }


W5_COUNT = f"SELECT count(*) FROM onderwijsaanbieder a WHERE {valid('a')}"
W5_FIRST = f"SELECT a.code, a.naam, a.zoeknaam FROM onderwijsaanbieder a WHERE {valid('a')} ORDER BY a.zoeknaam, a.code LIMIT $2"
W5_AFTER = (
    f"SELECT a.code, a.naam, a.zoeknaam FROM onderwijsaanbieder a WHERE {valid('a')} "
    f"AND (a.zoeknaam, a.code) > ($3, $4) ORDER BY a.zoeknaam, a.code LIMIT $2"
)


async def w5(con: Any, request: Request) -> Json:
    d = today()
    body = orjson.loads(await request.body() or b"{}")
    after = (body.get("variables") or {}).get("after")
    await con.fetchval(W5_COUNT, d)  # our root pages always count, selected or not
    if after:
        zoeknaam, code = decode(after)
        page = await con.fetch(W5_AFTER, d, 101, zoeknaam, code)
    else:
        page = await con.fetch(W5_FIRST, d, 101)
    c = connection(
        page,
        None,
        100,
        lambda r: {"code": r["code"], "naam": r["naam"]},
        naam_key,
        "onderwijsaanbieders/NAAM",
    )
    return {"onderwijsaanbieders": {"pageInfo": c["pageInfo"], "edges": c["edges"]}}


def endpoint(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def handle(request: Request) -> Response:
        async with POOL["pool"].acquire() as con:
            data = await handler(con, request)
        return Response(orjson.dumps({"data": data}), media_type="application/json")

    return handle


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    POOL["pool"] = await asyncpg.create_pool(
        DSN, min_size=2, max_size=10, server_settings={"search_path": SCHEMA}
    )
    yield
    await POOL.pop("pool").close()


HANDLERS: dict[str, Handler] = {"W1": w1, "W2b": w2b, "W3": w3, "W4": w4, "W5": w5}

app = Starlette(
    routes=[Route(f"/{name}", endpoint(fn), methods=["POST"]) for name, fn in HANDLERS.items()],
    lifespan=lifespan,
)
