"""Latency of the code crosswalk against the seeded database.

    .venv/bin/python bench/codes.py [--runs 200]            # the embedded SQLite database
    DATABASE_URL=postgresql://... .venv/bin/python bench/codes.py

Looks codes up one by one through the real ASGI app (in process, over httpx, response cache
off): ``codes(code:)`` with the object each leads to, for ``--runs`` codes of every soort
spread over the table, then the ``erkenningscode`` and ``erkendeOpleidingscode`` filters with
such codes. Prints median and p95 latency and SQL statements per kind. A benchmark to run and
report, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from onderwijsgraaf.app import create_app
from onderwijsgraaf.db.models import Code
from onderwijsgraaf.peildatum import vandaag
from onderwijsgraaf.settings import Settings

LOOKUP = """query($code: [String!]!) { codes(code: $code) { totalCount edges { node {
  soort code begindatum einddatum onderwijsbestuur { code naam } onderwijsaanbieder { code naam }
  onderwijslocatie { code adres { plaatsnaam } } opleidingseenheid { code naamLang }
  aangebodenOpleiding { code eigenNaam } } } } }"""
FILTERS = {
    "ERKENNINGSCODE": """query($code: [String!]!) { onderwijsaanbieders(
      filter: {erkenningscode: $code}) { totalCount edges { node { code naam } } } }""",
    "ERKENDEOPLEIDINGSCODE": """query($code: [String!]!) { aangebodenOpleidingen(
      filter: {erkendeOpleidingscode: $code}) { totalCount edges { node { code eigenNaam } } } }""",
}
FILTER_SOORTEN = {
    "ERKENNINGSCODE": ("ERKENDE_ONDERWIJSINSTELLING", "ERKENDE_VESTIGING"),
    "ERKENDEOPLEIDINGSCODE": ("ERKENDEOPLEIDINGSCODE", "VARIANT_VAN"),
}


def spread(values: list[str], count: int) -> list[str]:
    """``count`` of ``values`` at even steps (all when there are fewer)."""
    if len(values) <= count:
        return values
    step = len(values) / count
    return [values[int(i * step)] for i in range(count)]


async def bench(runs: int) -> None:
    app = create_app(dataclasses.replace(Settings.from_env(), response_cache_mb=0, rate_limit=""))
    statements: list[str] = []
    event.listen(
        app.state.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2])
    )
    async with app.state.engine.connect() as conn:
        today = vandaag()
        rows = await conn.execute(
            select(Code.soort, Code.code)
            .where(Code.begindatum.is_(None) | (Code.begindatum <= today))
            .where(Code.einddatum.is_(None) | (Code.einddatum > today))
            .distinct()
            .order_by(Code.soort, Code.code)
        )
        per_soort: dict[str, list[str]] = defaultdict(list)
        for soort, code in rows:
            per_soort[soort].append(code)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

            async def timed(query: str, code: str) -> tuple[float, int]:
                statements.clear()
                started = time.perf_counter()
                response = await client.post(
                    "/graphql", json={"query": query, "variables": {"code": [code]}}
                )
                elapsed = (time.perf_counter() - started) * 1000
                body: Any = response.json()
                if response.status_code != 200 or "errors" in body:
                    raise SystemExit(f"{code} failed: {response.text[:500]}")
                return elapsed, len(statements)

            print(f"{'lookup':<30} {'codes':>6} {'median ms':>10} {'p95 ms':>8} {'statements':>11}")
            everything: list[float] = []
            for soort, codes in sorted(per_soort.items()):
                found = [await timed(LOOKUP, code) for code in spread(codes, runs)]
                everything += [t for t, _ in found]
                _line(f"codes: {soort}", found)
            _line("codes: all", [(t, 0) for t in everything], statements=False)
            for name, query in FILTERS.items():
                codes = [c for s in FILTER_SOORTEN[name] for c in per_soort.get(s, [])]
                _line(f"filter: {name}", [await timed(query, c) for c in spread(codes, runs)])


def _line(name: str, found: list[tuple[float, int]], statements: bool = True) -> None:
    timings = sorted(t for t, _ in found)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    counts = sorted({n for _, n in found})
    shown = "-".join(str(n) for n in (counts[0], counts[-1])) if statements else ""
    median = statistics.median(timings)
    print(f"{name:<30} {len(timings):>6} {median:>10.1f} {p95:>8.1f} {shown:>11}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--runs", type=int, default=200, help="codes per soort (default %(default)s)"
    )
    asyncio.run(bench(parser.parse_args().runs))


if __name__ == "__main__":
    main()
