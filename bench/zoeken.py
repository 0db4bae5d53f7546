"""Latency of name search (``filter.zoek``) over all onderwijsaanbieders and all aangeboden
opleidingen, against the seeded database.

    .venv/bin/python bench/zoeken.py [--runs 30] [--typed 40]        # the embedded SQLite file
    DATABASE_URL=postgresql://... DATABASE_SCHEMA=... .venv/bin/python bench/zoeken.py

Runs through the real ASGI app (in process, over httpx; response cache off), each search as a
first page of 25 with its total, and prints median and p95 latency in milliseconds:

- per search of a fixed list (typos, several words, short words, English names), asked
  ``--runs`` times: the plan is kept after the first run, so this is the statement's time;
- "as typed": every keystroke (from the third letter on) of ``--typed`` names taken from the
  database, each a new query (planned, then run), as a search box sends them.

A benchmark to run and report, not a test: numbers depend on the machine.
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
from sqlalchemy import event, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from onderwijsgraaf.app import create_app
from onderwijsgraaf.db.models import AangebodenOpleiding, Onderwijsaanbieder
from onderwijsgraaf.settings import Settings

LISTS = {"onderwijsaanbieders": "naam", "aangebodenOpleidingen": "eigenNaam"}
SEARCHES = [
    "montessori",
    "sint jozef",
    "st.jozef basisschool",
    "’s-Gravendreef",
    "eben-haëzer",
    "montesori",  # a letter missing
    "psycholgie",  # a letter missing
    "univeristeit amsterdam",  # two letters swapped
    "de",  # a word shorter than a trigram
    "psychology",
    "international business",
]
QUERY = """query($zoek: String!) {{ {field}(filter: {{zoek: $zoek}}, first: 25) {{
    totalCount edges {{ node {{ code {name} }} }} }} }}"""


def summary(timings: list[float]) -> str:
    timings = sorted(timings)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return f"{statistics.median(timings):>10.1f} {p95:>8.1f}"


async def bench(runs: int, typed: int) -> None:
    app = create_app(dataclasses.replace(Settings.from_env(), response_cache_mb=0, rate_limit=""))
    statements: list[str] = []
    event.listen(
        app.state.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2])
    )
    async with app.router.lifespan_context(app):
        names = await _names(app, typed)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

            async def ask(field: str, zoek: str) -> float:
                query = QUERY.format(field=field, name=LISTS[field])
                statements.clear()
                started = time.perf_counter()
                response = await client.post(
                    "/graphql", json={"query": query, "variables": {"zoek": zoek}}
                )
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200 or "errors" in response.json():
                    raise SystemExit(f"{field} {zoek!r} failed: {response.text[:500]}")
                return elapsed

            print(f"{'list':<22} {'zoek':<26} {'median ms':>10} {'p95 ms':>8} {'statements':>11}")
            for field in LISTS:
                every: list[float] = []
                for zoek in SEARCHES:
                    timings = [await ask(field, zoek) for _ in range(runs)]
                    every += timings[1:]
                    print(f"{field:<22} {zoek:<26} {summary(timings[1:])} {len(statements):>11}")
                print(f"{field:<22} {'(all of the above)':<26} {summary(every)}")
                keystrokes = [
                    name[:end] for name in names[field] for end in range(3, len(name) + 1)
                ]
                timings = [await ask(field, zoek) for zoek in keystrokes]
                shown = f"as typed ({len(keystrokes)} new)"
                print(f"{field:<22} {shown:<26} {summary(timings)} {len(statements):>11}")


async def _names(app: object, typed: int) -> dict[str, list[str]]:
    """The first two words of ``typed`` names per list, spread over the table."""
    engine = app.state.engine  # type: ignore[attr-defined]
    found: dict[str, list[str]] = {}
    async with engine.connect() as conn:
        for field, column in (
            ("onderwijsaanbieders", Onderwijsaanbieder.naam),
            ("aangebodenOpleidingen", AangebodenOpleiding.eigen_naam),
        ):
            rows = (await conn.execute(select(column).where(column.is_not(None)))).scalars().all()
            step = max(1, len(rows) // typed)
            found[field] = [" ".join(name.split()[:2]) for name in rows[::step][:typed]]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=30, help="runs per search (default 30)")
    parser.add_argument("--typed", type=int, default=40, help="names typed per list (default 40)")
    args = parser.parse_args()
    asyncio.run(bench(args.runs, args.typed))


if __name__ == "__main__":
    main()
