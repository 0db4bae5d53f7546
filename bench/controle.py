"""Latency of the controle against the seeded database.

    .venv/bin/python bench/controle.py [--runs 20]            # the embedded SQLite database
    DATABASE_URL=postgresql://... .venv/bin/python bench/controle.py

Through the real ASGI app (in process, over httpx, response cache off): ``controle`` for the
largest bestuur (most aanbieders on the peildatum) and for a bestuur with one aanbieder (first
page of 25, with totalCount and samenvatting), and ``controleOverzicht`` for the whole country,
``--runs`` times each; prints median and p95 latency and SQL statements, then the national
counts per rule. A benchmark to run and report, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from onderwijsgraaf.app import create_app
from onderwijsgraaf.db.models import Onderwijsaanbieder, geldig_op
from onderwijsgraaf.settings import Settings

PEILDATUM = "2026-10-01"
CONTROLE = f"""query($b: String!) {{ controle(onderwijsbestuurCode: $b, peildatum: "{PEILDATUM}")
  {{ totalCount samenvatting {{ regel aantal }} edges {{ node {{ regel objecttype objectcode
  melding }} }} }} }}"""
OVERZICHT = f"""{{ controleOverzicht(peildatum: "{PEILDATUM}")
  {{ regel ernst aantalBevindingen aantalBesturen }} }}"""


async def bench(runs: int) -> None:
    app = create_app(dataclasses.replace(Settings.from_env(), response_cache_mb=0))
    statements: list[str] = []
    event.listen(
        app.state.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2])
    )
    a = Onderwijsaanbieder
    async with app.state.engine.connect() as conn:
        sizes = (
            await conn.execute(
                select(a.onderwijsbestuur_code, func.count())
                .where(geldig_op(a, dt.date.fromisoformat(PEILDATUM)))
                .group_by(a.onderwijsbestuur_code)
                .order_by(func.count().desc(), a.onderwijsbestuur_code)
            )
        ).all()
    largest, small = sizes[0], next(s for s in sizes if s[1] == 1)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

            async def timed(query: str, variables: dict[str, Any]) -> tuple[float, int, Any]:
                statements.clear()
                started = time.perf_counter()
                response = await client.post(
                    "/graphql", json={"query": query, "variables": variables}
                )
                elapsed = (time.perf_counter() - started) * 1000
                body: Any = response.json()
                if response.status_code != 200 or "errors" in body:
                    raise SystemExit(f"failed: {response.text[:500]}")
                return elapsed, len(statements), body["data"]

            print(f"{'query':<44} {'median ms':>10} {'p95 ms':>8} {'statements':>11}")
            for name, query, variables in [
                (f"controle {largest[0]} ({largest[1]} aanbieders)", CONTROLE, {"b": largest[0]}),
                (f"controle {small[0]} (1 aanbieder)", CONTROLE, {"b": small[0]}),
                ("controleOverzicht (the whole country)", OVERZICHT, {}),
            ]:
                found = [await timed(query, variables) for _ in range(runs)]
                _line(name, [(t, n) for t, n, _ in found])
            _, _, data = await timed(OVERZICHT, {})
            print(f"\n{'regel':<6} {'ernst':<13} {'bevindingen':>11} {'besturen':>9}")
            for row in data["controleOverzicht"]:
                print(
                    f"{row['regel']:<6} {row['ernst']:<13} {row['aantalBevindingen']:>11,} "
                    f"{row['aantalBesturen']:>9,}"
                )


def _line(name: str, found: list[tuple[float, int]]) -> None:
    timings = sorted(t for t, _ in found)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    counts = sorted({n for _, n in found})
    shown = "-".join(str(n) for n in (counts[0], counts[-1]))
    print(f"{name:<44} {statistics.median(timings):>10.1f} {p95:>8.1f} {shown:>11}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20, help="runs per query (default %(default)s)")
    asyncio.run(bench(parser.parse_args().runs))


if __name__ == "__main__":
    main()
