"""Latency and SQL statements of the README example queries against the seeded database.

    .venv/bin/python bench/queries.py [--runs 50]            # the embedded SQLite database
    DATABASE_URL=postgresql://... .venv/bin/python bench/queries.py

Runs each example through the real ASGI app (in process, over httpx) and prints median and
p95 latency and the number of SQL statements per query. A benchmark to run and report, not a
test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from onderwijsgraaf.app import create_app
from onderwijsgraaf.graphiql import VOORBEELDEN
from onderwijsgraaf.settings import Settings

# Map searches: a 5 km radius around a city-centre postcode (Utrecht, 3511AB) and a bbox over
# a whole province (Utrecht), each as the first page of 100 with its total, as GeoJSON.
GEO = {
    "straal-5km": """{ onderwijslocaties(filter: {nabij: {postcode: "3511AB", straalKm: 5}}, first: 100) {
        totalCount geojson { type features { type id geometry { type coordinates }
        properties { afstandKm adres { postcode plaatsnaam } } } } } }""",
    "bbox-provincie": """{ onderwijslocaties(filter: {bbox: {minLon: 4.79, minLat: 51.84, maxLon: 5.63,
        maxLat: 52.31}}, first: 100) { totalCount geojson { type features { type id
        geometry { type coordinates } properties { adres { postcode plaatsnaam } } } } } }""",
}


async def bench(runs: int) -> None:
    # the response cache off: every run asks the database, as the timings mean to show
    app = create_app(dataclasses.replace(Settings.from_env(), response_cache_mb=0, rate_limit=""))
    statements: list[str] = []
    event.listen(
        app.state.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2])
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            print(f"{'query':<14} {'median ms':>10} {'p95 ms':>8} {'statements':>11}")
            queries = {p.stem: p.read_text(encoding="utf-8") for p in VOORBEELDEN.glob("*.graphql")}
            for name, query in sorted(queries.items()) + list(GEO.items()):
                timings = []
                for _ in range(runs):
                    statements.clear()
                    started = time.perf_counter()
                    response = await client.post("/graphql", json={"query": query})
                    timings.append((time.perf_counter() - started) * 1000)
                    if response.status_code != 200 or "errors" in response.json():
                        raise SystemExit(f"{name} failed: {response.text[:500]}")
                timings.sort()
                p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
                print(
                    f"{name:<14} {statistics.median(timings):>10.1f} {p95:>8.1f} {len(statements):>11}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=50, help="runs per query (default %(default)s)")
    asyncio.run(bench(parser.parse_args().runs))


if __name__ == "__main__":
    main()
