"""How long /health takes while the most expensive query the budget allows runs.

    .venv/bin/python bench/busy.py http://127.0.0.1:8000 [--rounds 3]

Sends the query (aanbieders pages of 100, each alias on its own peildatum, with bestuur,
provenance and first locaties: 1,502 objects per alias, as many aliases as the default budget
allows) and polls /health every 20 ms until it is answered; prints the query's time and the
slowest /health answers. Run the server with RESPONSE_CACHE_MB=0 (and QUERY_COMPILER=0 for the
field-by-field way of answering).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from schema.limits import DEFAULT_BUDGET

PER_ALIAS = 1502
FIELDS = (
    "totalCount edges { node { code naam denominatie sectoren herkomst { bron afgeleid } "
    "onderwijsbestuur { code naam herkomst { afgeleid } } "
    "onderwijslocaties(first: 3) { edges { node { code adres { straatnaam postcode plaatsnaam } "
    "} } } } }"
)


def most_expensive() -> str:
    days = [
        dt.date(2026, 1, 1) + dt.timedelta(days=7 * i) for i in range(DEFAULT_BUDGET // PER_ALIAS)
    ]
    aliases = (
        f'a{i}: onderwijsaanbieders(first: 100, peildatum: "{day}") {{ {FIELDS} }}'
        for i, day in enumerate(days)
    )
    return "{ " + " ".join(aliases) + " }"


async def main(url: str, rounds: int) -> None:
    query = most_expensive()
    async with (
        httpx.AsyncClient(base_url=url, timeout=60) as heavy,
        httpx.AsyncClient(base_url=url, timeout=60) as light,
    ):
        await light.get("/health")
        for _ in range(rounds):
            started = time.perf_counter()
            running = asyncio.create_task(heavy.post("/graphql", json={"query": query}))
            waits = []
            while not running.done():
                asked = time.perf_counter()
                await light.get("/health")
                waits.append(time.perf_counter() - asked)
                await asyncio.sleep(0.02)
            answer = await running
            cost = answer.json().get("extensions", {}).get("cost")
            print(
                f"query {time.perf_counter() - started:.2f} s ({answer.status_code}, "
                f"{len(answer.content):,} bytes, cost {cost}); /health slowest "
                f"{max(waits) * 1000:.0f} ms, median {sorted(waits)[len(waits) // 2] * 1000:.0f} ms"
                f" over {len(waits)}"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.url, arguments.rounds))
